#include "ReportWriters.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "ReportText.h"
#include "SvgInline.h"

namespace mt::experiment::report {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

int headingLevel(const Heading& heading) {
  return std::clamp(heading.level, 1, 6);
}

// Rows as the table's width: short rows padded with empty cells, extra cells dropped. A
// table without a header is as wide as its widest row.
std::size_t columnCount(const Table& table) {
  if (!table.header.empty()) return table.header.size();
  std::size_t widest = 0;
  for (const auto& row : table.rows)
    widest = std::max(widest, row.size());
  return widest;
}

std::string_view cell(const std::vector<std::string>& row, std::size_t column) {
  return column < row.size() ? std::string_view(row[column]) : std::string_view();
}

bool isNumeric(const Table& table, std::size_t column) {
  return column < table.numeric.size() && table.numeric[column];
}

// Why a figure reference cannot be drawn, or empty when it can.
std::string figureProblem(const FigureRef& ref, const RenderedFigures& figures) {
  const auto found = figures.find(ref.name);
  if (found == figures.end()) return "no such figure \"" + ref.name + "\"";
  return found->second.error;
}

// ---------------------------------------------------------------------------------- HTML

constexpr std::string_view kStyle = R"css(
:root { color-scheme: light; }
html {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Noto Sans", "Liberation Sans", sans-serif;
  font-size: 16px; line-height: 1.5; color: #1b1b1b; background: #fff;
}
body { max-width: 1100px; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 1rem; }
h2 { font-size: 1.45rem; line-height: 1.25; margin: 2.5rem 0 0.75rem; padding-bottom: 0.25rem;
  border-bottom: 1px solid #ccc; }
h3 { font-size: 1.15rem; margin: 1.75rem 0 0.5rem; }
h4, h5, h6 { font-size: 1rem; margin: 1.5rem 0 0.5rem; }
p { margin: 0.6rem 0; }
a { color: #0b57a4; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono",
  "Liberation Mono", monospace; font-size: 0.9em; }
code { background: #f2f2f2; padding: 0.05em 0.3em; border-radius: 3px; }
pre { background: #f7f7f7; border: 1px solid #d8d8d8; border-radius: 4px; padding: 0.75rem 1rem;
  overflow-x: auto; line-height: 1.4; }
pre code { background: none; padding: 0; }
nav.toc { border: 1px solid #ccc; border-radius: 4px; padding: 0.5rem 1.5rem 0.5rem 1rem;
  margin: 1rem 0 2rem; display: inline-block; min-width: 18rem; }
nav.toc .toc-title { font-weight: 600; margin: 0 0 0.25rem; }
nav.toc ul { margin: 0; padding-left: 1.25rem; }
.notice { border: 2px solid #7a5c00; border-left-width: 6px; border-radius: 3px;
  background: #fff7d6; padding: 0.5rem 0.9rem; margin: 1rem 0; }
.notice .notice-label { font-weight: 700; }
.notice pre { margin: 0.5rem 0 0; background: #fff; }
.table-wrap { overflow-x: auto; margin: 1rem 0 1.5rem; }
table { border-collapse: collapse; font-size: 0.92rem; }
caption { caption-side: top; text-align: left; font-weight: 600; padding: 0 0 0.4rem; }
th, td { padding: 0.3rem 0.75rem; text-align: left; vertical-align: top;
  border-bottom: 1px solid #ddd; }
thead th { border-bottom: 2px solid #555; font-weight: 600; vertical-align: bottom; }
tbody tr:nth-child(even) { background: #f6f6f6; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 1.5rem 0 2rem; }
svg { max-width: 100%; height: auto; }
figure svg { display: block; margin: 0 auto; }
figcaption { text-align: center; font-size: 0.92rem; color: #444; margin-top: 0.5rem; }
@page { margin: 15mm; }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  code, pre, .notice, .notice pre { background: none; }
  nav.toc { border: none; padding: 0; }
  .table-wrap { overflow: visible; }
  thead { display: table-header-group; }
  h1, h2, h3, h4, caption { break-after: avoid; page-break-after: avoid; }
  figure, tr, .notice, pre { break-inside: avoid; page-break-inside: avoid; }
}
)css";

// Paragraph and Notice text: escaped, with its `code` spans as <code>.
std::string inlineHtml(std::string_view text) {
  std::string out;
  for (const TextSpan& span : splitCodeSpans(text)) {
    if (span.code) {
      out += "<code>" + escapeHtml(span.text) + "</code>";
    } else {
      out += escapeHtml(span.text);
    }
  }
  return out;
}

std::string noticeHtml(const std::string& bodyHtml) {
  return "<div class=\"notice\" role=\"note\"><strong class=\"notice-label\">&#9888; "
         "Note:</strong> " +
         bodyHtml + "</div>\n";
}

std::string figureProblemHtml(const std::string& problem) {
  if (problem.find('\n') == std::string::npos) {
    return noticeHtml("figure not drawn: " + escapeHtml(problem));
  }
  // gnuplot's error output points at the fault with a caret under the line: keep it aligned.
  return noticeHtml("figure not drawn:<pre>" + escapeHtml(problem) + "</pre>");
}

std::string tableHtml(const Table& table) {
  const std::size_t columns = columnCount(table);
  if (columns == 0) {
    return table.caption.empty() ? std::string() : "<p>" + escapeHtml(table.caption) + "</p>\n";
  }
  auto cellTag = [&table](std::string_view tag, std::size_t column) {
    return "<" + std::string(tag) + (isNumeric(table, column) ? " class=\"num\">" : ">");
  };
  std::string out = "<div class=\"table-wrap\"><table>\n";
  if (!table.caption.empty()) out += "<caption>" + escapeHtml(table.caption) + "</caption>\n";
  out += "<thead><tr>";
  for (std::size_t column = 0; column < columns; ++column) {
    out += cellTag("th", column) + escapeHtml(cell(table.header, column)) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : table.rows) {
    out += "<tr>";
    for (std::size_t column = 0; column < columns; ++column) {
      out += cellTag("td", column) + escapeHtml(cell(row, column)) + "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody></table></div>\n";
  return out;
}

std::string preformattedHtml(std::string_view text) {
  while (!text.empty() && text.back() == '\n')
    text.remove_suffix(1);
  // The HTML parser drops a newline right after <pre>: one that is content must be doubled.
  const std::string lead = !text.empty() && text.front() == '\n' ? "\n" : "";
  return "<pre>" + lead + escapeHtml(text) + "</pre>\n";
}

// Ids decided before any HTML is written: the contents list comes before the headings it
// links to, and headings and figures share one namespace of ids.
struct HtmlPlan {
  std::vector<std::string> anchors;   // per block, for headings
  std::vector<std::string> svgs;      // per block, for figures that can be drawn
  std::vector<std::string> problems;  // per block, for figures that cannot
};

std::string uniqueId(const std::string& base, std::set<std::string>& taken) {
  std::string id = base;
  for (int suffix = 2; taken.count(id) != 0; ++suffix)
    id = base + "-" + std::to_string(suffix);
  taken.insert(id);
  return id;
}

// A figure name as an id prefix. Names are [a-z0-9-]+ already; anything else becomes '-'.
std::string idPrefix(std::string_view name) {
  std::string prefix;
  for (const char c : name) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_';
    prefix += safe ? c : '-';
  }
  return prefix.empty() ? "figure" : prefix;
}

HtmlPlan planHtml(const ReportDocument& document, const RenderedFigures& figures) {
  HtmlPlan plan;
  plan.anchors.resize(document.blocks.size());
  plan.svgs.resize(document.blocks.size());
  plan.problems.resize(document.blocks.size());
  std::set<std::string> taken;
  for (std::size_t i = 0; i < document.blocks.size(); ++i) {
    if (const auto* heading = std::get_if<Heading>(&document.blocks[i])) {
      plan.anchors[i] = uniqueId(anchorSlug(heading->text), taken);
    }
  }
  for (std::size_t i = 0; i < document.blocks.size(); ++i) {
    const auto* ref = std::get_if<FigureRef>(&document.blocks[i]);
    if (ref == nullptr) continue;
    plan.problems[i] = figureProblem(*ref, figures);
    if (!plan.problems[i].empty()) continue;
    // The same figure shown twice, or a heading that happens to spell one of its ids,
    // moves the figure to the next free prefix.
    const std::string base = idPrefix(ref->name);
    for (int attempt = 1;; ++attempt) {
      const std::string prefix = attempt == 1 ? base : base + "-" + std::to_string(attempt);
      InlinedSvg svg = inlineSvg(figures.at(ref->name).svg, prefix);
      if (svg.markup.empty()) {
        plan.problems[i] = "the renderer gave no SVG image";
        break;
      }
      const bool clash = std::any_of(svg.ids.begin(), svg.ids.end(),
                                     [&taken](const std::string& id) { return taken.count(id); });
      if (clash) continue;
      taken.insert(svg.ids.begin(), svg.ids.end());
      plan.svgs[i] = std::move(svg.markup);
      break;
    }
  }
  return plan;
}

std::string contentsHtml(const ReportDocument& document, const HtmlPlan& plan) {
  std::string items;
  for (std::size_t i = 0; i < document.blocks.size(); ++i) {
    const auto* heading = std::get_if<Heading>(&document.blocks[i]);
    if (heading == nullptr || headingLevel(*heading) != 2) continue;
    items +=
        "<li><a href=\"#" + plan.anchors[i] + "\">" + escapeHtml(heading->text) + "</a></li>\n";
  }
  if (items.empty()) return "";
  return "<nav class=\"toc\" aria-label=\"Contents\">\n<p "
         "class=\"toc-title\">Contents</p>\n<ul>\n" +
         items + "</ul>\n</nav>\n";
}

// ------------------------------------------------------------------------------ Markdown

// Paragraph and Notice text: plain parts escaped, `code` spans kept as code spans.
std::string inlineMarkdown(std::string_view text, bool startsLine) {
  std::string out;
  bool atLineStart = startsLine;
  for (const TextSpan& span : splitCodeSpans(text)) {
    if (!span.code) {
      out += escapeMarkdown(span.text, {.startsLine = atLineStart});
      atLineStart = false;
      continue;
    }
    // A line break inside a code span is a space to Markdown anyway, and a line that began
    // with `#` or `>` there would end the paragraph.
    std::string code(span.text);
    std::replace(code.begin(), code.end(), '\n', ' ');
    std::size_t longest = 0;
    for (std::size_t i = 0, run = 0; i < code.size(); ++i) {
      run = code[i] == '`' ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    const std::string ticks(longest + 1, '`');
    const bool pad = code.empty() || code.front() == '`' || code.back() == '`' ||
                     (code.front() == ' ' && code.back() == ' ');
    out += ticks;
    if (pad) out += ' ';
    out += code;
    if (pad) out += ' ';
    out += ticks;
    atLineStart = false;
  }
  return out;
}

// Every line of `markdown` inside a block quote.
std::string quoted(std::string_view markdown) {
  if (!markdown.empty() && markdown.back() == '\n') markdown.remove_suffix(1);
  std::string out;
  std::size_t start = 0;
  while (start <= markdown.size()) {
    const std::size_t newline = markdown.find('\n', start);
    const std::string_view line =
        markdown.substr(start, newline == std::string_view::npos ? markdown.npos : newline - start);
    out += line.empty() ? ">\n" : "> " + std::string(line) + "\n";
    if (newline == std::string_view::npos) break;
    start = newline + 1;
  }
  return out;
}

std::string fenced(std::string_view text) {
  const std::string fence = markdownFence(text);
  std::string body(text);
  if (body.empty() || body.back() != '\n') body += '\n';
  return fence + "\n" + body + fence + "\n";
}

std::string figureProblemMarkdown(const std::string& problem) {
  if (problem.find('\n') == std::string::npos) {
    return quoted("**Note:** figure not drawn: " + escapeMarkdown(problem, {.startsLine = false}));
  }
  return quoted("**Note:** figure not drawn:\n\n" + fenced(problem));
}

std::string italicLine(std::string_view text) {
  std::string trimmed(text);
  std::replace(trimmed.begin(), trimmed.end(), '\n', ' ');
  trimmed.erase(0, trimmed.find_first_not_of(" \t"));
  trimmed.erase(trimmed.find_last_not_of(" \t") + 1);
  if (trimmed.empty()) return "";
  return "*" + escapeMarkdown(trimmed, {.startsLine = false}) + "*\n";
}

// A link target as Markdown takes it: no spaces, and parentheses that cannot end it early.
std::string linkTarget(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= ' ' || c == '(' || c == ')' || c == '<' || c == '>' || c == '\\' || byte == 127) {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    } else {
      out += c;
    }
  }
  return out;
}

std::string tableMarkdown(const Table& table) {
  const std::size_t columns = columnCount(table);
  std::string out;
  std::string caption = italicLine(table.caption);
  if (columns == 0) return caption;
  if (!caption.empty()) out += caption + "\n";
  auto row = [columns](const std::vector<std::string>& cells) {
    std::string line = "|";
    for (std::size_t column = 0; column < columns; ++column) {
      line += " " + escapeMarkdown(cell(cells, column), {.tableCell = true}) + " |";
    }
    return line + "\n";
  };
  out += row(table.header);
  out += "|";
  for (std::size_t column = 0; column < columns; ++column) {
    out += isNumeric(table, column) ? " ---: |" : " --- |";
  }
  out += "\n";
  for (const auto& cells : table.rows)
    out += row(cells);
  return out;
}

std::string figureMarkdown(const FigureRef& ref, const RenderedFigures& figures) {
  std::string problem = figureProblem(ref, figures);
  if (problem.empty() && figures.at(ref.name).pngPath.empty()) {
    problem = "the renderer gave no PNG image";
  }
  if (!problem.empty()) return figureProblemMarkdown(problem);
  std::string altText = ref.caption.empty() ? ref.name : ref.caption;
  std::replace(altText.begin(), altText.end(), '\n', ' ');
  const std::string alt = escapeMarkdown(altText, {.startsLine = false, .linkText = true});
  std::string out = "![" + alt + "](" + linkTarget(figures.at(ref.name).pngPath) + ")\n";
  const std::string caption = italicLine(ref.caption);
  if (!caption.empty()) out += "\n" + caption;
  return out;
}

std::string headingMarkdown(int level, std::string_view text) {
  std::string line(text);
  std::replace(line.begin(), line.end(), '\n', ' ');
  std::string escaped = escapeMarkdown(line, {.startsLine = false});
  // A trailing run of # would be read as the heading's closing sequence and vanish.
  if (!escaped.empty() && escaped.back() == '#') escaped.insert(escaped.size() - 1, "\\");
  return std::string(static_cast<std::size_t>(level), '#') + " " + escaped + "\n";
}

}  // namespace

std::string renderHtml(const ReportDocument& document, const RenderedFigures& figures) {
  const HtmlPlan plan = planHtml(document, figures);
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      escapeHtml(document.title) + "</title>\n<style>" + std::string(kStyle) +
      "</style>\n</head>\n<body>\n<h1>" + escapeHtml(document.title) + "</h1>\n" +
      contentsHtml(document, plan);
  for (std::size_t i = 0; i < document.blocks.size(); ++i) {
    out += std::visit(Overloaded{
                          [&](const Heading& heading) {
                            const std::string level = std::to_string(headingLevel(heading));
                            std::string line = "<h" + level + " id=\"";
                            line += plan.anchors[i];
                            line += "\">";
                            line += escapeHtml(heading.text);
                            line += "</h" + level + ">\n";
                            return line;
                          },
                          [](const Paragraph& paragraph) {
                            return "<p>" + inlineHtml(paragraph.text) + "</p>\n";
                          },
                          [](const Notice& notice) { return noticeHtml(inlineHtml(notice.text)); },
                          [](const Table& table) { return tableHtml(table); },
                          [&](const FigureRef& ref) {
                            if (!plan.problems[i].empty())
                              return figureProblemHtml(plan.problems[i]);
                            std::string figure = "<figure>\n" + plan.svgs[i] + "\n";
                            if (!ref.caption.empty()) {
                              figure +=
                                  "<figcaption>" + escapeHtml(ref.caption) + "</figcaption>\n";
                            }
                            return figure + "</figure>\n";
                          },
                          [](const Preformatted& text) { return preformattedHtml(text.text); },
                      },
                      document.blocks[i]);
  }
  out += "</body>\n</html>\n";
  return out;
}

std::string renderMarkdown(const ReportDocument& document, const RenderedFigures& figures) {
  std::string out = headingMarkdown(1, document.title);
  for (const Block& block : document.blocks) {
    std::string text = std::visit(
        Overloaded{
            [](const Heading& heading) {
              return headingMarkdown(headingLevel(heading), heading.text);
            },
            [](const Paragraph& paragraph) { return inlineMarkdown(paragraph.text, true) + "\n"; },
            [](const Notice& notice) {
              return quoted("**Note:** " + inlineMarkdown(notice.text, false));
            },
            [](const Table& table) { return tableMarkdown(table); },
            [&figures](const FigureRef& ref) { return figureMarkdown(ref, figures); },
            [](const Preformatted& preformatted) { return fenced(preformatted.text); },
        },
        block);
    if (!text.empty()) out += "\n" + text;
  }
  return out;
}

}  // namespace mt::experiment::report
