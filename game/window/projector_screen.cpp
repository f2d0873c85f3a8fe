// The projector: what the room sees. The stage large, the story a page at a time in type
// that reads from the back of a classroom, the choices numbered for a show of hands, and
// a discussion question only once the facilitator sends it. No numbers about the
// characters, no notes, nothing about anyone in the room.

#include "room_screens.h"
#include "widgets.h"

#include <algorithm>
#include <cmath>

namespace attune {

namespace {

constexpr const char* step_out_line =
    "If you need a break at any point, you can step out. No reason needed: give a sign, or "
    "simply leave the room for a while.";

// The share of the window's height the stage takes while the story is on.
constexpr float stage_share = 0.42f;

// Content that may not fit is drawn at a scale found on the previous frame: it shrinks
// until it fits (never below `smallest`), so nothing on the projector is cut off.
struct Fit {
    ImGuiID id;
    float scale;
};

Fit begin_fit(const char* name, float smallest) {
    const ImGuiID id = ImGui::GetID(name);
    const float scale = std::max(smallest, ImGui::GetStateStorage()->GetFloat(id, 1.0f));
    ImGui::SetWindowFontScale(scale);
    return {id, scale};
}

void end_fit(const Fit& fit, float top, float bottom, float smallest) {
    const float used = ImGui::GetCursorScreenPos().y - top;
    const float room = bottom - top;
    float scale = fit.scale;
    // The height grows about as the scale does, so one step lands near the fit; a band of
    // slack keeps it from hunting frame to frame.
    if (used > room || (used < room * 0.85f && scale < 1)) {
        scale = std::clamp(scale * room / std::max(used, 1.0f) * 0.97f, smallest, 1.0f);
    }
    ImGui::GetStateStorage()->SetFloat(fit.id, scale);
    ImGui::SetWindowFontScale(1);
}

float line_height(const ScreenContext& context) {
    return context.text_px * 1.4f;
}

// The scene's (or ending's) lines split into pages that fit `height`; a line never splits.
std::vector<std::vector<ShownLine>> pages_of(ScreenContext& context, const Session& session,
                                             float width, float height) {
    std::vector<std::vector<ShownLine>> pages(1);
    float used = 0;
    for (const ShownLine& line : session.lines()) {
        ImGui::PushFont(context.fonts.bold);
        const float name = line.speaker >= 0 ? line_height(context) : 0;
        ImGui::PopFont();
        const float need = name + paragraph_height(line.text, width) + context.text_px * 0.4f;
        if (used + need > height && !pages.back().empty()) {
            pages.emplace_back();
            used = 0;
        }
        pages.back().push_back(line);
        used += need;
    }
    return pages;
}

// Small dots, one per page, the current one filled: where the room is, without a number.
void page_dots(ScreenContext& context, int page, int count, ImVec2 at) {
    if (count < 2) {
        return;
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float r = context.text_px * 0.14f;
    for (int i = 0; i < count; ++i) {
        const ImVec2 centre(at.x - (count - 1 - i) * r * 4, at.y);
        if (i == page) {
            draw->AddCircleFilled(centre, r, context.colors.warm);
        } else {
            draw->AddCircle(centre, r, context.colors.dim, 0, 2);
        }
    }
}

void reading(ScreenContext& context, Room& room, const ProjectorLayout& layout, float width,
             RoomRecord& record) {
    const Session& session = room.shown();
    const float height = layout.text_max.y - ImGui::GetCursorScreenPos().y - context.text_px;
    const auto pages = pages_of(context, session, width, height);
    room.set_pages(static_cast<int>(pages.size()));
    for (const ShownLine& line : pages[static_cast<std::size_t>(room.page())]) {
        if (line.speaker >= 0) {
            ImGui::PushFont(context.fonts.bold);
            say(record, session.story().characters[line.speaker].profile.name,
                speaker_color(session.story(), line.speaker, context.colors), width);
            ImGui::PopFont();
        }
        say(record, line.text, context.colors.text, width);
        ImGui::Dummy(ImVec2(0, context.text_px * 0.4f));
    }
    page_dots(
        context, room.page(), static_cast<int>(pages.size()),
        ImVec2(layout.text_max.x - context.text_px, layout.text_max.y - context.text_px * 0.6f));
}

void discussing(ScreenContext& context, Room& room, const ProjectorLayout& layout, float width,
                RoomRecord& record) {
    const std::vector<RoomPrompt> prompts = room.prompts();
    bool any = false;
    const float top = ImGui::GetCursorScreenPos().y;
    const Fit fit = begin_fit("prompts", 0.6f);
    for (std::size_t i = 0; i < prompts.size(); ++i) {
        if (room.prompt_shown(static_cast<int>(i))) {
            any = true;
            ImGui::PushFont(context.fonts.bold);
            say(record, prompts[i].text, context.colors.warm, width);
            ImGui::PopFont();
            ImGui::Dummy(ImVec2(0, context.text_px * 0.5f));
        }
    }
    if (!any) {
        say(record, "Let's talk about what just happened.", context.colors.dim, width);
    }
    end_fit(fit, top, layout.text_max.y, 0.6f);
}

// The votes for one choice as a bar under it, beside it the hands counted or the share of
// the phones' votes. One neutral colour whatever the outcome: the bar measures, it never judges.
void vote_bar(ScreenContext& context, int count, int total, const std::string& label, float width,
              RoomRecord& record) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float h = context.text_px * 0.35f;
    const float full = width * 0.6f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + full, at.y + h), context.colors.grid, h / 2);
    if (total > 0 && count > 0) {
        draw->AddRectFilled(at, ImVec2(at.x + full * count / total, at.y + h), context.colors.dim,
                            h / 2);
    }
    if (!label.empty()) {
        draw->AddText(ImVec2(at.x + full + context.text_px * 0.4f, at.y - context.text_px * 0.35f),
                      context.colors.dim, label.c_str());
        record.texts.push_back(label);
    }
    ImGui::Dummy(ImVec2(width, h + context.text_px * 0.3f));
}

// A choice's number in a ring, as the facilitator, the phones and the keys number it.
void number_badge(ScreenContext& context, int number, bool open, ImVec2 at) {
    const float badge = ImGui::GetFontSize() * 1.6f;
    const std::string digit = std::to_string(number);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 centre(at.x + badge * 0.4f, at.y + ImGui::GetFontSize() * 0.7f);
    draw->AddCircle(centre, ImGui::GetFontSize() * 0.62f,
                    open ? context.colors.warm : context.colors.dim, 0, 3);
    const ImVec2 size = ImGui::CalcTextSize(digit.c_str());
    draw->AddText(ImVec2(centre.x - size.x / 2, centre.y - size.y / 2),
                  open ? context.colors.text : context.colors.dim, digit.c_str());
}

// The choices, every one with its number; a closed one struck through with the game's
// reason, so the room knows why that number cannot be taken. Under each, the show of
// hands typed in, or once the facilitator reveals it, the phones' split (percentages only
// at or above the minimum: the host sends none below it).
void choosing(ScreenContext& context, Room& room, const ProjectorLayout& layout, float width,
              RoomRecord& record) {
    const Session& session = room.shown();
    const RoomVote& vote = room.vote();
    const bool phones = !vote.show_of_hands();
    const std::vector<int>& counts = room.counts();
    int total = 0;
    for (const int n : counts) {
        total += n;
    }
    const std::vector<int>& percents = vote.state().percents;
    const bool split = phones && vote.state().revealed && !percents.empty();
    const float top = ImGui::GetCursorScreenPos().y;
    const Fit fit = begin_fit("choices", 0.55f);
    int enabled = 0;
    int position = 0;
    for (const ChoiceView& choice : session.choices()) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float badge = ImGui::GetFontSize() * 1.6f;
        number_badge(context, choice.number, choice.enabled, at);
        ImGui::SetCursorScreenPos(ImVec2(at.x + badge, at.y));
        ImGui::BeginGroup();
        if (!choice.enabled) {
            struck_through(choice.text, width - badge, context.colors.dim);
            say(record, "Closed: " + choice.reason, context.colors.dim, width - badge);
        } else {
            say(record, choice.text, context.colors.text, width - badge);
            if (!phones && !counts.empty()) {
                const int count = counts[static_cast<std::size_t>(enabled)];
                vote_bar(context, count, total,
                         std::to_string(count) + (count == 1 ? " hand" : " hands"), width - badge,
                         record);
            }
            ++enabled;
        }
        if (split && position < static_cast<int>(percents.size()) && choice.enabled) {
            const int percent = percents[static_cast<std::size_t>(position)];
            vote_bar(context, percent, 100, std::to_string(percent) + "%", width - badge, record);
        }
        ImGui::EndGroup();
        ImGui::Dummy(ImVec2(0, context.text_px * 0.3f));
        ++position;
    }
    end_fit(fit, top, layout.text_max.y, 0.55f);
}

void story_text(ScreenContext& context, Room& room, const ProjectorLayout& layout,
                RoomRecord& record) {
    begin_panel("projector text", layout.text_min, layout.text_max, false);
    const float margin = std::max(context.text_px, (layout.text_max.x - layout.text_min.x) * 0.05f);
    const float width = layout.text_max.x - layout.text_min.x - 2 * margin;
    ImGui::SetCursorScreenPos(ImVec2(layout.text_min.x + margin, ImGui::GetCursorScreenPos().y));
    ImGui::BeginGroup();
    const Session& session = room.shown();
    if (session.is_finished() && room.page() == 0 && room.phase() == RoomPhase::Reading) {
        ImGui::PushFont(context.fonts.heading);
        say(record, session.ending()->title.empty() ? "The end" : session.ending()->title,
            context.colors.warm, width);
        ImGui::PopFont();
    }
    switch (room.phase()) {
    case RoomPhase::Discussing:
        discussing(context, room, layout, width, record);
        break;
    case RoomPhase::Choosing:
        choosing(context, room, layout, width, record);
        break;
    default:
        reading(context, room, layout, width, record);
        break;
    }
    const std::string& talk_to = context.game.settings().talk_to;
    if (session.is_finished() && !talk_to.empty()) {
        ImGui::Dummy(ImVec2(0, context.text_px * 0.3f));
        ImGui::SetWindowFontScale(0.7f);
        say(record, "If this brought something up, you can talk to " + talk_to + ".",
            context.colors.repair, width);
        ImGui::SetWindowFontScale(1);
    }
    ImGui::EndGroup();
    ImGui::End();
}

// A whole-window message: a heading and a line or two, centred.
void message(ScreenContext& context, const std::string& heading, const std::string& line,
             RoomRecord& record, float at_y = 0.36f) {
    begin_panel("projector message", ImVec2(0, 0), context.size, false);
    const float width = std::min(context.size.x * 0.8f, context.text_px * 28);
    ImGui::SetCursorScreenPos(ImVec2((context.size.x - width) / 2, context.size.y * at_y));
    ImGui::BeginGroup();
    ImGui::PushFont(context.fonts.heading);
    say(record, heading, context.colors.warm, width);
    ImGui::PopFont();
    if (!line.empty()) {
        say(record, line, context.colors.text, width);
    }
    ImGui::EndGroup();
    ImGui::End();
}

// The QR code as dark squares on a light card with its 4-module quiet zone, each module a
// whole number of pixels so that it stays crisp for a phone's camera across the room.
void qr_card(const VoteJoin& join, ImVec2 at, float side) {
    constexpr int quiet = 4;
    const int modules = join.qr_size + 2 * quiet;
    const float module = std::floor(side / static_cast<float>(modules));
    const ImVec2 origin(std::round(at.x), std::round(at.y));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + module * modules, origin.y + module * modules),
                        IM_COL32(255, 255, 255, 255));
    for (int y = 0; y < join.qr_size; ++y) {
        for (int x = 0; x < join.qr_size; ++x) {
            if (join.qr_modules[static_cast<std::size_t>(y * join.qr_size + x)] != 0) {
                const ImVec2 min(origin.x + module * (x + quiet), origin.y + module * (y + quiet));
                draw->AddRectFilled(min, ImVec2(min.x + module, min.y + module),
                                    IM_COL32(0, 0, 0, 255));
            }
        }
    }
}

// How to join the room's vote: the code to scan, the address to type, the room code in
// letters big enough for the back row, and how many phones are in (never who).
void join_screen(ScreenContext& context, const RoomVote& vote, RoomRecord& record) {
    const VoteJoin& join = *vote.join();
    begin_panel("projector join", ImVec2(0, 0), context.size, false);
    const float margin = context.size.x * 0.06f;
    const float side = std::min(context.size.y * 0.66f, context.size.x * 0.38f);
    qr_card(join, ImVec2(margin, (context.size.y - side) / 2), side);
    const float left = margin * 2 + side;
    const float width = context.size.x - left - margin;
    ImGui::SetCursorScreenPos(ImVec2(left, context.size.y * 0.1f));
    ImGui::BeginGroup();
    ImGui::PushFont(context.fonts.heading);
    say(record, "Vote from your phone", context.colors.warm, width);
    ImGui::PopFont();
    say(record, "Scan the code, or open", context.colors.text, width);
    ImGui::PushFont(context.fonts.bold);
    say(record, join.address_url, context.colors.text, width);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, context.text_px * 0.5f));
    say(record, "Room code", context.colors.dim, width);
    ImGui::PushFont(context.fonts.heading);
    ImGui::SetWindowFontScale(1.5f);
    say(record, join.code, context.colors.warm, width);
    ImGui::SetWindowFontScale(1);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, context.text_px * 0.5f));
    const int phones = vote.state().phones;
    say(record,
        phones == 0   ? "No phone has joined yet."
        : phones == 1 ? "1 phone has joined."
                      : std::to_string(phones) + " phones have joined.",
        context.colors.dim, width);
    ImGui::EndGroup();
    ImGui::End();
}

void heads_up(ScreenContext& context, const Story& story, RoomRecord& record) {
    std::string notes;
    for (std::size_t i = 0; i < story.info.content_notes.size(); ++i) {
        notes += (i ? "; " : "") + story.info.content_notes[i];
    }
    begin_panel("projector message", ImVec2(0, 0), context.size, false);
    const float width = std::min(context.size.x * 0.86f, context.text_px * 30);
    ImGui::SetCursorScreenPos(ImVec2((context.size.x - width) / 2, context.size.y * 0.22f));
    ImGui::BeginGroup();
    ImGui::PushFont(context.fonts.heading);
    say(record, story.info.title, context.colors.warm, width);
    ImGui::PopFont();
    if (!notes.empty()) {
        say(record, "Heads-up: this story touches on " + notes + ".", context.colors.text, width);
    }
    ImGui::Dummy(ImVec2(0, context.text_px * 0.4f));
    say(record, step_out_line, context.colors.dim, width);
    ImGui::EndGroup();
    ImGui::End();
}

// A short break: neutral, so one person's need does not become the room's event. The
// breathing guide is the facilitator's option.
void short_break(ScreenContext& context, const Room& room, RoomRecord& record) {
    message(context, "Short break.", "We'll carry on in a moment.", record, 0.58f);
    if (!room.breathing_on_break) {
        return;
    }
    begin_panel("projector breath", ImVec2(0, 0), ImVec2(context.size.x, context.size.y * 0.55f),
                false);
    const bool still = context.game.settings().reduced_motion;
    const float breath = still ? 0.5f : 0.5f + 0.5f * std::sin(ImGui::GetTime() * 0.628f);
    const float radius = context.size.y * 0.14f;
    const ImVec2 centre(context.size.x / 2, context.size.y * 0.3f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int ring = 4; ring >= 1; --ring) {
        const ImU32 alpha = ring == 1 ? 0xffu : 0x18u;
        const ImU32 glow = (context.colors.warm & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
        draw->AddCircleFilled(centre, radius * (0.55f + 0.12f * ring + 0.1f * breath), glow, 64);
    }
    ImGui::End();
}

enum class Mark { Rupture, Repair };

// A ring broken open for a rupture, whole with a filled heart for a repair: shape as well
// as colour, as on the timeline.
void mark_icon(ScreenContext& context, Mark mark, ImVec2 centre, float radius) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float thickness = std::max(2.0f, radius / 4);
    if (mark == Mark::Repair) {
        draw->AddCircle(centre, radius, context.colors.repair, 0, thickness);
        draw->AddCircleFilled(centre, radius * 0.5f, context.colors.repair);
        return;
    }
    draw->PathArcTo(centre, radius, 0.35f, 2.8f);
    draw->PathStroke(context.colors.rupture, 0, thickness);
    draw->PathArcTo(centre, radius, 3.5f, 5.95f);
    draw->PathStroke(context.colors.rupture, 0, thickness);
}

// One timeline from the branch point on: each choice, and the ruptures and repairs it led
// to in the model's words, then where it stands now.
void timeline_column(ScreenContext& context, const Session& session, std::size_t from,
                     std::size_t skipped, const char* heading, float width, RoomRecord& record) {
    ImGui::PushFont(context.fonts.heading);
    say(record, heading, context.colors.warm, width);
    ImGui::PopFont();
    // The earliest steps give way to the latest rather than the type shrinking further.
    const std::size_t shown_from = std::min(from + skipped, session.history().size());
    if (shown_from > from) {
        ImGui::PushFont(context.fonts.italic);
        say(record, "\xE2\x80\xA6", context.colors.dim, width);
        ImGui::PopFont();
    }
    from = shown_from;
    const float icon = ImGui::GetFontSize() * 1.3f;
    const Story& story = session.story();
    for (std::size_t i = from; i < session.history().size(); ++i) {
        const Step& step = session.history()[i];
        ImGui::PushFont(context.fonts.italic);
        say(record, story.choice(step.scene, step.choice).text.source, context.colors.dim, width);
        ImGui::PopFont();
        for (const model::Event& event : step.outcome.events) {
            const bool repair = event.kind == model::EventKind::Repair;
            if (!repair && event.kind != model::EventKind::Rupture) {
                continue;
            }
            const ImVec2 at = ImGui::GetCursorScreenPos();
            mark_icon(context, repair ? Mark::Repair : Mark::Rupture,
                      ImVec2(at.x + icon * 0.4f, at.y + ImGui::GetFontSize() * 0.7f),
                      ImGui::GetFontSize() * 0.42f);
            ImGui::SetCursorScreenPos(ImVec2(at.x + icon, at.y));
            say(record, std::string(repair ? "Repair: " : "Rupture: ") + session.words(event),
                repair ? context.colors.repair : context.colors.text, width - icon);
        }
        ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.3f));
    }
    const std::string where =
        session.is_finished()
            ? "It ends: " + (session.ending()->title.empty() ? std::string("the end")
                                                             : session.ending()->title)
            : "Still going: " + display_name(session.scene());
    ImGui::PushFont(context.fonts.bold);
    say(record, where, context.colors.text, width);
    ImGui::PopFont();
}

// "What we did" beside "what if": both paths from the moment they part, ruptures and
// repairs marked on each. No score and no "better": repair is possible on either.
void side_by_side(ScreenContext& context, const Room& room, RoomRecord& record) {
    const Session& did = room.game().session() ? *room.game().session() : room.shown();
    const Session* what_if = room.branch();
    begin_panel("projector compare", ImVec2(0, 0), context.size, false);
    const float margin = context.size.x * 0.04f;
    const float gap = context.size.x * 0.04f;
    const float column = (context.size.x - 2 * margin - gap) / 2;
    const float top = ImGui::GetCursorScreenPos().y;
    // Read from the back of the room: the type never goes below 3/4 of its size; when even
    // that does not fit, the earliest steps after the parting give way (see below).
    constexpr float smallest = 0.75f;
    const Fit fit = begin_fit("compare", smallest);
    const ImGuiID skip_id = ImGui::GetID("compare skip");
    const int skipped = ImGui::GetStateStorage()->GetInt(skip_id, 0);
    ImGui::SetCursorScreenPos(ImVec2(margin, top));
    const std::size_t from = room.branch_step();
    const Scene& parted = did.story().scenes[did.history()[from].scene];
    say(record, "Both start from the same moment: " + display_name(parted) + ".",
        context.colors.dim, context.size.x - 2 * margin);
    const float columns_top = ImGui::GetCursorScreenPos().y + ImGui::GetFontSize() * 0.4f;
    ImGui::SetCursorScreenPos(ImVec2(margin, columns_top));
    ImGui::BeginGroup();
    timeline_column(context, did, from, static_cast<std::size_t>(skipped), "What we did", column,
                    record);
    ImGui::EndGroup();
    const float left_bottom = ImGui::GetItemRectMax().y;
    ImGui::SetCursorScreenPos(ImVec2(margin + column + gap, columns_top));
    ImGui::BeginGroup();
    timeline_column(context, *what_if, from, static_cast<std::size_t>(skipped), "What if", column,
                    record);
    ImGui::EndGroup();
    const float bottom = std::max(left_bottom, ImGui::GetItemRectMax().y);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(margin + column + gap / 2, columns_top),
                                        ImVec2(margin + column + gap / 2, bottom),
                                        context.colors.grid, 2);
    ImGui::SetCursorScreenPos(ImVec2(margin, bottom));
    ImGui::Dummy(ImVec2(0, 0));
    const float bottom_limit = context.size.y - context.text_px * 1.5f;
    const float used = ImGui::GetCursorScreenPos().y - top;
    const std::size_t longest = std::max(did.history().size(), what_if->history().size()) - from;
    if (fit.scale <= smallest && used > bottom_limit - top &&
        skipped + 1 < static_cast<int>(longest)) {
        ImGui::GetStateStorage()->SetInt(skip_id, skipped + 1);
    } else if (skipped > 0 && used < (bottom_limit - top) * 0.6f) {
        ImGui::GetStateStorage()->SetInt(skip_id, skipped - 1);
    }
    end_fit(fit, top, bottom_limit, smallest);
    ImGui::End();
}

} // namespace

float projector_text_px(ImVec2 size) {
    // 1/20 of the height: 54 px at 1080, so a capital is about 39 px, 4 cm on a 2 m wide
    // screen, about 14 minutes of arc from 10 m.
    return std::round(std::max(size.y / 20, 20.0f));
}

ProjectorLayout projector_layout(ProjectorView view, ImVec2 size) {
    ProjectorLayout layout;
    if (view == ProjectorView::Story || view == ProjectorView::Ending) {
        const float split = std::round(size.y * stage_share);
        layout.stage_min = ImVec2(0, 0);
        layout.stage_max = ImVec2(size.x, split);
        layout.text_min = ImVec2(0, split);
    } else {
        layout.text_min = ImVec2(0, 0);
    }
    layout.text_max = size;
    return layout;
}

void show_projector(ScreenContext& context, Room& room, const ProjectorLayout& layout,
                    RoomRecord& record) {
    const ProjectorView view = projector_view(room);
    switch (view) {
    case ProjectorView::Waiting:
        message(context, "Attune", "The story will begin in a moment.", record);
        break;
    case ProjectorView::HeadsUp:
        heads_up(context, *room.prepared(), record);
        break;
    case ProjectorView::Join:
        join_screen(context, room.vote(), record);
        break;
    case ProjectorView::Break:
        short_break(context, room, record);
        break;
    case ProjectorView::Ended:
        message(context, "We'll stop the story here.", "Thank you for playing it together.",
                record);
        break;
    case ProjectorView::Comparing:
        side_by_side(context, room, record);
        break;
    case ProjectorView::Story:
    case ProjectorView::Ending:
        story_text(context, room, layout, record);
        if (room.on_branch()) {
            begin_panel("projector what if", ImVec2(0, 0),
                        ImVec2(context.text_px * 8, context.text_px * 1.6f), false);
            ImGui::PushFont(context.fonts.italic);
            say(record, "What if\xE2\x80\xA6", context.colors.warm, context.text_px * 7);
            ImGui::PopFont();
            ImGui::End();
        }
        break;
    }
    // Small, in a corner, always there: anyone at the front can call a break.
    step_out_button(context, room,
                    ImVec2(context.size.x - context.text_px * 0.4f, context.text_px * 0.4f), 0.4f);
}

} // namespace attune
