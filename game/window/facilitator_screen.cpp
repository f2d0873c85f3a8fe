// The facilitator's window, on the laptop: everything the room does not see. The scene's
// note and questions, the next scenes' content notes, how each character is and why, the
// path so far with rewind and "what if", a private clock, and every control. The room's
// choice is entered here.

#include "room_screens.h"
#include "widgets.h"

#include "model/sentences.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace attune {

namespace {

// Notes are joined with semicolons: a note may hold commas of its own.
std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i) {
        text += (i ? "; " : "") + items[i];
    }
    return text;
}

void heading(ScreenContext& context, const std::string& text, float width, RoomRecord& record) {
    ImGui::Dummy(ImVec2(0, context.text_px * 0.3f));
    ImGui::PushFont(context.fonts.bold);
    say(record, text, context.colors.warm, width);
    ImGui::PopFont();
}

// A row of buttons as wide as their labels, wrapping to the next line when full.
class ButtonRow {
public:
    explicit ButtonRow(float width) : width_(width) {}
    bool button(const char* id, const std::string& label) {
        const float w = ImGui::CalcTextSize(label.c_str()).x +
                        ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetFontSize();
        if (used_ > 0 && used_ + w <= width_) {
            ImGui::SameLine();
        } else {
            used_ = 0;
        }
        used_ += w + ImGui::GetStyle().ItemSpacing.x;
        return wrapped_button(id, label, w);
    }

private:
    float width_;
    float used_ = 0;
};

std::string clock_text(double seconds) {
    const int s = static_cast<int>(std::max(0.0, seconds));
    char text[16];
    std::snprintf(text, sizeof text, "%d:%02d", s / 60, s % 60);
    return text;
}

void clock(ScreenContext& context, const Room& room, float width, RoomRecord& record) {
    const double elapsed = room.elapsed_seconds();
    const double planned = room.planned_seconds();
    std::string text = "Elapsed " + clock_text(elapsed);
    if (planned > 0) {
        text +=
            elapsed <= planned
                ? ", " + clock_text(planned - elapsed) + " left of " + clock_text(planned)
                : ", " + clock_text(elapsed - planned) + " over the planned " + clock_text(planned);
    }
    say(record, text, context.colors.dim, width);
}

const char* projector_words(ProjectorView view, RoomPhase phase) {
    switch (view) {
    case ProjectorView::Waiting:
        return "Projector: waiting for the story.";
    case ProjectorView::HeadsUp:
        return "Projector: the title, a one-line heads-up and how to step out.";
    case ProjectorView::Join:
        return "Projector: how to join the vote (the code, the address, the room code).";
    case ProjectorView::Break:
        return "Projector: a short break.";
    case ProjectorView::Comparing:
        return "Projector: what we did and what if, side by side.";
    case ProjectorView::Ended:
        return "Projector: the story stops here.";
    case ProjectorView::Story:
    case ProjectorView::Ending:
        break;
    }
    switch (phase) {
    case RoomPhase::Discussing:
        return "Projector: discussion (only the questions you send).";
    case RoomPhase::Choosing:
        return "Projector: the choices, numbered.";
    default:
        return "Projector: the text.";
    }
}

// Before the story: what it contains, so the facilitator can decide with the group in mind.
void preparing(ScreenContext& context, Room& room, const Story& story, float width,
               RoomRecord& record) {
    ImGui::PushFont(context.fonts.heading);
    say(record, story.info.title, context.colors.warm, width);
    ImGui::PopFont();
    std::string about = "Age " + (story.info.age_band.empty() ? "not given" : story.info.age_band);
    if (story.info.minutes > 0) {
        about += ", about " + std::to_string(story.info.minutes) + " minutes";
    }
    say(record, about + ".", context.colors.dim, width);
    say(record, story.info.summary, context.colors.text, width);
    // The decision first, in reach without scrolling; what it rests on below.
    say(record,
        "The projector shows the title, a one-line heads-up and how to step out. Begin when "
        "the group is ready, or choose another story.",
        context.colors.dim, width);
    ButtonRow row(width);
    focus_if_asked(context.game);
    if (row.button("##begin", "Begin with the room")) {
        room.begin();
    }
    if (row.button("##another", "Choose another story")) {
        room.close();
    }
    heading(context, "Content notes", width, record);
    say(record,
        story.info.content_notes.empty() ? "None for the story as a whole."
                                         : joined(story.info.content_notes) + ".",
        context.colors.text, width);
    for (const Scene& scene : story.scenes) {
        if (!scene.notes.get().content_notes.empty()) {
            say(record, display_name(scene) + ": " + joined(scene.notes.get().content_notes) + ".",
                context.colors.dim, width);
        }
    }
    heading(context, "Someone to talk to", width, record);
    say(record,
        "Shown at the end of the story: \"If this brought something up, you can talk to ...\"",
        context.colors.dim, width);
    Settings settings = context.game.settings();
    if (text_field("##talk_to", "e.g. Ms Achebe, room 12", settings.talk_to, width)) {
        context.game.change_settings(settings);
    }
}

// No story yet: the shelf, to prepare one.
void choose_story(ScreenContext& context, Room& room, float width, RoomRecord& record) {
    ImGui::PushFont(context.fonts.heading);
    say(record, "Choose a story for the room", context.colors.warm, width);
    ImGui::PopFont();
    const auto& shelf = context.game.shelf();
    for (std::size_t i = 0; i < shelf.size(); ++i) {
        if (!shelf[i].story) {
            continue;
        }
        const StoryInfo& info = shelf[i].story->info;
        ImGui::PushID(static_cast<int>(i));
        std::string label =
            info.title + " (" + (info.age_band.empty() ? "all ages" : info.age_band);
        label += info.minutes > 0 ? ", " + std::to_string(info.minutes) + " min)" : ")";
        if (wrapped_button("##prepare", label, width)) {
            room.prepare(shelf[i].story);
        }
        ImGui::PopID();
    }
}

void stepped_out(ScreenContext& context, Room& room, float width, RoomRecord& record) {
    ImGui::PushFont(context.fonts.heading);
    say(record, "Stepped out", context.colors.warm, width);
    ImGui::PopFont();
    say(record,
        room.vote().hosting()
            ? "Everything is paused: the projector shows a short break and every phone a calm "
              "screen, without the scene. No one is asked why, and nothing of this is recorded."
            : "Everything is paused and the projector shows a short break. No one is asked why, "
              "and nothing of this is recorded.",
        context.colors.text, width);
    ImGui::Checkbox("Slow breathing guide on the projector", &room.breathing_on_break);
    tab_stop_last_item();
    ButtonRow row(width);
    focus_if_asked(context.game);
    if (row.button("##resume", "Resume (F9)")) {
        room.step_back_in();
    }
    const std::string no_skip = room.has_story() ? room.why_no_skip() : "Nothing is playing.";
    if (no_skip.empty() && row.button("##skip", "Skip this scene")) {
        room.skip_scene();
        room.step_back_in();
    }
    if (room.has_story() && row.button("##end", "End the story")) {
        room.end_story();
        room.step_back_in();
    }
}

void controls(Room& room, float width) {
    ButtonRow row(width);
    const RoomPhase phase = room.phase();
    if ((phase == RoomPhase::Reading || phase == RoomPhase::Discussing) &&
        row.button("##next", "Continue (Space)")) {
        room.next();
    }
    if ((phase == RoomPhase::Reading || phase == RoomPhase::Choosing) &&
        row.button("##discuss", "Pause for discussion (D)")) {
        room.toggle_discussion();
    }
    if (room.why_no_skip().empty() && row.button("##skip", "Skip the scene (S)")) {
        room.skip_scene();
    }
    if (phase != RoomPhase::Ended && row.button("##end", "End the story (E)")) {
        room.end_story();
    }
    // At the story's end, or when the facilitator ended it early.
    const bool over = phase == RoomPhase::Ended ||
                      (room.game().session() && room.game().session()->is_finished());
    if (over && row.button("##debrief", "Save a debrief page")) {
        const Session* branch = room.branch();
        room.game().save_debrief(branch ? std::span<const Session>(branch, 1)
                                        : std::span<const Session>());
    }
    if (phase == RoomPhase::Ended && row.button("##another", "Choose another story")) {
        room.close();
    }
}

void prompts(ScreenContext& context, Room& room, float width, RoomRecord& record) {
    const std::vector<RoomPrompt> all = room.prompts();
    if (all.empty()) {
        return;
    }
    heading(context, room.shown().is_finished() ? "Reflection questions" : "Discussion questions",
            width, record);
    say(record,
        room.phase() == RoomPhase::Discussing
            ? "Send a question to the projector with its button or its number key."
            : "Nothing goes to the projector until you send it.",
        context.colors.dim, width);
    bool any_personal = false;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const int index = static_cast<int>(i);
        const bool shown = room.prompt_shown(index);
        any_personal |= all[i].personal;
        ImGui::PushID(index);
        say(record, std::to_string(i + 1) + ". " + all[i].text, context.colors.text, width);
        if (all[i].personal) {
            ImGui::PushFont(context.fonts.italic);
            say(record, "About the group's own lives: not for the projector unless you allow it.",
                context.colors.repair, width);
            ImGui::PopFont();
        }
        const bool can = !all[i].personal || room.personal_allowed();
        if ((can || shown) &&
            wrapped_button("##send", shown ? "Take it off the projector" : "Show on the projector",
                           std::min(width, context.text_px * 14))) {
            room.show_prompt(index, !shown);
        }
        ImGui::PopID();
    }
    if (any_personal) {
        bool allowed = room.personal_allowed();
        if (ImGui::Checkbox("Allow questions about their own lives on the projector", &allowed)) {
            room.allow_personal(allowed);
        }
        tab_stop_last_item();
    }
}

// A bar of one neutral colour for a share of the votes: it measures, never judges.
void split_bar(ScreenContext& context, int count, int total, float width) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float h = context.text_px * 0.4f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + width, at.y + h), context.colors.grid, h / 2);
    if (total > 0 && count > 0) {
        draw->AddRectFilled(at, ImVec2(at.x + width * count / total, at.y + h), context.colors.dim,
                            h / 2);
    }
    ImGui::Dummy(ImVec2(width, h));
}

std::string people(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The phones' round: how many voted (only at or above the minimum), the split, a close
// call, and the decision: confirm the most votes, or take another (with a reason only the
// facilitator sees). Ties, and rounds below the minimum, are the facilitator's.
void phones_round(ScreenContext& context, Room& room, float width, RoomRecord& record) {
    RoomVote& vote = room.vote();
    const VoteState& state = vote.state();
    const Session& session = room.shown();
    if (!state.has_round) {
        say(record, "The phones' round opens when the choices go up.", context.colors.dim, width);
        if (room.phase() == RoomPhase::Choosing || room.phase() == RoomPhase::Discussing) {
            ButtonRow row(width);
            if (row.button("##open", "Open a round now")) {
                vote.open_round(room);
            }
        }
    } else {
        say(record,
            "Round " + std::to_string(state.round) +
                (state.open ? ": phones are voting." : ": closed."),
            context.colors.text, width);
        if (!state.enough) {
            say(record,
                "Fewer than " + std::to_string(state.min_votes) +
                    " have voted, so no count is shown (a small split could single someone out).",
                context.colors.dim, width);
        } else {
            say(record,
                people(state.taking_part, "took part", "took part") +
                    (state.passes > 0 ? ", " + people(state.passes, "passed", "passed") : "") + ".",
                context.colors.text, width);
        }
        if (state.enough && state.close_call) {
            ImGui::PushFont(context.fonts.bold);
            say(record, "Close call: the top two are within a few votes.", context.colors.warm,
                width);
            ImGui::PopFont();
        }
        ButtonRow row(width);
        if (state.open && row.button("##close", "Close the round")) {
            vote.close_round();
        }
        if (state.enough && !state.revealed &&
            row.button("##reveal", "Show the split on the projector")) {
            vote.close_round();
            vote.reveal();
        }
        if (state.revealed) {
            say(record, "The split is on the projector and the phones.", context.colors.dim, width);
        }
    }
    int total = 0;
    for (const int n : state.counts) {
        total += n;
    }
    std::optional<int> taken;
    int position = 0;
    for (const ChoiceView& choice : session.choices()) {
        ImGui::PushID(choice.index);
        const std::string number = std::to_string(choice.number);
        if (!choice.enabled) {
            struck_through(choice.text, width, context.colors.dim, number);
            say(record, "Closed on the phones too: " + choice.reason, context.colors.dim, width);
        } else {
            const bool leader = state.enough && state.leader == position;
            if (wrapped_button("##take", (leader ? "Confirm: " : "Take instead: ") + choice.text,
                               width, number)) {
                taken = position;
            }
            if (state.enough && position < static_cast<int>(state.counts.size())) {
                const int count = state.counts[static_cast<std::size_t>(position)];
                split_bar(context, count, total, width * 0.7f);
                ImGui::SameLine();
                say(record, people(count, "vote", "votes"), context.colors.dim, width * 0.3f);
            }
        }
        ImGui::PopID();
        ++position;
    }
    if (state.has_round) {
        if (!state.enough || state.leader < 0) {
            say(record,
                state.enough ? "A tie: the choice is yours."
                             : "Too few votes to count: the choice is yours (or a show of hands).",
                context.colors.dim, width);
        }
        say(record, "A reason for taking another choice, if you like (only you see it):",
            context.colors.dim, width);
        text_field("##reason", "e.g. to see what a calmer answer does", vote.reason, width);
    }
    if (!vote.problem.empty()) {
        say(record, vote.problem, context.colors.warm, width);
    }
    if (taken) {
        const VoteDecision decision = vote.decide(room, *taken, vote.reason);
        vote.problem = decision.ok ? std::string() : decision.problem;
        if (decision.ok) {
            vote.reason.clear();
        }
    }
}

// The vote from phones: start it, check the network before class, lock or cap the room,
// take a phone out, stop it. Only the facilitator sees any of this.
void phones_panel(ScreenContext& context, Room& room, float width, RoomRecord& record) {
    RoomVote& vote = room.vote();
    if (!vote.available()) {
        return;
    }
    ButtonRow row(width);
    if (!vote.hosting()) {
        if (row.button("##vote", "Let the room vote from phones (V)")) {
            vote.start(context.game.settings());
        }
        if (!vote.error().empty()) {
            say(record, vote.error(), context.colors.warm, width);
            // What to do: another port or address, kept in the settings for next time.
            Settings settings = context.game.settings();
            bool changed = number_field("Port", settings.vote_port, context.text_px * 10);
            changed |= text_field("##address", "Address (empty: the Wi-Fi's)",
                                  settings.vote_address, context.text_px * 14);
            if (changed) {
                vote.port_given.reset();
                vote.address_given.reset();
                context.game.change_settings(clamped(settings));
            }
        }
        return;
    }
    const VoteJoin& join = *vote.join();
    const VoteState& state = vote.state();
    ImGui::PushFont(context.fonts.bold);
    say(record, "Phones: " + join.address_url + "   room code " + join.code, context.colors.warm,
        width);
    ImGui::PopFont();
    say(record,
        state.phones == 0   ? "No phone yet. Before class, open the address on one phone: once it "
                              "shows here, the network works."
        : state.phones == 1 ? "1 phone joined: the network works."
                            : std::to_string(state.phones) + " phones joined.",
        context.colors.dim, width);
    if (state.locked) {
        say(record, "Locked: no new phone can join.", context.colors.dim, width);
    }
    if (row.button("##join", vote.join_on_projector ? "Take the join screen down"
                                                    : "Show how to join on the projector")) {
        vote.join_on_projector = !vote.join_on_projector;
    }
    if (row.button("##hands",
                   vote.show_of_hands() ? "Back to phones (M)" : "Switch to a show of hands (M)")) {
        vote.toggle_show_of_hands();
    }
    if (row.button("##stop", "Stop the vote")) {
        vote.stop();
        return;
    }
    if (!ImGui::TreeNode("Lock the room, limit or remove phones")) {
        return;
    }
    if (wrapped_button("##lock", state.locked ? "Unlock the room" : "Lock the room",
                       context.text_px * 9)) {
        vote.set_locked(!state.locked);
    }
    const float field = context.text_px * 10;
    if (number_field("Most phones", vote.cap, field)) {
        vote.cap = std::clamp(vote.cap, 1, 500);
        vote.set_max_devices(vote.cap);
    }
    number_field("Phone", vote.phone_to_remove, field);
    ImGui::SameLine();
    if (wrapped_button("##remove", "Remove it", context.text_px * 6)) {
        vote.problem =
            vote.remove_phone(vote.phone_to_remove)
                ? std::string()
                : "No phone " + std::to_string(vote.phone_to_remove) + " is in the room.";
    }
    say(record, "A phone's number is on its screen (\"This phone: 3\").", context.colors.dim,
        width);
    ImGui::TreePop();
}

// The choices on offer, the show of hands, and where each may lead (its content notes).
void choices(ScreenContext& context, Room& room, float width, RoomRecord& record) {
    const Session& session = room.shown();
    if (session.is_finished()) {
        return;
    }
    heading(context, "The room's choice", width, record);
    if (!room.vote().show_of_hands() && !room.on_branch()) {
        phones_round(context, room, width, record);
        return;
    }
    say(record,
        "A show of hands: type the counts if you like, then take the choice (or press its "
        "number while the choices are up).",
        context.colors.dim, width);
    const Story& story = session.story();
    int number = 0;
    std::optional<int> taken;
    for (const ChoiceView& choice : session.choices()) {
        ImGui::PushID(choice.index);
        if (!choice.enabled) {
            struck_through(choice.text, width, context.colors.dim, std::to_string(choice.number));
            say(record, "Closed: " + choice.reason, context.colors.dim, width);
            ImGui::PopID();
            continue;
        }
        const int n = number++;
        if (wrapped_button("##take", choice.text, width, std::to_string(choice.number))) {
            taken = choice.index;
        }
        int count = n < static_cast<int>(room.counts().size()) ? room.counts()[n] : 0;
        if (number_field("hands", count, context.text_px * 10)) {
            room.set_count(n, std::clamp(count, 0, 9999));
        }
        const Target& next = story.choice(session.state().scene, choice.index).next;
        if (!next.is_ending && !story.scenes[next.index].notes.get().content_notes.empty()) {
            ImGui::PushFont(context.fonts.italic);
            say(record,
                "Leads to " + display_name(story.scenes[next.index]) + ", content notes: " +
                    joined(story.scenes[next.index].notes.get().content_notes) + ".",
                context.colors.repair, width);
            ImGui::PopFont();
        }
        ImGui::PopID();
    }
    if (taken) {
        room.choose(*taken);
    }
}

void now(ScreenContext& context, Room& room, float width, RoomRecord& record) {
    const Session& session = room.shown();
    ImGui::PushFont(context.fonts.heading);
    say(record,
        session.is_finished()
            ? (session.ending()->title.empty() ? std::string("The end") : session.ending()->title)
            : display_name(session.scene()),
        context.colors.warm, width);
    ImGui::PopFont();
    if (room.on_branch()) {
        say(record,
            "Playing \"what if\" from choice " + std::to_string(room.branch_step() + 1) + ".",
            context.colors.repair, width);
        ButtonRow row(width);
        if (row.button("##compare", "Side by side on the projector (C)")) {
            room.compare();
        }
        if (row.button("##back", "Back to what we did (B)")) {
            room.back_to_what_we_did();
        }
    } else if (room.branch()) {
        ButtonRow row(width);
        if (row.button("##compare", "Show the last \"what if\" side by side (C)")) {
            room.compare();
        }
    }
    std::string phase = projector_words(projector_view(room), room.phase());
    if (room.phase() == RoomPhase::Reading && room.pages() > 1) {
        phase += " Page " + std::to_string(room.page() + 1) + " of " +
                 std::to_string(room.pages()) + ".";
    }
    say(record, phase, context.colors.dim, width);
    controls(room, width);
    // While the room chooses, its choice comes first: that is what needs the facilitator.
    const bool choosing = room.phase() == RoomPhase::Choosing;
    if (choosing) {
        choices(context, room, width, record);
    }
    if (!session.is_finished() && !session.scene().notes.get().facilitator_note.empty()) {
        heading(context, "Your note", width, record);
        say(record, session.scene().notes.get().facilitator_note, context.colors.text, width);
    }
    prompts(context, room, width, record);
    if (!choosing) {
        choices(context, room, width, record);
    }
}

void characters(ScreenContext& context, const Room& room, float width, RoomRecord& record) {
    const Session& session = room.shown();
    const Story& story = session.story();
    heading(context, "How they are", width, record);
    for (std::size_t i = 0; i < story.characters.size(); ++i) {
        ImGui::PushFont(context.fonts.bold);
        say(record, story.characters[i].profile.name,
            speaker_color(story, static_cast<int>(i), context.colors), width);
        ImGui::PopFont();
        say(record, state_words(session.state().characters[i], true), context.colors.text, width);
    }
    std::vector<std::string> causes;
    for (const model::Cause& cause : session.last_outcome().causes) {
        std::string sentence = session.words(cause);
        if (!sentence.empty() &&
            std::find(causes.begin(), causes.end(), sentence) == causes.end()) {
            causes.push_back(std::move(sentence));
        }
    }
    if (!causes.empty()) {
        heading(context, "Why, after the last choice", width, record);
        ImGui::PushFont(context.fonts.italic);
        for (const std::string& sentence : causes) {
            say(record, sentence, context.colors.dim, width);
        }
        ImGui::PopFont();
    }
}

// One earlier choice's "what if": the other choices, each with the content notes of the
// scenes it may reach that the room has not seen, before anything plays.
void what_if_choices(ScreenContext& context, Room& room, std::size_t step, float width,
                     RoomRecord& record) {
    const std::vector<ChoiceView> others = room.alternatives(step);
    if (others.empty()) {
        say(record, "There was no other choice here.", context.colors.dim, width);
        return;
    }
    int n = 0;
    for (const ChoiceView& other : others) {
        ImGui::PushID(other.index);
        const std::vector<std::string> notes = room.unseen_notes(step, other.index);
        if (wrapped_button("##play", "Play instead: " + other.text, width, std::to_string(++n))) {
            room.start_what_if(step, other.index);
            room.what_if_step = -1;
        }
        ImGui::PushFont(context.fonts.italic);
        say(record,
            notes.empty() ? "No content notes the room has not met."
                          : "May reach, not yet seen: " + joined(notes),
            notes.empty() ? context.colors.dim : context.colors.repair, width);
        ImGui::PopFont();
        ImGui::PopID();
    }
}

void path(ScreenContext& context, Room& room, float width, RoomRecord& record) {
    const Session* did = room.game().session();
    heading(context, "The path so far", width, record);
    if (did->history().empty()) {
        say(record, "No choices yet.", context.colors.dim, width);
        return;
    }
    const Story& story = did->story();
    std::optional<std::size_t> rewind;
    for (std::size_t i = 0; i < did->history().size(); ++i) {
        const Step& step = did->history()[i];
        std::string marks;
        for (const model::Event& event : step.outcome.events) {
            marks += event.kind == model::EventKind::Rupture  ? " (rupture)"
                     : event.kind == model::EventKind::Repair ? " (repair)"
                                                              : "";
        }
        ImGui::PushID(static_cast<int>(i));
        say(record,
            std::to_string(i + 1) + ". " + display_name(story.scenes[step.scene]) + ": " +
                std::string(story.choice(step.scene, step.choice).text.source) + marks,
            context.colors.text, width);
        ButtonRow row(width);
        if (row.button("##rewind", "Rewind here")) {
            rewind = i;
        }
        const bool open = room.what_if_step == static_cast<int>(i);
        if (row.button("##whatif", open ? "Close what if" : "What if...")) {
            room.what_if_step = open ? -1 : static_cast<int>(i);
        }
        if (open) {
            what_if_choices(context, room, i, width, record);
        }
        ImGui::PopID();
    }
    if (rewind) {
        room.back_to_what_we_did();
        room.rewind_to(*rewind);
    }
}

} // namespace

void step_out_button(ScreenContext& context, Room& room, ImVec2 at, float scale) {
    ImGui::SetNextWindowPos(at, ImGuiCond_Always, ImVec2(1, 0)); // `at` is its top-right corner
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("step out", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::SetWindowFontScale(scale);
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    const bool out = room.stepped_out();
    const char* label = out ? "Resume" : "Step out";
    const float width = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
    if (ImGui::Button(label, ImVec2(width, 0))) {
        out ? room.step_back_in() : room.step_out();
    }
    ImGui::SetWindowFontScale(1);
    ImGui::End();
    ImGui::PopStyleVar();
    (void)context;
}

void show_facilitator(ScreenContext& context, Room& room, RoomRecord& record) {
    begin_panel("facilitator", ImVec2(0, 0), context.size);
    const float margin = context.text_px;
    const float full = context.size.x - 2 * margin - ImGui::GetStyle().ScrollbarSize;
    ImGui::SetCursorPosX(margin);
    ImGui::BeginGroup();
    if (room.pause_requests() > 0) {
        say(record, "Someone asked for a pause.", context.colors.warm, full);
        if (wrapped_button("##ack", "Seen", context.text_px * 5)) {
            room.acknowledge_pause_requests();
        }
    }
    phones_panel(context, room, std::min(full, context.text_px * 40), record);
    if (room.stepped_out()) {
        stepped_out(context, room, std::min(full, context.text_px * 34), record);
    } else if (room.phase() == RoomPhase::Preparing && room.prepared()) {
        preparing(context, room, *room.prepared(), std::min(full, context.text_px * 34), record);
    } else if (room.phase() == RoomPhase::Preparing || !room.has_story()) {
        choose_story(context, room, std::min(full, context.text_px * 34), record);
    } else {
        clock(context, room, full, record);
        const float gap = context.text_px * 1.5f;
        const float left = std::round((full - gap) * 0.55f);
        const float right = full - gap - left;
        const float top = ImGui::GetCursorPosY();
        ImGui::BeginGroup();
        now(context, room, left, record);
        ImGui::EndGroup();
        ImGui::SetCursorPos(ImVec2(margin + left + gap, top));
        ImGui::BeginGroup();
        characters(context, room, right, record);
        path(context, room, right, record);
        ImGui::EndGroup();
    }
    ImGui::Dummy(ImVec2(0, context.text_px));
    ImGui::EndGroup();
    ImGui::End();
    step_out_button(context, room, ImVec2(context.size.x - context.text_px, context.text_px * 0.5f),
                    1.0f);
}

} // namespace attune
