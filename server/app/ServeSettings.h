#pragma once

#include <chrono>
#include <filesystem>
#include <string>

#include "DatabaseSettings.h"
#include "GraphQLEventStream.h"
#include "HttpProtocol.h"
#include "ServerOptions.h"
#include "TwitterService.h"

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
  DatabaseSettings database;
  twitter::TwitterSettings twitter;
  std::string passwordCost = "interactive";  // interactive, moderate or cheap
  bool allowCheapPasswords = false;          // required for "cheap"
  // Live updates: threads that turn database changes into subscription events (each
  // may hold a database connection of its own), and the bounds of each event stream.
  std::size_t liveWorkers = 2;
  std::size_t liveQueue = 10'000;
  views::EventStreamLimits eventStream;
};

// Checks what CLI11 cannot check alone (option combinations) and fills the derived
// settings. Returns an error message, or an empty string when the settings are usable.
std::string finishServeSettings(ServeSettings& settings);

// Adds the serve options (with --help text and environment fallbacks) to `command`.
void addServeOptions(CLI::App& command, ServeSettings& settings);

// The static folder to use when none was given.
std::filesystem::path defaultStaticDir();

}  // namespace mt::app
