#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace mt::api {

// A position in a document as GraphQL errors report it: both 1-based. Columns count
// UTF-16 code units, as graphql-js does (its strings are UTF-16) and as editors that
// speak the Language Server Protocol expect, so an error points at the same place
// whichever implementation reported it.
struct SourceLocation {
  int line = 1;
  int column = 1;

  bool operator==(const SourceLocation&) const = default;
};

// The text of a GraphQL document, and the name it is reported under.
//
// The AST's names and literals are views into body(), so a Source never moves once
// made: the parser holds it by shared_ptr and every Document keeps its own alive.
class Source {
 public:
  explicit Source(std::string body, std::string name = "GraphQL request")
      : body_(std::move(body)), name_(std::move(name)) {}
  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;

  const std::string& body() const { return body_; }
  const std::string& name() const { return name_; }

  // Line and column of a byte offset into body(); an offset past the end is clamped.
  // Lines end at "\r\n", "\n" or "\r". Linear in the offset: for errors, not tokens
  // (the lexer tracks tokens' positions as it goes).
  SourceLocation locationOf(std::size_t offset) const;

 private:
  std::string body_;
  std::string name_;
};

}  // namespace mt::api
