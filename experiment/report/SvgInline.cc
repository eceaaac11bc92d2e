#include "SvgInline.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace mt::experiment::report {
namespace {

struct Attribute {
  std::string name;
  std::string value;
  char quote = '"';
  bool hasValue = true;
};

// The SVG as the few kinds of pieces the rewriting needs. Comments, processing
// instructions and DOCTYPEs never become tokens: they are dropped while reading.
struct Token {
  enum class Kind { Text, StartTag, EndTag, Cdata };
  Kind kind = Kind::Text;
  std::string text;  // Text and Cdata, verbatim
  std::string name;  // tags
  std::vector<Attribute> attributes;
  bool selfClosing = false;
};

bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

// "svg:script" and "script" are the same element to a browser.
std::string localName(std::string_view name) {
  const std::size_t colon = name.rfind(':');
  return lower(colon == std::string_view::npos ? name : name.substr(colon + 1));
}

bool startsWith(std::string_view text, std::size_t at, std::string_view prefix) {
  return text.substr(at, prefix.size()) == prefix;
}

// Index just past the `>` closing a DOCTYPE that starts at `at`, skipping quoted strings
// and an internal subset in brackets (which may itself contain `>`).
std::size_t endOfDoctype(std::string_view svg, std::size_t at) {
  int brackets = 0;
  char quote = 0;
  for (std::size_t i = at; i < svg.size(); ++i) {
    const char c = svg[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[') {
      ++brackets;
    } else if (c == ']') {
      --brackets;
    } else if (c == '>' && brackets <= 0) {
      return i + 1;
    }
  }
  return svg.size();
}

// Reads the tag whose `<` is at `at`; returns the index past its `>`, or npos when the
// text there is no tag (a stray `<`).
std::size_t readTag(std::string_view svg, std::size_t at, Token& token) {
  std::size_t i = at + 1;
  const bool end = i < svg.size() && svg[i] == '/';
  if (end) ++i;
  const std::size_t nameStart = i;
  if (i >= svg.size() || !(std::isalpha(static_cast<unsigned char>(svg[i])) || svg[i] == '_')) {
    return std::string_view::npos;
  }
  // XML name characters only: a browser would read `<script<x` as a tag of another name,
  // and this reader must never see less of a tag than a browser does.
  while (i < svg.size() && (std::isalnum(static_cast<unsigned char>(svg[i])) || svg[i] == '_' ||
                            svg[i] == ':' || svg[i] == '.' || svg[i] == '-'))
    ++i;
  if (i < svg.size() && !isSpace(svg[i]) && svg[i] != '>' && svg[i] != '/') {
    return std::string_view::npos;
  }
  token.kind = end ? Token::Kind::EndTag : Token::Kind::StartTag;
  token.name = std::string(svg.substr(nameStart, i - nameStart));
  while (i < svg.size()) {
    while (i < svg.size() && isSpace(svg[i]))
      ++i;
    if (i >= svg.size()) break;
    if (svg[i] == '>') return i + 1;
    if (svg[i] == '/') {
      token.selfClosing = true;
      ++i;
      continue;
    }
    Attribute attribute;
    const std::size_t attributeStart = i;
    while (i < svg.size() && !isSpace(svg[i]) && svg[i] != '=' && svg[i] != '>' && svg[i] != '/') {
      ++i;
    }
    attribute.name = std::string(svg.substr(attributeStart, i - attributeStart));
    while (i < svg.size() && isSpace(svg[i]))
      ++i;
    if (i < svg.size() && svg[i] == '=') {
      ++i;
      while (i < svg.size() && isSpace(svg[i]))
        ++i;
      if (i < svg.size() && (svg[i] == '"' || svg[i] == '\'')) {
        attribute.quote = svg[i];
        const std::size_t close = svg.find(attribute.quote, i + 1);
        const std::size_t valueEnd = close == std::string_view::npos ? svg.size() : close;
        attribute.value = std::string(svg.substr(i + 1, valueEnd - i - 1));
        i = valueEnd + 1;
      } else {
        const std::size_t valueStart = i;
        while (i < svg.size() && !isSpace(svg[i]) && svg[i] != '>')
          ++i;
        attribute.value = std::string(svg.substr(valueStart, i - valueStart));
      }
    } else {
      attribute.hasValue = false;
    }
    if (!attribute.name.empty()) token.attributes.push_back(std::move(attribute));
  }
  return svg.size();
}

std::vector<Token> tokenize(std::string_view svg) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  auto addText = [&tokens](std::string_view text) {
    if (text.empty()) return;
    if (tokens.empty() || tokens.back().kind != Token::Kind::Text) {
      tokens.push_back(Token{});
    }
    tokens.back().text += text;
  };
  while (i < svg.size()) {
    const std::size_t open = svg.find('<', i);
    if (open == std::string_view::npos) {
      addText(svg.substr(i));
      break;
    }
    addText(svg.substr(i, open - i));
    if (startsWith(svg, open, "<!--")) {
      const std::size_t close = svg.find("-->", open + 4);
      i = close == std::string_view::npos ? svg.size() : close + 3;
    } else if (startsWith(svg, open, "<![CDATA[")) {
      const std::size_t close = svg.find("]]>", open + 9);
      const std::size_t endAt = close == std::string_view::npos ? svg.size() : close + 3;
      Token token;
      token.kind = Token::Kind::Cdata;
      token.text = std::string(svg.substr(open, endAt - open));
      tokens.push_back(std::move(token));
      i = endAt;
    } else if (startsWith(svg, open, "<?")) {
      const std::size_t close = svg.find("?>", open + 2);
      i = close == std::string_view::npos ? svg.size() : close + 2;
    } else if (startsWith(svg, open, "<!")) {
      i = endOfDoctype(svg, open);
    } else {
      Token token;
      const std::size_t next = readTag(svg, open, token);
      if (next == std::string_view::npos) {
        addText("<");
        i = open + 1;
      } else {
        tokens.push_back(std::move(token));
        i = next;
      }
    }
  }
  return tokens;
}

// The tokens of the root <svg> element, without <script> elements and their content.
std::vector<Token> rootElement(std::vector<Token> tokens) {
  std::vector<Token> kept;
  std::vector<std::string> open;
  bool started = false;
  int scriptDepth = 0;
  for (Token& token : tokens) {
    const bool isTag = token.kind == Token::Kind::StartTag || token.kind == Token::Kind::EndTag;
    const std::string name = isTag ? localName(token.name) : std::string();
    if (!started) {
      if (token.kind != Token::Kind::StartTag || name != "svg") continue;
      started = true;
    }
    if (name == "script") {
      if (token.kind == Token::Kind::StartTag && !token.selfClosing) ++scriptDepth;
      if (token.kind == Token::Kind::EndTag && scriptDepth > 0) --scriptDepth;
      continue;
    }
    if (scriptDepth > 0) continue;
    if (token.kind == Token::Kind::StartTag && !token.selfClosing) open.push_back(token.name);
    if (token.kind == Token::Kind::EndTag) {
      const auto match = std::find(open.rbegin(), open.rend(), token.name);
      if (match == open.rend()) continue;  // closes nothing that is open: dropped
      // Elements left open inside it are closed with it, as a browser would.
      while (open.back() != token.name) {
        Token close;
        close.kind = Token::Kind::EndTag;
        close.name = open.back();
        kept.push_back(std::move(close));
        open.pop_back();
      }
      open.pop_back();
    }
    kept.push_back(std::move(token));
    if (open.empty()) return kept;  // the root has ended: whatever follows is not the image
  }
  while (!open.empty()) {
    Token close;
    close.kind = Token::Kind::EndTag;
    close.name = open.back();
    kept.push_back(std::move(close));
    open.pop_back();
  }
  return kept;
}

bool isIdAttribute(std::string_view name) {
  return name == "id" || name == "xml:id";
}

bool isLinkAttribute(std::string_view name) {
  const std::string local = localName(name);
  return local == "href" || local == "src";
}

// A link that stays inside the page: a fragment, or data carried in the link itself.
bool isInternalLink(std::string_view value) {
  std::size_t i = 0;
  while (i < value.size() && isSpace(value[i]))
    ++i;
  return startsWith(value, i, "#") || lower(value.substr(i, 5)) == "data:";
}

class IdRewriter {
 public:
  IdRewriter(std::string prefix, const std::set<std::string>& ids)
      : prefix_(std::move(prefix)), ids_(ids) {}

  std::string renamed(const std::string& id) const { return prefix_ + "-" + id; }

  // `url(#X)`, `url('#X')` and `url("#X")` of the image's own ids, anywhere in `text`.
  std::string urls(std::string_view text) const {
    std::string result;
    std::size_t i = 0;
    while (true) {
      const std::size_t at = text.find("url(", i);
      if (at == std::string_view::npos) break;
      std::size_t j = at + 4;
      while (j < text.size() && isSpace(text[j]))
        ++j;
      if (j < text.size() && (text[j] == '\'' || text[j] == '"')) ++j;
      if (j < text.size() && text[j] == '#') {
        const std::size_t idStart = j + 1;
        std::size_t idEnd = idStart;
        while (idEnd < text.size() && text[idEnd] != ')' && text[idEnd] != '\'' &&
               text[idEnd] != '"' && !isSpace(text[idEnd])) {
          ++idEnd;
        }
        const std::string id(text.substr(idStart, idEnd - idStart));
        if (ids_.count(id) != 0) {
          result += text.substr(i, idStart - i);
          result += renamed(id);
          i = idEnd;
          continue;
        }
      }
      result += text.substr(i, j - i);
      i = j;
    }
    result += text.substr(i);
    return result;
  }

  std::string fragment(const std::string& value) const {
    if (value.size() > 1 && value[0] == '#' && ids_.count(value.substr(1)) != 0) {
      return "#" + renamed(value.substr(1));
    }
    return value;
  }

 private:
  std::string prefix_;
  const std::set<std::string>& ids_;
};

// Character data with `<` and quotes as references: a stray `<` (no tag) cannot open an
// element in the page, and a quote appears only around attribute values. `&` is left
// alone in text (it begins the references the text already has) and escaped in CDATA,
// where it was a plain character.
std::string escapeCharacterData(std::string_view text, bool ampersands) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    if (c == '<')
      escaped += "&lt;";
    else if (c == '"')
      escaped += "&quot;";
    else if (c == '\'')
      escaped += "&#39;";
    else if (c == '&' && ampersands)
      escaped += "&amp;";
    else
      escaped += c;
  }
  return escaped;
}

// An attribute value escaped as character data: whatever the value's own quote, the
// markup then holds a quote or a `<` only where a value or a tag begins or ends, which
// keeps it simple to check (svg_inline_fuzzer) and means the same to every parser.
std::string quoted(const std::string& value, char quote) {
  return quote + escapeCharacterData(value, false) + quote;
}

// [A-Za-z_:][A-Za-z0-9_:.-]*: what an attribute name may be in an image this report
// makes. Anything else (a stray `<` or quote inside a name, from a broken file) is dropped
// rather than copied into the page.
bool isXmlName(std::string_view name) {
  if (name.empty() ||
      !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_' || name[0] == ':'))
    return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ':' || c == '.' ||
           c == '-';
  });
}

std::string escapeStrayOpeners(const std::string& text) {
  return escapeCharacterData(text, false);
}

// "<![CDATA[a<b&c]]>" → "a&lt;b&amp;c": the same characters as plain character data.
std::string escapeCdata(const std::string& section) {
  constexpr std::string_view kOpen = "<![CDATA[";
  std::string_view content(section);
  if (content.starts_with(kOpen)) content.remove_prefix(kOpen.size());
  if (content.ends_with("]]>")) content.remove_suffix(3);
  return escapeCharacterData(content, true);
}

}  // namespace

InlinedSvg inlineSvg(std::string_view svg, std::string_view idPrefix) {
  const std::vector<Token> tokens = rootElement(tokenize(svg));
  InlinedSvg result;
  if (tokens.empty()) return result;

  std::set<std::string> ids;
  for (const Token& token : tokens) {
    for (const Attribute& attribute : token.attributes) {
      if (isIdAttribute(attribute.name) && !attribute.value.empty()) ids.insert(attribute.value);
    }
  }
  const IdRewriter rewrite(std::string(idPrefix), ids);

  std::set<std::string> renamed;
  bool inStyle = false;
  for (const Token& token : tokens) {
    switch (token.kind) {
      case Token::Kind::Text:
      case Token::Kind::Cdata: {
        const std::string text = token.kind == Token::Kind::Cdata ? escapeCdata(token.text)
                                                                  : escapeStrayOpeners(token.text);
        result.markup += inStyle ? rewrite.urls(text) : text;
        break;
      }
      case Token::Kind::EndTag:
        if (localName(token.name) == "style") inStyle = false;
        result.markup += "</" + token.name + ">";
        break;
      case Token::Kind::StartTag: {
        if (localName(token.name) == "style" && !token.selfClosing) inStyle = true;
        result.markup += "<" + token.name;
        for (const Attribute& attribute : token.attributes) {
          const std::string name = lower(attribute.name);
          if (!isXmlName(name) || name.rfind("on", 0) == 0) continue;
          if (isLinkAttribute(name) && !isInternalLink(attribute.value)) continue;
          result.markup += " " + attribute.name;
          if (!attribute.hasValue) continue;
          std::string value;
          if (isIdAttribute(name) && !attribute.value.empty()) {
            value = rewrite.renamed(attribute.value);
            if (renamed.insert(value).second) result.ids.push_back(value);
          } else if (isLinkAttribute(name)) {
            value = rewrite.fragment(attribute.value);
          } else {
            value = rewrite.urls(attribute.value);
          }
          result.markup += "=" + quoted(value, attribute.quote);
        }
        result.markup += token.selfClosing ? "/>" : ">";
        break;
      }
    }
  }
  return result;
}

}  // namespace mt::experiment::report
