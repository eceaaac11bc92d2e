#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "FileVersion.h"

namespace mt::views {

// A small file held in memory with everything its response needs, built once.
struct CachedFile {
  std::string resolvedPath;  // what revalidation stats: "docs/index.html" for "docs/"
  FileVersion version;
  std::string body;
  std::string contentType;
  std::string entityTag;
  std::string lastModified;  // IMF-fixdate
  std::chrono::sys_seconds modified;

  // Steady-clock nanoseconds of the last stat that found the file unchanged; one
  // thread at a time wins the right to revalidate by moving it forward.
  mutable std::atomic<std::int64_t> checkedAt{0};
  // Steady-clock seconds of the last hit, for eviction; written only when the
  // second changes, so hits on a hot file do not all write its cache line.
  mutable std::atomic<std::int64_t> usedAt{0};
};

// Small files by request path, bounded in total body bytes; least recently used go
// first when a new file does not fit.
//
// Thread affinity: any thread. Lookups share a std::shared_mutex: they are nearly all
// of the traffic and only read the table, so every loop thread hits it at once;
// inserts, evictions and invalidations (rare) take it exclusively. Entries are
// immutable and handed out as shared_ptr, so an entry evicted while a response is
// being built from it stays alive until that is done. One cache shared by the loops,
// rather than one per loop, keeps each file once in memory and revalidates it once.
class FileCache {
 public:
  explicit FileCache(std::size_t maxBytes) : maxBytes_(maxBytes) {}

  std::shared_ptr<const CachedFile> find(std::string_view key) const;

  // Adds or replaces the entry for `key`, evicting others to stay within the
  // budget. A file bigger than the whole budget is not kept.
  void insert(std::string key, std::shared_ptr<const CachedFile> file);

  // Removes `key` if it still maps to `expected` (another thread may have replaced
  // it with a fresh copy meanwhile).
  void erase(std::string_view key, const CachedFile* expected);

  std::size_t entries() const;
  std::size_t bytes() const;

 private:
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const {
      return std::hash<std::string_view>{}(key);
    }
  };

  void evictFor(std::size_t incoming);  // caller holds mutex_ exclusively

  std::size_t maxBytes_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const CachedFile>, KeyHash, std::equal_to<>>
      files_;
  std::size_t bytes_ = 0;
};

}  // namespace mt::views
