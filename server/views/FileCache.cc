#include "FileCache.h"

#include <algorithm>
#include <mutex>
#include <vector>

namespace mt::views {
namespace {

std::int64_t steadySeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

std::shared_ptr<const CachedFile> FileCache::find(std::string_view key) const {
  std::shared_ptr<const CachedFile> file;
  {
    std::shared_lock lock(mutex_);
    auto it = files_.find(key);
    if (it == files_.end()) return nullptr;
    file = it->second;
  }
  std::int64_t now = steadySeconds();
  if (file->usedAt.load(std::memory_order_relaxed) != now) {
    file->usedAt.store(now, std::memory_order_relaxed);
  }
  return file;
}

void FileCache::insert(std::string key, std::shared_ptr<const CachedFile> file) {
  std::size_t size = file->body.size();
  if (size > maxBytes_) return;
  file->usedAt.store(steadySeconds(), std::memory_order_relaxed);
  std::unique_lock lock(mutex_);
  auto it = files_.find(key);
  if (it != files_.end()) {
    bytes_ -= it->second->body.size();
    files_.erase(it);
  }
  evictFor(size);
  bytes_ += size;
  files_.emplace(std::move(key), std::move(file));
}

void FileCache::erase(std::string_view key, const CachedFile* expected) {
  std::unique_lock lock(mutex_);
  auto it = files_.find(key);
  if (it == files_.end() || it->second.get() != expected) return;
  bytes_ -= it->second->body.size();
  files_.erase(it);
}

void FileCache::evictFor(std::size_t incoming) {
  if (bytes_ + incoming <= maxBytes_) return;
  // Down to 3/4 of the budget at once, so that a full cache pays for the scan once
  // per many inserts rather than on every one.
  std::size_t target = maxBytes_ - std::min(maxBytes_, incoming);
  target = std::min(target, maxBytes_ / 4 * 3);
  std::vector<std::pair<std::int64_t, decltype(files_)::iterator>> byAge;
  byAge.reserve(files_.size());
  for (auto it = files_.begin(); it != files_.end(); ++it) {
    byAge.emplace_back(it->second->usedAt.load(std::memory_order_relaxed), it);
  }
  std::sort(byAge.begin(), byAge.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [usedAt, it] : byAge) {
    if (bytes_ <= target) break;
    bytes_ -= it->second->body.size();
    files_.erase(it);
  }
}

std::size_t FileCache::entries() const {
  std::shared_lock lock(mutex_);
  return files_.size();
}

std::size_t FileCache::bytes() const {
  std::shared_lock lock(mutex_);
  return bytes_;
}

}  // namespace mt::views
