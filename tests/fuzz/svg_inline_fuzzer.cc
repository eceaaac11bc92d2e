// The report's SVG inlining (experiment/report/SvgInline.h) on arbitrary text: no crash,
// and what it returns keeps its promises whatever came in. The markup is either empty or
// one element from <svg to its end; nothing in it can run or fetch (no <script, no on*
// handler, no href/src leaving the image); every id it defines carries the prefix, once.
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "SvgInline.h"

namespace {

std::string lower(std::string_view text) {
  std::string result(text);
  for (char& c : result)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return result;
}

void check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view svg(reinterpret_cast<const char*>(data), size);
  const mt::experiment::report::InlinedSvg inlined = mt::experiment::report::inlineSvg(svg, "f");
  const std::string markup = lower(inlined.markup);
  if (markup.empty()) {
    check(inlined.ids.empty());
    return 0;
  }
  check(markup.starts_with("<svg"));
  check(markup.ends_with("</svg>") || markup.ends_with("/>"));  // <svg …/> is whole too
  // No script element: no tag whose local name (after any namespace prefix) is "script".
  for (std::size_t at = markup.find('<'); at != std::string::npos; at = markup.find('<', at + 1)) {
    std::size_t end = at + 1;
    if (end < markup.size() && markup[end] == '/') ++end;
    const std::size_t nameStart = end;
    while (end < markup.size() && !std::isspace(static_cast<unsigned char>(markup[end])) &&
           markup[end] != '/' && markup[end] != '>')
      ++end;
    std::string_view name(markup.data() + nameStart, end - nameStart);
    if (const std::size_t colon = name.rfind(':'); colon != std::string_view::npos)
      name.remove_prefix(colon + 1);
    check(name != "script");
  }
  // A link out of the image: an attribute named href, xlink:href or src (a whole name, so
  // `xhref` is another attribute) whose value starts with http.
  for (const std::string_view link : {"href=\"http", "href='http", "src=\"http", "src='http"}) {
    for (std::size_t at = markup.find(link); at != std::string::npos;
         at = markup.find(link, at + 1)) {
      const char before = at > 0 ? markup[at - 1] : ' ';
      check(!(std::isspace(static_cast<unsigned char>(before)) || before == ':'));
    }
  }
  std::set<std::string> seen;
  for (const std::string& id : inlined.ids) {
    check(id.starts_with("f-"));
    check(seen.insert(id).second);
  }
  return 0;
}
