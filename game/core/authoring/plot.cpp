#include "authoring/plot.h"

#include "base/html_escape.h"
#include "play/session.h"

#include <algorithm>
#include <cstdio>

namespace attune {

namespace {

constexpr double panel_height = 220;
constexpr double panel_gap = 120; // room for the slanted step labels
constexpr double left = 60;
constexpr double right = 200; // room for the legend
constexpr double top = 60;
constexpr double step_width_min = 34;

constexpr const char* safety_colour = "#2e7d32";
constexpr const char* distance_colour = "#1565c0";
constexpr const char* arousal_colour = "#e65100";
constexpr const char* window_fill = "#fff3c4";
constexpr const char* rupture_colour = "#c62828";
constexpr const char* repair_colour = "#2e7d32";

std::string num(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

/// Maps step and value (0..100) to the page, for one panel.
struct Frame {
    double x0, y0, width, height;
    std::size_t steps;
    double x(std::size_t step) const {
        return steps == 0 ? x0 : x0 + width * static_cast<double>(step) / steps;
    }
    double y(double value) const { return y0 + height * (1 - std::clamp(value, 0.0, 100.0) / 100); }
};

void polyline(std::string& svg, const Frame& f, const std::vector<PlotPoint>& points,
              double PlotPoint::*value, const char* colour, const char* dash, const char* name) {
    svg += "<polyline class=\"" + std::string(name) + "\" fill=\"none\" stroke=\"" + colour +
           "\" stroke-width=\"2.2\"" +
           (dash[0] ? " stroke-dasharray=\"" + std::string(dash) + "\"" : "") + " points=\"";
    for (std::size_t i = 0; i < points.size(); ++i) {
        svg += (i ? " " : "") + num(f.x(i)) + "," + num(f.y(points[i].*value));
    }
    svg += "\"/>\n";
}

void window_band(std::string& svg, const Frame& f, const std::vector<PlotPoint>& points) {
    svg += "<polygon class=\"window\" fill=\"" + std::string(window_fill) +
           "\" stroke=\"none\" points=\"";
    for (std::size_t i = 0; i < points.size(); ++i) {
        svg += num(f.x(i)) + "," + num(f.y(points[i].window_high)) + " ";
    }
    for (std::size_t i = points.size(); i-- > 0;) {
        svg += num(f.x(i)) + "," + num(f.y(points[i].window_low)) + (i ? " " : "");
    }
    svg += "\"><title>window of tolerance: arousal between these edges is bearable</title>"
           "</polygon>\n";
}

// A red bar along the foot of the panel while a rupture is open.
void open_ruptures(std::string& svg, const Frame& f, const std::vector<PlotPoint>& points) {
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
        if (points[i].open) {
            svg += "<rect class=\"open\" x=\"" + num(f.x(i)) + "\" y=\"" + num(f.y(0) - 4) +
                   "\" width=\"" + num(f.x(i + 1) - f.x(i)) + "\" height=\"4\" fill=\"" +
                   rupture_colour + "\" opacity=\"0.5\"/>\n";
        }
    }
}

void markers(std::string& svg, const Frame& f, const std::vector<PlotPoint>& points,
             const std::vector<std::string>& steps) {
    for (std::size_t i = 0; i < points.size(); ++i) {
        const std::string move = i > 0 && i - 1 < steps.size() ? steps[i - 1] : "";
        const double x = f.x(i);
        const double y = f.y(points[i].safety);
        if (points[i].rupture) {
            svg += "<path class=\"rupture\" d=\"M" + num(x - 6) + "," + num(y - 6) + " L" +
                   num(x + 6) + "," + num(y + 6) + " M" + num(x + 6) + "," + num(y - 6) + " L" +
                   num(x - 6) + "," + num(y + 6) + "\" stroke=\"" + rupture_colour +
                   "\" stroke-width=\"3\"><title>rupture at step " + std::to_string(i) + " (" +
                   html_escape(move) + ")</title></path>\n";
        }
        if (points[i].repair) {
            svg += "<circle class=\"repair\" cx=\"" + num(x) + "\" cy=\"" + num(y) +
                   "\" r=\"6\" fill=\"none\" stroke=\"" + repair_colour +
                   "\" stroke-width=\"3\"><title>repair landed at step " + std::to_string(i) +
                   " (" + html_escape(move) + ")</title></circle>\n";
        }
    }
}

void axes(std::string& svg, const Frame& f, const std::vector<std::string>& steps) {
    for (const int v : {0, 25, 50, 75, 100}) {
        svg += "<line x1=\"" + num(f.x0) + "\" y1=\"" + num(f.y(v)) + "\" x2=\"" +
               num(f.x0 + f.width) + "\" y2=\"" + num(f.y(v)) +
               "\" stroke=\"#e0e0e0\" stroke-width=\"1\"/>\n"
               "<text x=\"" +
               num(f.x0 - 8) + "\" y=\"" + num(f.y(v) + 4) +
               "\" text-anchor=\"end\" font-size=\"11\" fill=\"#616161\">" + std::to_string(v) +
               "</text>\n";
    }
    for (std::size_t i = 0; i <= steps.size(); ++i) {
        const std::string label = i == 0 ? "start" : steps[i - 1];
        svg += "<text class=\"step\" x=\"" + num(f.x(i)) + "\" y=\"" + num(f.y0 + f.height + 14) +
               "\" font-size=\"10\" fill=\"#424242\" text-anchor=\"end\" transform=\"rotate(-35 " +
               num(f.x(i)) + " " + num(f.y0 + f.height + 14) + ")\">" + html_escape(label) +
               "</text>\n";
    }
}

void legend(std::string& svg, double x, double y) {
    struct Item {
        const char* colour;
        const char* text;
        const char* dash;
    };
    const Item items[] = {{safety_colour, "safety", ""},
                          {distance_colour, "distance", "6 3"},
                          {arousal_colour, "arousal", "2 3"}};
    double at = y;
    for (const Item& item : items) {
        svg += "<line x1=\"" + num(x) + "\" y1=\"" + num(at) + "\" x2=\"" + num(x + 24) +
               "\" y2=\"" + num(at) + "\" stroke=\"" + item.colour + "\" stroke-width=\"2.2\"" +
               (item.dash[0] ? " stroke-dasharray=\"" + std::string(item.dash) + "\"" : "") +
               "/><text x=\"" + num(x + 30) + "\" y=\"" + num(at + 4) +
               "\" font-size=\"12\" fill=\"#212121\">" + item.text + "</text>\n";
        at += 20;
    }
    svg += "<rect x=\"" + num(x) + "\" y=\"" + num(at - 7) +
           "\" width=\"24\" height=\"14\" fill=\"" + window_fill + "\"/><text x=\"" + num(x + 30) +
           "\" y=\"" + num(at + 4) +
           "\" font-size=\"12\" fill=\"#212121\">window of tolerance</text>\n";
    at += 20;
    svg += "<text x=\"" + num(x + 6) + "\" y=\"" + num(at + 5) + "\" font-size=\"16\" fill=\"" +
           rupture_colour + "\">✕</text><text x=\"" + num(x + 30) + "\" y=\"" + num(at + 4) +
           "\" font-size=\"12\" fill=\"#212121\">rupture</text>\n";
    at += 20;
    svg += "<circle cx=\"" + num(x + 12) + "\" cy=\"" + num(at) +
           "\" r=\"6\" fill=\"none\" stroke=\"" + repair_colour +
           "\" stroke-width=\"3\"/><text x=\"" + num(x + 30) + "\" y=\"" + num(at + 4) +
           "\" font-size=\"12\" fill=\"#212121\">repair</text>\n";
    at += 20;
    svg += "<rect x=\"" + num(x) + "\" y=\"" + num(at - 2) +
           "\" width=\"24\" height=\"4\" fill=\"" + rupture_colour +
           "\" opacity=\"0.5\"/><text x=\"" + num(x + 30) + "\" y=\"" + num(at + 4) +
           "\" font-size=\"12\" fill=\"#212121\">rupture still open</text>\n";
}

} // namespace

PlotPoint plot_point(const model::State& state) {
    PlotPoint point{state.safety, state.distance, state.arousal, state.window_low,
                    state.window_high};
    point.open = state.rupture_open;
    return point;
}

Plot plot_of_simulation(const std::string& title, const model::Profile& profile,
                        const model::State& start, const std::vector<model::SimRow>& rows) {
    Plot plot{title, {}, {{profile.name, {plot_point(start)}}}};
    for (const model::SimRow& row : rows) {
        if (row.move == "end") { // the reminder of a rupture still open, not a move
            continue;
        }
        plot.steps.push_back(row.move);
        PlotPoint point = plot_point(row.state);
        for (const model::Event& event : row.outcome.events) {
            point.rupture |= event.kind == model::EventKind::Rupture;
            point.repair |= event.kind == model::EventKind::Repair;
        }
        plot.series[0].points.push_back(point);
    }
    return plot;
}

Plot plot_of_session(const Session& session) {
    const Story& story = session.story();
    Plot plot{story.info.title, {}, {}};
    const SessionState& start =
        session.history().empty() ? session.state() : session.history().front().before;
    for (std::size_t c = 0; c < story.characters.size(); ++c) {
        PlotPoint first = plot_point(start.characters[c]);
        first.rupture = first.open; // a story may open after a falling-out
        plot.series.push_back({story.characters[c].profile.name, {first}});
    }
    const std::vector<Step>& history = session.history();
    for (std::size_t i = 0; i < history.size(); ++i) {
        const Step& step = history[i];
        // The state after a step is the state before the next one (or now, after the last).
        const SessionState& after =
            i + 1 < history.size() ? history[i + 1].before : session.state();
        plot.steps.push_back(story.scenes[step.scene].id + ": " +
                             std::string(story.choice(step.scene, step.choice).id));
        for (std::size_t c = 0; c < story.characters.size(); ++c) {
            PlotPoint point = plot_point(after.characters[c]);
            for (const model::Event& event : step.outcome.events) {
                if (event.character == static_cast<int>(c)) {
                    point.rupture |= event.kind == model::EventKind::Rupture;
                    point.repair |= event.kind == model::EventKind::Repair;
                }
            }
            plot.series[c].points.push_back(point);
        }
    }
    return plot;
}

std::string plot_svg(const Plot& plot) {
    const std::size_t steps = plot.steps.size();
    const double plot_width = std::max(420.0, step_width_min * static_cast<double>(steps));
    const double width = left + plot_width + right;
    const double height =
        top + static_cast<double>(plot.series.size()) * (panel_height + panel_gap) + 40;
    std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                      num(width) + "\" height=\"" + num(height) + "\" viewBox=\"0 0 " + num(width) +
                      " " + num(height) +
                      "\" font-family=\"DejaVu Sans, sans-serif\">\n"
                      "<title>" +
                      html_escape(plot.title) +
                      "</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
                      "<text x=\"" +
                      num(left) + "\" y=\"30\" font-size=\"18\" fill=\"#212121\">" +
                      html_escape(plot.title) + "</text>\n";
    for (std::size_t s = 0; s < plot.series.size(); ++s) {
        const PlotSeries& series = plot.series[s];
        const Frame f{left, top + static_cast<double>(s) * (panel_height + panel_gap), plot_width,
                      panel_height, steps};
        svg += "<g class=\"character\" data-name=\"" + html_escape(series.name) +
               "\">\n<text x=\"" + num(left) + "\" y=\"" + num(f.y0 - 8) +
               "\" font-size=\"14\" font-weight=\"bold\" fill=\"#212121\">" +
               html_escape(series.name) + "</text>\n";
        window_band(svg, f, series.points);
        axes(svg, f, plot.steps);
        polyline(svg, f, series.points, &PlotPoint::safety, safety_colour, "", "safety");
        polyline(svg, f, series.points, &PlotPoint::distance, distance_colour, "6 3", "distance");
        polyline(svg, f, series.points, &PlotPoint::arousal, arousal_colour, "2 3", "arousal");
        open_ruptures(svg, f, series.points);
        markers(svg, f, series.points, plot.steps);
        legend(svg, left + plot_width + 20, f.y0 + 10);
        svg += "</g>\n";
    }
    return svg + "</svg>\n";
}

} // namespace attune
