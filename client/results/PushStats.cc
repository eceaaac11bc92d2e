#include "PushStats.h"

#include "JsonReading.h"
#include "StatsJson.h"

namespace mt::load {

using nlohmann::json;
using namespace json_reading;

void PushStats::merge(const PushStats& other) {
  deliveries.merge(other.deliveries);
  events += other.events;
  subscribers += other.subscribers;
  subscribersPeak += other.subscribersPeak;
  subscribersAtEnd += other.subscribersAtEnd;
  for (const auto& [kind, n] : other.streamErrors)
    streamErrors[kind] += n;
}

json pushToJson(const PushStats& push) {
  return {{"subscribers", push.subscribers},
          {"subscribersPeak", push.subscribersPeak},
          {"subscribersAtEnd", push.subscribersAtEnd},
          {"events", push.events},
          {"streamErrors", push.streamErrors},
          {"deliveries", operationToJson(push.deliveries)}};
}

PushStats pushFromJson(const json& value, const std::string& path) {
  object(value, path);
  PushStats push;
  auto count = [&](std::string_view key) {
    return asUnsigned(member(value, path, key), child(path, key));
  };
  push.subscribers = count("subscribers");
  push.subscribersPeak = count("subscribersPeak");
  push.subscribersAtEnd = count("subscribersAtEnd");
  push.events = count("events");
  if (push.subscribersAtEnd > push.subscribersPeak) {
    fail(child(path, "subscribersAtEnd"), "more than subscribersPeak");
  }
  const std::string errorsPath = child(path, "streamErrors");
  for (const auto& [kind, n] : object(member(value, path, "streamErrors"), errorsPath).items())
    push.streamErrors.emplace(kind, asUnsigned(n, child(errorsPath, kind)));
  const std::string deliveriesPath = child(path, "deliveries");
  push.deliveries = operationFromJson(member(value, path, "deliveries"), deliveriesPath);
  if (push.deliveries.errorCount() != 0) fail(child(deliveriesPath, "errors"), "must be empty");
  if (push.deliveries.count() > push.events) {
    fail(child(deliveriesPath, "count"), "more deliveries than events");
  }
  return push;
}

}  // namespace mt::load
