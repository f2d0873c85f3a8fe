// The debrief's chart, drawn from a record made by hand so every point is known: where
// each value lands on the page, the marks for a rupture and a repair, the axis, and a
// "what if" branch drawn on the main timeline's scale with the room's path behind it.

#include "report/chart.h"

#include <doctest/doctest.h>

#include <string>

namespace {

using namespace attune;

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++n;
    }
    return n;
}

report::CharacterPoint point(double safety, double distance) {
    report::CharacterPoint p;
    p.safety = safety;
    p.distance = distance;
    return p;
}

// One character, #204060 (printed darker: #0e1c2b), starting at safety 50 and distance
// 20; a rupture at the first step (safety 100), a repair at the second (safety below 0,
// drawn at the bottom), with an open rupture and a stranger's repair that are not drawn.
report::DebriefRecord two_steps() {
    report::DebriefRecord record;
    record.characters = {{"kit", "Kit", "#204060"}};
    record.main.label = "What we did <together>";
    record.main.start = {point(50, 20)};
    report::TimelineStep first;
    first.after = {point(100, 0)};
    first.moments = {{model::EventKind::Rupture, 0, "Kit was hurt."}};
    report::TimelineStep second;
    second.after = {point(-10, 120)};
    second.moments = {{model::EventKind::Repair, 0, "Kit came back."},
                      {model::EventKind::RuptureOpen, 0, "still open"},
                      {model::EventKind::Repair, 5, "no such character"}};
    record.main.steps = {first, second};
    return record;
}

} // namespace

TEST_CASE("chart: the frame, the axis and one label per point, start first") {
    const report::DebriefRecord record = two_steps();
    const std::string svg = report::timeline_svg(record, record.main);
    CHECK(svg.starts_with("<svg viewBox=\"0 0 680 210\" role=\"img\" aria-label=\"What we did "
                          "&lt;together&gt;: felt safety and distance over the story\">"));
    CHECK(svg.ends_with("</svg>"));
    CHECK(contains(svg, "<rect x=\"70\" y=\"14\" width=\"594\" height=\"162\""));
    CHECK(contains(svg, "<text x=\"6\" y=\"24\" class=\"axis\">safer</text>"));
    CHECK(contains(svg, "<text x=\"6\" y=\"176\" class=\"axis\">less safe</text>"));
    // Three points across the frame: the start, then after each of the two steps.
    CHECK(contains(svg, "<text x=\"70.0\" y=\"192\" class=\"axis\" "
                        "text-anchor=\"middle\">start</text>"));
    CHECK(contains(svg, "<text x=\"367.0\" y=\"192\" class=\"axis\" "
                        "text-anchor=\"middle\">1</text>"));
    CHECK(contains(svg, "<text x=\"664.0\" y=\"192\" class=\"axis\" "
                        "text-anchor=\"middle\">2</text>"));
    CHECK(count(svg, "text-anchor=\"middle\"") == 3);
    // The main timeline has no branch's markings.
    CHECK_FALSE(contains(svg, "paths part here"));
    CHECK_FALSE(contains(svg, "stroke-opacity"));
}

TEST_CASE("chart: safety and distance are drawn point by point, safer higher, clamped to 0-100") {
    const report::DebriefRecord record = two_steps();
    const std::string svg = report::timeline_svg(record, record.main);
    // y = 14 + 162 * (1 - value / 100): 100 at the top (14), 0 at the bottom (176).
    CHECK(contains(svg, "<polyline fill=\"none\" stroke=\"#0e1c2b\" stroke-width=\"2.5\" "
                        "points=\"70.0,95.0 367.0,14.0 664.0,176.0\"/>"));
    CHECK(contains(svg, "<polyline fill=\"none\" stroke=\"#0e1c2b\" stroke-width=\"1.6\" "
                        "stroke-dasharray=\"2 4\" stroke-linecap=\"round\" "
                        "points=\"70.0,143.6 367.0,176.0 664.0,14.0\"/>"));
    CHECK(count(svg, "<polyline") == 2);
}

TEST_CASE(
    "chart: a rupture is a broken ring and a repair a ring round a dot, where they happened") {
    const report::DebriefRecord record = two_steps();
    const std::string svg = report::timeline_svg(record, record.main);
    CHECK(contains(svg, "<circle cx=\"367.0\" cy=\"14.0\" r=\"7\" fill=\"white\" "
                        "stroke=\"#0e1c2b\" stroke-width=\"2.2\" stroke-dasharray=\"16 6\" "
                        "transform=\"rotate(-58 367.0,14.0)\"/>"));
    CHECK(contains(svg, "<circle cx=\"664.0\" cy=\"176.0\" r=\"7\" fill=\"white\" "
                        "stroke=\"#0e1c2b\" stroke-width=\"2.2\"/><circle cx=\"664.0\" "
                        "cy=\"176.0\" r=\"3.2\" fill=\"#0e1c2b\"/>"));
    // One ring for the rupture, two circles for the repair; the open rupture and the
    // repair of a character the record does not have are not drawn.
    CHECK(count(svg, "<circle") == 3);
    CHECK(count(svg, "stroke-dasharray=\"16 6\"") == 1);
}

TEST_CASE("chart: a mark needs its character's state after the step") {
    report::DebriefRecord record = two_steps();
    record.characters.push_back({"ada", "Ada", ""});
    record.main.steps[0].moments.push_back({model::EventKind::Rupture, 1, "Ada was hurt."});
    // Ada has no state after the first step: her rupture cannot be placed, so it is left out.
    const std::string svg = report::timeline_svg(record, record.main);
    CHECK(count(svg, "<circle") == 3);
    record.main.steps[0].after.push_back(point(0, 0));
    CHECK(count(report::timeline_svg(record, record.main), "<circle") == 4);
}

TEST_CASE("chart: a branch is drawn on the main timeline's scale, the room's path behind it") {
    report::DebriefRecord record = two_steps();
    report::Timeline branch;
    branch.label = "What if";
    branch.diverges_at = 1;
    branch.start = {point(50, 20)};
    report::TimelineStep step;
    step.after = {point(75, 50)};
    branch.steps = {step}; // shorter than the main timeline: still three points across
    record.branches = {branch};
    const std::string svg = report::timeline_svg(record, record.branches[0]);
    CHECK(count(svg, "text-anchor=\"middle\"") == 3);
    CHECK(contains(svg, "<line x1=\"367.0\" y1=\"14\" x2=\"367.0\" y2=\"176\" stroke=\"#8a8078\" "
                        "stroke-dasharray=\"2 3\"/><text x=\"371.0\" y=\"36\" class=\"axis\">"
                        "paths part here</text>"));
    // Behind it, faint, the main timeline's safety; in front, the branch's own.
    CHECK(contains(svg, "<polyline fill=\"none\" stroke=\"#0e1c2b\" stroke-opacity=\"0.28\" "
                        "stroke-width=\"5\" points=\"70.0,95.0 367.0,14.0 664.0,176.0\"/>"));
    CHECK(contains(svg, "stroke-width=\"2.5\" points=\"70.0,95.0 367.0,54.5\"/>"));
    CHECK(svg.find("stroke-opacity") < svg.find("stroke-width=\"2.5\""));
    CHECK(count(svg, "<polyline") == 3);
    CHECK(count(svg, "<circle") == 0);
}

TEST_CASE("chart: a story colour is darkened to 45 % for paper, channel by channel") {
    report::DebriefRecord record;
    record.characters = {{"a", "A", "#204060"}, {"b", "B", "#ff0080"}, {"c", "C", "#FFfe01"}};
    CHECK(report::print_color(record, 0) == "#0e1c2b");
    CHECK(report::print_color(record, 1) == "#720039");
    CHECK(report::print_color(record, 2) == "#727200");
}

TEST_CASE("chart: a colour that is not #rrggbb falls back to the palette, by the character's "
          "place") {
    report::DebriefRecord record;
    record.characters = {{"a", "A", "#12345g"}, {"b", "B", "#1234567"}, {"c", "C", "123456"},
                         {"d", "D", "#-12345"}, {"e", "E", "x234567"},  {"f", "F", ""}};
    // The palette (f6c9a0, e8a4a0, a8c8b0, c9b6e4) at 45 %, worked out channel by channel.
    CHECK(report::print_color(record, 0) == "#6e5a48");
    CHECK(report::print_color(record, 1) == "#684948");
    CHECK(report::print_color(record, 2) == "#4b5a4f");
    CHECK(report::print_color(record, 3) == "#5a5166");
    CHECK(report::print_color(record, 4) == "#6e5a48"); // the fifth starts the palette again
    CHECK(report::print_color(record, 5) == "#684948");
}
