#include "GraphQLView.h"

#include <array>
#include <optional>
#include <string_view>
#include <utility>

#include "GraphQLEngine.h"
#include "Json.h"
#include "MediaTypeNegotiation.h"
#include "ServerSentEvents.h"
#include "UrlEncoding.h"

namespace mt::views {
namespace {

using http::HttpResponse;
using http::Method;

constexpr std::string_view kGraphQLResponse = "application/graphql-response+json";
constexpr std::string_view kJson = "application/json";
// Preferred first: since the specification's 2025 watershed, a client that states no
// preference gets application/graphql-response+json. An event stream only to a client
// that asks for one (graphql-sse clients send `Accept: text/event-stream`).
constexpr std::array<std::string_view, 3> kOffered = {kGraphQLResponse, kJson,
                                                      http::kEventStreamMediaType};

// How a response is framed in the negotiated media type.
struct ResponseFormat {
  bool legacyJson = false;  // application/json: well-formed requests always get 200

  HttpResponse respond(int graphqlStatus, std::string body) const {
    // Legacy clients cannot tell a GraphQL error status from a proxy's, so the
    // specification has application/json answer every well-formed request with 200.
    HttpResponse response(legacyJson ? 200 : graphqlStatus);
    response.body = std::move(body);
    response.setHeader("Content-Type",
                       std::string(legacyJson ? kJson : kGraphQLResponse) + "; charset=utf-8");
    return response;
  }
};

// A request that is not a well-formed GraphQL-over-HTTP request: 400 in either media
// type, with the reason as a GraphQL error.
HttpResponse badRequest(std::string_view format, std::string_view message) {
  std::string body = "{\"errors\":[{\"message\":";
  api::writeJsonString(message, body);
  body += "}]}";
  HttpResponse response(400);
  response.body = std::move(body);
  response.setHeader("Content-Type", std::string(format) + "; charset=utf-8");
  return response;
}

// Reads `name` from a request object: absent and null both mean "not given".
// Returns false when the member is present with another type.
bool optionalMember(const api::Value& object, std::string_view name, api::Value::Kind kind,
                    api::Value& out) {
  const api::Value* member = object.find(name);
  if (!member || member->isNull()) return true;
  if (member->kind() != kind) return false;
  out = *member;
  return true;
}

// The request parameters from a JSON object (a POST body).
std::optional<std::string> requestFromObject(const api::Value& body, api::GraphQLRequest& out) {
  if (!body.isObject()) return "The request body must be a JSON object.";
  const api::Value* query = body.find("query");
  if (!query || !query->isString()) return "The request must have a \"query\" string.";
  out.query = query->asString();
  api::Value operationName;
  if (!optionalMember(body, "operationName", api::Value::Kind::String, operationName)) {
    return "\"operationName\" must be a string or null.";
  }
  if (operationName.isString()) out.operationName = operationName.asString();
  if (!optionalMember(body, "variables", api::Value::Kind::Object, out.variables)) {
    return "\"variables\" must be an object or null.";
  }
  if (!optionalMember(body, "extensions", api::Value::Kind::Object, out.extensions)) {
    return "\"extensions\" must be an object or null.";
  }
  return std::nullopt;
}

// A JSON-encoded query parameter (variables, extensions) of a GET request.
std::optional<std::string> jsonParam(const http::QueryParams& params, std::string_view name,
                                     api::Value& out) {
  const std::string* text = http::findQueryParam(params, name);
  if (!text || text->empty()) return std::nullopt;
  std::string error;
  std::optional<api::Value> value = api::parseJson(*text, &error);
  if (!value) return "\"" + std::string(name) + "\" is not valid JSON: " + error;
  if (!value->isObject() && !value->isNull()) {
    return "\"" + std::string(name) + "\" must be a JSON object.";
  }
  out = std::move(*value);
  return std::nullopt;
}

std::optional<std::string> requestFromQueryString(std::string_view queryString,
                                                  api::GraphQLRequest& out) {
  std::optional<http::QueryParams> params = http::parseQueryString(queryString);
  if (!params) return "The query string is not valid percent-encoding.";
  const std::string* query = http::findQueryParam(*params, "query");
  if (!query) return "The request must have a \"query\" parameter.";
  out.query = *query;
  if (const std::string* name = http::findQueryParam(*params, "operationName")) {
    if (!name->empty()) out.operationName = *name;
  }
  if (auto error = jsonParam(*params, "variables", out.variables)) return error;
  return jsonParam(*params, "extensions", out.extensions);
}

std::optional<std::string> requestFromBody(const http::HttpRequest& request,
                                           api::GraphQLRequest& out, int& status) {
  status = 400;
  std::optional<std::string_view> contentType = request.header("Content-Type");
  if (!contentType) {
    status = 415;
    return "A POST request needs a Content-Type: application/json.";
  }
  ContentType type = parseContentType(*contentType);
  if (type.mediaType != kJson || (type.charset && *type.charset != "utf-8")) {
    status = 415;
    return "Unsupported Content-Type \"" + std::string(*contentType) +
           "\": send application/json (UTF-8).";
  }
  std::string error;
  std::optional<api::Value> body = api::parseJson(request.body, &error);
  if (!body) return "The request body is not valid JSON: " + error;
  return requestFromObject(*body, out);
}

void execute(const api::GraphQLEngine& engine, const GraphQLViewOptions& options,
             const api::GraphQLRequest& request, const GraphQLHttpContext& httpContext, bool isGet,
             ResponseFormat format, const http::Responder& responder) {
  api::PreparedRequest prepared = engine.prepare(request);
  if (prepared.stage != api::PreparedRequest::Stage::Ready) {
    api::ExecutionResult failed;
    failed.errors = std::move(prepared.errors);
    responder.send(format.respond(400, failed.toJson()));
    return;
  }
  if (isGet && prepared.operation &&
      prepared.operation->operation != api::ast::OperationType::Query) {
    // GET must not change anything (GraphQL-over-HTTP: mutations need POST).
    HttpResponse response = HttpResponse::error(405, "Mutations and subscriptions need POST.");
    response.setHeader("Allow", "POST");
    responder.send(std::move(response));
    return;
  }
  if (api::GraphQLEngine::isSubscription(prepared)) {
    api::ExecutionResult refused;
    refused.errors.push_back(api::GraphQLError(
        "Subscriptions are delivered over Server-Sent Events: send the request with "
        "\"Accept: text/event-stream\"."));
    responder.send(format.respond(400, refused.toJson()));
    return;
  }
  std::any context = options.makeContext ? options.makeContext(httpContext) : std::any();
  api::ExecutionResult result = engine.execute(prepared, request, context);
  // No data at all means a request error (no operation, bad variables): 400.
  HttpResponse response = format.respond(result.data ? 200 : 400, result.toJson());
  if (options.finishResponse) options.finishResponse(context, result, response);
  responder.send(std::move(response));
}

}  // namespace

View graphqlView(std::shared_ptr<const api::GraphQLEngine> engine, GraphQLViewOptions options) {
  auto shared = std::make_shared<const GraphQLViewOptions>(std::move(options));
  return [engine = std::move(engine), shared](const ViewContext& ctx) {
    const http::HttpRequest& request = ctx.request;
    std::optional<std::string_view> mediaType =
        negotiateMediaType(request.header("Accept"), kOffered);
    if (!mediaType) {
      HttpResponse response = HttpResponse::error(
          406,
          "This endpoint answers application/graphql-response+json, application/json or "
          "text/event-stream.");
      ctx.responder.send(std::move(response));
      return;
    }
    const bool eventStream = *mediaType == http::kEventStreamMediaType;
    ResponseFormat format{*mediaType == kJson};
    // Errors in the request itself are JSON whatever was asked for.
    const std::string_view errorFormat = eventStream ? kJson : *mediaType;
    bool isGet = request.method == Method::Get || request.method == Method::Head;
    api::GraphQLRequest graphqlRequest;
    int status = 400;
    std::optional<std::string> problem = isGet
                                             ? requestFromQueryString(request.query, graphqlRequest)
                                             : requestFromBody(request, graphqlRequest, status);
    if (problem) {
      ctx.responder.send(status == 400 ? badRequest(errorFormat, *problem)
                                       : HttpResponse::error(status, *problem));
      return;
    }
    GraphQLHttpContext httpContext;
    if (auto value = request.header("Authorization")) httpContext.authorization = *value;
    if (auto value = request.header("Cookie")) httpContext.cookie = *value;

    http::Responder responder = ctx.responder;
    bool queued = responder.runBlocking([engine, shared, responder, isGet, format, eventStream,
                                         graphqlRequest = std::move(graphqlRequest),
                                         httpContext = std::move(httpContext)] {
      if (eventStream) {
        answerOverEventStream(engine, shared, graphqlRequest, httpContext, isGet, responder);
      } else {
        execute(*engine, *shared, graphqlRequest, httpContext, isGet, format, responder);
      }
    });
    if (!queued) {
      HttpResponse busy = HttpResponse::error(503, "The server is busy; try again shortly.");
      busy.setHeader("Retry-After", "1");
      responder.send(std::move(busy));
    }
  };
}

}  // namespace mt::views
