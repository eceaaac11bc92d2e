#pragma once

#include <any>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "GraphQLEngine.h"
#include "Json.h"
#include "Store.h"
#include "TwitterService.h"

namespace mt::twitter::testing {

// The Twitter's schema over a store, run the way the API view runs it: a
// RequestContext per request, in a std::any.
class SchemaHarness {
 public:
  struct Outcome {
    api::ExecutionResult result;
    std::shared_ptr<RequestContext> context;

    bool ok() const { return result.errors.empty() && result.data.has_value(); }
    // data at a dotted path ("timeline.nodes.0.id"); throws if absent.
    const api::Value& at(std::string_view path) const {
      if (!result.data) throw std::runtime_error("no data: " + json());
      const api::Value* value = &*result.data;
      while (!path.empty()) {
        const std::size_t dot = path.find('.');
        const std::string_view step = path.substr(0, dot);
        if (value->isList()) {
          const std::size_t index = std::stoul(std::string(step));
          if (index >= value->asList().size())
            throw std::runtime_error("no item " + std::string(step) + " in " + json());
          value = &value->asList()[index];
        } else {
          value = value->find(step);
          if (value == nullptr)
            throw std::runtime_error("no member " + std::string(step) + " in " + json());
        }
        path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
      }
      return *value;
    }
    std::string errorCode() const { return extension("code"); }
    std::string errorField() const { return extension("field"); }
    std::string errorMessage() const {
      return result.errors.empty() ? std::string() : result.errors.front().message();
    }
    std::string json() const { return result.toJson(); }

   private:
    std::string extension(std::string_view key) const {
      if (result.errors.empty()) return {};
      for (const auto& [name, value] : result.errors.front().extensions) {
        if (name == key) return value;
      }
      return {};
    }
  };

  SchemaHarness(db::Store& store, TwitterSettings settings)
      : service_(store, settings), engine_(buildTwitterSchema(service_)) {}

  // `variablesJson`: a JSON object, or empty for none.
  Outcome run(std::string query, std::string_view variablesJson = {}, std::string token = {}) {
    api::GraphQLRequest request;
    request.query = std::move(query);
    if (!variablesJson.empty()) {
      std::string error;
      std::optional<api::Value> variables = api::parseJson(variablesJson, &error);
      if (!variables) throw std::invalid_argument("bad variables JSON: " + error);
      request.variables = std::move(*variables);
    }
    auto context = std::make_shared<RequestContext>(service_, std::move(token));
    std::any any(context);
    return {engine_.run(request, any), context};
  }

  const TwitterService& service() const { return service_; }

 private:
  TwitterService service_;
  api::GraphQLEngine engine_;
};

}  // namespace mt::twitter::testing
