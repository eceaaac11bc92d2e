// `minitwitter-experiment run`, the real binary as a child process.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace {

using ::testing::HasSubstr;

struct Result {
  int exitCode = -1;
  std::string out;
  std::string err;
};

std::string readAll(const std::filesystem::path& path) {
  std::ifstream file(path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// Runs the binary with `args`, its output to files in a private folder (removed).
Result runExperiment(const std::vector<std::string>& args) {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "mt-experiment-cli-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  const std::filesystem::path folder = pattern;
  const std::string outPath = (folder / "out").string();
  const std::string errPath = (folder / "err").string();
  std::vector<std::string> strings = {MINITWITTER_EXPERIMENT_BIN};
  strings.insert(strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& item : strings)
    argv.push_back(item.data());
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int out = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = ::open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (out < 0 || err < 0 || ::chdir(MT_SOURCE_DIR) != 0) ::_exit(126);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(err, STDERR_FILENO);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  Result result;
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = readAll(outPath);
  result.err = readAll(errPath);
  std::filesystem::remove_all(folder);
  return result;
}

bool isOneLine(const std::string& text) {
  return !text.empty() && text.back() == '\n' && std::count(text.begin(), text.end(), '\n') == 1;
}

TEST(ExperimentCliTest, DryRunPrintsTheQuickstartPlans) {
  const Result result = runExperiment(
      {"run", "experiments/quickstart.toml", "--dry-run", "--out", "/tmp/mt-dry-run"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.err, "");
  EXPECT_THAT(result.out,
              HasSubstr("quickstart: 2 points, 4 runs on Mininet, results in /tmp/mt-dry-run\n"));
  // The sweep over servers.instances, each point twice, in this order.
  const std::size_t p01r1 = result.out.find("\np01 r1  (servers.instances = 1)\n");
  const std::size_t p01r2 = result.out.find("\np01 r2  (servers.instances = 1)\n");
  const std::size_t p02r1 = result.out.find("\np02 r1  (servers.instances = 2)\n");
  const std::size_t p02r2 = result.out.find("\np02 r2  (servers.instances = 2)\n");
  ASSERT_NE(p02r2, std::string::npos) << result.out;
  EXPECT_LT(p01r1, p01r2);
  EXPECT_LT(p01r2, p02r1);
  EXPECT_LT(p02r1, p02r2);
  const std::string onePoint = result.out.substr(p01r1, p01r2 - p01r1);
  const std::string twoPoint = result.out.substr(p02r2);
  EXPECT_THAT(onePoint, HasSubstr("  servers   s1:8081 (threads 1, workers 2, password cost"));
  EXPECT_THAT(onePoint, HasSubstr("targets: s1:8081 ← 4 hosts\n"));
  EXPECT_THAT(onePoint, HasSubstr("  output    /tmp/mt-dry-run/p01/r1\n"));
  EXPECT_THAT(twoPoint, HasSubstr("  servers   s1:8081 s2:8082 ("));
  EXPECT_THAT(twoPoint, HasSubstr("targets: s1:8081 ← 2 hosts, s2:8082 ← 2 hosts\n"));
  EXPECT_THAT(twoPoint, HasSubstr("  output    /tmp/mt-dry-run/p02/r2\n"));
  for (const std::string& plan : {onePoint, twoPoint}) {
    EXPECT_THAT(plan, HasSubstr("  database  postgresql on db, port 5432\n"));
    EXPECT_THAT(plan, HasSubstr("4 hosts c1…c4 × 5 users"));
    EXPECT_THAT(plan, HasSubstr("warm-up 2s, duration 6s"));
  }
  EXPECT_FALSE(std::filesystem::exists("/tmp/mt-dry-run")) << "a dry run made its folder";
}

// One value for a swept key replaces the sweep: quickstart as a single point, once.
TEST(ExperimentCliTest, DryRunOfOneQuickstartRun) {
  const Result result =
      runExperiment({"run", "experiments/quickstart.toml", "--dry-run", "--out", "/tmp/mt-dry-run",
                     "--set", "servers.instances=2", "--set", "repetitions=1"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_THAT(result.out,
              HasSubstr("quickstart: 1 point, 1 run on Mininet, results in /tmp/mt-dry-run\n"));
  EXPECT_THAT(result.out, HasSubstr("\np01 r1\n"));
  EXPECT_THAT(result.out, HasSubstr("  servers   s1:8081 s2:8082 ("));
  EXPECT_THAT(result.out, ::testing::Not(HasSubstr("p02")));
}

TEST(ExperimentCliTest, DryRunJsonPrintsThePlans) {
  const Result result =
      runExperiment({"run", "experiments/quickstart.toml", "--dry-run", "--json", "--set",
                     "servers.instances=[1, 2]", "--set", "repetitions=2", "--out", "/tmp/x"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  const nlohmann::json plans = nlohmann::json::parse(result.out);
  ASSERT_TRUE(plans.is_array());
  ASSERT_EQ(plans.size(), 4u);
  EXPECT_EQ(plans[0]["schema"], "minitwitter-experiment-plan/1");
  EXPECT_EQ(plans[0]["point"], "p01");
  EXPECT_EQ(plans[1]["repetition"], 2);
  EXPECT_EQ(plans[3]["outDir"], "/tmp/x/p02/r2");
  EXPECT_EQ(plans[0]["servers"].size(), 1u);
  EXPECT_EQ(plans[2]["servers"].size(), 2u);
  EXPECT_EQ(plans[0]["backend"], "mininet");
  // A password per run.
  EXPECT_NE(plans[0]["database"]["password"], plans[1]["database"]["password"]);
}

TEST(ExperimentCliTest, Loopback) {
  const Result result =
      runExperiment({"run", "experiments/quickstart.toml", "--dry-run", "--json", "--loopback"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  const nlohmann::json plans = nlohmann::json::parse(result.out);
  EXPECT_EQ(plans[0]["backend"], "loopback");
  EXPECT_NE(plans[0]["database"]["port"], 0);
  const std::string outDir = plans[0]["outDir"];
  EXPECT_TRUE(outDir.starts_with(std::string(MT_SOURCE_DIR) + "/results/quickstart/")) << outDir;
}

TEST(ExperimentCliTest, ABadConfigIsOneLine) {
  const Result result = runExperiment(
      {"run", "experiments/quickstart.toml", "--dry-run", "--set", "servers.instances=0"});
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_TRUE(isOneLine(result.err)) << result.err;
  EXPECT_EQ(result.err,
            "minitwitter-experiment: --set servers.instances=0: servers.instances: 0 is out of "
            "range: expected 1 to 64\n");
}

TEST(ExperimentCliTest, AMissingConfig) {
  const Result result = runExperiment({"run", "experiments/none.toml", "--dry-run"});
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_EQ(result.err,
            "minitwitter-experiment: experiments/none.toml: cannot read the experiment config: No "
            "such file or directory\n");
}

TEST(ExperimentCliTest, UsageErrors) {
  EXPECT_EQ(runExperiment({}).exitCode, 2);
  EXPECT_EQ(runExperiment({"run"}).exitCode, 2);
  EXPECT_EQ(runExperiment({"run", "experiments/quickstart.toml", "--frobnicate"}).exitCode, 2);
  EXPECT_EQ(runExperiment({"run", "--help"}).exitCode, 0);
}

}  // namespace

// `run --check`: the prerequisite check alone, as tools/quickstart.sh asks it.
TEST(ExperimentCliTest, CheckNamesWhatIsMissingAndRunsNothing) {
  const Result ready =
      runExperiment({"run", "experiments/quickstart.toml", "--check", "--loopback", "--set",
                     "servers.instances=1", "--set", "database.kind=sqlite"});
  EXPECT_EQ(ready.exitCode, 0) << ready.err;
  EXPECT_EQ(ready.out, "quickstart: everything it needs is here (on loopback)\n");

  const Result missing = runExperiment({"run", "experiments/quickstart.toml", "--check",
                                        "--loopback", "--postgres-bin", "/nonexistent/bin"});
  EXPECT_EQ(missing.exitCode, 2);
  EXPECT_THAT(missing.err, HasSubstr("/nonexistent/bin"));
  EXPECT_EQ(missing.out, "");

  const Result both = runExperiment({"run", "experiments/quickstart.toml", "--check", "--dry-run"});
  EXPECT_EQ(both.exitCode, 2);
  EXPECT_TRUE(isOneLine(both.err)) << both.err;
}
