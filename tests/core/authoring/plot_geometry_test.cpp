// The plot of a run, drawn from points made by hand so every coordinate is known: the
// page's size, each panel's place, the three lines, the window band, open ruptures, the
// marks for a rupture and a repair, the axes, the step labels and the legend.
//
// A panel is 420 wide (or 34 per step when there are more steps) and 220 high, from x = 60,
// the first one 60 from the top and each next one 340 lower; value v is drawn at
// y0 + 220 * (1 - v / 100), clamped to 0..100.

#include "authoring/plot.h"

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

PlotPoint point(double safety, double distance, double arousal, double low, double high) {
    PlotPoint p;
    p.safety = safety;
    p.distance = distance;
    p.arousal = arousal;
    p.window_low = low;
    p.window_high = high;
    return p;
}

// Two steps, two characters. Ada: a rupture at step 1, still open until the end, and a
// repair at step 2; values past the edges are clamped. Bo: level at 50 throughout.
Plot two_steps() {
    Plot plot;
    plot.title = "Tea & talk";
    plot.steps = {"validate", "<b>"};
    PlotSeries ada{
        "Ada", {point(50, 25, 75, 10, 90), point(100, 0, 120, 20, 80), point(0, 100, -5, 30, 70)}};
    ada.points[0].open = true;
    ada.points[1].rupture = true;
    ada.points[1].open = true;
    ada.points[2].repair = true;
    ada.points[2].open = true; // after the last step: nothing further to draw
    PlotSeries bo{
        "Bo", {point(50, 50, 50, 10, 70), point(50, 50, 50, 10, 70), point(50, 50, 50, 10, 70)}};
    plot.series = {ada, bo};
    return plot;
}

} // namespace

TEST_CASE("plot geometry: the page fits the steps, one panel per character") {
    const std::string svg = plot_svg(two_steps());
    // 60 + 420 + 200 wide; 60 + 2 * (220 + 120) + 40 high.
    CHECK(contains(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"680.0\" "
                        "height=\"780.0\" viewBox=\"0 0 680.0 780.0\""));
    CHECK(contains(svg, "<title>Tea &amp; talk</title>"));
    CHECK(contains(svg, "<text x=\"60.0\" y=\"30\" font-size=\"18\" fill=\"#212121\">Tea &amp; "
                        "talk</text>"));
    CHECK(contains(svg, "<g class=\"character\" data-name=\"Ada\">\n<text x=\"60.0\" y=\"52.0\" "
                        "font-size=\"14\" font-weight=\"bold\" fill=\"#212121\">Ada</text>"));
    CHECK(contains(svg, "<g class=\"character\" data-name=\"Bo\">\n<text x=\"60.0\" y=\"392.0\""));
    CHECK(svg.ends_with("</g>\n</svg>\n"));
    CHECK(count(svg, "<g class=\"character\"") == 2);

    // Past 420 / 34 steps the panel widens by 34 per step: 15 steps are 510 wide.
    Plot wide = two_steps();
    wide.steps.assign(15, "m");
    wide.series.resize(1);
    wide.series[0].points.assign(16, point(50, 50, 50, 10, 70));
    CHECK(contains(plot_svg(wide), "width=\"770.0\" height=\"440.0\""));
    wide.steps.assign(12, "m"); // 408: still 420
    wide.series[0].points.assign(13, point(50, 50, 50, 10, 70));
    CHECK(contains(plot_svg(wide), "width=\"680.0\" height=\"440.0\""));
}

TEST_CASE("plot geometry: safety, distance and arousal point by point, clamped") {
    const std::string svg = plot_svg(two_steps());
    CHECK(contains(svg, "<polyline class=\"safety\" fill=\"none\" stroke=\"#2e7d32\" "
                        "stroke-width=\"2.2\" points=\"60.0,170.0 270.0,60.0 480.0,280.0\"/>"));
    CHECK(contains(svg, "<polyline class=\"distance\" fill=\"none\" stroke=\"#1565c0\" "
                        "stroke-width=\"2.2\" stroke-dasharray=\"6 3\" points=\"60.0,225.0 "
                        "270.0,280.0 480.0,60.0\"/>"));
    CHECK(contains(svg, "<polyline class=\"arousal\" fill=\"none\" stroke=\"#e65100\" "
                        "stroke-width=\"2.2\" stroke-dasharray=\"2 3\" points=\"60.0,115.0 "
                        "270.0,60.0 480.0,280.0\"/>"));
    // The second panel is 340 lower: 50 is at 400 + 110.
    CHECK(contains(svg, "<polyline class=\"safety\" fill=\"none\" stroke=\"#2e7d32\" "
                        "stroke-width=\"2.2\" points=\"60.0,510.0 270.0,510.0 480.0,510.0\"/>"));
}

TEST_CASE("plot geometry: the window band runs along the top edge and back along the bottom") {
    const std::string svg = plot_svg(two_steps());
    CHECK(contains(svg, "<polygon class=\"window\" fill=\"#fff3c4\" stroke=\"none\" "
                        "points=\"60.0,82.0 270.0,104.0 480.0,126.0 480.0,214.0 270.0,236.0 "
                        "60.0,258.0\"><title>window of tolerance"));
}

TEST_CASE("plot geometry: an open rupture is a bar along the foot, step by step") {
    const std::string svg = plot_svg(two_steps());
    CHECK(contains(svg, "<rect class=\"open\" x=\"60.0\" y=\"276.0\" width=\"210.0\" "
                        "height=\"4\" fill=\"#c62828\" opacity=\"0.5\"/>"));
    CHECK(contains(svg, "<rect class=\"open\" x=\"270.0\" y=\"276.0\" width=\"210.0\""));
    CHECK(count(svg, "<rect class=\"open\"") == 2);
}

TEST_CASE("plot geometry: a rupture is a cross and a repair a ring, on the safety line") {
    const std::string svg = plot_svg(two_steps());
    CHECK(contains(svg, "<path class=\"rupture\" d=\"M264.0,54.0 L276.0,66.0 M276.0,54.0 "
                        "L264.0,66.0\" stroke=\"#c62828\" stroke-width=\"3\"><title>rupture at "
                        "step 1 (validate)</title></path>"));
    CHECK(contains(svg, "<circle class=\"repair\" cx=\"480.0\" cy=\"280.0\" r=\"6\" "
                        "fill=\"none\" stroke=\"#2e7d32\" stroke-width=\"3\"><title>repair "
                        "landed at step 2 (&lt;b&gt;)</title></circle>"));
    CHECK(count(svg, "class=\"rupture\"") == 1);
    CHECK(count(svg, "class=\"repair\"") == 1);
    // A mark at the start names no move.
    Plot start = two_steps();
    start.series.resize(1);
    start.series[0].points[0].rupture = true;
    CHECK(contains(plot_svg(start), "<title>rupture at step 0 ()</title>"));
}

TEST_CASE("plot geometry: the value axis every 25, and a slanted label per point") {
    const std::string svg = plot_svg(two_steps());
    const std::pair<int, const char*> rows[] = {
        {0, "280.0"}, {25, "225.0"}, {50, "170.0"}, {75, "115.0"}, {100, "60.0"}};
    for (const auto& [value, y] : rows) {
        CAPTURE(value);
        CHECK(contains(svg, std::string("<line x1=\"60.0\" y1=\"") + y + "\" x2=\"480.0\" y2=\"" +
                                y + "\" stroke=\"#e0e0e0\" stroke-width=\"1\"/>"));
        const double text_y = std::stod(y) + 4;
        char expected[128];
        std::snprintf(expected, sizeof expected,
                      "<text x=\"52.0\" y=\"%.1f\" text-anchor=\"end\" "
                      "font-size=\"11\" fill=\"#616161\">%d</text>",
                      text_y, value);
        CHECK(contains(svg, expected));
    }
    CHECK(contains(svg, "<text class=\"step\" x=\"60.0\" y=\"294.0\" font-size=\"10\" "
                        "fill=\"#424242\" text-anchor=\"end\" transform=\"rotate(-35 60.0 "
                        "294.0)\">start</text>"));
    CHECK(contains(svg, "<text class=\"step\" x=\"270.0\" y=\"294.0\" font-size=\"10\" "
                        "fill=\"#424242\" text-anchor=\"end\" transform=\"rotate(-35 270.0 "
                        "294.0)\">validate</text>"));
    CHECK(contains(svg, "transform=\"rotate(-35 480.0 294.0)\">&lt;b&gt;</text>"));
    CHECK(count(svg, "<text class=\"step\"") == 6); // three per panel
}

TEST_CASE("plot geometry: the legend stands right of the panel, a row every 20") {
    const std::string svg = plot_svg(two_steps());
    CHECK(contains(svg, "<line x1=\"500.0\" y1=\"70.0\" x2=\"524.0\" y2=\"70.0\" "
                        "stroke=\"#2e7d32\" stroke-width=\"2.2\"/><text x=\"530.0\" y=\"74.0\" "
                        "font-size=\"12\" fill=\"#212121\">safety</text>"));
    CHECK(contains(svg, "<line x1=\"500.0\" y1=\"90.0\" x2=\"524.0\" y2=\"90.0\" "
                        "stroke=\"#1565c0\" stroke-width=\"2.2\" stroke-dasharray=\"6 3\"/>"
                        "<text x=\"530.0\" y=\"94.0\""));
    CHECK(contains(svg, "<line x1=\"500.0\" y1=\"110.0\" x2=\"524.0\" y2=\"110.0\" "
                        "stroke=\"#e65100\" stroke-width=\"2.2\" stroke-dasharray=\"2 3\"/>"));
    CHECK(contains(svg, "<rect x=\"500.0\" y=\"123.0\" width=\"24\" height=\"14\" "
                        "fill=\"#fff3c4\"/><text x=\"530.0\" y=\"134.0\""));
    CHECK(contains(svg, "<text x=\"506.0\" y=\"155.0\" font-size=\"16\" fill=\"#c62828\">✕"
                        "</text><text x=\"530.0\" y=\"154.0\""));
    CHECK(contains(svg, "<circle cx=\"512.0\" cy=\"170.0\" r=\"6\" fill=\"none\" "
                        "stroke=\"#2e7d32\" stroke-width=\"3\"/><text x=\"530.0\" y=\"174.0\""));
    CHECK(contains(svg, "<rect x=\"500.0\" y=\"188.0\" width=\"24\" height=\"4\" "
                        "fill=\"#c62828\" opacity=\"0.5\"/><text x=\"530.0\" y=\"194.0\""));
    // The second panel's legend is 340 lower.
    CHECK(contains(svg, "<line x1=\"500.0\" y1=\"410.0\" x2=\"524.0\" y2=\"410.0\""));
}

TEST_CASE("plot geometry: a simulation's rows become points; its closing reminder does not") {
    model::Profile profile;
    profile.name = "Sam";
    model::State start;
    start.safety = 40;
    std::vector<model::SimRow> rows(3);
    rows[0].move = "criticize";
    rows[0].state.safety = 30;
    rows[0].outcome.events.push_back({model::EventKind::Rupture, 0, Move::Criticize, ""});
    rows[1].move = "repair";
    rows[1].state.safety = 45;
    rows[1].state.rupture_open = true;
    rows[1].outcome.events.push_back({model::EventKind::Repair, 0, Move::Repair, ""});
    rows[2].move = "end";
    const Plot plot = plot_of_simulation("Sim", profile, start, rows);
    CHECK(plot.title == "Sim");
    CHECK(plot.steps == std::vector<std::string>{"criticize", "repair"});
    REQUIRE(plot.series.size() == 1);
    CHECK(plot.series[0].name == "Sam");
    REQUIRE(plot.series[0].points.size() == 3);
    CHECK(plot.series[0].points[0].safety == 40);
    CHECK(plot.series[0].points[1].safety == 30);
    CHECK(plot.series[0].points[1].rupture);
    CHECK_FALSE(plot.series[0].points[1].repair);
    CHECK(plot.series[0].points[2].repair);
    CHECK_FALSE(plot.series[0].points[2].rupture);
    CHECK(plot.series[0].points[2].open);
    CHECK_FALSE(plot.series[0].points[1].open);
}

TEST_CASE("plot geometry: a point shows the state's numbers and its window") {
    model::State state;
    state.safety = 1;
    state.distance = 2;
    state.arousal = 3;
    state.window_low = 4;
    state.window_high = 5;
    state.rupture_open = true;
    const PlotPoint p = plot_point(state);
    CHECK(p.safety == 1);
    CHECK(p.distance == 2);
    CHECK(p.arousal == 3);
    CHECK(p.window_low == 4);
    CHECK(p.window_high == 5);
    CHECK(p.open);
    CHECK_FALSE(p.rupture);
    CHECK_FALSE(p.repair);
}

TEST_CASE(
    "plot geometry: a plot made by hand with more points than steps names no move past them") {
    Plot plot = two_steps();
    plot.series.resize(1);
    plot.series[0].points.push_back(point(20, 80, 40, 10, 70));
    plot.series[0].points.back().rupture = true;
    const std::string svg = plot_svg(plot);
    CHECK(contains(svg, "<title>rupture at step 3 ()</title>"));
}
