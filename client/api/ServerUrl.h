#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace mt::client {

// Where the server is: http://host[:port][/prefix]. The canonical form is what the
// credentials file is keyed by, so "http://h:80/" and "http://h" share one login.
struct ServerUrl {
  std::string host;  // without IPv6 brackets
  std::uint16_t port = 80;
  std::string pathPrefix;  // "" or "/something", never ending in '/'

  // Throws BadServerUrl; https is refused with a message saying it is not supported yet.
  static ServerUrl parse(std::string_view text);

  std::string canonical() const;
  std::string apiPath() const { return pathPrefix + "/api"; }
};

}  // namespace mt::client
