#include "report/chart.h"

#include "report/markup.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>

namespace attune::report {

namespace {

constexpr double width = 680;
constexpr double height = 210;
constexpr double left = 70; // room for the words on the axis
constexpr double right = 16;
constexpr double top = 14;
constexpr double bottom = 34;

double x_of(std::size_t point, std::size_t points) {
    const double span = width - left - right;
    return points <= 1 ? left + span / 2 : left + span * point / (points - 1);
}

double y_of(double value) {
    return top + (height - top - bottom) * (1 - std::clamp(value, 0.0, 100.0) / 100);
}

std::string xy(double x, double y) {
    return fixed(x, 1) + "," + fixed(y, 1);
}

// The points of one character's value over the timeline: the start, then after each step.
template <class Field>
std::string polyline(const Timeline& timeline, std::size_t points, std::size_t character,
                     Field field) {
    std::string out;
    if (character < timeline.start.size()) {
        out = xy(x_of(0, points), y_of(field(timeline.start[character])));
    }
    for (std::size_t i = 0; i < timeline.steps.size(); ++i) {
        if (character < timeline.steps[i].after.size()) {
            out += " " + xy(x_of(i + 1, points), y_of(field(timeline.steps[i].after[character])));
        }
    }
    return out;
}

std::string mark(double x, double y, model::EventKind kind, const std::string& color) {
    if (kind == model::EventKind::Repair) {
        return "<circle cx=\"" + fixed(x, 1) + "\" cy=\"" + fixed(y, 1) +
               "\" r=\"7\" fill=\"white\" " + "stroke=\"" + color +
               "\" stroke-width=\"2.2\"/><circle cx=\"" + fixed(x, 1) + "\" cy=\"" + fixed(y, 1) +
               "\" r=\"3.2\" fill=\"" + color + "\"/>";
    }
    // A ring broken open at the top and the bottom.
    return "<circle cx=\"" + fixed(x, 1) + "\" cy=\"" + fixed(y, 1) + "\" r=\"7\" fill=\"white\" " +
           "stroke=\"" + color + "\" stroke-width=\"2.2\" stroke-dasharray=\"16 6\" " +
           "transform=\"rotate(-58 " + xy(x, y) + ")\"/>";
}

} // namespace

std::string print_color(const DebriefRecord& record, std::size_t character) {
    static constexpr std::array<unsigned, 4> defaults = {0xf6c9a0, 0xe8a4a0, 0xa8c8b0, 0xc9b6e4};
    unsigned rgb = defaults[character % defaults.size()];
    const std::string& hex = record.characters[character].color;
    unsigned parsed = 0;
    if (hex.size() == 7 && hex[0] == '#' &&
        std::from_chars(hex.data() + 1, hex.data() + 7, parsed, 16).ptr == hex.data() + 7) {
        rgb = parsed;
    }
    // The game's colours are chosen for a dark stage; on paper they need to be darker.
    auto darker = [](unsigned channel) { return channel * 45 / 100; };
    char out[8];
    std::snprintf(out, sizeof out, "#%02x%02x%02x", darker(rgb >> 16 & 0xff),
                  darker(rgb >> 8 & 0xff), darker(rgb & 0xff));
    return out;
}

std::string timeline_svg(const DebriefRecord& record, const Timeline& timeline) {
    const bool is_branch = &timeline != &record.main;
    // A branch shares the main timeline's scale, so the two charts compare point by point.
    const std::size_t points =
        std::max(timeline.steps.size(), is_branch ? record.main.steps.size() : 0) + 1;
    std::string svg = "<svg viewBox=\"0 0 " + fixed(width, 0) + " " + fixed(height, 0) +
                      "\" role=\"img\" aria-label=\"" + html_escape(timeline.label) +
                      ": felt safety and distance over the story\">";
    svg += "<rect x=\"" + fixed(left, 0) + "\" y=\"" + fixed(top, 0) + "\" width=\"" +
           fixed(width - left - right, 0) + "\" height=\"" + fixed(height - top - bottom, 0) +
           "\" fill=\"#faf7f2\" stroke=\"#d8d0c4\"/>";
    svg += "<text x=\"6\" y=\"" + fixed(top + 10, 0) + "\" class=\"axis\">safer</text>";
    svg += "<text x=\"6\" y=\"" + fixed(height - bottom, 0) + "\" class=\"axis\">less safe</text>";
    for (std::size_t i = 0; i < points; ++i) {
        const std::string label = i == 0 ? "start" : std::to_string(i);
        svg += "<text x=\"" + fixed(x_of(i, points), 1) + "\" y=\"" +
               fixed(height - bottom + 16, 0) + "\" class=\"axis\" text-anchor=\"middle\">" +
               label + "</text>";
    }
    if (is_branch) {
        const double x = x_of(timeline.diverges_at, points);
        svg += "<line x1=\"" + fixed(x, 1) + "\" y1=\"" + fixed(top, 0) + "\" x2=\"" + fixed(x, 1) +
               "\" y2=\"" + fixed(height - bottom, 0) +
               "\" stroke=\"#8a8078\" stroke-dasharray=\"2 3\"/><text x=\"" + fixed(x + 4, 1) +
               "\" y=\"" + fixed(top + 22, 0) + "\" class=\"axis\">paths part here</text>";
    }
    auto safety = [](const CharacterPoint& p) { return p.safety; };
    for (std::size_t c = 0; is_branch && c < record.characters.size(); ++c) {
        // What the room did, faint behind the branch: where the two part and meet again.
        svg += "<polyline fill=\"none\" stroke=\"" + print_color(record, c) +
               "\" stroke-opacity=\"0.28\" stroke-width=\"5\" points=\"" +
               polyline(record.main, points, c, safety) + "\"/>";
    }
    for (std::size_t c = 0; c < record.characters.size(); ++c) {
        const std::string color = print_color(record, c);
        svg += "<polyline fill=\"none\" stroke=\"" + color + "\" stroke-width=\"2.5\" points=\"" +
               polyline(timeline, points, c, safety) + "\"/>";
        svg += "<polyline fill=\"none\" stroke=\"" + color +
               "\" stroke-width=\"1.6\" stroke-dasharray=\"2 4\" stroke-linecap=\"round\" "
               "points=\"" +
               polyline(timeline, points, c, [](const CharacterPoint& p) { return p.distance; }) +
               "\"/>";
    }
    for (std::size_t i = 0; i < timeline.steps.size(); ++i) {
        for (const Moment& moment : timeline.steps[i].moments) {
            if (moment.kind == model::EventKind::RuptureOpen) {
                continue; // still open: the rupture itself is already marked
            }
            const std::size_t c = static_cast<std::size_t>(moment.character);
            if (c >= record.characters.size() || c >= timeline.steps[i].after.size()) {
                continue;
            }
            svg += mark(x_of(i + 1, points), y_of(timeline.steps[i].after[c].safety), moment.kind,
                        print_color(record, c));
        }
    }
    return svg + "</svg>";
}

} // namespace attune::report
