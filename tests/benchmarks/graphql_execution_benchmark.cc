// parse + validate + execute of a realistic request (a home timeline of 20 tweets with
// authors, mentions, replies, fragments and variables) over in-memory data, and each
// phase alone. The schema, query, variables and data are the files in graphql/ (see
// its README), which the graphql-js comparison script runs as well.
//
// items_per_second is requests per second on one thread.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <any>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "Executor.h"
#include "Json.h"
#include "Parser.h"
#include "SchemaBuilder.h"
#include "Validate.h"

namespace mt::api {
namespace {

std::string readFile(const std::string& name) {
  const std::string path = std::string(MT_GRAPHQL_BENCHMARK_DIR) + "/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Value readJson(const std::string& name) {
  std::string error;
  std::optional<Value> value = parseJson(readFile(name), &error);
  if (!value) throw std::runtime_error(name + ": " + error);
  return std::move(*value);
}

// data.json, with the indexes the resolvers look things up by. Resolved values share
// the document, as a cache of rows would.
class TimelineData {
 public:
  TimelineData() : document_(std::make_shared<const Value>(readJson("data.json"))) {
    for (const Value& user : document_->find("users")->asList()) {
      users_.emplace(user.find("id")->asString(), &user);
      usernames_.emplace(user.find("username")->asString(), &user);
    }
    for (const Value& tweet : document_->find("tweets")->asList()) {
      tweets_.emplace(tweet.find("id")->asString(), &tweet);
    }
  }

  Resolved share(const Value* value) const {
    return value == nullptr ? Resolved() : Resolved(std::shared_ptr<const Value>(document_, value));
  }
  const Value* user(const Value* id) const { return find(users_, id); }
  const Value* tweet(const Value* id) const { return find(tweets_, id); }
  const Value* userNamed(const std::string& username) const {
    const auto found = usernames_.find(username);
    return found == usernames_.end() ? nullptr : found->second;
  }
  const Value& viewerId() const { return *document_->find("viewerId"); }
  const Value::List& tweets() const { return document_->find("tweets")->asList(); }

 private:
  using Index = std::unordered_map<std::string, const Value*>;

  static const Value* find(const Index& index, const Value* id) {
    if (id == nullptr || !id->isString()) return nullptr;
    const auto found = index.find(id->asString());
    return found == index.end() ? nullptr : found->second;
  }

  std::shared_ptr<const Value> document_;
  Index users_;
  Index usernames_;
  Index tweets_;
};

std::shared_ptr<const Schema> buildTimelineSchema(std::shared_ptr<const TimelineData> data) {
  SchemaBuilder builder(readFile("schema.graphql"));
  builder.resolver("Query", "viewer", [data](const ResolveParams&) -> Resolved {
    return data->share(data->user(&data->viewerId()));
  });
  builder.resolver("Query", "user", [data](const ResolveParams& params) -> Resolved {
    return data->share(data->userNamed(params.args.find("username")->asString()));
  });
  builder.resolver("Query", "timeline", [data](const ResolveParams& params) -> Resolved {
    std::vector<const Value*> order;
    order.reserve(data->tweets().size());
    for (const Value& tweet : data->tweets())
      order.push_back(&tweet);
    const Value* sort = params.args.find("order");
    if (sort != nullptr && sort->isString() && sort->asString() == "TOP") {
      std::stable_sort(order.begin(), order.end(), [](const Value* a, const Value* b) {
        return a->find("likeCount")->asInt() > b->find("likeCount")->asInt();
      });
    }
    std::size_t start = 0;
    const Value* after = params.args.find("after");
    if (after != nullptr && after->isString()) {
      for (std::size_t i = 0; i < order.size(); ++i) {
        if (order[i]->find("id")->asString() == after->asString()) start = i + 1;
      }
    }
    const auto first =
        static_cast<std::size_t>(std::max<std::int64_t>(0, params.args.find("first")->asInt()));
    std::vector<Resolved> page;
    for (std::size_t i = start; i < order.size() && page.size() < first; ++i) {
      page.push_back(data->share(order[i]));
    }
    return Resolved::list(std::move(page));
  });
  builder.resolver("Query", "node", [data](const ResolveParams& params) -> Resolved {
    const Value* id = params.args.find("id");
    if (const Value* user = data->user(id)) return data->share(user);
    return data->share(data->tweet(id));
  });
  builder.batchResolver("Tweet", "author", [data](const BatchResolveParams& params) {
    std::vector<Resolved> authors;
    authors.reserve(params.parents.size());
    for (const Resolved* tweet : params.parents) {
      authors.push_back(data->share(data->user(tweet->value().find("authorId"))));
    }
    return authors;
  });
  builder.batchResolver("Tweet", "mentions", [data](const BatchResolveParams& params) {
    std::vector<Resolved> mentions;
    mentions.reserve(params.parents.size());
    for (const Resolved* tweet : params.parents) {
      std::vector<Resolved> users;
      for (const Value& id : tweet->value().find("mentionIds")->asList()) {
        users.push_back(data->share(data->user(&id)));
      }
      mentions.push_back(Resolved::list(std::move(users)));
    }
    return mentions;
  });
  builder.batchResolver("Tweet", "inReplyTo", [data](const BatchResolveParams& params) {
    std::vector<Resolved> replies;
    replies.reserve(params.parents.size());
    for (const Resolved* tweet : params.parents) {
      replies.push_back(data->share(data->tweet(tweet->value().find("inReplyToId"))));
    }
    return replies;
  });
  builder.resolver("User", "tweets", [data](const ResolveParams& params) -> Resolved {
    const std::string& id = params.parent.value().find("id")->asString();
    const std::int64_t first = params.args.find("first")->asInt();
    std::vector<Resolved> own;
    for (const Value& tweet : data->tweets()) {
      if (static_cast<std::int64_t>(own.size()) >= first) break;
      if (tweet.find("authorId")->asString() == id) own.push_back(data->share(&tweet));
    }
    return Resolved::list(std::move(own));
  });
  builder.typeResolver("Node", [](const Resolved& value, std::any&) -> std::string {
    return value.isValue() && value.value().find("username") != nullptr ? "User" : "Tweet";
  });
  return builder.build();
}

// Everything a request needs that the benchmark does not measure making.
struct Fixture {
  Fixture()
      : data(std::make_shared<const TimelineData>()),
        schema(buildTimelineSchema(data)),
        query(readFile("query.graphql")),
        variables(readJson("variables.json")) {}

  std::shared_ptr<const TimelineData> data;
  std::shared_ptr<const Schema> schema;
  std::string query;
  Value variables;
};

const Fixture& fixture() {
  static const Fixture instance;
  return instance;
}

ExecutionResult executeOnce(const Fixture& f, const ast::Document& document) {
  std::any context;
  ExecutionArgs args(*f.schema, document, f.variables, context);
  return execute(args);
}

// Fails the benchmark, rather than measure it, if the request does not succeed.
bool checkResult(benchmark::State& state, const ExecutionResult& result) {
  if (!result.errors.empty() || !result.data || result.data->isNull()) {
    state.SkipWithError(("request failed: " + result.toJson()).c_str());
    return false;
  }
  return true;
}

void BM_ParseValidateExecute(benchmark::State& state) {
  const Fixture& f = fixture();
  for (auto _ : state) {
    const auto document = parse(f.query);
    const auto errors = validate(*f.schema, *document);
    if (!errors.empty()) {
      state.SkipWithError(errors.front().what());
      return;
    }
    ExecutionResult result = executeOnce(f, *document);
    if (!checkResult(state, result)) return;
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseValidateExecute);

// The same and the response's JSON: what a server does per request.
void BM_ParseValidateExecuteToJson(benchmark::State& state) {
  const Fixture& f = fixture();
  std::size_t bytes = 0;
  for (auto _ : state) {
    const auto document = parse(f.query);
    const auto errors = validate(*f.schema, *document);
    ExecutionResult result = executeOnce(f, *document);
    std::string json = result.toJson();
    bytes = json.size();
    benchmark::DoNotOptimize(json);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["response_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_ParseValidateExecuteToJson);

void BM_Parse(benchmark::State& state) {
  const Fixture& f = fixture();
  for (auto _ : state)
    benchmark::DoNotOptimize(parse(f.query));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Parse);

void BM_Validate(benchmark::State& state) {
  const Fixture& f = fixture();
  const auto document = parse(f.query);
  for (auto _ : state)
    benchmark::DoNotOptimize(validate(*f.schema, *document));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Validate);

void BM_Execute(benchmark::State& state) {
  const Fixture& f = fixture();
  const auto document = parse(f.query);
  for (auto _ : state) {
    ExecutionResult result = executeOnce(f, *document);
    if (!checkResult(state, result)) return;
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Execute);

void BM_ResponseToJson(benchmark::State& state) {
  const Fixture& f = fixture();
  const auto document = parse(f.query);
  const ExecutionResult result = executeOnce(f, *document);
  if (!checkResult(state, result)) return;
  for (auto _ : state)
    benchmark::DoNotOptimize(result.toJson());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ResponseToJson);

}  // namespace
}  // namespace mt::api
