#include "RunnerPaths.h"

#include <cstdlib>
#include <system_error>

namespace mt::experiment::runner {

namespace {

std::string fromEnvironment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

// The first non-empty of the candidates; an empty `fromBuildTree` is skipped when the
// file is not there (another tree's layout), the compiled-in default is the last word.
std::string choose(const std::string& given, const char* variable,
                   const std::filesystem::path& fromBuildTree, const std::string& builtIn) {
  if (!given.empty()) return given;
  std::string value = fromEnvironment(variable);
  if (!value.empty()) return value;
  std::error_code error;
  if (!fromBuildTree.empty() && std::filesystem::exists(fromBuildTree, error))
    return fromBuildTree.string();
  return builtIn;
}

}  // namespace

std::filesystem::path buildTreeOfThisProgram() {
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return {};
  // <tree>/experiment/app/minitwitter-experiment
  const std::filesystem::path app = self.parent_path();
  if (app.filename() != "app" || app.parent_path().filename() != "experiment") return {};
  return app.parent_path().parent_path();
}

RunnerPaths resolveRunnerPaths(const RunnerPaths& explicitPaths) {
  const std::filesystem::path tree = buildTreeOfThisProgram();
  RunnerPaths paths;
  paths.serverBinary =
      choose(explicitPaths.serverBinary, "MINITWITTER_BIN",
             tree.empty() ? tree : tree / "server/app/minitwitter", MT_DEFAULT_SERVER_BIN);
  paths.clientBinary =
      choose(explicitPaths.clientBinary, "MINITWITTER_CLIENT_BIN",
             tree.empty() ? tree : tree / "client/cli/minitwitter-client", MT_DEFAULT_CLIENT_BIN);
  paths.topologiesDir =
      choose(explicitPaths.topologiesDir, "MINITWITTER_TOPOLOGIES", {}, MT_DEFAULT_TOPOLOGIES_DIR);
  paths.driverDir =
      choose(explicitPaths.driverDir, "MINITWITTER_DRIVER_DIR", {}, MT_DEFAULT_DRIVER_DIR);
  if (!explicitPaths.python.empty()) paths.python = explicitPaths.python;
  // Plans name absolute paths: the driver runs with another working folder.
  for (std::string* path :
       {&paths.serverBinary, &paths.clientBinary, &paths.topologiesDir, &paths.driverDir}) {
    std::error_code error;
    const std::filesystem::path absolute = std::filesystem::absolute(*path, error);
    if (!error) *path = absolute.lexically_normal().string();
  }
  return paths;
}

}  // namespace mt::experiment::runner
