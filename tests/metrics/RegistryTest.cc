#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>
#include <string>

#include "PrometheusText.h"
#include "Registry.h"

namespace mt::metrics {
namespace {

TEST(RegistryTest, RendersASmallRegistryByteForByte) {
  Registry registry;
  registry
      .counter("http_requests_total", "Requests answered.", {{"status", "200"}, {"method", "GET"}})
      .inc(3);
  registry.counter("http_requests_total", "ignored", {{"method", "POST"}, {"status", "201"}}).inc();
  registry.gauge("connections_open", "Open connections.").set(2);
  registry.gaugeFunction("queue_depth", "Jobs waiting.\nSecond line \\ backslash",
                         [] { return 7.0; });
  Histogram& h =
      registry.histogram("request_seconds", "Latency.", {0.1, 0.5}, {{"path", "a\"b\\c\nd"}});
  h.observe(0.0625);
  h.observe(0.25);
  h.observe(2);

  EXPECT_EQ(registry.renderPrometheus(),
            "# HELP connections_open Open connections.\n"
            "# TYPE connections_open gauge\n"
            "connections_open 2\n"
            "# HELP http_requests_total Requests answered.\n"
            "# TYPE http_requests_total counter\n"
            "http_requests_total{method=\"GET\",status=\"200\"} 3\n"
            "http_requests_total{method=\"POST\",status=\"201\"} 1\n"
            "# HELP queue_depth Jobs waiting.\\nSecond line \\\\ backslash\n"
            "# TYPE queue_depth gauge\n"
            "queue_depth 7\n"
            "# HELP request_seconds Latency.\n"
            "# TYPE request_seconds histogram\n"
            "request_seconds_bucket{path=\"a\\\"b\\\\c\\nd\",le=\"0.1\"} 1\n"
            "request_seconds_bucket{path=\"a\\\"b\\\\c\\nd\",le=\"0.5\"} 2\n"
            "request_seconds_bucket{path=\"a\\\"b\\\\c\\nd\",le=\"+Inf\"} 3\n"
            "request_seconds_sum{path=\"a\\\"b\\\\c\\nd\"} 2.3125\n"
            "request_seconds_count{path=\"a\\\"b\\\\c\\nd\"} 3\n");
}

TEST(RegistryTest, SameNameAndLabelsIsTheSameMetric) {
  Registry registry;
  Counter& a = registry.counter("c_total", "help", {{"x", "1"}, {"y", "2"}});
  Counter& b = registry.counter("c_total", "help", {{"y", "2"}, {"x", "1"}});
  Counter& other = registry.counter("c_total", "help", {{"x", "2"}, {"y", "2"}});
  EXPECT_EQ(&a, &b);
  EXPECT_NE(&a, &other);
  EXPECT_EQ(&registry.gauge("g", "help"), &registry.gauge("g", "help"));
  EXPECT_EQ(&registry.histogram("h", "help", {1}), &registry.histogram("h", "help", {1}));
}

TEST(RegistryTest, RejectsInvalidRegistrations) {
  Registry registry;
  EXPECT_THROW(registry.counter("1abc", "h"), std::invalid_argument);
  EXPECT_THROW(registry.counter("a-b", "h"), std::invalid_argument);
  EXPECT_THROW(registry.counter("ok", "h", {{"__reserved", "v"}}), std::invalid_argument);
  EXPECT_THROW(registry.counter("ok", "h", {{"a", "1"}, {"a", "2"}}), std::invalid_argument);
  registry.counter("taken", "h");
  EXPECT_THROW(registry.gauge("taken", "h"), std::invalid_argument);
  EXPECT_THROW(registry.histogram("h", "h", {1}, {{"le", "1"}}), std::invalid_argument);
  registry.histogram("h2", "h", {1, 2});
  EXPECT_THROW(registry.histogram("h2", "h", {1, 3}, {{"a", "b"}}), std::invalid_argument);
  EXPECT_THROW(registry.histogram("bad", "h", {2, 1}), std::invalid_argument);
  registry.gauge("gv", "h");
  EXPECT_THROW(registry.gaugeFunction("gv", "h", [] { return 1.0; }), std::invalid_argument);
  // A failed registration leaves nothing behind.
  EXPECT_EQ(registry.renderPrometheus().find("bad"), std::string::npos);
}

TEST(RegistryTest, GaugeFunctionIsReadAtScrapeTimeAndCanBeRemoved) {
  Registry registry;
  double depth = 1;
  registry.gaugeFunction("depth", "Depth.", [&depth] { return depth; }, {{"queue", "w"}});
  depth = 42;
  EXPECT_NE(registry.renderPrometheus().find("depth{queue=\"w\"} 42\n"), std::string::npos);
  registry.gaugeFunction("depth", "Depth.", [] { return 5.0; }, {{"queue", "w"}});
  EXPECT_NE(registry.renderPrometheus().find("depth{queue=\"w\"} 5\n"), std::string::npos);
  registry.removeFunction("depth", {{"queue", "w"}});
  EXPECT_EQ(registry.renderPrometheus(), "");
}

TEST(RegistryTest, CounterFunctionIsTypedAsACounter) {
  Registry registry;
  std::uint64_t accepted = 7;
  registry.counterFunction("accepted_total", "Accepted.",
                           [&accepted] { return static_cast<double>(accepted); });
  EXPECT_EQ(registry.renderPrometheus(),
            "# HELP accepted_total Accepted.\n# TYPE accepted_total counter\naccepted_total 7\n");
  EXPECT_THROW(registry.gaugeFunction("accepted_total", "h", [] { return 1.0; }),
               std::invalid_argument);
  registry.removeFunction("accepted_total");
  EXPECT_EQ(registry.renderPrometheus(), "");
}

TEST(PrometheusTextTest, FormatsSpecialValues) {
  EXPECT_EQ(formatValue(std::numeric_limits<double>::infinity()), "+Inf");
  EXPECT_EQ(formatValue(-std::numeric_limits<double>::infinity()), "-Inf");
  EXPECT_EQ(formatValue(std::numeric_limits<double>::quiet_NaN()), "NaN");
  EXPECT_EQ(formatValue(0.1), "0.1");
  EXPECT_EQ(formatValue(-2.5), "-2.5");
  EXPECT_EQ(formatValue(std::uint64_t{18446744073709551615u}), "18446744073709551615");
}

TEST(PrometheusTextTest, ValidatesNames) {
  EXPECT_TRUE(isValidMetricName("a:b_c9"));
  EXPECT_FALSE(isValidMetricName(""));
  EXPECT_FALSE(isValidMetricName("9a"));
  EXPECT_TRUE(isValidLabelName("_a1"));
  EXPECT_FALSE(isValidLabelName("a:b"));
  EXPECT_FALSE(isValidLabelName("__name__"));
}

}  // namespace
}  // namespace mt::metrics
