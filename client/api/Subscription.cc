#include "Subscription.h"

#include <httplib.h>

#include <exception>
#include <string_view>

#include "ApiErrors.h"
#include "EventStreamParser.h"
#include "GraphQLResponse.h"

namespace mt::client {

namespace {

constexpr int kConnectTimeoutSeconds = 5;
constexpr int kWriteTimeoutSeconds = 30;
// A refusal before the stream is a small JSON document; more is not GraphQL.
constexpr std::size_t kMaxPlainBodyBytes = 1024 * 1024;

bool isEventStream(const std::string& contentType) {
  return contentType.rfind("text/event-stream", 0) == 0;
}

// The stream of one run(): the events it read and how it ended.
struct StreamReader {
  const std::string& serverName;
  const Subscription::OnData& onData;
  load::EventStreamParser parser;
  bool completed = false;
  std::exception_ptr failure;

  // One ExecutionResult of a `next` event.
  void onNext(std::string_view payload) {
    const nlohmann::json result = nlohmann::json::parse(payload, nullptr, false);
    if (result.is_discarded() || !result.is_object()) {
      throw ServerError("the server at " + serverName + " pushed a result that is not GraphQL");
    }
    if (const nlohmann::json* error = firstError(result)) throw toApiError(*error);
    auto data = result.find("data");
    if (data == result.end() || !data->is_object()) {
      throw ServerError("the server at " + serverName + " pushed a result without data");
    }
    onData(*data);
  }

  // Returns whether to read on.
  bool feed(std::string_view bytes) {
    try {
      parser.feed(bytes, [&](const load::ServerSentEvent& event) {
        if (completed || failure) return;
        if (event.type == "next") {
          onNext(event.data);
        } else if (event.type == "complete") {
          completed = true;
        }
      });
      if (parser.failed()) {
        throw ServerError("the server at " + serverName + " sent a broken event stream (" +
                          parser.error() + ")");
      }
    } catch (...) {
      failure = std::current_exception();
    }
    return !completed && !failure;
  }
};

}  // namespace

Subscription::End Subscription::run(const std::string& query, const nlohmann::json& variables,
                                    const std::string& token, const OnData& onData) {
  const std::string& serverName = api_.serverName();
  httplib::Client http(api_.url().host, api_.url().port);
  http.set_connection_timeout(kConnectTimeoutSeconds, 0);
  http.set_read_timeout(kIdleTimeoutSeconds, 0);
  http.set_write_timeout(kWriteTimeoutSeconds, 0);
  {
    std::lock_guard lock(mutex_);
    if (stopRequested_) return End::stopped;
    client_ = &http;
  }
  struct Detach {
    Subscription& self;
    ~Detach() {
      std::lock_guard lock(self.mutex_);
      self.client_ = nullptr;
    }
  } detach{*this};

  nlohmann::json body = {{"query", query}};
  if (!variables.is_null()) body["variables"] = variables;
  httplib::Request request;
  request.method = "POST";
  request.path = api_.url().apiPath();
  request.headers = {{"Accept", "text/event-stream"}, {"Content-Type", "application/json"}};
  if (!token.empty()) request.headers.emplace("Authorization", "Bearer " + token);
  request.body = body.dump();

  StreamReader reader{serverName, onData, {}, false, nullptr};
  int status = 0;
  bool streaming = false;
  std::string plainBody;
  request.response_handler = [&](const httplib::Response& response) {
    status = response.status;
    streaming = status == 200 && isEventStream(response.get_header_value("Content-Type"));
    return true;
  };
  request.content_receiver = [&](const char* data, std::size_t length, std::uint64_t,
                                 std::uint64_t) {
    if (stopRequested_) return false;
    if (streaming) return reader.feed(std::string_view(data, length));
    if (plainBody.size() + length > kMaxPlainBodyBytes) return false;
    plainBody.append(data, length);
    return true;
  };

  const httplib::Result result = http.send(request);
  if (reader.failure) std::rethrow_exception(reader.failure);
  if (reader.completed) return End::completed;
  if (stopRequested_) return End::stopped;
  if (!result && status == 0) {
    const auto error = result.error();
    if (error == httplib::Error::Connection || error == httplib::Error::ConnectionTimeout) {
      throw ServerUnreachable(serverName);
    }
    throw ServerError("the server at " + serverName + " did not answer (" +
                      httplib::to_string(error) + ")");
  }
  if (!streaming) {
    // A refusal before the stream started (bad query, validation): plain GraphQL.
    if (!result) {
      throw ServerError("the server at " + serverName + " did not finish its answer (HTTP " +
                        std::to_string(status) + ")");
    }
    responseData(serverName, status, plainBody);
    throw ServerError("the server at " + serverName + " answered HTTP " + std::to_string(status) +
                      " without an event stream: does it support subscriptions?");
  }
  if (!result && result.error() == httplib::Error::Read) {
    throw ServerError("the connection to the server at " + serverName +
                      " dropped (or it sent nothing for " + std::to_string(kIdleTimeoutSeconds) +
                      " s)");
  }
  throw ServerError("the server at " + serverName + " ended the stream without completing it");
}

void Subscription::stop() {
  stopRequested_ = true;
  std::lock_guard lock(mutex_);
  if (client_ != nullptr) client_->stop();
}

}  // namespace mt::client
