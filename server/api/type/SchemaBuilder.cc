#include "SchemaBuilder.h"

#include <stdexcept>

#include "DefaultValues.h"
#include "Introspection.h"
#include "Parser.h"
#include "SchemaAssembly.h"
#include "SchemaValidator.h"
#include "SdlDirectiveChecker.h"
#include "SdlIndex.h"
#include "SdlTypeReader.h"
#include "SpecifiedSdl.h"

namespace mt::api {

namespace {

// The SDL is the application's own text, not a request: the limits that protect the
// server from hostile documents would only get in the way of a large schema.
ParseOptions sdlParseOptions() {
  ParseOptions options;
  options.maxTokens = 10'000'000;
  return options;
}

}  // namespace

SchemaBuilder::SchemaBuilder(std::string typeDefs, std::string sourceName)
    : typeDefs_(std::move(typeDefs)), sourceName_(std::move(sourceName)) {}

SchemaBuilder& SchemaBuilder::scalar(std::string name,
                                     std::shared_ptr<const ScalarType> implementation) {
  try {
    scalars_.add(std::move(name), std::move(implementation));
  } catch (const std::invalid_argument& problem) {
    registrationProblems_.emplace_back(problem.what());
  }
  return *this;
}

SchemaBuilder& SchemaBuilder::scalars(const ScalarRegistry& registry) {
  for (const auto& [name, implementation] : registry.entries()) {
    // The same implementation from two registries is no conflict.
    if (scalars_.find(name) == implementation) continue;
    scalar(name, implementation);
  }
  return *this;
}

SchemaBuilder& SchemaBuilder::resolver(std::string typeName, std::string fieldName,
                                       FieldResolver resolver) {
  if (!resolver) {
    registrationProblems_.push_back("Resolver for \"" + typeName + "." + fieldName +
                                    "\" is empty.");
    return *this;
  }
  resolvers_.fields.push_back(
      {std::move(typeName), std::move(fieldName), std::move(resolver), {}, {}});
  return *this;
}

SchemaBuilder& SchemaBuilder::batchResolver(std::string typeName, std::string fieldName,
                                            BatchFieldResolver resolver) {
  if (!resolver) {
    registrationProblems_.push_back("Batch resolver for \"" + typeName + "." + fieldName +
                                    "\" is empty.");
    return *this;
  }
  resolvers_.fields.push_back(
      {std::move(typeName), std::move(fieldName), {}, std::move(resolver), {}});
  return *this;
}

SchemaBuilder& SchemaBuilder::subscriber(std::string typeName, std::string fieldName,
                                         SubscribeResolver subscribe) {
  if (!subscribe) {
    registrationProblems_.push_back("Subscribe resolver for \"" + typeName + "." + fieldName +
                                    "\" is empty.");
    return *this;
  }
  resolvers_.fields.push_back(
      {std::move(typeName), std::move(fieldName), {}, {}, std::move(subscribe)});
  return *this;
}

SchemaBuilder& SchemaBuilder::typeResolver(std::string typeName, TypeResolver resolver) {
  if (!resolver) {
    registrationProblems_.push_back("Type resolver for \"" + typeName + "\" is empty.");
    return *this;
  }
  resolvers_.types.push_back({std::move(typeName), std::move(resolver)});
  return *this;
}

std::shared_ptr<const Schema> SchemaBuilder::build() const {
  SchemaAssembly assembly;
  for (const auto& problem : registrationProblems_)
    assembly.report(problem);

  std::shared_ptr<const ast::Document> document;
  try {
    document = parse(std::make_shared<const Source>(typeDefs_, sourceName_), sdlParseOptions());
  } catch (const GraphQLError& syntaxError) {
    std::vector<GraphQLError> errors = assembly.errors();
    errors.push_back(syntaxError);
    throw SchemaError(std::move(errors), sourceName_);
  }
  const std::shared_ptr<const ast::Document> specified = specifiedDefinitions();
  assembly.keepDocument(specified);
  assembly.keepDocument(document);

  // Types refer to each other across the two documents, so each step runs over both
  // before the next (see SdlTypeReader).
  const SdlIndex specifiedIndex = indexSdl(*specified, assembly);
  const SdlIndex index = indexSdl(*document, assembly);
  SdlTypeReader specifiedReader(assembly, specifiedIndex, /*specified=*/true, scalars_);
  SdlTypeReader reader(assembly, index, /*specified=*/false, scalars_);
  specifiedReader.createTypes();
  reader.createTypes();
  specifiedReader.addDirectives();
  reader.addDirectives();
  specifiedReader.completeTypes();
  reader.completeTypes();
  reader.readRootTypes();
  coerceDefaultValues(assembly);
  checkSdlDirectives(*document, assembly);
  installIntrospection(assembly);
  bindResolvers(assembly, resolvers_);
  assembly.linkAbstractTypes();
  validateSchema(assembly);

  if (!assembly.errors().empty()) throw SchemaError(assembly.errors(), sourceName_);
  return assembly.finish();
}

}  // namespace mt::api
