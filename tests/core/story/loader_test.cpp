#include "support.h"

#include "base/random.h"
#include "model/sentences.h"

#include <fstream>
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
    REQUIRE(call_back.text.parts.size() == 3);
    CHECK(call_back.text.parts[1].slot.kind == static_cast<int>(SlotKind::CharacterText));
    CHECK(call_back.text.parts[1].slot.field ==
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
