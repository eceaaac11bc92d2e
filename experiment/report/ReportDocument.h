#pragma once

#include <map>
#include <string>
#include <variant>
#include <vector>

// The report as a document: built once from the results, written twice (HTML and
// Markdown) by ReportWriters. Text is plain: writers escape it for their format. In
// Paragraph and Notice text, `backticks` mark code.
namespace mt::experiment::report {

struct Heading {
  int level = 2;     // 1..3
  std::string text;  // also gives the HTML anchor
};

struct Paragraph {
  std::string text;
};

// Something the reader must not miss: a point that failed, a missing client file.
struct Notice {
  std::string text;
};

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // each as long as header
  std::vector<bool> numeric;                   // per column: right-aligned; may be empty
  std::string caption;
};

// A figure drawn by the renderer, by Figure::name.
struct FigureRef {
  std::string name;
  std::string caption;
};

struct Preformatted {
  std::string text;  // config.toml as given, a command
};

using Block = std::variant<Heading, Paragraph, Notice, Table, FigureRef, Preformatted>;

struct ReportDocument {
  std::string title;
  std::vector<Block> blocks;
};

// A figure as the writers get it: what the renderer produced, or why it could not.
struct RenderedFigure {
  std::string svg;      // the SVG document (HTML writer)
  std::string pngPath;  // relative to the Markdown file, "figures/throughput.png"
  std::string error;    // non-empty: not drawn; the writers say so in its place
};

using RenderedFigures = std::map<std::string, RenderedFigure>;

}  // namespace mt::experiment::report
