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
