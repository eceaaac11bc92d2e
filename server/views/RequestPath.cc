#include "RequestPath.h"

#include "UrlEncoding.h"

namespace mt::views {

std::optional<RequestPath> RequestPath::parse(std::string_view encodedPath) {
  if (!encodedPath.starts_with('/')) return std::nullopt;
  RequestPath path;
  std::string_view rest = encodedPath.substr(1);
  while (true) {
    std::size_t slash = rest.find('/');
    std::string_view segment = rest.substr(0, slash);
    if (segment.find('%') == std::string_view::npos) {
      path.segments_.emplace_back(segment);
    } else {
      std::optional<std::string> decoded = http::percentDecode(segment);
      if (!decoded) return std::nullopt;
      path.segments_.push_back(std::move(*decoded));
    }
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  return path;
}

const std::string& RequestPath::regexSubject() const {
  if (!regexSubject_) {
    std::string subject;
    for (const std::string& segment : segments_) {
      subject += '/';
      for (char c : segment) {
        if (c == '%') {
          subject += "%25";
        } else if (c == '/') {
          subject += "%2F";
        } else {
          subject += c;
        }
      }
    }
    regexSubject_ = std::move(subject);
  }
  return *regexSubject_;
}

std::string RequestPath::unescapeRegexCapture(std::string_view captured) {
  std::string out;
  out.reserve(captured.size());
  for (std::size_t i = 0; i < captured.size(); ++i) {
    // regexSubject() writes only %25 and %2F; a capture may cut one in half, and the
    // stray '%' then stays as it is.
    if (captured[i] == '%' && i + 2 < captured.size() && captured[i + 1] == '2') {
      if (captured[i + 2] == '5') {
        out += '%';
        i += 2;
        continue;
      }
      if (captured[i + 2] == 'F') {
        out += '/';
        i += 2;
        continue;
      }
    }
    out += captured[i];
  }
  return out;
}

}  // namespace mt::views
