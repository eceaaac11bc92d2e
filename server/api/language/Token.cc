#include "Token.h"

namespace mt::api {

std::string_view tokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::StartOfFile:
      return "<SOF>";
    case TokenKind::EndOfFile:
      return "<EOF>";
    case TokenKind::Bang:
      return "!";
    case TokenKind::Dollar:
      return "$";
    case TokenKind::Amp:
      return "&";
    case TokenKind::ParenL:
      return "(";
    case TokenKind::ParenR:
      return ")";
    case TokenKind::Spread:
      return "...";
    case TokenKind::Colon:
      return ":";
    case TokenKind::Equals:
      return "=";
    case TokenKind::At:
      return "@";
    case TokenKind::BracketL:
      return "[";
    case TokenKind::BracketR:
      return "]";
    case TokenKind::BraceL:
      return "{";
    case TokenKind::Pipe:
      return "|";
    case TokenKind::BraceR:
      return "}";
    case TokenKind::Name:
      return "Name";
    case TokenKind::Int:
      return "Int";
    case TokenKind::Float:
      return "Float";
    case TokenKind::String:
      return "String";
    case TokenKind::BlockString:
      return "BlockString";
  }
  return "?";
}

bool isPunctuator(TokenKind kind) {
  switch (kind) {
    case TokenKind::StartOfFile:
    case TokenKind::EndOfFile:
    case TokenKind::Name:
    case TokenKind::Int:
    case TokenKind::Float:
    case TokenKind::String:
    case TokenKind::BlockString:
      return false;
    default:
      return true;
  }
}

std::string describeTokenKind(TokenKind kind) {
  std::string name(tokenKindName(kind));
  return isPunctuator(kind) ? '"' + name + '"' : name;
}

std::string describeToken(const Token& token) {
  std::string description = describeTokenKind(token.kind);
  switch (token.kind) {
    case TokenKind::Name:
    case TokenKind::Int:
    case TokenKind::Float:
    case TokenKind::String:
    case TokenKind::BlockString:
      description += " \"";
      description += token.value();
      description += '"';
      break;
    default:
      break;
  }
  return description;
}

}  // namespace mt::api
