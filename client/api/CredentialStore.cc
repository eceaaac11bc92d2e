#include "CredentialStore.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace mt::client {

namespace {

std::string systemError(const std::string& what, const std::filesystem::path& path) {
  return "cannot " + what + " " + path.string() + ": " + std::strerror(errno);
}

// The whole file as a JSON object; an empty object when there is no file.
nlohmann::json readAll(const std::filesystem::path& file) {
  std::error_code error;
  if (!std::filesystem::exists(file, error) && !error) return nlohmann::json::object();
  std::ifstream in(file, std::ios::binary);
  if (!in) throw CredentialsError(systemError("read", file));
  std::ostringstream text;
  text << in.rdbuf();
  nlohmann::json json = nlohmann::json::parse(text.str(), nullptr, false);
  bool valid = json.is_object();
  if (valid) {
    for (const auto& [server, entry] : json.items()) {
      valid = valid && entry.is_object() && entry.contains("token") && entry["token"].is_string() &&
              entry.contains("username") && entry["username"].is_string();
    }
  }
  if (!valid) {
    throw CredentialsError("the credentials file " + file.string() +
                           " is corrupted: delete it and log in again");
  }
  return json;
}

void writeAll(const std::filesystem::path& folder, const std::filesystem::path& file,
              const nlohmann::json& json) {
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) {
    throw CredentialsError("cannot create " + folder.string() + ": " + error.message());
  }
  if (::chmod(folder.c_str(), 0700) != 0) throw CredentialsError(systemError("protect", folder));

  std::string temporary = (folder / "credentials.json.XXXXXX").string();
  const int fd = ::mkstemp(temporary.data());  // creates the file 0600
  if (fd < 0) throw CredentialsError(systemError("create a file in", folder));
  const std::string text = json.dump(2) + "\n";
  std::size_t written = 0;
  bool ok = ::fchmod(fd, 0600) == 0;
  while (ok && written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) written += static_cast<std::size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  const int savedErrno = errno;
  ::close(fd);
  if (!ok || ::rename(temporary.c_str(), file.c_str()) != 0) {
    if (ok) errno = savedErrno;
    const std::string message = systemError("write", file);
    ::unlink(temporary.c_str());
    throw CredentialsError(message);
  }
}

}  // namespace

std::filesystem::path CredentialStore::defaultFolder() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg && *xdg && std::filesystem::path(xdg).is_absolute()) {
    return std::filesystem::path(xdg) / "minitwitter";
  }
  const char* home = std::getenv("HOME");
  if (!home || !*home) {
    throw CredentialsError("neither XDG_CONFIG_HOME nor HOME is set: nowhere to keep the session");
  }
  return std::filesystem::path(home) / ".config" / "minitwitter";
}

CredentialStore::CredentialStore(std::filesystem::path folder)
    : folder_(std::move(folder)), file_(folder_ / "credentials.json") {}

std::optional<Credentials> CredentialStore::load(const std::string& server) const {
  const nlohmann::json json = readAll(file_);
  auto it = json.find(server);
  if (it == json.end()) return std::nullopt;
  return Credentials{(*it)["token"].get<std::string>(), (*it)["username"].get<std::string>()};
}

void CredentialStore::save(const std::string& server, const Credentials& credentials) const {
  nlohmann::json json = readAll(file_);
  json[server] = {{"token", credentials.token}, {"username", credentials.username}};
  writeAll(folder_, file_, json);
}

bool CredentialStore::forget(const std::string& server) const {
  nlohmann::json json = readAll(file_);
  if (json.erase(server) == 0) return false;
  writeAll(folder_, file_, json);
  return true;
}

}  // namespace mt::client
