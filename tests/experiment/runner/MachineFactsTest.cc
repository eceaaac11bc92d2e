#include <gtest/gtest.h>

#include "MachineFacts.h"

namespace mt::experiment::runner {
namespace {

TEST(MachineFactsTest, KernelCoresMemoryReleaseAndTools) {
  const nlohmann::json facts =
      collectMachineFacts(resolveRunnerPaths({}), "/usr/lib/postgresql/15/bin");
  EXPECT_EQ(facts["schema"], "minitwitter-experiment-machine/1");
  ASSERT_TRUE(facts["kernel"].is_object());
  EXPECT_EQ(facts["kernel"]["system"], "Linux");
  EXPECT_FALSE(facts["kernel"]["release"].get<std::string>().empty());
  ASSERT_TRUE(facts["cores"].is_number_integer());
  EXPECT_GE(facts["cores"].get<int>(), 1);
  ASSERT_TRUE(facts["memoryBytes"].is_number_integer());
  EXPECT_GT(facts["memoryBytes"].get<long long>(), 0);
  EXPECT_TRUE(facts["osRelease"].is_string());
  EXPECT_FALSE(facts["compiler"].get<std::string>().empty());
  // A missing tool is null, never absent.
  for (const char* tool :
       {"minitwitter", "minitwitter-client", "postgres", "python", "mininet", "haproxy"})
    EXPECT_TRUE(facts["tools"].contains(tool)) << tool;
  EXPECT_TRUE(facts["tools"]["python"].is_string());
}

}  // namespace
}  // namespace mt::experiment::runner
