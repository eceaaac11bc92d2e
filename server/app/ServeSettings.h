#pragma once

#include <chrono>
#include <filesystem>
#include <string>

#include "HttpProtocol.h"
#include "ServerOptions.h"

namespace CLI {
class App;
}

namespace mt::app {

// Everything `minitwitter serve` can be told. Each value comes from its flag, else
// its environment variable, else the default here.
struct ServeSettings {
  net::ServerOptions server;
  http::HttpProtocolOptions http;
  std::filesystem::path staticDir;  // empty: ./site if present, else the bundled site
  std::string accessLog;            // empty: off; "-": stdout; else a file path
  std::string protocol = "http";    // "http" or "resp"
  std::chrono::milliseconds shutdownGrace{10'000};
};

// Adds the serve options (with --help text and environment fallbacks) to `command`.
void addServeOptions(CLI::App& command, ServeSettings& settings);

// The static folder to use when none was given.
std::filesystem::path defaultStaticDir();

}  // namespace mt::app
