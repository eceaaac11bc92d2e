#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace mt::client {

// The credentials file cannot be read, parsed or written.
class CredentialsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Credentials {
  std::string token;
  std::string username;
};

// Session tokens, one per server, in <config>/minitwitter/credentials.json: a JSON
// object mapping the server's canonical URL to {token, username}. The folder is 0700
// and the file 0600, since a token is as good as a password until it expires; the file
// is replaced atomically (temporary file + rename), so a crash never leaves half of it.
class CredentialStore {
 public:
  // The folder: $XDG_CONFIG_HOME/minitwitter, or ~/.config/minitwitter when that is
  // unset or not absolute (as the XDG spec says). Throws CredentialsError without HOME.
  static std::filesystem::path defaultFolder();

  explicit CredentialStore(std::filesystem::path folder);

  const std::filesystem::path& file() const { return file_; }

  // nullopt when there is no file or no entry for `server`.
  std::optional<Credentials> load(const std::string& server) const;
  void save(const std::string& server, const Credentials& credentials) const;
  // True if there was an entry to remove.
  bool forget(const std::string& server) const;

 private:
  std::filesystem::path folder_;
  std::filesystem::path file_;
};

}  // namespace mt::client
