// The library: the stories as cards, and the ways back into a story.

#include "screens.h"
#include "widgets.h"

#include <algorithm>
#include <string>

namespace attune {

namespace {

std::string card_subtitle(const StoryInfo& info) {
    std::string text(relationship_name(info.relationship));
    text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    if (info.minutes > 0) {
        text += " \xC2\xB7 about " + std::to_string(info.minutes) + " minutes";
    }
    if (!info.age_band.empty()) {
        text += " \xC2\xB7 " + info.age_band;
    }
    return text;
}

std::string content_notes(const StoryInfo& info) {
    if (info.content_notes.empty()) {
        return "No content notes.";
    }
    std::string text = "Content notes: ";
    for (std::size_t i = 0; i < info.content_notes.size(); ++i) {
        text += (i ? ", " : "") + info.content_notes[i];
    }
    return text + ".";
}

void card_contents(ScreenContext& context, const ShelfEntry& entry, float inner) {
    if (!entry.story) {
        paragraph(entry.problem, context.colors.dim, inner);
        return;
    }
    const StoryInfo& info = entry.story->info;
    ImGui::PushFont(context.fonts.bold);
    paragraph(info.title, context.colors.warm, inner);
    ImGui::PopFont();
    paragraph(card_subtitle(info), context.colors.dim, inner);
    paragraph(info.summary, context.colors.text, inner);
    ImGui::PushFont(context.fonts.italic);
    paragraph(content_notes(info), context.colors.dim, inner);
    ImGui::PopFont();
    const float button = std::min(inner, context.text_px * 7);
    if (wrapped_button("##begin", "Begin", button)) {
        context.game.offer_story(entry.story);
    }
    // For a teacher or a group: the projector and the facilitator's window (room mode).
    if (inner > button * 2.2f) {
        ImGui::SameLine();
    }
    if (wrapped_button("##room", "With a room", button)) {
        context.game.open_room(entry.story);
    }
}

// A card: the contents on a rounded panel, drawn behind them once their size is known.
void story_card(ScreenContext& context, const ShelfEntry& entry, int index, float width) {
    const float pad = context.text_px * 0.8f;
    const float gap = context.text_px * 0.5f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImDrawListSplitter layers;
    layers.Split(draw, 2);
    layers.SetCurrentChannel(draw, 1);
    ImGui::PushID(index);
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(top_left.x + pad, top_left.y + pad));
    ImGui::BeginGroup();
    card_contents(context, entry, width - 2 * pad - gap);
    ImGui::EndGroup();
    ImGui::PopID();
    const float bottom = ImGui::GetItemRectMax().y + pad;
    layers.SetCurrentChannel(draw, 0);
    draw->AddRectFilled(top_left, ImVec2(top_left.x + width - gap, bottom), context.colors.panel,
                        context.text_px * 0.6f);
    layers.Merge(draw);
    ImGui::SetCursorScreenPos(ImVec2(top_left.x, bottom));
    ImGui::Dummy(ImVec2(width - gap, gap));
}

void actions(ScreenContext& context, float width) {
    Game& game = context.game;
    const auto& slots = game.slots();
    const auto latest =
        std::find_if(slots.begin(), slots.end(), [](const SlotInfo& s) { return s.is_autosave; });
    const float button = std::min(width, context.text_px * 14);
    if (latest != slots.end() &&
        wrapped_button("##continue",
                       "Continue: " + latest->story_title + ", " + latest->scene_title,
                       std::min(width, context.text_px * 28))) {
        game.continue_latest();
    }
    const bool wide = width > button * 3.2f;
    if (wrapped_button("##load", "Load a save", button)) {
        game.open_load();
    }
    if (wide) {
        ImGui::SameLine();
    }
    if (wrapped_button("##settings", "Settings", button)) {
        game.open_settings();
    }

    if (wide) {
        ImGui::SameLine();
    }
    if (wrapped_button("##quit", "Quit", button)) {
        game.quit();
    }
}

// Which stories show: for the youngest player's age, and leaving out what they would
// rather not meet (matched against every content note, the scenes' too).
void filters(ScreenContext& context, float width) {
    ShelfFilter& filter = context.game.ui.filter;
    const float start = ImGui::GetCursorScreenPos().x;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("For ages");
    ImGui::SameLine();
    if (ImGui::RadioButton("any", filter.age == 0)) {
        filter.age = 0;
    }
    tab_stop_last_item();
    for (const int age : shelf_ages(context.game.shelf())) {
        ImGui::SameLine();
        const std::string label = std::to_string(age) + "+";
        if (ImGui::RadioButton(label.c_str(), filter.age == age)) {
            filter.age = age;
        }
        tab_stop_last_item();
    }
    ImGui::SameLine(0, context.text_px * 1.5f);
    ImGui::TextUnformatted("Leave out stories about");
    ImGui::SameLine();
    text_field("##leave_out", "e.g. grief", filter.leave_out,
               std::max(context.text_px * 8, start + width - ImGui::GetCursorScreenPos().x));
}

} // namespace

void show_library(ScreenContext& context) {
    begin_panel("library", ImVec2(0, 0), context.size);
    const float margin = std::max(context.text_px, context.size.x * 0.05f);
    const float width = std::min(context.size.x - 2 * margin, context.text_px * 70);
    ImGui::SetCursorPosX((context.size.x - width) / 2);
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(0, context.text_px * 0.5f));
    ImGui::PushFont(context.fonts.heading);
    paragraph("Attune", context.colors.warm, width);
    ImGui::PopFont();
    paragraph("Short stories about the small ruptures and repairs of close relationships. Take "
              "your time; every choice can be revisited.",
              context.colors.dim, width);
    ImGui::Dummy(ImVec2(0, context.text_px * 0.3f));
    actions(context, width);
    ImGui::Dummy(ImVec2(0, context.text_px * 0.3f));
    filters(context, width);
    ImGui::Dummy(ImVec2(0, context.text_px * 0.4f));

    const int columns = std::clamp(static_cast<int>(width / (context.text_px * 20)), 1, 3);
    const float column_width = width / columns;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(0, 0));
    if (ImGui::BeginTable("stories", columns, ImGuiTableFlags_SizingStretchSame,
                          ImVec2(width, 0))) {
        const auto& shelf = context.game.shelf();
        for (std::size_t i = 0; i < shelf.size(); ++i) {
            if (!shelf_shows(shelf[i], context.game.ui.filter)) {
                continue;
            }
            ImGui::TableNextColumn();
            story_card(context, shelf[i], static_cast<int>(i), column_width);
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
    ImGui::EndGroup();
    ImGui::End();
}

} // namespace attune
