// Discussion questions: plain text, or marked as asking about the group's own lives.

#include "support.h"

namespace {

using namespace attune;

std::string story_with(const std::string& discussion) {
    return R"({"id": "d", "title": "D", "version": "1", "summary": "s", "relationship": "friend",
      "minutes": 1, "age_band": "all", "author": "tests", "start": "a",
      "characters": [{"id": "kai", "name": "Kai", "pronouns": "he/him", "role": "friend",
                      "anxiety": 0.3, "avoidance": 0.3, "safety": 50, "distance": 50}],
      "scenes": [{"id": "a", "lines": ["Hi."], "discussion": )" +
           discussion + R"(,
        "choices": [{"id": "go", "text": "Go", "moves": [{"move": "ask", "to": "kai"}], "next": "end"}]}],
      "endings": [{"id": "end", "kind": "open", "title": "End", "reflection": ["?"]}]})";
}

} // namespace

TEST_CASE("discussion: text and marked questions load side by side, in order") {
    const auto loaded = load_story_text("d.json", story_with(R"(["What does Kai want?",
                                 {"text": "When did you last feel like Kai?", "personal": true},
                                 {"text": "Why now?"}])"));
    REQUIRE(loaded);
    const SceneNotes& notes = (*loaded)->scenes[0].notes.get();
    CHECK(notes.discussion == std::vector<std::string>{"What does Kai want?",
                                                       "When did you last feel like Kai?",
                                                       "Why now?"});
    CHECK(notes.discussion_personal == std::vector<bool>{false, true, false});
}

TEST_CASE("discussion: a malformed question is a located error with a fix") {
    const auto number = load_story_text("d.json", story_with("[3]"));
    REQUIRE_FALSE(number);
    CHECK(number.diagnostics[0].pointer == "/scenes/0/discussion/0");
    CHECK(number.diagnostics[0].fix.find("\"personal\": true") != std::string::npos);

    const auto typo = load_story_text("d.json", story_with(R"([{"text": "Q", "persnal": true}])"));
    REQUIRE_FALSE(typo);
    CHECK(typo.diagnostics[0].pointer == "/scenes/0/discussion/0/persnal");

    const auto no_text = load_story_text("d.json", story_with(R"([{"personal": true}])"));
    CHECK_FALSE(no_text);
    const auto not_bool =
        load_story_text("d.json", story_with(R"([{"text": "Q", "personal": "yes"}])"));
    CHECK_FALSE(not_bool);
}

TEST_CASE("discussion: the bundled stories mark the questions about the group's own lives") {
    // Each of these asks about the players themselves, not the characters.
    const std::pair<const char*, const char*> marked[] = {
        {"first-light.json", "In real life, how do you notice that something has landed wrong?"},
        {"the-quiet-car.json",
         "Which of these would you say first? Which would your own parent have said?"},
        {"the-red-cup.json",
         "Which of these would you say? Which would your own parent have said?"},
        {"lotus-root-soup.json", "Have you ever been a go-between in your family or friendships? "
                                 "What did it cost you, and what did it give you?"},
        {"the-ninth-night.json",
         "Have you ever gone back to something you said the wrong way? What did it take?"},
    };
    for (const auto& [file, question] : marked) {
        const auto loaded = test::story(test::source_dir() / "stories" / file);
        bool found = false;
        for (const Scene& scene : loaded->scenes) {
            const SceneNotes& notes = scene.notes.get();
            REQUIRE(notes.discussion_personal.size() == notes.discussion.size());
            for (std::size_t i = 0; i < notes.discussion.size(); ++i) {
                if (notes.discussion[i] == question) {
                    found = true;
                    CHECK(notes.discussion_personal[i]);
                }
            }
        }
        CHECK_MESSAGE(found, file);
    }
}
