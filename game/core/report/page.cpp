#include "report/page.h"

#include "report/markup.h"

namespace attune::report {

namespace {

// System fonts only. Sizes in points, because these pages are made to be printed.
constexpr std::string_view shared_css = R"(
@page { size: A4; margin: 14mm 15mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Serif", Georgia, serif; font-size: 10.5pt; line-height: 1.38;
       color: #2b2622; background: #fff; max-width: 190mm; margin: 0 auto; padding: 6mm 0; }
h1 { font-size: 17pt; margin: 0 0 2pt; }
h2 { font-size: 12.5pt; margin: 12pt 0 4pt; padding-bottom: 2pt; border-bottom: 1.2pt solid #b9a993;
     break-after: avoid; }
h3 { font-size: 10.5pt; margin: 8pt 0 2pt; break-after: avoid; }
p { margin: 2pt 0 4pt; }
ul, ol { margin: 2pt 0 4pt; padding-left: 15pt; }
li { margin: 1pt 0; }
.meta { color: #5e554d; font-size: 9.5pt; }
.say { margin: 1pt 0 1pt 10pt; }
.speaker { font-weight: bold; }
.narration { font-style: italic; color: #463f39; }
.chosen { font-weight: bold; }
.chosen::before { content: "\2713  "; }
.closed { color: #7a716a; text-decoration: line-through; }
.personal { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 7.5pt; font-weight: bold;
            border: 0.8pt solid #8a5a2b; color: #8a5a2b; border-radius: 3pt; padding: 0 3pt;
            margin-left: 4pt; white-space: nowrap; }
.box { border: 1pt solid #b9a993; border-radius: 4pt; padding: 5pt 8pt; margin: 6pt 0;
       background: #fbf8f3; break-inside: avoid; }
.moment { break-inside: avoid; }
.label { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 7.5pt; letter-spacing: 0.06em;
         text-transform: uppercase; color: #7a716a; margin: 5pt 0 0; break-after: avoid; }
.causes { color: #463f39; }
.rupture { color: #8c3b2e; font-weight: bold; }
.repair { color: #7b4d63; font-weight: bold; }
svg { width: 100%; height: auto; display: block; margin: 4pt 0; }
svg .axis { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11px; fill: #5e554d; }
.legend { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 8.5pt; color: #463f39; }
.split { break-inside: avoid; margin: 4pt 0 6pt; }
.bars { border-collapse: collapse; width: 100%; table-layout: fixed; }
.bars td { padding: 1.5pt 4pt 1.5pt 0; vertical-align: middle; }
.bars td:first-child { width: 48%; }
.bars .track { width: 38%; }
.bars .bar { display: block; height: 0; border-top: 8pt solid #8a8178; }
.bars .count { width: 14%; white-space: nowrap; text-align: right; color: #5e554d; }
.swatch { display: inline-block; width: 18pt; height: 0; vertical-align: middle;
          margin: 0 3pt 0 8pt; }
)";

} // namespace

std::string html_page(std::string_view title, std::string_view body, std::string_view extra_css) {
    std::string page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    page += "<title>" + html_escape(title) + "</title>\n<style>";
    page += shared_css;
    page += extra_css;
    page += "</style>\n</head>\n<body>\n";
    page += body;
    page += "</body>\n</html>\n";
    return page;
}

} // namespace attune::report
