// The C++ engine's side of the graphql-js oracle tests (see README.md):
//   graphql_oracle_tool verdicts SCHEMA.graphql DOCUMENTS_DIR   → verdict JSON on stdout
//   graphql_oracle_tool execute SCHEMA.graphql QUERY.graphql     → response JSON on stdout
// The schema's custom scalars get pass-through implementations: the oracle checks
// validation and introspection, not scalar behaviour.
#include <algorithm>
#include <any>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "Executor.h"
#include "Json.h"
#include "Parser.h"
#include "SchemaBuilder.h"
#include "Validate.h"

namespace {

namespace fs = std::filesystem;
using namespace mt::api;

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::shared_ptr<const Schema> buildTestSchema(const fs::path& sdlPath) {
  std::string sdl = readFile(sdlPath);
  SchemaBuilder builder(sdl, sdlPath.filename().string());
  // Every custom scalar the SDL declares, passed through unchanged.
  auto document = parse(sdl);
  for (const ast::Definition& definition : document->definitions) {
    if (const auto* scalar = std::get_if<ast::ScalarTypeDefinition>(&definition)) {
      builder.scalar(std::string(scalar->name.value), std::make_shared<ScalarType>());
    }
  }
  return builder.build();
}

void writeErrors(const std::vector<GraphQLError>& errors, std::string& out) {
  out += '[';
  for (std::size_t i = 0; i < errors.size(); ++i) {
    if (i > 0) out += ',';
    out += "{\"message\":";
    writeJsonString(errors[i].message(), out);
    out += ",\"locations\":[";
    for (std::size_t j = 0; j < errors[i].locations.size(); ++j) {
      if (j > 0) out += ',';
      out += "{\"line\":" + std::to_string(errors[i].locations[j].line) +
             ",\"column\":" + std::to_string(errors[i].locations[j].column) + "}";
    }
    out += "]}";
  }
  out += ']';
}

int verdicts(const fs::path& schemaPath, const fs::path& documents) {
  auto schema = buildTestSchema(schemaPath);
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(documents)) {
    if (entry.path().extension() == ".graphql") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::string out = "{";
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::vector<GraphQLError> errors;
    try {
      auto document = parse(readFile(files[i]));
      errors = validate(*schema, *document);
    } catch (const GraphQLError& error) {
      errors.push_back(error);
    }
    if (i > 0) out += ',';
    out += '\n';
    writeJsonString(files[i].filename().string(), out);
    out += errors.empty() ? ":{\"valid\":true,\"errors\":" : ":{\"valid\":false,\"errors\":";
    writeErrors(errors, out);
    out += '}';
  }
  out += "\n}\n";
  std::cout << out;
  return 0;
}

int executeQuery(const fs::path& schemaPath, const fs::path& queryPath) {
  auto schema = buildTestSchema(schemaPath);
  auto document = parse(readFile(queryPath));
  std::vector<GraphQLError> errors = validate(*schema, *document);
  if (!errors.empty()) {
    std::string out;
    writeErrors(errors, out);
    std::cerr << "the query does not validate: " << out << '\n';
    return 1;
  }
  Value variables;
  std::any context;
  ExecutionArgs args(*schema, *document, variables, context);
  std::cout << execute(args).toJson() << '\n';
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() == 3 && args[0] == "verdicts") return verdicts(args[1], args[2]);
    if (args.size() == 3 && args[0] == "execute") return executeQuery(args[1], args[2]);
  } catch (const std::exception& e) {
    std::cerr << "graphql_oracle_tool: " << e.what() << '\n';
    return 1;
  }
  std::cerr << "usage: graphql_oracle_tool verdicts SCHEMA DOCUMENTS_DIR\n"
               "       graphql_oracle_tool execute SCHEMA QUERY\n";
  return 2;
}
