#include "UrlEncoding.h"

#include "HttpSyntax.h"

namespace mt::http {

std::optional<std::string> percentDecode(std::string_view encoded, PlusAsSpace plus) {
  std::string decoded;
  decoded.reserve(encoded.size());
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    char c = encoded[i];
    if (c == '%') {
      if (encoded.size() - i < 3) return std::nullopt;
      int high = syntax::hexDigitValue(encoded[i + 1]);
      int low = syntax::hexDigitValue(encoded[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      decoded += static_cast<char>(high * 16 + low);
      i += 2;
    } else if (c == '+' && plus == PlusAsSpace::Yes) {
      decoded += ' ';
    } else {
      decoded += c;
    }
  }
  return decoded;
}

std::optional<QueryParams> parseQueryString(std::string_view query) {
  QueryParams params;
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view segment = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (segment.empty()) continue;

    std::size_t equals = segment.find('=');
    std::string_view name = segment.substr(0, equals);
    std::string_view value =
        equals == std::string_view::npos ? std::string_view{} : segment.substr(equals + 1);
    std::optional<std::string> decodedName = percentDecode(name, PlusAsSpace::Yes);
    std::optional<std::string> decodedValue = percentDecode(value, PlusAsSpace::Yes);
    if (!decodedName || !decodedValue) return std::nullopt;
    params.push_back({std::move(*decodedName), std::move(*decodedValue)});
  }
  return params;
}

const std::string* findQueryParam(const QueryParams& params, std::string_view name) {
  for (const QueryParam& param : params) {
    if (param.name == name) return &param.value;
  }
  return nullptr;
}

}  // namespace mt::http
