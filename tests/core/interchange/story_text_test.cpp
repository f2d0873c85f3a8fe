// The one layout Attune writes story files in (`attune fmt`, `attune import`): keys in the
// documented order, unknown keys after; values that fit stay on one line; everything else
// opens out, two spaces a level.

#include "interchange/story_text.h"

#include <doctest/doctest.h>

namespace attune {

TEST_CASE("story text: keys in order, short values on one line, the rest opened out by two") {
    const nlohmann::ordered_json story = nlohmann::ordered_json::parse(R"({
        "title": "Tea", "id": "tea",
        "scenes": [{"id": "a", "lines": ["Hi.", {"speaker": "sam", "text": "Hello there."}],
                    "choices": [{"id": "go", "text": "Go.", "next": "end",
                                 "moves": [{"move": "validate", "to": "sam"}]}]}],
        "extra": {"note": "kept", "list": [1, 2]}, "empty": {}})");
    CHECK(story_text(story) == R"({
  "id": "tea",
  "title": "Tea",
  "scenes": [
    {
      "id": "a",
      "lines": ["Hi.", { "speaker": "sam", "text": "Hello there." }],
      "choices": [
        {
          "id": "go",
          "text": "Go.",
          "moves": [{ "move": "validate", "to": "sam" }],
          "next": "end"
        }
      ]
    }
  ],
  "extra": { "note": "kept", "list": [1, 2] },
  "empty": {}
}
)");
}

TEST_CASE("story text: a value too long for its line opens out, one item a line") {
    nlohmann::ordered_json story = {{"id", "tea"}, {"notes", nlohmann::ordered_json::array()}};
    for (int i = 0; i < 12; ++i) {
        story["notes"].push_back("note number " + std::to_string(i));
    }
    const std::string text = story_text(story);
    CHECK(text.starts_with("{\n  \"id\": \"tea\",\n  \"notes\": [\n    \"note number 0\",\n"));
    CHECK(text.ends_with("    \"note number 11\"\n  ]\n}\n"));
}

TEST_CASE("story text: a short list of choices or characters still opens out, one a line") {
    const nlohmann::ordered_json story = nlohmann::ordered_json::parse(R"({
        "id": "tea", "characters": [{"id": "sam"}],
        "scenes": [{"id": "a", "choices": [{"id": "go", "next": "end"}]}]})");
    CHECK(story_text(story) == R"({
  "id": "tea",
  "characters": [
    {
      "id": "sam"
    }
  ],
  "scenes": [
    {
      "id": "a",
      "choices": [
        {
          "id": "go",
          "next": "end"
        }
      ]
    }
  ]
}
)");
}

} // namespace attune

namespace attune {

TEST_CASE("story text: a value stays on its line up to 100 characters with its comma") {
    // "  \"notes\": " is 11 characters, ["..."] 4 more than the text, and 1 for a comma.
    for (const std::size_t size : {std::size_t{84}, std::size_t{85}}) {
        CAPTURE(size);
        const std::string note(size, 'n');
        const nlohmann::ordered_json story = {{"id", "tea"},
                                              {"notes", nlohmann::ordered_json::array({note})}};
        const std::string text = story_text(story);
        const std::string one_line = "  \"notes\": [\"" + note + "\"]\n";
        CHECK((text.find(one_line) != std::string::npos) == (size == 84));
        if (size == 84) {
            CHECK(one_line.size() == 100); // 99 characters and the comma a following key needs
        } else {
            CHECK(text.find("  \"notes\": [\n    \"" + note + "\"\n  ]\n") != std::string::npos);
        }
    }
}

TEST_CASE("story text: names the author chose keep the author's order, other keys take the "
          "documented one") {
    // "title" comes before "name" in the documented order; variables, and the characters'
    // and variables' names in effects and adjustments, are the author's and keep theirs.
    const nlohmann::ordered_json story = nlohmann::ordered_json::parse(R"({
        "id": "tea",
        "variables": {"name": 1, "title": 2},
        "extra": {"name": 1, "title": 2},
        "scenes": [{"id": "a", "choices": [{"id": "go", "next": "a",
            "effects": {"add": {"name": 1, "title": 2}, "assign": {"name": 3, "title": 4}},
            "moves": [{"move": "ask", "to": "sam", "adjust": {"name": 5, "title": 6}}]}]}]})");
    const std::string text = story_text(story);
    CAPTURE(text);
    CHECK(text.find("\"variables\": { \"name\": 1, \"title\": 2 }") != std::string::npos);
    CHECK(text.find("\"extra\": { \"title\": 2, \"name\": 1 }") != std::string::npos);
    CHECK(text.find("\"add\": { \"name\": 1, \"title\": 2 }") != std::string::npos);
    CHECK(text.find("\"assign\": { \"name\": 3, \"title\": 4 }") != std::string::npos);
    CHECK(text.find("\"adjust\": { \"name\": 5, \"title\": 6 }") != std::string::npos);
}

} // namespace attune
