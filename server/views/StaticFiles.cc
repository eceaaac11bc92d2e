#include "StaticFiles.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <optional>
#include <utility>

#include "ConditionalRequest.h"
#include "ContentTypes.h"
#include "FileDescriptor.h"
#include "HttpDate.h"

namespace mt::views {
namespace {

using http::HttpRequest;
using http::HttpResponse;

// A relative path made of plain names only. The kernel would keep ".." inside the
// root anyway (RootDirectory); refusing it here as well means a probe never even
// reaches the file system, and one spelling of a file maps to one cache entry.
bool isServablePath(std::string_view path, bool serveHidden) {
  if (path.starts_with('/') || path.find('\0') != std::string_view::npos ||
      path.find('\\') != std::string_view::npos) {
    return false;
  }
  std::size_t start = 0;
  while (start < path.size()) {
    std::size_t slash = path.find('/', start);
    std::string_view segment = path.substr(start, slash - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    if (!serveHidden && segment.front() == '.') return false;
    if (slash == std::string_view::npos) break;
    start = slash + 1;  // a trailing '/' ends the loop: a directory
  }
  return true;
}

HttpResponse errorFor(int error) {
  switch (error) {
    case EACCES:
    case EPERM:
      return HttpResponse::error(403);
    case EMFILE:
    case ENFILE:
    case ENOMEM:
      return HttpResponse::error(503);
    case ENOENT:
    case ENOTDIR:
    case EXDEV:
    case ELOOP:
    case ENAMETOOLONG:
    case ENXIO:
    case ENODEV:
      return HttpResponse::error(404);
    default:
      return HttpResponse::error(500);
  }
}

HttpResponse redirectToDirectory(const HttpRequest& request) {
  // A Location starting "//" would name another host.
  if (request.path.starts_with("//")) return HttpResponse::error(404);
  std::string location(request.path);
  location += '/';
  if (!request.query.empty()) {
    location += '?';
    location += request.query;
  }
  HttpResponse response = HttpResponse::error(301);
  response.setHeader("Location", std::move(location));
  return response;
}

bool readWhole(int fd, std::string& out, std::size_t size) {
  out.resize(size);
  std::size_t done = 0;
  while (done < size) {
    ssize_t n = ::pread(fd, out.data() + done, size - done, static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

std::int64_t steadyNanoseconds() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

StaticFiles::StaticFiles(StaticFilesOptions options, metrics::Registry* registry)
    : options_(std::move(options)),
      root_(options_.root),
      cache_(options_.cacheTotalMaxBytes),
      registry_(registry) {
  if (registry_ == nullptr) return;
  metrics::Labels labels{{"root", root_.realPath().string()}};
  hits_ =
      &registry_->counter("static_cache_hits_total", "Static files answered from memory.", labels);
  misses_ = &registry_->counter("static_cache_misses_total",
                                "Static file requests that went to the file system.", labels);
  registry_->gaugeFunction(
      "static_cache_bytes", "Bytes of static files held in memory.",
      [this] { return static_cast<double>(cache_.bytes()); }, labels);
}

StaticFiles::~StaticFiles() {
  if (registry_ != nullptr) {
    registry_->removeFunction("static_cache_bytes", {{"root", root_.realPath().string()}});
  }
}

View StaticFiles::view() const {
  return [this](const ViewContext& ctx) {
    std::optional<std::string_view> path = ctx.params.find(options_.pathParam);
    return serve(ctx.request, path.value_or(std::string_view()));
  };
}

HttpResponse StaticFiles::serve(const HttpRequest& request, std::string_view relativePath) const {
  if (request.method != http::Method::Get && request.method != http::Method::Head) {
    HttpResponse response = HttpResponse::error(405);
    response.setHeader("Allow", "GET, HEAD");
    return response;
  }
  if (!isServablePath(relativePath, options_.serveHiddenFiles)) return HttpResponse::error(404);
  if (std::shared_ptr<const CachedFile> file = cache_.find(relativePath)) {
    if (stillCurrent(*file)) {
      if (hits_ != nullptr) hits_->inc();
      return serveCached(request, *file);
    }
    cache_.erase(relativePath, file.get());
  }
  if (misses_ != nullptr) misses_->inc();
  return serveFromDisk(request, std::string(relativePath));
}

bool StaticFiles::stillCurrent(const CachedFile& file) const {
  std::int64_t now = steadyNanoseconds();
  std::int64_t checked = file.checkedAt.load(std::memory_order_relaxed);
  if (now - checked < std::chrono::nanoseconds(options_.revalidateAfter).count()) return true;
  // One thread stats; the others go on serving the entry meanwhile.
  if (!file.checkedAt.compare_exchange_strong(checked, now, std::memory_order_relaxed)) {
    return true;
  }
  struct stat status {};
  if (root_.stat(file.resolvedPath, status) != 0) return false;
  return S_ISREG(status.st_mode) && FileVersion::of(status) == file.version;
}

HttpResponse StaticFiles::serveCached(const HttpRequest& request, const CachedFile& file) const {
  HttpResponse response =
      respond(request, file.contentType, file.entityTag, file.lastModified, file.modified);
  if (response.status == 200) response.body = file.body;
  return response;
}

HttpResponse StaticFiles::serveFromDisk(const HttpRequest& request, const std::string& key) const {
  std::string resolved = key;
  RootDirectory::Opened opened = root_.open(resolved);
  if (opened.error != 0) return errorFor(opened.error);
  if (S_ISDIR(opened.status.st_mode)) {
    if (!key.empty() && !key.ends_with('/')) return redirectToDirectory(request);
    resolved += options_.indexFile;
    opened = root_.open(resolved);
    if (opened.error != 0) return errorFor(opened.error);
  }
  if (!S_ISREG(opened.status.st_mode)) return HttpResponse::error(404);

  FileVersion version = FileVersion::of(opened.status);
  std::string_view contentType = contentTypeForPath(resolved);
  std::size_t size = static_cast<std::size_t>(version.size);

  if (size <= options_.cacheFileMaxBytes) {
    auto file = std::make_shared<CachedFile>();
    struct stat after {};
    bool whole = readWhole(opened.file.get(), file->body, size) &&
                 ::fstat(opened.file.get(), &after) == 0 && FileVersion::of(after) == version;
    if (!whole) {
      // Changed while being read: send what was read, without validators that might
      // not describe it, and keep nothing.
      return HttpResponse::text(200, std::move(file->body), std::string(contentType));
    }
    file->resolvedPath = std::move(resolved);
    file->version = version;
    file->contentType = contentType;
    file->entityTag = version.entityTag(options_.weakEntityTags);
    file->modified = version.modified();
    file->lastModified = http::formatHttpDate(file->modified);
    file->checkedAt.store(steadyNanoseconds(), std::memory_order_relaxed);
    cache_.insert(key, file);
    return serveCached(request, *file);
  }

  std::chrono::sys_seconds modified = version.modified();
  HttpResponse response = respond(request, contentType, version.entityTag(options_.weakEntityTags),
                                  http::formatHttpDate(modified), modified);
  if (response.status == 200) {
    response.file = http::FileBody{
        std::make_shared<const net::FileDescriptor>(std::move(opened.file)), 0, size};
  }
  return response;
}

HttpResponse StaticFiles::respond(const HttpRequest& request, std::string_view contentType,
                                  std::string entityTag, std::string lastModified,
                                  std::chrono::sys_seconds modified) const {
  bool notModified = isNotModified(request, entityTag, modified);
  HttpResponse response(notModified ? 304 : 200);
  response.headers.reserve(4);
  // A 304 repeats the validators and caching headers but not Content-Type
  // (RFC 9110 15.4.5).
  if (!notModified) response.headers.emplace_back("Content-Type", contentType);
  response.headers.emplace_back("ETag", std::move(entityTag));
  response.headers.emplace_back("Last-Modified", std::move(lastModified));
  if (!options_.cacheControl.empty()) {
    response.headers.emplace_back("Cache-Control", options_.cacheControl);
  }
  return response;
}

}  // namespace mt::views
