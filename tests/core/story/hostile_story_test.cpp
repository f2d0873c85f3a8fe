// Stories written to break the loader: each must give located errors, never a crash.
// Issue 13 lists the crashes these stand for.

#include "support.h"

#include <functional>

namespace {

using namespace attune;
using nlohmann::json;
using test::read_text;

std::string late_bus_text() {
    return read_text(test::source_dir() / "tests/data/stories/late-bus.json");
}

// `text` with its only occurrence of `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    REQUIRE(text.find(from, at + 1) == std::string::npos);
    return text.replace(at, from.size(), to);
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

// Every JSON pointer to a value in `value`, parents before children.
void collect_pointers(const json& value, const std::string& at, std::vector<std::string>& out) {
    out.push_back(at);
    if (value.is_object()) {
        for (const auto& [key, child] : value.items()) {
            collect_pointers(child, at + "/" + key, out);
        }
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            collect_pointers(value[i], at + "/" + std::to_string(i), out);
        }
    }
}

} // namespace

TEST_CASE("hostile story: a number too large for a double is a located error, not an abort") {
    const Result<std::shared_ptr<const Story>> result = load_story_text(
        "huge.json", replaced(late_bus_text(), "\"patience\": 0", "\"patience\": 1e400"));
    CHECK_FALSE(result);
    REQUIRE(result.diagnostics.size() == 1);
    const Diagnostic& d = result.diagnostics[0];
    CHECK(d.code == "number-too-large");
    CHECK(d.line == 16);
    CHECK(d.column == 30);
    CHECK_FALSE(d.fix.empty());
}

TEST_CASE("hostile story: an id that is not text is a located error for each kind of entry") {
    struct Case {
        const char* from;
        const char* to;
        const char* pointer;
    };
    for (const Case c : {Case{"\"id\": \"ren\"", "\"id\": 3", "/characters/0/id"},
                         Case{"\"id\": \"quiet\"", "\"id\": 4.5", "/scenes/1/id"},
                         Case{"\"id\": \"cold\"", "\"id\": [1]", "/endings/1/id"}}) {
        CAPTURE(c.pointer);
        const Result<std::shared_ptr<const Story>> result =
            load_story_text("ids.json", replaced(late_bus_text(), c.from, c.to));
        CHECK_FALSE(result);
        const Diagnostic* d = find_code(result, "wrong-type");
        REQUIRE(d);
        CHECK(d->pointer == c.pointer);
        CHECK(d->line > 0);
    }
}

TEST_CASE("hostile story: any value replaced by any other kind of value never escapes as a throw") {
    const json story = json::parse(late_bus_text());
    std::vector<std::string> pointers;
    collect_pointers(story, "", pointers);
    const json wrong_kinds[] = {
        json(7),       json("text"), json::array({1}), json::object({{"a", 1}}),
        json(nullptr), json(true),   json(-1e300)};
    int refused = 0;
    for (const std::string& pointer : pointers) {
        for (const json& wrong : wrong_kinds) {
            json changed = story;
            changed[json::json_pointer(pointer)] = wrong;
            CAPTURE(pointer);
            CAPTURE(wrong.dump());
            Result<std::shared_ptr<const Story>> result;
            REQUIRE_NOTHROW(result = load_story_text("kinds.json", changed.dump(2)));
            CHECK(static_cast<bool>(result) == !has_errors(result.diagnostics));
            for (const Diagnostic& d : result.diagnostics) {
                CHECK(d.line > 0);
            }
            refused += result ? 0 : 1;
        }
    }
    CHECK(refused > 0);
}

TEST_CASE("hostile story: a key given twice is an error naming both places") {
    const Result<std::shared_ptr<const Story>> result =
        load_story_text("twice.json", replaced(late_bus_text(), "\"minutes\": 3,",
                                               "\"minutes\": 3, \"minutes\": 4,"));
    CHECK_FALSE(result);
    const Diagnostic* d = find_code(result, "duplicate-key");
    REQUIRE(d);
    CHECK(d->pointer == "/minutes");
    CHECK(d->line == 10);
    CHECK(d->column == 17);
    CHECK(d->message.find("line 10, column 3") != std::string::npos);
}

TEST_CASE("hostile story: an unknown name in a text hole is said to be in the text") {
    const Result<std::shared_ptr<const Story>> result = load_story_text(
        "hole.json", replaced(late_bus_text(), "Your phone buzzes.", "Your {a.b.c.d} buzzes."));
    const Diagnostic* d = find_code(result, "bad-condition");
    REQUIRE(d);
    CHECK(d->message == "unknown name 'a.b.c.d' in the text");
}

TEST_CASE("hostile story: a starting value or change beyond the variable limit is refused") {
    for (const char* to : {"\"patience\": 1e300", "\"patience\": -2e9"}) {
        CAPTURE(to);
        const Result<std::shared_ptr<const Story>> result =
            load_story_text("big.json", replaced(late_bus_text(), "\"patience\": 0", to));
        const Diagnostic* d = find_code(result, "out-of-range");
        REQUIRE(d);
        CHECK(d->pointer == "/variables/patience");
    }
}

TEST_CASE("hostile story: each documented limit gives its own located error") {
    const json story = json::parse(late_bus_text());
    json many_choices = story;
    json& choices = many_choices["scenes"][0]["choices"];
    for (std::size_t i = choices.size(); i <= max_choices; ++i) {
        json choice = choices[0];
        choice["id"] = "c" + std::to_string(i);
        choices.push_back(choice);
    }
    json long_condition = story;
    long_condition["scenes"][0]["choices"][0]["if"] =
        "patience > 0" + std::string(max_condition_bytes, ' ');
    struct Case {
        json story;
        const char* code;
        const char* pointer;
    };
    for (const Case& c : {Case{many_choices, "too-many", "/scenes/0/choices"},
                          Case{long_condition, "too-long", "/scenes/0/choices/0/if"}}) {
        CAPTURE(c.pointer);
        const Result<std::shared_ptr<const Story>> result =
            load_story_text("limits.json", c.story.dump(2));
        CHECK_FALSE(result);
        const Diagnostic* d = find_code(result, c.code);
        REQUIRE(d);
        CHECK(d->pointer == c.pointer);
        CHECK(d->message.find(" Attune ") != std::string::npos); // names the limit
    }
}
