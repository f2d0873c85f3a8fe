// Before a story with content notes: what it includes and who it is for, as an informed
// choice. Continue, or choose another.

#include "screens.h"
#include "widgets.h"

namespace attune {

void show_before(ScreenContext& context) {
    Game& game = context.game;
    const Story* story = game.offered();
    if (!story) {
        game.to_library();
        return;
    }
    begin_panel("before", ImVec2(0, 0), context.size);
    const float width = std::min(context.size.x - 2 * context.text_px, context.text_px * 32);
    ImGui::SetCursorPos(ImVec2((context.size.x - width) / 2, context.size.y * 0.12f));
    ImGui::BeginGroup();
    ImGui::PushFont(context.fonts.heading);
    paragraph(story->info.title, context.colors.warm, width);
    ImGui::PopFont();
    if (!story->info.age_band.empty()) {
        paragraph("For ages " + story->info.age_band + ".", context.colors.dim, width);
    }
    ImGui::Dummy(ImVec2(0, context.text_px * 0.4f));
    std::string notes;
    const std::vector<std::string> all = all_content_notes(*story);
    for (std::size_t i = 0; i < all.size(); ++i) {
        notes += (i ? "; " : "") + all[i];
    }
    paragraph("This story includes: " + notes + ".", context.colors.text, width);
    ImGui::Dummy(ImVec2(0, context.text_px * 0.3f));
    paragraph("You can step out at any moment with F9, or from the pause menu, and come back "
              "when you are ready.",
              context.colors.dim, width);
    ImGui::Dummy(ImVec2(0, context.text_px * 0.6f));
    const float button = std::min(width, context.text_px * 12);
    focus_if_asked(game);
    if (wrapped_button("##continue", "Continue", button)) {
        game.accept_offered();
    }
    if (width > button * 2.2f) {
        ImGui::SameLine();
    }
    if (wrapped_button("##another", "Choose another", button)) {
        game.to_library();
    }
    ImGui::EndGroup();
    ImGui::End();
}

} // namespace attune
