// The loader reads "scenes" and "endings" one entry at a time from the text
// (parse_json_sections): whatever it finds must say exactly what parsing the whole file
// would, at the same file:line:column and JSON path, however deep in the file it is.

#include "authoring/generator.h"
#include "support.h"

#include <functional>
#include <optional>
#include <string_view>

namespace {

using namespace attune;

// Line and column (1-based) of byte `offset` in an ASCII text.
std::pair<int, int> position_of(const std::string& text, std::size_t offset) {
    const std::size_t newline = text.rfind('\n', offset);
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
    const int column =
        static_cast<int>(newline == std::string::npos ? offset + 1 : offset - newline);
    return {line, column};
}

const Diagnostic* find_code(const Result<std::shared_ptr<const Story>>& result,
                            const std::string& code) {
    for (const Diagnostic& d : result.diagnostics) {
        if (d.code == code) {
            return &d;
        }
    }
    return nullptr;
}

// A story whose "scenes" and "endings" the loader keeps as text.
std::string small_story() {
    return test::read_text(test::source_dir() / "tests/data/stories/late-bus.json");
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

} // namespace

TEST_CASE("sections: problems in scene 40,000 point at their line, column and path") {
    nlohmann::ordered_json story = generate_story({42000, 1});
    REQUIRE(story["scenes"].size() > 40001);
    story["scenes"][40000]["choices"][1]["next"] = "nowhere";
    story["scenes"][39999]["choices"][0]["if"] = "sam.safty > 1";
    const std::string text = story.dump(1);

    const Result<std::shared_ptr<const Story>> result = load_story_text("big.json", text);
    CHECK_FALSE(result);
    REQUIRE(result.diagnostics.size() == 2);

    const Diagnostic* next = find_code(result, "unknown-scene");
    REQUIRE(next);
    const auto [line, column] = position_of(text, text.find("\"nowhere\""));
    CHECK(next->pointer == "/scenes/40000/choices/1/next");
    CHECK(next->line == line);
    CHECK(next->column == column);
    CHECK(next->file == "big.json");

    // A condition's problem points inside the condition: at the misspelt name.
    const Diagnostic* condition = find_code(result, "bad-condition");
    REQUIRE(condition);
    const auto [if_line, if_column] = position_of(text, text.find("\"sam.safty > 1\"") + 1);
    CHECK(condition->pointer == "/scenes/39999/choices/0/if");
    CHECK(condition->line == if_line);
    CHECK(condition->column == if_column);
    CHECK(condition->message.find("'sam.safty'") != std::string::npos);
}

TEST_CASE("sections: a syntax error inside an entry is reported as the whole parse reports it") {
    const std::string good = small_story();
    const std::vector<std::string> broken = {
        // a comma missing between two members of a scene
        replaced(good, "\"id\": \"quiet\",", "\"id\": \"quiet\""),
        // a key given twice in one scene
        replaced(good, "\"id\": \"quiet\",", "\"id\": \"quiet\", \"id\": \"quiet\","),
        // a plain id the first pass reads, in an entry that is not JSON
        replaced(good, "\"id\": \"quiet\",", "\"id\": \"quiet\", \"lines\": [1,],"),
        // a number too large for a double in an ending
        replaced(good, "\"endings\": [", "\"endings\": [ 1e999,"),
        // a raw control character inside a scene's text
        replaced(good, "\"id\": \"quiet\",", "\"id\": \"quiet\", \"title\": \"a\tb\","),
    };
    for (const std::string& text : broken) {
        const Result<std::shared_ptr<const Story>> loaded = load_story_text("s.json", text);
        const Result<JsonDocument> whole = parse_json_document("s.json", text);
        CHECK_FALSE(loaded);
        REQUIRE_FALSE(whole);
        REQUIRE(loaded.diagnostics.size() == whole.diagnostics.size());
        for (std::size_t i = 0; i < whole.diagnostics.size(); ++i) {
            CHECK(loaded.diagnostics[i].code == whole.diagnostics[i].code);
            CHECK(loaded.diagnostics[i].message == whole.diagnostics[i].message);
            CHECK(loaded.diagnostics[i].line == whole.diagnostics[i].line);
            CHECK(loaded.diagnostics[i].column == whole.diagnostics[i].column);
            CHECK(loaded.diagnostics[i].pointer == whole.diagnostics[i].pointer);
        }
    }
}

TEST_CASE("sections: an entry's id read without parsing it is the id parsing gives") {
    const std::string good = small_story();
    // Escapes make the first pass parse the entry; both ways give the same scene.
    const std::string escaped = replaced(good, "\"id\": \"quiet\",", "\"id\": \"qu\\u0069et\",");
    const Result<std::shared_ptr<const Story>> plain = load_story_text("a.json", good);
    const Result<std::shared_ptr<const Story>> parsed = load_story_text("b.json", escaped);
    REQUIRE(plain);
    REQUIRE(parsed);
    CHECK((*parsed)->find_scene("quiet") == (*plain)->find_scene("quiet"));
    CHECK((*plain)->find_scene("quiet") >= 0);
    // An id that is not text is still reported as such.
    const Result<std::shared_ptr<const Story>> wrong =
        load_story_text("c.json", replaced(good, "\"id\": \"quiet\",", "\"id\": 7,"));
    const Diagnostic* kind = find_code(wrong, "wrong-type");
    REQUIRE(kind);
    CHECK(kind->pointer.find("/id") != std::string::npos);
    CHECK(kind->line > 1);
}

TEST_CASE("sections: hostile shapes give a clear error, never a crash") {
    const std::string good = small_story();
    // Scenes nested far deeper than any story: refused before anything is parsed.
    const Result<std::shared_ptr<const Story>> deep = load_story_text(
        "deep.json", replaced(good, "\"scenes\": [", "\"scenes\": [" + std::string(70, '[')));
    REQUIRE(find_code(deep, "too-deep"));
    CHECK(deep.diagnostics.size() == 1);

    // More scenes than Attune reads: one error, and no scene read past the list's end.
    std::string many = "{\"scenes\": [";
    for (std::size_t i = 0; i <= max_scenes; ++i) {
        many += i == 0 ? "{}" : ",{}";
    }
    many += "]}";
    const Result<std::shared_ptr<const Story>> crowded = load_story_text("many.json", many);
    const Diagnostic* too_many = find_code(crowded, "too-many");
    REQUIRE(too_many);
    CHECK(too_many->pointer == "/scenes");
    CHECK(too_many->line == 1);
    CHECK(too_many->column == 12);

    // ... and a syntax error among them still comes first, alone.
    const Result<std::shared_ptr<const Story>> crowded_bad =
        load_story_text("many.json", replaced(many, ",{},", ",{,},"));
    REQUIRE(crowded_bad.diagnostics.size() == 1);
    CHECK(crowded_bad.diagnostics[0].code == "bad-json");

    // A list that never closes, text after the story, a story that is not an object.
    for (const std::string& text :
         {good.substr(0, good.find("\"endings\"") + 20), good + " {}", std::string("[1, 2]")}) {
        const Result<std::shared_ptr<const Story>> result = load_story_text("x.json", text);
        CHECK_FALSE(result);
        REQUIRE_FALSE(result.diagnostics.empty());
        CHECK(result.diagnostics[0].line > 0);
    }
}

TEST_CASE("sections: texts and choice ids are the file's own bytes; a text written with escapes "
          "reads unescaped") {
    std::optional<Story> copy;
    {
        const Result<std::shared_ptr<const Story>> loaded =
            load_story_text("a.json", small_story());
        REQUIRE(loaded);
        const Story& story = **loaded;
        REQUIRE(story.texts);
        const std::string& file = story.texts->file();
        const auto in_file = [&](std::string_view text) {
            const std::less_equal<const char*> at_most;
            return at_most(file.data(), text.data()) &&
                   at_most(text.data() + text.size(), file.data() + file.size());
        };
        const Scene& first = story.scenes[0];
        CHECK(first.lines[0].text.source ==
              "Your phone buzzes. The candles on the cake burned down an hour ago.");
        CHECK(in_file(first.lines[0].text.source));
        CHECK(first.choices[0].text.source == "\"It's fine. Whatever.\"");
        CHECK_FALSE(in_file(first.choices[0].text.source));
        CHECK(first.choices[0].id == "its-fine"); // ids too are the file's bytes
        CHECK(in_file(first.choices[0].id));
        copy = story;
    }
    // The copy outlives the loaded story and shares its bytes (the sanitizer build checks).
    const Scene& first = copy->scenes[0];
    CHECK(first.lines[0].text.source ==
          "Your phone buzzes. The candles on the cake burned down an hour ago.");
    CHECK(first.choices[0].text.source == "\"It's fine. Whatever.\"");
    CHECK(first.choices[1].id == "name-it");
    // Escaped and with a hole: its parts are offsets into the unescaped copy.
    const Template& call = copy->scenes[1].choices[0].text;
    REQUIRE(call.parts().size() == 3);
    CHECK(call.text(call.parts()[0]) == "Call ");
    CHECK_FALSE(call.parts()[1].is_literal);
    CHECK(call.text(call.parts()[1]) == "ren.them");
    CHECK(call.text(call.parts()[2]) == ". \"Hey. Can I say that again, better?\"");
}
