#include "DatabaseConfig.h"

#include <stdexcept>

#include "PostgresUrl.h"

namespace mt::db {
namespace {

std::string environmentValue(const std::map<std::string, std::string>& environment,
                             const std::string& name) {
  const auto found = environment.find(name);
  return found == environment.end() ? std::string() : found->second;
}

// HOST may be a name, an IPv4 address, either with ":port", or an IPv6 address
// (bracketed already, or bare, which a URI needs brackets around).
std::string uriHost(const std::string& host) {
  if (host.empty()) return "localhost";
  const bool bareIpv6 = host.front() != '[' && host.find(':') != host.rfind(':');
  return bareIpv6 ? "[" + host + "]" : host;
}

DatabaseConfig fromEnvironment(const std::map<std::string, std::string>& environment) {
  DatabaseConfig config;
  config.dialect = Dialect::PostgreSql;
  const std::string user = environmentValue(environment, "USER");
  const std::string password = environmentValue(environment, "PASS");
  std::string url = "postgresql://";
  if (!user.empty()) {
    url += percentEncode(user);
    if (!password.empty()) url += ":" + percentEncode(password);
    url += "@";
  }
  url += uriHost(environmentValue(environment, "HOST"));
  url += "/" + percentEncode(environmentValue(environment, "DB"));
  config.postgresUrl = std::move(url);
  return config;
}

}  // namespace

std::string DatabaseConfig::describe() const {
  if (dialect == Dialect::PostgreSql) return redactPassword(postgresUrl);
  return sqlitePath.string();
}

DatabaseConfig resolveDatabaseConfig(const std::string& database,
                                     const std::map<std::string, std::string>& environment,
                                     const std::filesystem::path& defaultSqlitePath) {
  DatabaseConfig config;
  if (database.empty()) {
    if (!environmentValue(environment, "DB").empty()) return fromEnvironment(environment);
    config.sqlitePath = defaultSqlitePath;
    return config;
  }
  if (isPostgresUri(database)) {
    config.dialect = Dialect::PostgreSql;
    config.postgresUrl = database;
    return config;
  }
  if (database.starts_with("sqlite:")) {
    const std::string path = database.substr(7);
    if (path.empty()) {
      throw std::invalid_argument(
          "--database sqlite: needs a file path, as in sqlite:data/minitwitter.db");
    }
    config.sqlitePath = path;
    return config;
  }
  if (const std::size_t scheme = database.find("://"); scheme != std::string::npos) {
    throw std::invalid_argument("unsupported database '" + database.substr(0, scheme) +
                                "://…': use postgresql://…, sqlite:PATH or a file path");
  }
  config.sqlitePath = database;
  return config;
}

}  // namespace mt::db
