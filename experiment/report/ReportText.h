#pragma once

#include <string>
#include <string_view>
#include <vector>

// Text of a report as each writer must spell it: HTML escaped, Markdown escaped only where
// a character would otherwise change what the text means, and the `code` spans that
// Paragraph and Notice text may contain.
namespace mt::experiment::report {

struct TextSpan {
  std::string_view text;
  bool code = false;  // the content between the backticks, without them
};

// Text split into plain and code spans the way CommonMark pairs backticks: a run of n
// backticks opens a span that the next run of exactly n closes; a run that nothing closes
// is plain text, backticks and all.
std::vector<TextSpan> splitCodeSpans(std::string_view text);

// & < > " ' as entities, so the text is safe in element content and quoted attributes.
std::string escapeHtml(std::string_view text);

// A heading's anchor: lower-case ASCII letters and digits, every run of anything else one
// '-', none at the ends; "section" when nothing is left.
std::string anchorSlug(std::string_view text);

struct MarkdownContext {
  bool startsLine = true;  // the text begins a line (block constructs can start there)
  bool tableCell = false;  // `|` ends a cell; line breaks are not allowed
  bool linkText = false;   // inside [...]: brackets must not pair up
};

// Plain text as Markdown that shows exactly this text. Backticks are escaped too: code
// spans, which are Markdown already, are the caller's to pass through.
std::string escapeMarkdown(std::string_view text, MarkdownContext context = {});

// A backtick fence that no backtick run in `text` can close.
std::string markdownFence(std::string_view text);

}  // namespace mt::experiment::report
