#pragma once

// The repetition helpers of Parser (graphql-js's any, many, optionalMany and
// delimitedMany), for the files that implement the parser. Not a public header.

#include <vector>

#include "Parser.h"

namespace mt::api {

// open item* close
template <class ParseItem>
auto Parser::any(TokenKind open, ParseItem parseItem, TokenKind close) {
  expectToken(open);
  std::vector<decltype(parseItem())> items;
  while (!expectOptionalToken(close))
    items.push_back(parseItem());
  return items;
}

// open item+ close
template <class ParseItem>
auto Parser::many(TokenKind open, ParseItem parseItem, TokenKind close) {
  expectToken(open);
  std::vector<decltype(parseItem())> items;
  do {
    items.push_back(parseItem());
  } while (!expectOptionalToken(close));
  return items;
}

// (open item+ close)?, empty when absent
template <class ParseItem>
auto Parser::optionalMany(TokenKind open, ParseItem parseItem, TokenKind close) {
  std::vector<decltype(parseItem())> items;
  if (expectOptionalToken(open)) {
    do {
      items.push_back(parseItem());
    } while (!expectOptionalToken(close));
  }
  return items;
}

// delimiter? item (delimiter item)*: a leading delimiter is allowed, as in
// `implements & A & B` and `union U = | A | B`.
template <class ParseItem>
auto Parser::delimitedMany(TokenKind delimiter, ParseItem parseItem) {
  expectOptionalToken(delimiter);
  std::vector<decltype(parseItem())> items;
  do {
    items.push_back(parseItem());
  } while (expectOptionalToken(delimiter));
  return items;
}

}  // namespace mt::api
