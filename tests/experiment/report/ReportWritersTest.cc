#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "ReportText.h"
#include "ReportWriters.h"
#include "SvgInline.h"

namespace mt::experiment::report {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// gnuplot 5.4's SVG terminal output cut down to one of each kind of id and reference, with
// the DOCTYPE older gnuplots write (it names a URL that must not reach the page).
constexpr const char* kGnuplotSvg = R"svg(<?xml version="1.0" encoding="utf-8"  standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"
 "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<!-- Produced by gnuplot -->
<svg 
 width="600" height="480"
 viewBox="0 0 600 480"
 xmlns="http://www.w3.org/2000/svg"
 xmlns:xlink="http://www.w3.org/1999/xlink"
>

<title>Gnuplot</title>
<desc>Produced by GNUPLOT 5.4 patchlevel 4 </desc>

<g id="gnuplot_canvas">

<rect x="0" y="0" width="600" height="480" fill="none"/>
<defs>

	<circle id='gpDot' r='0.5' stroke-width='0.5' stroke='currentColor'/>
	<path id='gpPt0' stroke-width='0.222' stroke='currentColor' d='M-1,0 h2 M0,-1 v2'/>
	<circle id='gpPt5' stroke-width='0.222' stroke='currentColor' cx='0' cy='0' r='1'/>
	<use xlink:href='#gpPt5' id='gpPt6' fill='currentColor' stroke='none'/>
	<filter id='textbox' filterUnits='objectBoundingBox' x='0' y='0' height='1' width='1'>
	  <feFlood flood-color='white' flood-opacity='1' result='bgnd'/>
	  <feComposite in='SourceGraphic' in2='bgnd' operator='atop'/>
	</filter>
	<clipPath id='gpClip1'><rect x='54' y='16' width='520' height='428'/></clipPath>
</defs>
	<g id="gnuplot_plot_1" ><title>sin(x)</title>
<g fill="none" color="black" stroke="currentColor" clip-path="url(#gpClip1)">
	<path stroke='rgb(148,   0, 211)'  d='M54.53,243.94 L59.79,220.78 L65.04,197.92'/>
	<use xlink:href='#gpPt6' transform='translate(54.53,243.94) scale(4.50)' color='rgb(148,   0, 211)'/>
	<g filter='url(#textbox)'><text>a &amp; b</text></g>
</g>
	</g>
</g>
</svg>

)svg";

std::size_t countOf(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

std::vector<std::string> matches(const std::string& text, const std::string& pattern, int group) {
  std::vector<std::string> found;
  const std::regex regex(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), regex);
       it != std::sregex_iterator(); ++it) {
    found.push_back((*it)[group].str());
  }
  return found;
}

// Every id="..." / id='...' attribute value in the page.
std::vector<std::string> idAttributes(const std::string& html) {
  return matches(html, R"re(\sid=(["'])([^"']*)\1)re", 2);
}

// Every in-page reference: href="#X", xlink:href='#X', url(#X).
std::vector<std::string> references(const std::string& html) {
  std::vector<std::string> found = matches(html, R"re(href=(["'])#([^"']*)\1)re", 2);
  for (const std::string& id : matches(html, R"re(url\(#([^)]*)\))re", 1))
    found.push_back(id);
  return found;
}

RenderedFigure drawn(std::string svg, std::string png = "figures/x.png") {
  return RenderedFigure{std::move(svg), std::move(png), ""};
}

std::string html(std::vector<Block> blocks, const RenderedFigures& figures = {}) {
  return renderHtml(ReportDocument{"Report", std::move(blocks)}, figures);
}

std::string markdown(std::vector<Block> blocks, const RenderedFigures& figures = {}) {
  return renderMarkdown(ReportDocument{"Report", std::move(blocks)}, figures);
}

// ------------------------------------------------------------------------------ text

TEST(ReportTextTest, CodeSpansPairBackticksLikeCommonMark) {
  auto spans = [](std::string_view text) {
    std::vector<std::string> out;
    for (const TextSpan& span : splitCodeSpans(text)) {
      out.push_back((span.code ? "code:" : "text:") + std::string(span.text));
    }
    return out;
  };
  EXPECT_THAT(spans("run `make` now"), ElementsAre("text:run ", "code:make", "text: now"));
  EXPECT_THAT(spans("it`s"), ElementsAre("text:it`s"));
  EXPECT_THAT(spans("``a`b`` and `c"), ElementsAre("code:a`b", "text: and `c"));
  EXPECT_THAT(spans("`` `x` ``"), ElementsAre("code:`x`"));
  EXPECT_THAT(spans("``x`"), ElementsAre("text:``x`"));
}

TEST(ReportTextTest, AnchorSlugs) {
  EXPECT_EQ(anchorSlug("Throughput vs. Servers (p99)"), "throughput-vs-servers-p99");
  EXPECT_EQ(anchorSlug("  --Latency--  "), "latency");
  EXPECT_EQ(anchorSlug("???"), "section");
}

TEST(ReportTextTest, MarkdownEscapesOnlyWhatWouldChangeMeaning) {
  EXPECT_EQ(escapeMarkdown("p_99 of 3 servers, 5 < 7, a - b"), "p_99 of 3 servers, 5 < 7, a - b");
  EXPECT_EQ(escapeMarkdown("# not a heading"), "\\# not a heading");
  EXPECT_EQ(escapeMarkdown("- not a list\n+ nor this\n> nor a quote"),
            "\\- not a list\n\\+ nor this\n\\> nor a quote");
  EXPECT_EQ(escapeMarkdown("2024. A year"), "2024\\. A year");
  EXPECT_EQ(escapeMarkdown("---"), "\\---");
  EXPECT_EQ(escapeMarkdown("*bold* _it_ ~x~ `c` <b> &amp; [a](b)"),
            "\\*bold\\* \\_it\\_ \\~x\\~ \\`c\\` \\<b> \\&amp; [a\\](b)");
  EXPECT_EQ(escapeMarkdown("C:\\path and \\*"), "C:\\path and \\\\\\*");
  EXPECT_EQ(escapeMarkdown("    indented"), "indented");
  EXPECT_EQ(escapeMarkdown("# mid-line", {.startsLine = false}), "# mid-line");
  EXPECT_EQ(escapeMarkdown("a|b\nc", {.tableCell = true}), "a\\|b c");
}

TEST(ReportTextTest, FenceOutlastsEveryBacktickRun) {
  EXPECT_EQ(markdownFence("plain"), "```");
  EXPECT_EQ(markdownFence("a ``` b"), "````");
  EXPECT_EQ(markdownFence("`````"), "``````");
}

// ------------------------------------------------------------------------------- SVG

TEST(SvgInlineTest, DropsPrologAndPrefixesIdsAndTheirReferences) {
  const InlinedSvg svg = inlineSvg(kGnuplotSvg, "throughput");
  EXPECT_THAT(svg.markup, StartsWith("<svg "));
  EXPECT_THAT(svg.markup, Not(HasSubstr("<?xml")));
  EXPECT_THAT(svg.markup, Not(HasSubstr("DOCTYPE")));
  EXPECT_THAT(svg.markup, Not(HasSubstr("<!--")));
  EXPECT_THAT(svg.markup, Not(HasSubstr("svg11.dtd")));
  EXPECT_EQ(svg.markup.substr(svg.markup.size() - 6), "</svg>");
  EXPECT_THAT(svg.ids,
              ElementsAre("throughput-gnuplot_canvas", "throughput-gpDot", "throughput-gpPt0",
                          "throughput-gpPt5", "throughput-gpPt6", "throughput-textbox",
                          "throughput-gpClip1", "throughput-gnuplot_plot_1"));
  EXPECT_THAT(
      svg.markup,
      AllOf(HasSubstr("<use xlink:href='#throughput-gpPt5' id='throughput-gpPt6'"),
            HasSubstr("clip-path=\"url(#throughput-gpClip1)\""),
            HasSubstr("filter='url(#throughput-textbox)'"), HasSubstr("<text>a &amp; b</text>")));
  for (const std::string& id : references(svg.markup)) {
    EXPECT_THAT(svg.ids, testing::Contains(id)) << "dangling reference #" << id;
  }
}

TEST(SvgInlineTest, RemovesWhatWouldRunOrFetch) {
  const InlinedSvg svg = inlineSvg(
      "<svg onload=\"init(evt)\" xmlns=\"http://www.w3.org/2000/svg\">"
      "<script type=\"text/javascript\" xlink:href=\"/usr/share/gnuplot/js/gnuplot_svg.js\"/>"
      "<script><![CDATA[ alert(1) ]]></script>"
      "<image href=\"https://example.org/x.png\"/><image xlink:href='data:image/png;base64,AA'/>"
      "<a href=\"http://example.org\"><text>t</text></a></svg>",
      "f");
  EXPECT_THAT(svg.markup, AllOf(Not(HasSubstr("script")), Not(HasSubstr("onload")),
                                Not(HasSubstr("alert")), Not(HasSubstr("example.org")),
                                HasSubstr("data:image/png"), HasSubstr("<text>t</text>")));
}

TEST(SvgInlineTest, NoSvgElementGivesNothing) {
  EXPECT_TRUE(inlineSvg("", "f").markup.empty());
  EXPECT_TRUE(inlineSvg("<?xml version=\"1.0\"?><html></html>", "f").markup.empty());
}

TEST(SvgInlineTest, UnclosedElementsAreClosed) {
  EXPECT_EQ(inlineSvg("<svg><g id=a><path/>", "p").markup, "<svg><g id=\"p-a\"><path/></g></svg>");
}

// Found by svg_inline_fuzzer: `<script<` is no tag to this reader, and must not become one
// in the page; a CDATA section's `<` neither.
TEST(SvgInlineTest, StrayOpenersAndCdataStayText) {
  EXPECT_EQ(inlineSvg("<svg><text>l<script<x/a></text></svg>", "f").markup,
            "<svg><text>l&lt;script<x a/></text></svg>");
  EXPECT_EQ(inlineSvg("<svg><text><![CDATA[a<script>&b]]></text></svg>", "f").markup,
            "<svg><text>a&lt;script>&amp;b</text></svg>");
}

// ------------------------------------------------------------------------------ HTML

TEST(HtmlWriterTest, IsOneSelfContainedPage) {
  const std::string page = html({Heading{2, "Setup"}, Paragraph{"text"}});
  EXPECT_THAT(page, StartsWith("<!DOCTYPE html>\n"));
  EXPECT_THAT(
      page,
      AllOf(HasSubstr("<meta charset=\"utf-8\">"), HasSubstr("<title>Report</title>"),
            HasSubstr("<h1>Report</h1>"), HasSubstr("<style>"), HasSubstr("@media print"),
            HasSubstr("max-width: 1100px"), HasSubstr("tabular-nums"),
            HasSubstr("svg { max-width: 100%; height: auto; }"), HasSubstr("break-inside: avoid")));
  EXPECT_THAT(page,
              AllOf(Not(HasSubstr("<script")), Not(HasSubstr("<link")), Not(HasSubstr("http://")),
                    Not(HasSubstr("https://")), Not(HasSubstr("@import")), Not(HasSubstr("url("))));
}

TEST(HtmlWriterTest, EscapesEveryText) {
  Table table{{"a<b"}, {{"x&y"}}, {}, "c\"d"};
  const std::string page =
      renderHtml(ReportDocument{"T <script>",
                                {Heading{2, "H & 'q'"}, Paragraph{"p <i> & \"q\""}, Notice{"n <b>"},
                                 table, Preformatted{"pre </pre> &"}}},
                 {});
  EXPECT_THAT(page,
              AllOf(HasSubstr("<title>T &lt;script&gt;</title>"),
                    HasSubstr("<h1>T &lt;script&gt;</h1>"), HasSubstr(">H &amp; &#39;q&#39;</h2>"),
                    HasSubstr("<p>p &lt;i&gt; &amp; &quot;q&quot;</p>"), HasSubstr("n &lt;b&gt;"),
                    HasSubstr("<th>a&lt;b</th>"), HasSubstr("<td>x&amp;y</td>"),
                    HasSubstr("<caption>c&quot;d</caption>"),
                    HasSubstr("<pre>pre &lt;/pre&gt; &amp;</pre>")));
  EXPECT_THAT(page, Not(HasSubstr("<script")));
  EXPECT_THAT(page, Not(HasSubstr("<i>")));
}

TEST(HtmlWriterTest, BackticksMarkCode) {
  const std::string page =
      html({Paragraph{"run `a<b && c` and it`s"}, Notice{"file `client-1.json` missing"}});
  EXPECT_THAT(page, HasSubstr("<p>run <code>a&lt;b &amp;&amp; c</code> and it`s</p>"));
  EXPECT_THAT(page, HasSubstr("file <code>client-1.json</code> missing"));
}

TEST(HtmlWriterTest, AnchorsAreUniqueAndTheContentsListTheLevelTwoHeadings) {
  const std::string page =
      html({Heading{2, "Results"}, Heading{3, "Detail"}, Heading{2, "Results"},
            Heading{2, "Results 2"}, Heading{2, "Throughput vs. Servers"}, Heading{3, "Results"}});
  EXPECT_THAT(idAttributes(page), ElementsAre("results", "detail", "results-2", "results-2-2",
                                              "throughput-vs-servers", "results-3"));
  EXPECT_THAT(matches(page, R"re(<li><a href="#([^"]*)">([^<]*)</a></li>)re", 1),
              ElementsAre("results", "results-2", "results-2-2", "throughput-vs-servers"));
  EXPECT_THAT(matches(page, R"re(<li><a href="#([^"]*)">([^<]*)</a></li>)re", 2),
              ElementsAre("Results", "Results", "Results 2", "Throughput vs. Servers"));
  // The contents come right after the title, before the first section.
  EXPECT_LT(page.find("<h1>"), page.find("<nav"));
  EXPECT_LT(page.find("</nav>"), page.find("<h2"));
}

TEST(HtmlWriterTest, NoContentsWithoutSections) {
  EXPECT_THAT(html({Paragraph{"only"}}), Not(HasSubstr("<nav")));
}

TEST(HtmlWriterTest, TableHasCaptionHeaderAndRightAlignedNumbers) {
  const std::string page = html({Table{{"servers", "throughput (req/s)", "note"},
                                       {{"1", "1,234.5", "ok"}, {"2", "2,400.0", "a|b"}},
                                       {true, true},
                                       "Throughput by servers"}});
  EXPECT_THAT(page, HasSubstr("<table>\n<caption>Throughput by servers</caption>\n<thead><tr>"
                              "<th class=\"num\">servers</th><th class=\"num\">throughput "
                              "(req/s)</th><th>note</th></tr></thead>\n<tbody>\n"
                              "<tr><td class=\"num\">1</td><td class=\"num\">1,234.5</td>"
                              "<td>ok</td></tr>\n"));
  EXPECT_THAT(page, HasSubstr("th.num, td.num { text-align: right;"));
}

TEST(HtmlWriterTest, RaggedRowsArePaddedOrCut) {
  const std::string page =
      html({Table{{"a", "b", "c"}, {{"1"}, {"1", "2", "3", "extra"}, {}}, {}, ""}});
  EXPECT_THAT(page, HasSubstr("<tr><td>1</td><td></td><td></td></tr>"));
  EXPECT_THAT(page, HasSubstr("<tr><td>1</td><td>2</td><td>3</td></tr>"));
  EXPECT_THAT(page, HasSubstr("<tr><td></td><td></td><td></td></tr>"));
  EXPECT_THAT(page, Not(HasSubstr("extra")));
  EXPECT_THAT(page, Not(HasSubstr("<caption>")));
}

TEST(HtmlWriterTest, NoticeIsAMarkedBox) {
  const std::string page = html({Notice{"point 3 failed"}});
  EXPECT_THAT(page,
              HasSubstr("<div class=\"notice\" role=\"note\"><strong "
                        "class=\"notice-label\">&#9888; Note:</strong> point 3 failed</div>"));
  EXPECT_THAT(page, HasSubstr(".notice { border: 2px solid"));
}

TEST(HtmlWriterTest, FigureIsInlinedWithItsIdsPrefixed) {
  const std::string page =
      html({FigureRef{"throughput", "Throughput & latency"}}, {{"throughput", drawn(kGnuplotSvg)}});
  EXPECT_THAT(page, HasSubstr("<figure>\n<svg "));
  EXPECT_THAT(page,
              HasSubstr("</svg>\n<figcaption>Throughput &amp; latency</figcaption>\n</figure>"));
  EXPECT_THAT(page, AllOf(Not(HasSubstr("<?xml")), Not(HasSubstr("<!DOCTYPE svg")),
                          Not(HasSubstr("<!--"))));
  EXPECT_THAT(
      page,
      AllOf(HasSubstr("id=\"throughput-gnuplot_canvas\""), HasSubstr("id='throughput-gpPt0'"),
            HasSubstr("xlink:href='#throughput-gpPt6'"), HasSubstr("url(#throughput-gpClip1)")));
  EXPECT_THAT(page, AllOf(Not(HasSubstr("\"gnuplot_canvas\"")), Not(HasSubstr("'#gpPt")),
                          Not(HasSubstr("url(#gp"))));
}

TEST(HtmlWriterTest, FiguresWithTheSameIdsDoNotCollide) {
  // Two figures drawn by gnuplot, one of them shown twice, and a heading that spells one of
  // the first figure's ids.
  const std::string page =
      html({Heading{2, "Throughput textbox"}, FigureRef{"throughput", "a"},
            FigureRef{"latency", "b"}, FigureRef{"throughput", "a again"}},
           {{"throughput", drawn(kGnuplotSvg)}, {"latency", drawn(kGnuplotSvg)}});
  const std::vector<std::string> ids = idAttributes(page);
  const std::set<std::string> distinct(ids.begin(), ids.end());
  EXPECT_EQ(ids.size(), 1 + 3 * 8u);
  EXPECT_EQ(distinct.size(), ids.size()) << "an id is defined twice";
  // The heading keeps its anchor; the figure whose id it spells moves to the next prefix.
  EXPECT_THAT(page, HasSubstr("<h2 id=\"throughput-textbox\">"));
  EXPECT_EQ(countOf(page, "id=\"throughput-2-gnuplot_canvas\""), 1u);
  EXPECT_EQ(countOf(page, "id=\"latency-gnuplot_canvas\""), 1u);
  EXPECT_EQ(countOf(page, "id=\"throughput-3-gnuplot_canvas\""), 1u);
  for (const std::string& id : references(page)) {
    EXPECT_EQ(distinct.count(id), 1u) << "dangling reference #" << id;
  }
}

TEST(HtmlWriterTest, FetchesNothingAndRunsNothing) {
  const std::string scripted =
      std::string(kGnuplotSvg)
          .replace(
              std::string(kGnuplotSvg).find("<title>"), 0,
              "<script type=\"text/javascript\" xlink:href=\"https://cdn.example/gnuplot_svg.js\"/>"
              "<script>alert(1)</script>");
  const std::string page =
      html({Paragraph{"see http://example.org"}, FigureRef{"f", "f"}}, {{"f", drawn(scripted)}});
  EXPECT_THAT(page, Not(HasSubstr("<script")));
  EXPECT_THAT(page, Not(HasSubstr("alert")));
  EXPECT_THAT(matches(page, R"re((src|href)\s*=\s*["']?\s*https?:)re", 0), testing::IsEmpty());
  // The only URLs left are the namespace names, which identify and fetch nothing, and text.
  std::string rest = page;
  for (const char* name :
       {"xmlns=\"http://www.w3.org/2000/svg\"", "xmlns:xlink=\"http://www.w3.org/1999/xlink\"",
        "see http://example.org"}) {
    EXPECT_EQ(countOf(rest, name), 1u) << name;
    rest.erase(rest.find(name), std::string(name).size());
  }
  EXPECT_THAT(rest, AllOf(Not(HasSubstr("http://")), Not(HasSubstr("https://"))));
}

TEST(HtmlWriterTest, FiguresNotDrawnSaySo) {
  const std::string page =
      html({FigureRef{"cdf", "Latency CDF"}, FigureRef{"nope", "x"}, FigureRef{"multi", "y"},
            FigureRef{"empty", "z"}},
           {{"cdf", RenderedFigure{"", "", "gnuplot exited with status 1"}},
            {"multi", RenderedFigure{"", "", "line 3: undefined variable\n         ^"}},
            {"empty", drawn("not an svg")}});
  EXPECT_THAT(page, HasSubstr("Note:</strong> figure not drawn: gnuplot exited with status "
                              "1</div>"));
  EXPECT_THAT(page, HasSubstr("Note:</strong> figure not drawn: no such figure &quot;nope&quot;"));
  EXPECT_THAT(page,
              HasSubstr("figure not drawn:<pre>line 3: undefined variable\n         ^</pre>"));
  EXPECT_THAT(page, HasSubstr("figure not drawn: the renderer gave no SVG image"));
  EXPECT_EQ(countOf(page, "<div class=\"notice\""), 4u);
  EXPECT_THAT(page, Not(HasSubstr("<figure>")));
}

TEST(HtmlWriterTest, PreformattedKeepsALeadingBlankLine) {
  EXPECT_THAT(html({Preformatted{"\n[server]\nthreads = 4\n"}}),
              HasSubstr("<pre>\n\n[server]\nthreads = 4</pre>"));
}

// -------------------------------------------------------------------------- Markdown

TEST(MarkdownWriterTest, HeadingsParagraphsAndNotices) {
  const std::string text =
      markdown({Heading{2, "Setup"}, Heading{3, "Issue #"}, Paragraph{"run `make -j2` * 2"},
                Paragraph{"# not a heading\n1. not a list"}, Notice{"`client-1.json` missing"}});
  EXPECT_EQ(text,
            "# Report\n\n"
            "## Setup\n\n"
            "### Issue \\#\n\n"
            "run `make -j2` \\* 2\n\n"
            "\\# not a heading\n1\\. not a list\n\n"
            "> **Note:** `client-1.json` missing\n");
}

TEST(MarkdownWriterTest, CodeSpansStayCodeSpans) {
  EXPECT_THAT(markdown({Paragraph{"``a`b`` and `|` and it`s"}}),
              HasSubstr("\n``a`b`` and `|` and it\\`s\n"));
}

TEST(MarkdownWriterTest, MultiLineNoticeStaysInTheQuote) {
  EXPECT_THAT(markdown({Notice{"first\n\n- second"}}),
              HasSubstr("> **Note:** first\n>\n> \\- second\n"));
}

TEST(MarkdownWriterTest, TableHasCaptionAlignmentAndEscapedPipes) {
  const std::string text =
      markdown({Table{{"servers", "mode|kind", "req/s"},
                      {{"1", "a|b", "1,234.5"}, {"2"}, {"3", "x", "9", "extra"}},
                      {true, false, true},
                      "Throughput *by* servers"}});
  EXPECT_THAT(text, HasSubstr("\n*Throughput \\*by\\* servers*\n\n"
                              "| servers | mode\\|kind | req/s |\n"
                              "| ---: | --- | ---: |\n"
                              "| 1 | a\\|b | 1,234.5 |\n"
                              "| 2 |  |  |\n"
                              "| 3 | x | 9 |\n"));
  EXPECT_THAT(text, Not(HasSubstr("extra")));
}

TEST(MarkdownWriterTest, FiguresAreImageLinksWithACaption) {
  const std::string text =
      markdown({FigureRef{"throughput", "Throughput [req/s]"}, FigureRef{"cdf", "CDF"},
                FigureRef{"gone", "x"}, FigureRef{"multi", "m"}},
               {{"throughput", drawn(kGnuplotSvg, "figures/throughput (1).png")},
                {"cdf", RenderedFigure{"", "", "gnuplot failed"}},
                {"multi", RenderedFigure{"", "", "line 3: bad\n   ^"}}});
  EXPECT_THAT(text, HasSubstr("\n![Throughput \\[req/s\\]](figures/throughput%20%281%29.png)\n\n"
                              "*Throughput [req/s]*\n"));
  EXPECT_THAT(text, HasSubstr("\n> **Note:** figure not drawn: gnuplot failed\n"));
  EXPECT_THAT(text, HasSubstr("\n> **Note:** figure not drawn: no such figure \"gone\"\n"));
  EXPECT_THAT(text, HasSubstr("\n> **Note:** figure not drawn:\n>\n> ```\n> line 3: bad\n>    ^\n"
                              "> ```\n"));
  EXPECT_THAT(text, Not(HasSubstr("<svg")));
  EXPECT_THAT(markdown({FigureRef{"f", "two\n# lines"}}, {{"f", drawn(kGnuplotSvg)}}),
              HasSubstr("\n![two # lines](figures/x.png)\n\n*two # lines*\n"));
}

TEST(MarkdownWriterTest, PreformattedFenceIsLongerThanAnyBacktickRun) {
  EXPECT_THAT(markdown({Preformatted{"threads = 4"}}), HasSubstr("\n```\nthreads = 4\n```\n"));
  EXPECT_THAT(markdown({Preformatted{"a ``` b\n````\n"}}),
              HasSubstr("\n`````\na ``` b\n````\n`````\n"));
}

}  // namespace
}  // namespace mt::experiment::report
