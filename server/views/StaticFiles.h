#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "FileCache.h"
#include "HttpResponse.h"
#include "Registry.h"
#include "RootDirectory.h"
#include "View.h"

namespace mt::views {

struct StaticFilesOptions {
  std::filesystem::path root;
  // The route parameter that holds the file's path ("/static/<path:path>"); a route
  // without it ("/") serves the root folder, i.e. its index file.
  std::string pathParam = "path";
  std::string indexFile = "index.html";
  // "no-cache" lets browsers keep files but ask each time, answered 304 cheaply.
  // Empty sends no Cache-Control.
  std::string cacheControl = "no-cache";
  bool weakEntityTags = false;
  // Dotfiles (".git", ".env") are not served unless this is set.
  bool serveHiddenFiles = false;
  // Files up to this size are kept in memory; larger ones go out with sendfile.
  std::size_t cacheFileMaxBytes = 64 * 1024;
  std::size_t cacheTotalMaxBytes = 64 * 1024 * 1024;
  // A cached file is stat()ed to see whether it changed at most this often.
  std::chrono::milliseconds revalidateAfter{1000};
};

// The view that serves files from a folder, for GET and HEAD.
//
// The URL path (percent-decoded by the router) must be relative and plain: a ".."
// or "." segment, an empty segment, a NUL byte, a backslash or a leading '/'
// answers 404, as does anything outside the folder (RootDirectory), a directory
// without an index file, or what is not a regular file. A directory asked for
// without its trailing slash is redirected (301) to it, so that relative links in
// its index page resolve.
//
// Responses carry Content-Type, ETag (from inode, size and mtime), Last-Modified and
// Cache-Control, and honour If-None-Match and If-Modified-Since with 304. Small files
// come from a FileCache whose entries hold their header values ready-made, so a hit
// is a hash lookup and a copy; larger files are sent with sendfile(2) as a FileBody.
//
// Thread affinity: any thread (see FileCache). The object must outlive its views.
class StaticFiles {
 public:
  // std::system_error when the root cannot be opened (see RootDirectory). With a
  // registry, reports static_cache_{hits,misses}_total and static_cache_bytes.
  explicit StaticFiles(StaticFilesOptions options, metrics::Registry* registry = nullptr);
  ~StaticFiles();
  StaticFiles(const StaticFiles&) = delete;
  StaticFiles& operator=(const StaticFiles&) = delete;

  // For router.get("/<path:path>", files.view()) and router.get("/", files.view()).
  View view() const;

  // What the view answers: `relativePath` is the decoded path below the root.
  http::HttpResponse serve(const http::HttpRequest& request, std::string_view relativePath) const;

  const FileCache& cache() const { return cache_; }

 private:
  http::HttpResponse serveCached(const http::HttpRequest& request, const CachedFile& file) const;
  http::HttpResponse serveFromDisk(const http::HttpRequest& request, const std::string& key) const;
  http::HttpResponse respond(const http::HttpRequest& request, std::string_view contentType,
                             std::string entityTag, std::string lastModified,
                             std::chrono::sys_seconds modified) const;
  bool stillCurrent(const CachedFile& file) const;

  StaticFilesOptions options_;
  RootDirectory root_;
  mutable FileCache cache_;
  metrics::Registry* registry_;  // non-owning, may be null; outlives this object
  metrics::Counter* hits_ = nullptr;
  metrics::Counter* misses_ = nullptr;
};

}  // namespace mt::views
