#include "timeline.h"

#include "widgets.h"

#include <algorithm>
#include <cmath>

namespace attune {

namespace {

enum class Mark { None, Rupture, Repair };

Mark step_mark(const Step& step) {
    Mark mark = Mark::None;
    for (const model::Event& event : step.outcome.events) {
        if (event.kind == model::EventKind::Repair) {
            return Mark::Repair;
        }
        if (event.kind == model::EventKind::Rupture) {
            mark = Mark::Rupture;
        }
    }
    return mark;
}

// A repair is a whole ring with a filled heart; a rupture a ring broken open. Shape as
// well as colour, so the marks read without colour vision.
void draw_mark(ImDrawList* draw, ImVec2 centre, float radius, Mark mark, const Palette& colors) {
    const float thickness = std::max(1.5f, radius / 4);
    switch (mark) {
    case Mark::Repair:
        draw->AddCircle(centre, radius, colors.repair, 0, thickness);
        draw->AddCircleFilled(centre, radius * 0.5f, colors.repair);
        break;
    case Mark::Rupture:
        draw->PathArcTo(centre, radius, 0.35f, 2.8f);
        draw->PathStroke(colors.rupture, 0, thickness);
        draw->PathArcTo(centre, radius, 3.5f, 5.95f);
        draw->PathStroke(colors.rupture, 0, thickness);
        break;
    case Mark::None:
        draw->AddCircleFilled(centre, radius * 0.45f, colors.dim);
        break;
    }
}

void polyline(ImDrawList* draw, const std::vector<ImVec2>& points, ImU32 color, float thickness,
              bool dotted) {
    if (!dotted) {
        draw->AddPolyline(points.data(), static_cast<int>(points.size()), color, 0, thickness);
        return;
    }
    for (std::size_t i = 1; i < points.size(); ++i) {
        const ImVec2 a = points[i - 1];
        const ImVec2 b = points[i];
        const float length = std::hypot(b.x - a.x, b.y - a.y);
        const int dots = std::max(1, static_cast<int>(length / (thickness * 3)));
        for (int d = 0; d < dots; ++d) {
            const float t = static_cast<float>(d) / dots;
            draw->AddCircleFilled(ImVec2(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t),
                                  thickness * 0.7f, color);
        }
    }
}

void legend_entry(ImDrawList* draw, ImVec2& at, const char* label, ImU32 color, bool dotted,
                  float unit, ImU32 text) {
    std::vector<ImVec2> sample = {ImVec2(at.x, at.y + unit * 0.6f),
                                  ImVec2(at.x + unit * 2, at.y + unit * 0.6f)};
    polyline(draw, sample, color, unit * 0.16f, dotted);
    draw->AddText(ImVec2(at.x + unit * 2.5f, at.y), text, label);
    at.x += unit * 3.2f + ImGui::CalcTextSize(label).x;
}

} // namespace

std::string choice_text(const Session& session, std::size_t step) {
    const Step& s = session.history()[step];
    return session.render(session.story().choice(s.scene, s.choice).text);
}

void timeline_strip(ScreenContext& context, float width) {
    Session* session = context.game.session();
    const auto& history = session->history();
    const float size = std::max(28.0f, context.text_px * 1.5f);
    const float spacing = size * 0.25f;
    const int per_row = std::max(1, static_cast<int>(width / (size + spacing)));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing, spacing));
    std::optional<std::size_t> rewind;
    for (std::size_t i = 0; i <= history.size(); ++i) {
        if (i % per_row != 0) {
            ImGui::SameLine();
        }
        ImGui::PushID(static_cast<int>(i));
        const ImVec2 min = ImGui::GetCursorScreenPos();
        const bool now = i == history.size();
        if (ImGui::InvisibleButton("step", ImVec2(size, size)) && !now) {
            rewind = i;
        }
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const ImVec2 centre(min.x + size / 2, min.y + size / 2);
        if (now) {
            draw->AddCircle(centre, size * 0.3f, context.colors.warm, 0, 2);
        } else {
            draw_mark(draw, centre, size * 0.3f, step_mark(history[i]), context.colors);
        }
        if (ImGui::IsItemHovered() || ImGui::IsItemFocused()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(context.text_px * 24);
            if (now) {
                ImGui::TextUnformatted("You are here.");
            } else {
                ImGui::TextUnformatted(choice_text(*session, i).c_str());
                ImGui::TextDisabled("Go back to this choice");
            }
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        ImGui::PopID();
    }
    ImGui::PopStyleVar();
    if (rewind) {
        context.game.rewind_to(*rewind);
    }
}

void timeline_chart(ScreenContext& context, float width, float height) {
    const Session& session = *context.game.session();
    const auto& history = session.history();
    const Story& story = session.story();
    const Palette& colors = context.colors;
    const float unit = context.text_px;
    ImDrawList* draw = ImGui::GetWindowDrawList();

    ImVec2 legend = ImGui::GetCursorScreenPos();
    legend_entry(draw, legend, "felt safety", colors.text, false, unit, colors.dim);
    legend_entry(draw, legend, "distance", colors.text, true, unit, colors.dim);
    for (const Mark mark : {Mark::Rupture, Mark::Repair}) {
        draw_mark(draw, ImVec2(legend.x + unit * 0.5f, legend.y + unit * 0.6f), unit * 0.45f, mark,
                  colors);
        const char* label = mark == Mark::Rupture ? "rupture" : "repair";
        draw->AddText(ImVec2(legend.x + unit * 1.3f, legend.y), colors.dim, label);
        legend.x += unit * 2 + ImGui::CalcTextSize(label).x;
    }
    ImGui::Dummy(ImVec2(width, unit * 1.6f));
    if (story.characters.size() > 1) {
        ImVec2 names = ImGui::GetCursorScreenPos();
        for (std::size_t c = 0; c < story.characters.size(); ++c) {
            legend_entry(draw, names, story.characters[c].profile.name.c_str(),
                         speaker_color(story, static_cast<int>(c), colors), false, unit,
                         colors.dim);
        }
        ImGui::Dummy(ImVec2(width, unit * 1.6f));
    }

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float left = origin.x + unit * 3.2f;
    const float right = origin.x + width - unit;
    const float top = origin.y + unit * 0.5f;
    const float bottom = origin.y + height - unit * 3;
    ImGui::Dummy(ImVec2(width, height));

    draw->AddRectFilled(ImVec2(left, top), ImVec2(right, bottom), colors.panel, unit * 0.4f);
    for (int level = 0; level <= 4; ++level) {
        const float y = bottom - (bottom - top) * level / 4.0f;
        draw->AddLine(ImVec2(left, y), ImVec2(right, y), colors.grid, 1);
    }
    draw->AddText(ImVec2(origin.x, top), colors.dim, "more");
    draw->AddText(ImVec2(origin.x, bottom - unit * 1.2f), colors.dim, "less");

    const std::size_t points = history.size() + 1;
    const auto x_at = [&](std::size_t i) {
        return points == 1 ? (left + right) / 2 : left + (right - left) * i / (points - 1);
    };
    const auto y_at = [&](double value) {
        return bottom - (bottom - top) * static_cast<float>(std::clamp(value, 0.0, 100.0)) / 100;
    };
    const auto state_at = [&](std::size_t i) -> const SessionState& {
        return i < history.size() ? history[i].before : session.state();
    };
    for (std::size_t c = 0; c < story.characters.size(); ++c) {
        const ImU32 color = speaker_color(story, static_cast<int>(c), colors);
        std::vector<ImVec2> safety;
        std::vector<ImVec2> distance;
        for (std::size_t i = 0; i < points; ++i) {
            safety.emplace_back(x_at(i), y_at(state_at(i).characters[c].safety));
            distance.emplace_back(x_at(i), y_at(state_at(i).characters[c].distance));
        }
        polyline(draw, safety, color, unit * 0.16f, false);
        polyline(draw, distance, color, unit * 0.16f, true);
    }
    for (std::size_t i = 0; i < history.size(); ++i) {
        const Mark mark = step_mark(history[i]);
        if (mark == Mark::None) {
            continue;
        }
        const float x = (x_at(i) + x_at(i + 1)) / 2;
        draw_mark(draw, ImVec2(x, bottom + unit * 0.9f), unit * 0.45f, mark, colors);
    }
    draw->AddText(ImVec2(left, bottom + unit * 1.6f), colors.dim, "start");
    const ImVec2 end_size = ImGui::CalcTextSize("end");
    draw->AddText(ImVec2(right - end_size.x, bottom + unit * 1.6f), colors.dim, "end");
}

} // namespace attune
