#pragma once

#include <string>

#include "ReportDocument.h"

// The two forms of a report. The HTML is one self-contained file: styles inline, every
// SVG inline (their element ids made unique per figure, since gnuplot reuses the same
// ids in every image), no scripts, nothing fetched, readable when printed. The Markdown
// refers to PNG files beside it.
namespace mt::experiment::report {

std::string renderHtml(const ReportDocument& document, const RenderedFigures& figures);
std::string renderMarkdown(const ReportDocument& document, const RenderedFigures& figures);

}  // namespace mt::experiment::report
