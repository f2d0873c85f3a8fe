#include "report/debrief_record.h"

#include "model/sentences.h"

#include <algorithm>

namespace attune::report {

namespace {

CharacterPoint point_of(const model::State& state) {
    CharacterPoint point;
    point.safety = state.safety;
    point.distance = state.distance;
    point.arousal = state.arousal;
    point.flooded = model::is_flooded(state);
    point.shut_down = model::is_shut_down(state);
    point.rupture_open = state.rupture_open;
    point.repairs_landed = state.repairs_landed;
    point.words = model::describe(state);
    return point;
}

std::vector<CharacterPoint> points_of(const SessionState& state) {
    std::vector<CharacterPoint> points;
    for (const model::State& character : state.characters) {
        points.push_back(point_of(character));
    }
    return points;
}

std::vector<ShownText> shown(const Session& session) {
    std::vector<ShownText> out;
    for (const ShownLine& line : session.lines()) {
        out.push_back({line.speaker < 0 ? std::string()
                                        : session.story().characters[line.speaker].profile.name,
                       line.text});
    }
    return out;
}

std::size_t first_difference(const std::vector<Step>& a, const std::vector<Step>& b) {
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i].scene == b[i].scene && a[i].choice == b[i].choice) {
        ++i;
    }
    return i;
}

} // namespace

Timeline timeline_of(const Session& session, std::string label) {
    const Story& story = session.story();
    Timeline timeline;
    timeline.label = std::move(label);
    const std::vector<Step>& history = session.history();
    const SessionState& first = history.empty() ? session.state() : history.front().before;
    timeline.start = points_of(first);
    timeline.start_player_arousal = first.player.arousal;

    // A scratch copy is set back to each choice point, so every text is rendered against
    // the state the room saw it in (a `{patience}` hole shows what it showed then).
    Session view = session;
    for (std::size_t i = 0; i < history.size(); ++i) {
        const Step& step = history[i];
        view.restore(step.before, {});
        const Scene& scene = story.scenes[step.scene];
        TimelineStep out;
        out.scene_id = scene.id;
        out.scene_title = scene.title;
        out.lines = shown(view);
        for (const ChoiceView& choice : view.choices()) {
            if (choice.index == step.choice) {
                out.chosen = out.offered.size();
            }
            out.offered.push_back({choice.id, choice.text, choice.enabled, choice.reason});
        }
        for (const model::Cause& cause : step.outcome.causes) {
            // The player's own causes (a pulse rising at a line) say what a character did,
            // not what the choice did; authored changes have no sentence.
            const std::string sentence = session.words(cause);
            // Two moves of one choice can have the same effect in the same words: say it once.
            if (cause.character != player_target && !sentence.empty() &&
                std::find(out.causes.begin(), out.causes.end(), sentence) == out.causes.end()) {
                out.causes.push_back(sentence);
            }
        }
        for (const model::Event& event : step.outcome.events) {
            out.moments.push_back({event.kind, event.character, session.words(event)});
        }
        if (step.room_vote) {
            out.room_vote = *step.room_vote;
            // The facilitator's reason for an override was for their eyes in the moment; a
            // debrief is printed, shared and projected.
            out.room_vote->override_reason.clear();
        }
        out.discussion = discussion_prompts(scene);
        const SessionState& after = session.state_after(i);
        out.after = points_of(after);
        out.player_arousal = after.player.arousal;
        timeline.steps.push_back(std::move(out));
    }

    view.restore(session.state(), {});
    timeline.close = shown(view);
    if (const Ending* ending = session.ending()) {
        timeline.finished = true;
        timeline.ending_id = ending->id;
        timeline.ending_title = ending->title;
        timeline.ending_kind = ending->kind;
        // Only the prompts whose conditions held on this path (Session::reflection).
        for (const std::string& text : session.reflection()) {
            timeline.reflection.push_back({text, false});
        }
    } else {
        timeline.stopped_at = display_name(session.scene());
    }
    return timeline;
}

DebriefRecord debrief_record(const Session& session, std::span<const Session> what_ifs) {
    const Story& story = session.story();
    DebriefRecord record;
    record.story_id = story.info.id;
    record.story_title = story.info.title;
    record.story_version = story.info.version;
    for (const Character& character : story.characters) {
        record.characters.push_back({character.id, character.profile.name, character.color});
    }
    record.main = timeline_of(session, "What we did");
    for (std::size_t i = 0; i < what_ifs.size(); ++i) {
        const std::string number = what_ifs.size() == 1 ? "" : " " + std::to_string(i + 1);
        Timeline branch = timeline_of(what_ifs[i], "What if" + number);
        branch.diverges_at = first_difference(session.history(), what_ifs[i].history());
        record.branches.push_back(std::move(branch));
    }
    return record;
}

} // namespace attune::report
