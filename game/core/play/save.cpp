#include "play/save.h"

#include "base/json_fields.h"

#include "model/state_json.h"

#include <stdexcept>

namespace attune {

namespace {

using nlohmann::json;

json named_numbers(const std::vector<std::string>& names, const auto& values) {
    json out = json::object();
    for (std::size_t i = 0; i < names.size(); ++i) {
        out[names[i]] = values[i];
    }
    return out;
}

std::vector<std::string> variable_names(const Story& story) {
    std::vector<std::string> names;
    for (const Variable& v : story.variables) {
        names.push_back(v.name);
    }
    return names;
}

// Only the scenes entered: a save of a huge story stays small, and it is written after
// every choice.
json visit_counts(const Story& story, const VisitCounts& visits) {
    json out = json::object();
    for (const auto& [scene, count] : visits.entries()) {
        out[story.scenes[scene].id] = count;
    }
    return out;
}

// Saves of version 1 list every scene's visits, zeros too; a scene left out counts 0.
json without_zero_visits(json state) {
    if (state.is_object() && state.contains("visits") && state["visits"].is_object()) {
        json& visits = state["visits"];
        for (auto it = visits.begin(); it != visits.end();) {
            it = *it == 0 ? visits.erase(it) : std::next(it);
        }
    }
    return state;
}

std::vector<bool> flag_values(const SessionState& state) {
    return {state.flags.begin(), state.flags.end()};
}

// Carries a saved state over to a (possibly changed) story by stable ids: scenes,
// variables, flags and characters that still exist keep their values; new ones start
// fresh. Nothing when the saved scene is gone or a state does not read; nlohmann throws
// on malformed data.
std::optional<SessionState> map_state(const json& saved, const Story& story, SessionState state) {
    const int scene = story.find_scene(saved.at("scene").get<std::string>());
    if (scene < 0) {
        return std::nullopt;
    }
    state.scene = scene;
    state.ending =
        saved.contains("ending") ? story.find_ending(saved["ending"].get<std::string>()) : -1;
    for (std::size_t i = 0; i < story.variables.size(); ++i) {
        state.variables[i] =
            saved.at("variables").value(story.variables[i].name, state.variables[i]);
    }
    for (std::size_t i = 0; i < story.flags.size(); ++i) {
        state.flags[i] = saved.at("flags").value(story.flags[i], state.flags[i] != 0) ? 1 : 0;
    }
    const json& visits = saved.at("visits");
    for (std::size_t i = 0; i < story.scenes.size(); ++i) {
        const auto count = visits.find(story.scenes[i].id);
        state.visits.set(static_cast<int>(i),
                         count == visits.end() ? 0 : whole_number<int>(*count));
    }
    for (std::size_t i = 0; i < story.characters.size(); ++i) {
        if (saved.at("characters").contains(story.characters[i].id)) {
            Result<model::State> character =
                model::state_from_json(saved["characters"][story.characters[i].id]);
            if (!character) {
                return std::nullopt;
            }
            state.characters[i] = *character;
        }
    }
    Result<model::PlayerState> player = model::player_from_json(saved.at("player"));
    if (!player) {
        return std::nullopt;
    }
    state.player = *player;
    state.random.state = whole_number<std::uint64_t>(saved.at("random"));
    state.turn = whole_number<int>(saved.at("turn"));
    // Shown lines are indices into the place's lines: one that is not there (a changed or
    // damaged save) must never be shown, so the place does not read.
    const std::size_t lines = state.ending >= 0 ? story.endings[state.ending].lines.size()
                                                : story.scenes[state.scene].lines.size();
    state.shown_lines.clear();
    for (const json& line : saved.at("shown_lines")) {
        const int index = whole_number<int>(line);
        if (index < 0 || static_cast<std::size_t>(index) >= lines) {
            throw std::out_of_range("a shown line that does not exist");
        }
        state.shown_lines.push_back(index);
    }
    return state;
}

// True when object[key] is a string equal to expected. json::value() would throw on a
// value of another type, and a header is read before anything else is trusted.
bool has_string(const json& object, const char* key, const std::string& expected) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() && it->get_ref<const std::string&>() == expected;
}

std::string check_header(const json& save, const Story& story) {
    if (!save.is_object() || !has_string(save, "format", "attune-save")) {
        return "This file is not an Attune save.";
    }
    const auto version = save.find("version");
    if (version != save.end() && version->is_number() && *version > save_format_version) {
        return "This save was made by a newer Attune; update Attune to open it.";
    }
    const auto story_field = save.find("story");
    if (story_field == save.end() || !story_field->is_object() ||
        !has_string(*story_field, "id", story.info.id)) {
        return "This save belongs to another story.";
    }
    return "";
}

// A room's vote as a save keeps it: the aggregate only. The facilitator's reason for an
// override is left out: it is a note for them in the moment, and a save is a file that
// travels (copied to another machine, opened in a projected window, exported), so it
// would reach eyes it was never meant for.
json split_to_json(const VoteSplit& split) {
    return {{"scene", split.scene_id},        {"choices", split.choice_ids},
            {"texts", split.choice_texts},    {"counts", split.counts},
            {"passes", split.passes},         {"below_minimum", split.below_minimum},
            {"close_call", split.close_call}, {"chosen", split.chosen},
            {"overridden", split.overridden}};
}

// The texts of a list of strings under `key`, or a problem in words.
std::string read_texts(const json& saved, const char* key, std::vector<std::string>& out) {
    const auto it = saved.find(key);
    if (it == saved.end() || !it->is_array()) {
        return std::string("'") + key + "' is not a list";
    }
    for (const json& text : *it) {
        if (!text.is_string()) {
            return std::string("'") + key + "' holds something that is not text";
        }
        out.push_back(text.get<std::string>());
    }
    return "";
}

// A saved room vote, or "" and a problem in words. Whether it belongs to its step is for
// Session::record_room_vote to say.
std::string split_from_json(const json& saved, VoteSplit& split) {
    if (!saved.is_object()) {
        return "it is not an object";
    }
    const auto scene = saved.find("scene");
    if (scene == saved.end() || !scene->is_string()) {
        return "it names no scene";
    }
    split.scene_id = scene->get<std::string>();
    if (std::string problem = read_texts(saved, "choices", split.choice_ids); !problem.empty()) {
        return problem;
    }
    if (std::string problem = read_texts(saved, "texts", split.choice_texts); !problem.empty()) {
        return problem;
    }
    const auto counts = saved.find("counts");
    if (counts == saved.end() || !counts->is_array()) {
        return "'counts' is not a list";
    }
    try {
        for (const json& count : *counts) {
            split.counts.push_back(whole_number<int>(count));
        }
        split.passes = whole_number<int>(saved.at("passes"));
        split.chosen = whole_number<int>(saved.at("chosen"));
    } catch (const std::exception&) {
        return "a count or the choice is not a whole number";
    }
    for (auto [key, field] :
         {std::pair{"below_minimum", &split.below_minimum},
          std::pair{"close_call", &split.close_call}, std::pair{"overridden", &split.overridden}}) {
        const auto value = saved.find(key);
        if (value == saved.end() || !value->is_boolean()) {
            return std::string("'") + key + "' is not true or false";
        }
        *field = value->get<bool>();
    }
    return "";
}

// Replays saved choices by id; stops at the first that no longer exists. A room vote
// kept with a choice goes back beside it; one that does not read or does not match its
// choice is left out with a note (the playthrough itself is still good).
std::size_t replay(Session& session, const json& choices, std::vector<std::string>& notes) {
    std::size_t done = 0;
    for (const json& step : choices) {
        if (session.is_finished() || session.scene().id != step.at("scene").get<std::string>() ||
            !session.choose(step.at("choice").get<std::string>())) {
            break;
        }
        ++done;
        const auto saved = step.find("room_vote");
        if (saved == step.end()) {
            continue;
        }
        VoteSplit split;
        const std::string unread = split_from_json(*saved, split);
        const std::string problem =
            unread.empty() ? error_message(session.record_room_vote(std::move(split)).diagnostics)
                           : "The room's vote was not kept: it could not be read (" + unread + ").";
        if (!problem.empty()) {
            notes.push_back("Choice " + std::to_string(done) + ": " + problem);
        }
    }
    return done;
}

} // namespace

json state_to_json(const Story& story, const SessionState& state) {
    json out;
    out["scene"] = story.scenes[state.scene].id;
    if (state.ending >= 0) {
        out["ending"] = story.endings[state.ending].id;
    }
    out["variables"] = named_numbers(variable_names(story), state.variables);
    out["flags"] = named_numbers(story.flags, flag_values(state));
    out["visits"] = visit_counts(story, state.visits);
    out["characters"] = json::object();
    for (std::size_t i = 0; i < story.characters.size(); ++i) {
        out["characters"][story.characters[i].id] = model::to_json(state.characters[i]);
    }
    out["player"] = model::to_json(state.player);
    out["random"] = state.random.state;
    out["turn"] = state.turn;
    out["shown_lines"] = state.shown_lines;
    return out;
}

json save_session(const Session& session) {
    const Story& story = session.story();
    json choices = json::array();
    for (const Step& step : session.history()) {
        json saved = {{"scene", story.scenes[step.scene].id},
                      {"choice", story.choice(step.scene, step.choice).id}};
        if (step.room_vote) {
            saved["room_vote"] = split_to_json(*step.room_vote);
        }
        choices.push_back(std::move(saved));
    }
    return {{"format", "attune-save"},
            {"version", save_format_version},
            {"story", {{"id", story.info.id}, {"version", story.info.version}}},
            {"seed", session.seed()},
            {"choices", choices},
            {"state", state_to_json(story, session.state())}};
}

// Whether the saved place (scene or ending) has an id the story no longer has.
static bool place_renamed(const json& state, const Story& story) {
    if (state.contains("ending") && state["ending"].is_string()) {
        return story.find_ending(state["ending"].get<std::string>()) < 0;
    }
    return state.contains("scene") && state["scene"].is_string() &&
           story.find_scene(state["scene"].get<std::string>()) < 0;
}

Result<Session> load_session(const json& save, std::shared_ptr<const Story> story,
                             std::shared_ptr<const model::Params> params) {
    Result<Session> result;
    auto failed = [&](std::string message) {
        result.value.reset();
        result.diagnostics = {plain(Severity::Error, std::move(message))};
        return std::move(result);
    };
    auto note = [&](std::string message) {
        result.diagnostics.push_back(plain(Severity::Note, std::move(message)));
    };
    if (std::string error = check_header(save, *story); !error.empty()) {
        return failed(std::move(error));
    }
    try {
        const std::string saved_version = save["story"].value("version", "");
        Session session(story, params, whole_number<std::uint64_t>(save.at("seed")));
        const json& choices = save.at("choices");
        std::vector<std::string> vote_notes;
        const std::size_t replayed = replay(session, choices, vote_notes);
        for (std::string& message : vote_notes) {
            note(std::move(message));
        }
        const json replayed_state = state_to_json(*story, session.state());
        if (replayed == choices.size() && replayed_state == without_zero_visits(save.at("state"))) {
            result.value = std::move(session);
            return result;
        }
        if (saved_version == story->info.version && replayed == choices.size() &&
            place_renamed(save.at("state"), *story)) {
            // An author renaming the scene they are watching: the choices still lead there.
            note("The scene you were in was renamed; starting again from '" +
                 (session.is_finished() ? session.ending()->id : session.scene().id) + "'.");
            result.value = std::move(session);
            return result;
        }
        if (saved_version == story->info.version && replayed == choices.size()) {
            return failed(
                "This save does not match its own choices; it may have been edited or damaged.");
        }
        std::optional<SessionState> mapped;
        try {
            mapped = map_state(save.at("state"), *story, session.state());
        } catch (const std::exception&) {
            // malformed: as when the place is gone, continue from the last point that exists
        }
        if (mapped) {
            std::vector<Step> history = session.history();
            session.restore(*mapped, std::move(history));
            note("The story has changed since this save; you continue where you were.");
        } else {
            note("The story has changed since this save and the place you saved at is gone, "
                 "so you continue from '" +
                 session.scene().id + "', the last point that still exists.");
        }
        result.value = std::move(session);
    } catch (const std::exception& e) {
        return failed(std::string("This save is damaged and cannot be read (") + e.what() + ").");
    }
    return result;
}

} // namespace attune
