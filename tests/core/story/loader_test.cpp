#include "support.h"

#include "base/random.h"
#include "model/sentences.h"

#include <fstream>
#include <optional>
#include <sstream>

namespace {

using namespace attune;
using test::read_text;

struct Expected {
    const char* file;
    const char* code;
    int line;
    int column;
    const char* pointer;
    const char* message;
};

// Every problem each broken fixture must produce, in order, exactly.
const Expected expected_problems[] = {
    {"bad-condition.json", "bad-condition", 86, 57, "/scenes/2/choices/1/if",
     "the condition has a problem: a ')' is missing here"},
    {"binary.json", "binary", 1, 1, "", "the file holds binary data, not text"},
    {"dead-end.json", "dead-end", 137, 18, "/scenes/2/choices",
     "scene 'call' has no choices and is not an ending"},
    {"dead-end.json", "unused-flag", 16, 5, "/flags/0",
     "the flag 'apologized' is declared but never used"},
    {"deeply-nested.json", "too-deep", 1, 65, "", "brackets are nested more than 64 levels deep"},
    {"duplicate-scene.json", "duplicate-id", 69, 13, "/scenes/2/id",
     "the id 'quiet' is used twice in scenes"},
    {"duplicate-scene.json", "unknown-scene", 46, 19, "/scenes/0/choices/1/next",
     "there is no scene or ending 'call'"},
    {"duplicate-scene.json", "unknown-scene", 58, 19, "/scenes/1/choices/0/next",
     "there is no scene or ending 'call'"},
    {"empty.json", "bad-json", 1, 1, "",
     "this is not valid JSON: value - unexpected end of input; expected '[', '{', or a literal"},
    {"missing-comma.json", "bad-json", 28, 12, "",
     "this is not valid JSON: a comma is probably missing before this point"},
    {"not-an-object.json", "not-a-story", 1, 1, "", "the file holds a list, not a story object"},
    {"out-of-range.json", "out-of-range", 20, 18, "/characters/0/anxiety",
     "'anxiety' is 1.6, outside 0 to 1"},
    {"truncated.json", "bad-json", 55, 5, "",
     "this is not valid JSON: object key - unexpected end of input; expected string literal"},
    {"unknown-character.json", "unknown-character", 72, 22, "/scenes/2/lines/1/speaker",
     "there is no character 'rem'"},
    {"unknown-key.json", "unknown-key", 53, 18, "/scenes/1/choises", "unknown key 'choises'"},
    {"unknown-key.json", "missing-key", 50, 5, "/scenes/1", "missing 'choices'"},
    {"unknown-move.json", "unknown-move", 38, 31, "/scenes/0/choices/0/moves/0/move",
     "'minimise' is not a move Attune knows"},
    {"unknown-target.json", "unknown-scene", 64, 19, "/scenes/1/choices/1/next",
     "there is no scene or ending 'cald'"},
    {"unknown-variable.json", "bad-condition", 71, 113, "/scenes/2/lines/0/if",
     "unknown variable 'pateince' in the condition"},
    {"unreachable.json", "unreachable", 174, 5, "/scenes/3",
     "scene 'attic' cannot be reached from the start"},
    {"wrong-type.json", "wrong-type", 10, 14, "/minutes",
     "'minutes' should be a number but is text"},
};

} // namespace

TEST_CASE("loader: the documented example story loads clean") {
    const std::string doc = read_text(test::source_dir() / "docs" / "story-format.md");
    const auto start = doc.find("```json\n") + 8;
    const auto end = doc.find("\n```", start);
    const std::string example = doc.substr(start, end - start);
    const Result<std::shared_ptr<const Story>> result = load_story_text("story-format.md", example);
    CHECK(result.diagnostics.empty());
    REQUIRE(result);
    CHECK((*result)->scenes.size() == 3);
    CHECK((*result)->endings.size() == 2);
    // The test fixture is the same story, so the broken fixtures derive from documented form.
    CHECK(example + "\n" ==
          read_text(test::source_dir() / "tests" / "data" / "stories" / "late-bus.json"));
}

TEST_CASE("loader: every broken fixture reports exactly its problems, located") {
    const auto folder = test::source_dir() / "tests" / "data" / "broken";
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        files.push_back(entry.path().filename().string());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) {
        CAPTURE(file);
        const Result<std::shared_ptr<const Story>> result =
            load_story_file((folder / file).string());
        CHECK_FALSE(result);
        std::vector<const Expected*> wanted;
        for (const Expected& e : expected_problems) {
            if (file == e.file) {
                wanted.push_back(&e);
            }
        }
        REQUIRE_MESSAGE(!wanted.empty(), "add the fixture's expected problems to the table");
        REQUIRE(result.diagnostics.size() == wanted.size());
        for (std::size_t i = 0; i < wanted.size(); ++i) {
            const Diagnostic& d = result.diagnostics[i];
            CHECK(d.code == wanted[i]->code);
            CHECK(d.line == wanted[i]->line);
            CHECK(d.column == wanted[i]->column);
            CHECK(d.pointer == wanted[i]->pointer);
            CHECK(d.message == wanted[i]->message);
            CHECK_FALSE(d.fix.empty());
            CHECK(d.file == (folder / file).string());
        }
    }
}

TEST_CASE("loader: 'did you mean' suggests near names only") {
    CHECK(nearest_name("cald", {"call", "cold", "quiet"}) == "call");
    CHECK(nearest_name("minimise", {"minimize", "validate"}) == "minimize");
    CHECK(nearest_name("kitchen", {"garden", "hallway"}).empty());
}

TEST_CASE("loader: a formatted problem names file, line, column, path and fix") {
    const Result<std::shared_ptr<const Story>> result =
        load_story_file((test::source_dir() / "tests/data/broken/unknown-target.json").string());
    REQUIRE(result.diagnostics.size() == 1);
    const std::string text = format(result.diagnostics[0]);
    CHECK(text.find("unknown-target.json:64:19: error: there is no scene or ending 'cald' "
                    "(at /scenes/1/choices/1/next)") != std::string::npos);
    CHECK(text.find("fix: Did you mean 'call'?") != std::string::npos);
}

TEST_CASE("loader: never crashes on mangled bytes, and always says why it refuses") {
    const std::string good = read_text(test::source_dir() / "tests/data/stories/late-bus.json");
    Random random{7};
    for (int round = 0; round < 3000; ++round) {
        std::string text = good;
        const int edits = 1 + random.below(4);
        for (int e = 0; e < edits; ++e) {
            const auto at = static_cast<std::size_t>(random.below(static_cast<int>(text.size())));
            switch (random.below(3)) {
            case 0:
                text[at] = static_cast<char>(random.below(256));
                break;
            case 1:
                text.erase(at, 1 + random.below(40));
                break;
            default:
                text.resize(at);
                break;
            }
        }
        const Result<std::shared_ptr<const Story>> result = load_story_text("mangled.json", text);
        CHECK(static_cast<bool>(result) == !has_errors(result.diagnostics));
        for (const Diagnostic& d : result.diagnostics) {
            CHECK_FALSE(d.message.empty());
        }
    }
}

TEST_CASE("loader: characters' pronouns and text holes resolve") {
    const auto story = test::late_bus();
    const Character& ren = story->characters[0];
    CHECK(ren.profile.name == "Ren");
    CHECK(ren.profile.subject == "they");
    CHECK(ren.profile.object == "them");
    CHECK(ren.profile.possessive == "their");
    CHECK(story->info.relationship == Relationship::Friend);
    CHECK(story->scenes[story->start].id == "text");
    const Choice& call_back = story->scenes[1].choices[0];
    REQUIRE(call_back.text.parts().size() == 3);
    CHECK(call_back.text.parts()[1].slot.kind == static_cast<int>(SlotKind::CharacterText));
    CHECK(call_back.text.parts()[1].slot.field ==
          static_cast<int>(model::PersonWord::Object)); // {ren.them}
}

TEST_CASE("loader: two characters with one name load, with a located warning") {
    std::string text = read_text(test::source_dir() / "tests/data/stories/late-bus.json");
    const std::string ren = "      \"window\": { \"low\": 15, \"high\": 70 }\n    }";
    const auto at = text.find(ren);
    REQUIRE(at != std::string::npos);
    text.insert(at + ren.size(),
                ",\n    { \"id\": \"ren2\", \"name\": \"Ren\", \"pronouns\": \"he/him\", "
                "\"role\": \"cousin\", \"anxiety\": 0.3, \"avoidance\": 0.3, \"safety\": 50, "
                "\"distance\": 50 }");
    const Result<std::shared_ptr<const Story>> result = load_story_text("twins.json", text);
    REQUIRE(result); // a warning: ids still tell the two apart
    REQUIRE(result.diagnostics.size() == 1);
    const Diagnostic& d = result.diagnostics[0];
    CHECK(d.severity == Severity::Warning);
    CHECK(d.code == "duplicate-name");
    CHECK(d.pointer == "/characters/1/name");
    CHECK(d.line == 23);
    CHECK(d.column == 29);
    CHECK(d.message == "the name 'Ren' is also the name of character 'ren'");
    CHECK_FALSE(d.fix.empty());
}

// The loader, one edit at a time: each edit to a good story gives exactly the problem
// named (code, severity and JSON pointer), and every field of a good story is read.

namespace {

using namespace attune;
using nlohmann::json;

json late_bus_json() {
    return json::parse(test::read_text(test::source_dir() / "tests/data/stories/late-bus.json"));
}

struct Edit {
    const char* pointer;       ///< where to change late-bus.json
    std::optional<json> value; ///< the new value; none to remove the key
    const char* problem;       ///< "error CODE POINTER", or "" for no problem at all
};

std::vector<std::string> problems(const std::vector<Diagnostic>& diagnostics) {
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics) {
        out.push_back(std::string(d.severity == Severity::Error ? "error " : "warning ") + d.code +
                      " " + d.pointer);
    }
    return out;
}

Result<std::shared_ptr<const Story>> load_edited(const Edit& edit) {
    json story = late_bus_json();
    const json::json_pointer at(edit.pointer);
    if (edit.value) {
        story[at] = *edit.value;
    } else {
        story[at.parent_pointer()].erase(at.back());
    }
    return load_story_text("edited.json", story.dump(2));
}

} // namespace

TEST_CASE("loader cases: each edit gives exactly its problem, at its pointer") {
    const std::string long_id(64, 'a');
    const std::vector<Edit> edits = {
        // An unknown character's adjustment is that one problem, whatever the change holds.
        {"/scenes/0/choices/0/effects", json{{"adjust", {{"nobody", 5}}}},
         "error unknown-character /scenes/0/choices/0/effects/adjust/nobody"},
        // Numbers at and past the edges of their ranges.
        {"/characters/0/safety", 0, ""},
        {"/characters/0/safety", 100, ""},
        {"/characters/0/safety", -0.5, "error out-of-range /characters/0/safety"},
        {"/characters/0/safety", 100.5, "error out-of-range /characters/0/safety"},
        {"/characters/0/distance", 0, ""},
        {"/characters/0/distance", 100, ""},
        {"/characters/0/distance", 101, "error out-of-range /characters/0/distance"},
        {"/characters/0/avoidance", 1, ""},
        {"/characters/0/anxiety", 0, ""},
        {"/characters/0/anxiety", 1, ""},
        {"/characters/0/anxiety", 1.01, "error out-of-range /characters/0/anxiety"},
        {"/characters/0/avoidance", -0.01, "error out-of-range /characters/0/avoidance"},
        {"/minutes", 1, ""},
        {"/minutes", 600, ""},
        {"/minutes", 0, "error out-of-range /minutes"},
        {"/minutes", 601, "error out-of-range /minutes"},
        {"/characters/0/window", json{{"low", 0}, {"high", 100}}, ""},
        {"/characters/0/window", json{{"low", 50}, {"high", 50}},
         "error bad-window /characters/0/window"},
        {"/characters/0/window/low", 101, "error out-of-range /characters/0/window/low"},
        // Ids and names: length, first character, allowed characters.
        {"/id", long_id, ""},
        {"/id", long_id + "a", "error bad-id /id"},
        {"/id", "Late-bus", "error bad-id /id"},
        {"/id", "-late", "error bad-id /id"},
        {"/id", "9-late_bus", ""},
        {"/id", "late bus", "error bad-id /id"},
        // A renamed flag is no longer the one the story uses: valid, but never used.
        {"/flags/1", "_asked", "warning unused-flag /flags/1"},
        {"/flags/1", std::string(64, 'f'), "warning unused-flag /flags/1"},
        {"/flags/1", "2asked", "error bad-name /flags/1"},
        {"/flags/1", std::string(65, 'f'), "error bad-name /flags/1"},
        {"/variables/bad name", 1, "error bad-name /variables/bad name"},
        {"/variables/count", "none", "error wrong-type /variables/count"},
        {"/variables/count", 2.5, ""},
        {"/variables/bad name", "x", "error bad-name /variables/bad name"}, // and nothing more
        // Required and optional keys, and their types.
        {"/version", std::nullopt, "error missing-key "},
        {"/summary", std::nullopt, "error missing-key "},
        {"/start", std::nullopt, "error missing-key "}, // and nothing about an unknown scene ''
        {"/start", "", "error unknown-scene /start"},
        {"/author", 7, "error wrong-type /author"},
        {"/language", "fr", ""},
        {"/scenes/0/title", std::nullopt, ""},
        {"/characters/0/name", std::nullopt, "error missing-key /characters/0"},
        {"/characters/0/role", std::nullopt, "error missing-key /characters/0"},
        {"/characters/0/pronouns", "she/him", "error bad-pronouns /characters/0/pronouns"},
        {"/characters/0/color", "#f2b46d", ""},
        {"/characters/0/color", "#f2b46", "error bad-color /characters/0/color"},
        {"/characters/0/color", "f2b46dd", "error bad-color /characters/0/color"},
        {"/characters/0/colour", "#f2b46d", "error unknown-key /characters/0/colour"},
        {"/endings/0/colour", "red", "error unknown-key /endings/0/colour"},
        {"/scenes/0/colour", "red", "error unknown-key /scenes/0/colour"},
        {"/characters/0/window", json{{"low", 100}, {"high", 100}},
         "error bad-window /characters/0/window"},
        {"/scenes/0/choices/0/if", "true", ""},
        {"/endings/0/reflection", std::nullopt, "warning no-reflection /endings/0"},
        // Conditions and text holes in the scenes.
        {"/scenes/2/choices/1/if", "visits(quiet) = 0",
         "error bad-condition /scenes/2/choices/1/if"},
        {"/scenes/2/choices/1/if", "flag.apologised", "error bad-condition /scenes/2/choices/1/if"},
        {"/scenes/2/choices/1/if", "ren.safty < 50", "error bad-condition /scenes/2/choices/1/if"},
        {"/scenes/2/choices/1/if", "player.flooded or ren.repairs > 0", ""},
        {"/scenes/2/choices/1/if", "visits(nowhere) > 0",
         "error bad-condition /scenes/2/choices/1/if"},
        {"/scenes/2/choices/1/if", "patience + 1 > 0", ""},
        {"/scenes/2/choices/1/if", "var.patience > 0", ""},
        {"/scenes/2/choices/1/if", "mood > 0", "error bad-condition /scenes/2/choices/1/if"},
        {"/scenes/2/choices/1/reason", "{ren.name} is {ren.nope}.",
         "error bad-condition /scenes/2/choices/1/reason"},
        {"/scenes/0/lines/0", "{player.name}, {ren.They} {ren.their}", ""},
    };
    for (const Edit& edit : edits) {
        const Result<std::shared_ptr<const Story>> result = load_edited(edit);
        const std::vector<std::string> found = problems(result.diagnostics);
        INFO(edit.pointer << " = " << (edit.value ? edit.value->dump() : "(removed)")
                          << " gives: " << (found.empty() ? "" : found[0]) << " (" << found.size()
                          << " problems)");
        if (*edit.problem == '\0') {
            CHECK(found.empty());
            CHECK(result);
        } else {
            CHECK(found == std::vector<std::string>{edit.problem});
            CHECK(!result == std::string(edit.problem).starts_with("error"));
        }
    }
}

TEST_CASE("loader cases: every field of a good story is read") {
    json source = late_bus_json();
    source["language"] = "de";
    source["content_notes"] = json::array({"lateness"});
    source["player"] = {{"name", "Alex"}};
    source["characters"][0]["color"] = "#f2b46d";
    source["scenes"][0]["content_notes"] = json::array({"cake"});
    const Result<std::shared_ptr<const Story>> result = load_story_text("full.json", source.dump());
    REQUIRE(result);
    const Story& story = **result;
    CHECK(story.file == "full.json");
    CHECK(story.info.id == "late-bus");
    CHECK(story.info.title == "The Late Bus");
    CHECK(story.info.version == "1.0.0");
    CHECK(story.info.language == "de");
    CHECK(story.info.summary == "Your friend missed your birthday dinner and texts an hour late.");
    CHECK(story.info.relationship == Relationship::Friend);
    CHECK(story.info.minutes == 3);
    CHECK(story.info.age_band == "12+");
    CHECK(story.info.content_notes == std::vector<std::string>{"lateness"});
    CHECK(story.info.author == "Attune team");
    CHECK(story.player_name == "Alex");
    CHECK(story.flags == std::vector<std::string>{"apologized"});
    REQUIRE(story.variables.size() == 1);
    CHECK(story.variables[0].name == "patience");
    CHECK(story.variables[0].initial == 0);

    REQUIRE(story.characters.size() == 1);
    const Character& ren = story.characters[0];
    CHECK(ren.id == "ren");
    CHECK(ren.role == "best friend");
    CHECK(ren.color == "#f2b46d");
    CHECK(ren.pronouns == "they/them");
    CHECK(ren.profile.name == "Ren");
    CHECK(ren.profile.anxiety == 0.6);
    CHECK(ren.profile.avoidance == 0.2);
    CHECK(ren.profile.safety == 60);
    CHECK(ren.profile.distance == 35);
    CHECK(ren.profile.window_low == 15);
    CHECK(ren.profile.window_high == 70);

    REQUIRE(story.scenes.size() == 3);
    const Scene& text = story.scenes[0];
    CHECK(text.id == "text");
    CHECK(text.title == "Nine forty");
    CHECK(text.notes.get().content_notes == std::vector<std::string>{"cake"});
    CHECK(text.notes.get().facilitator_note ==
          "Most people feel the pull to say 'it's fine' here.");
    CHECK(text.notes.get().discussion ==
          std::vector<std::string>{"What does 'it's fine' protect? What does it cost?"});
    REQUIRE(text.lines.size() == 2);
    CHECK(text.lines[0].speaker == -1);
    CHECK(text.lines[1].speaker == 0);
    REQUIRE(text.choices.size() == 2);
    CHECK(text.choices[0].id == "its-fine");
    CHECK(text.choices[0].next.index == story.find_scene("quiet"));
    CHECK_FALSE(text.choices[0].next.is_ending);
    REQUIRE(text.choices[0].moves.size() == 1);
    CHECK(text.choices[0].moves[0].move == Move::Minimize);
    CHECK(text.choices[0].moves[0].target == 0);

    const Scene& call = story.scenes[story.find_scene("call")];
    const Choice& lecture = call.choices[1];
    CHECK(lecture.id == "lecture");
    CHECK(lecture.condition.source() == "visits(quiet) == 0");
    CHECK(lecture.show_when_unavailable);
    CHECK(lecture.reason().source == "You already said that, in a way, by going quiet.");
    CHECK(call.choices[0].effects().set_flags == std::vector<int>{0});
    CHECK(call.choices[0].next.is_ending);
    CHECK(story.endings[call.choices[0].next.index].id == "together");

    REQUIRE(story.endings.size() == 2);
    CHECK(story.endings[0].id == "together");
    CHECK(story.endings[0].kind == EndingKind::Repaired);
    CHECK(story.endings[1].kind == EndingKind::Ruptured);
    CHECK_FALSE(story.endings[0].title.empty());
    CHECK_FALSE(story.endings[0].reflection.empty());
    CHECK(story.find_ending("cold") == 1);
    CHECK(story.find_ending("quiet") == -1);
    CHECK(story.find_scene("together") == -1);
}

TEST_CASE("loader cases: problems that bring others with them still include their own") {
    const std::vector<Edit> edits = {
        {"/endings/1/id", "quiet", "error duplicate-id /endings/1/id"},
        {"/scenes/1/id", "text", "error duplicate-id /scenes/1/id"},
        {"/characters", json::array(), "error no-characters /characters"},
        {"/scenes", json::array(), "error no-scenes /scenes"},
        {"/endings", json::array(), "error no-endings /endings"},
    };
    for (const Edit& edit : edits) {
        CAPTURE(edit.pointer);
        const Result<std::shared_ptr<const Story>> result = load_edited(edit);
        const std::vector<std::string> found = problems(result.diagnostics);
        CHECK(std::find(found.begin(), found.end(), edit.problem) != found.end());
        CHECK_FALSE(result);
    }
}

TEST_CASE("loader cases: every character of several is read, each in its place") {
    json source = late_bus_json();
    json sam = source["characters"][0];
    sam["id"] = "sam";
    sam["name"] = "Sam";
    sam["pronouns"] = "she/her";
    sam["safety"] = 20;
    source["characters"].push_back(sam);
    source["scenes"][0]["lines"][0] = {{"speaker", "sam"}, {"text", "Hi from {sam.name}."}};
    const Result<std::shared_ptr<const Story>> result = load_story_text("two.json", source.dump());
    REQUIRE_MESSAGE(result, (result.diagnostics.empty() ? "" : format(result.diagnostics[0])));
    const Story& story = **result;
    REQUIRE(story.characters.size() == 2);
    CHECK(story.characters[0].id == "ren");
    CHECK(story.characters[1].id == "sam");
    CHECK(story.characters[1].profile.name == "Sam");
    CHECK(story.characters[1].profile.subject == "she");
    CHECK(story.characters[1].profile.safety == 20);
    CHECK(story.scenes[0].lines[0].speaker == 1);
    CHECK(story.scenes[0].lines[0].text.parts()[1].slot.index == 1);
}

TEST_CASE("loader cases: 'did you mean' allows a third of the name's length in edits") {
    // Short names allow two edits; a 12-letter name allows four.
    CHECK(nearest_name("kitchn", {"kitchen"}) == "kitchen");                 // one left out
    CHECK(nearest_name("kitcchen", {"kitchen"}) == "kitchen");               // one too many
    CHECK(nearest_name("kitchem", {"kitchen"}) == "kitchen");                // one changed
    CHECK(nearest_name("abcdxy", {"abcdef"}) == "abcdef");                   // two changed
    CHECK(nearest_name("abcxyz", {"abcdef"}).empty());                       // three
    CHECK(nearest_name("abcdefghwxyz", {"abcdefghijkl"}) == "abcdefghijkl"); // four of twelve
    CHECK(nearest_name("abcdefgvwxyz", {"abcdefghijkl"}).empty());           // five
    CHECK(nearest_name("ab", {"xy"}) == "xy");
    CHECK(nearest_name("ab", {"xyz"}).empty());
    // The nearest wins; among equals, the first.
    CHECK(nearest_name("cat", {"dog", "cart", "cut"}) == "cart");
    CHECK(nearest_name("cart", {"cat", "card"}) == "cat");
    CHECK(nearest_name("card", {"cart", "card"}) == "card");
    CHECK(nearest_name("x", {""}).empty());
    CHECK(nearest_name(std::string(201, 'a'), {std::string(201, 'a')}).empty());
}

TEST_CASE("loader cases: a scene whose every choice has a condition may be a dead end") {
    json source = late_bus_json();
    source["scenes"][1]["choices"][0]["if"] = "patience > 3";
    source["scenes"][1]["choices"][1]["if"] = "patience < 3"; // patience 3 leaves neither
    const Result<std::shared_ptr<const Story>> result =
        load_story_text("maybe.json", source.dump());
    CHECK(problems(result.diagnostics) ==
          std::vector<std::string>{"warning maybe-dead-end /scenes/1/choices"});
    CHECK(result);
}

TEST_CASE("loader cases: conditions that between them cover every state are no dead end") {
    for (const auto& [first, second] : std::vector<std::pair<std::string, std::string>>{
             {"patience >= 3", "patience < 3"},
             {"not flag.apologized and patience > 1", "flag.apologized or patience <= 1"},
             {"true", "patience >= 0"}}) {
        CAPTURE(first);
        json source = late_bus_json();
        source["scenes"][1]["choices"][0]["if"] = first;
        source["scenes"][1]["choices"][1]["if"] = second;
        const Result<std::shared_ptr<const Story>> result =
            load_story_text("covered.json", source.dump());
        CHECK(problems(result.diagnostics).empty());
    }
}

TEST_CASE("loader: how the first character feels as a scene opens is read like any other's") {
    nlohmann::json story = nlohmann::json::parse(
        test::read_text(test::source_dir() / "tests/data/stories/late-bus.json"));
    story["scenes"][0]["feels"] = {{"ren", "upset"}};
    const Result<std::shared_ptr<const Story>> loaded = load_story_text("feels.json", story.dump());
    REQUIRE(loaded);
    const std::vector<Feels>& feels = (*loaded)->scenes[0].feels();
    REQUIRE(feels.size() == 1);
    CHECK(feels[0].character == 0);
    CHECK(feels[0].feeling == model::Feeling::Upset);
}

TEST_CASE("loader: with no character id given, an unknown character's fix says how to give one") {
    json story = late_bus_json();
    story["characters"][0].erase("id");
    const auto loaded = load_story_text("no-ids.json", story.dump(2));
    bool seen = false;
    for (const Diagnostic& d : loaded.diagnostics) {
        if (d.code == "unknown-character") {
            seen = true;
            CHECK(d.fix.find("Characters: .") == std::string::npos);
            CHECK(d.fix.find("give each one in \"characters\" an \"id\"") != std::string::npos);
        }
    }
    CHECK(seen);

    // With the id there but misspelt where it is used, the fix lists the ids there are.
    json misspelt = late_bus_json();
    const std::string ren = misspelt["characters"][0]["id"];
    misspelt["scenes"][0]["lines"][0] = json{{"speaker", ren + "x"}, {"text", "Hi."}};
    const auto other = load_story_text("misspelt.json", misspelt.dump(2));
    REQUIRE_FALSE(other.diagnostics.empty());
    CHECK(other.diagnostics[0].code == "unknown-character");
    CHECK(other.diagnostics[0].fix.find("Characters: " + ren + ".") != std::string::npos);
}

TEST_CASE("loader: a variable that starts as text or past the limit is one problem, not one per "
          "use") {
    for (const json& start : {json("high"), json(1e12)}) {
        CAPTURE(start.dump());
        json story = late_bus_json();
        story["variables"]["patience"] = start; // late-bus adds to it in a choice
        const auto loaded = load_story_text("start.json", story.dump(2));
        REQUIRE(loaded.diagnostics.size() == 1);
        CHECK(loaded.diagnostics[0].severity == Severity::Error);
        CHECK(loaded.diagnostics[0].pointer == "/variables/patience");
    }
}
