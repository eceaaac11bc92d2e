#pragma once

#include <string>
#include <string_view>
#include <vector>

// An SVG document made fit to sit inside an HTML page beside other SVGs. gnuplot writes
// the same element ids into every image ("gnuplot_canvas", "gpPt0", ...), so two figures
// on one page would resolve each other's references; each image's ids get its own prefix.
namespace mt::experiment::report {

struct InlinedSvg {
  std::string markup;            // from <svg to </svg>; empty when there is no <svg> element
  std::vector<std::string> ids;  // every id the markup defines, after prefixing
};

// The root <svg> element of `svg` with the prolog (XML declaration, DOCTYPE) and comments
// dropped, every id="X" renamed to "<idPrefix>-X" together with the references to it
// (href="#X", xlink:href="#X", url(#X)), and anything that would run or fetch when the page
// opens removed: <script> elements, on* handlers, href/src pointing outside the image.
InlinedSvg inlineSvg(std::string_view svg, std::string_view idPrefix);

}  // namespace mt::experiment::report
