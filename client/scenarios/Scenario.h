#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "HttpMessage.h"

namespace mt::load {

// One request of a virtual user, with the operation it counts under.
struct Request {
  std::string_view operation;  // the stats key, e.g. "timeline"; static storage
  HttpRequest http;
};

// How a response went, as the stats record it.
struct Outcome {
  // Empty: success. Otherwise the error kind: "http_<status>" for a status the
  // operation does not expect, "graphql:<extensions.code>" (or "graphql" without a
  // code) for a GraphQL error, "bad_response" for a body the user cannot read.
  std::string errorKind;

  bool ok() const { return errorKind.empty(); }
};

// What a subscriber makes of one event of its stream.
struct PushOutcome {
  // >= 0: the event delivered a tweet its poster stamped with this Unix time (ns).
  std::int64_t sentUnixNs = -1;
  // Not empty: the stream reported an error (same kinds as Outcome's).
  std::string errorKind;
  // The server ended the stream (`complete`).
  bool completed = false;
};

// One simulated user: a small state machine the engine drives, one request at a time
// (never two in flight). Not thread-safe; each lives on one engine thread.
//
// Life: nextSetupRequest() until it returns nullopt (its account: sign-up, or log-in
// when the name is taken), then nextRequest() for ever; each request is answered by
// exactly one handleResponse() or handleFailure() before the next is asked for.
// A subscriber (subscription() not nullopt) makes no loop requests: once set up it
// holds that one request's event stream open on a connection of its own, and
// handleStreamEvent() reads each event.
class VirtualUser {
 public:
  virtual ~VirtualUser() = default;

  // The next step of the set-up, or nullopt once the user is ready for its loop.
  // After a failed step it may return the same step again (the engine retries a few
  // times, with back-off, then gives the user up).
  virtual std::optional<Request> nextSetupRequest() = 0;
  // The next request of the measured loop.
  virtual Request nextRequest() = 0;
  // The server's response to the last request (set-up or loop).
  virtual Outcome handleResponse(const HttpResponse& response) = 0;
  // The last request got no response (`kind`: "timeout", "connect", "closed", …).
  virtual void handleFailure(std::string_view kind) = 0;

  // Asked once the set-up is done (and again after a failed attempt to open it): the
  // subscription to hold open, or nullopt for a user that makes loop requests.
  virtual std::optional<Request> subscription() { return std::nullopt; }
  // One event (`type`, `data`: ServerSentEvent's) of the subscription's stream.
  virtual PushOutcome handleStreamEvent(std::string_view /*type*/, std::string_view /*data*/) {
    return {};
  }
};

// Everything a scenario can be told, by command-line options or a scenario file.
struct ScenarioSettings {
  std::string name = "mixed";  // "original", "mixed", "static" or "live"

  // Accounts: user i (global index) is `<userPrefix><i>` with `password`. Global index
  // = userOffset + the user's index in this process, so processes on several hosts
  // given disjoint offsets make disjoint users of one population.
  std::string userPrefix = "load";
  std::string password = "load-password";
  std::uint64_t userOffset = 0;
  // Users in the whole experiment (all processes): whom `follow` may pick. 0: the
  // engine sets it to userOffset + the users of this process.
  std::uint64_t population = 0;

  // original: users [k*clusterSize, (k+1)*clusterSize) form cluster k and follow
  // each other.
  std::uint64_t clusterSize = 5;
  // mixed: operation name → relative weight. Operations: timeline, profile, post,
  // like, follow. Missing operations get weight 0; empty: the defaults (docs/client.md).
  std::map<std::string, unsigned, std::less<>> weights;
  // live: users with global index below `posters` post (stamping each tweet with its
  // send time); every other user follows them all and subscribes to timelineTweet.
  std::uint64_t posters = 1;
  // static: the path each request GETs.
  std::string staticPath = "/files/hello-100.txt";

  // Closed loop: pause between a response and the user's next request.
  std::int64_t thinkTimeNs = 0;
  // Seeds every user's random choices (user i gets a generator seeded from seed and i),
  // so a run is repeatable up to the server's answers and timing.
  std::uint64_t seed = 1;
};

class Scenario {
 public:
  virtual ~Scenario() = default;
  virtual std::string_view name() const = 0;
  // Whether users sign up or log in before their loop (false for static).
  virtual bool needsAccounts() const = 0;
  // The user with global index `index`. Thread-safe (const, no shared mutable state):
  // engine threads make their users concurrently.
  virtual std::unique_ptr<VirtualUser> makeUser(std::uint64_t index) const = 0;
  // Whether the user with global index `index` is a subscriber (makes no loop requests).
  virtual bool subscribes(std::uint64_t /*index*/) const { return false; }
  // Whether the scenario has subscribers at all: its results then hold `push`.
  virtual bool hasSubscribers() const { return false; }
};

// Throws std::invalid_argument with a message for people: unknown scenario name,
// unknown operation in weights, all weights zero, a user prefix that cannot make
// valid usernames (3 to 20 ASCII letters, digits, '_') for the population, a static
// path that does not start with '/', a password outside 8 to 128 characters.
std::unique_ptr<Scenario> makeScenario(const ScenarioSettings& settings);

// The default mixed weights (documented in docs/client.md).
std::map<std::string, unsigned, std::less<>> defaultMixedWeights();

// Reads a scenario file (TOML, docs/client.md) over `base`: keys present in the file
// replace the base's values. Throws std::invalid_argument naming the file, the line
// and the problem: unreadable file, TOML syntax, unknown key, wrong type, bad value.
ScenarioSettings readScenarioFile(const std::string& path, ScenarioSettings base);
// The same over text already read; `origin` names it in messages (the fuzzer's entry).
ScenarioSettings readScenarioText(std::string_view text, const std::string& origin,
                                  ScenarioSettings base);

}  // namespace mt::load
