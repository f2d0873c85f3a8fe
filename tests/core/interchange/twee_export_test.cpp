// Twee export piece by piece, on a story small enough to read in full.

#include "interchange/twee.h"
#include "support.h"

#include <regex>

namespace attune {

namespace {

const char* const tiny_story =
    R"({"id": "tiny", "title": "Tiny", "version": "1", "summary": "s", "relationship": "friend", "minutes": 1, "age_band": "all", "author": "tests", "start": "a",
 "flags": ["f"],
 "characters": [{"id": "ana", "name": "Ana", "pronouns": "she/her", "role": "friend", "anxiety": 0.3, "avoidance": 0.3, "safety": 50, "distance": 50}],
 "scenes": [{"id": "a", "title": "The A", "lines": ["Plain.", {"speaker": "ana", "text": "Hi.", "if": "flag.f"}, {"text": "Narrated."}],
   "choices": [
     {"id": "go", "text": "Go on.", "moves": [{"move": "ask", "to": "ana"}, {"move": "self_soothe"}], "next": "b"},
     {"id": "arrow", "text": "Left -> right", "moves": [{"move": "ask", "to": "ana"}], "if": "flag.f", "effects": {"set": ["f"]}, "next": "end"},
     {"id": "pipe", "text": "A | B", "moves": [{"move": "ask", "to": "ana"}], "next": "end"}]},
  {"id": "b", "lines": ["B."], "choices": [{"id": "done", "text": "Done.", "moves": [{"move": "ask", "to": "ana"}], "next": "end"}]}],
 "endings": [{"id": "end", "kind": "repaired", "title": "End", "lines": ["Bye."], "reflection": ["Why?"]}]}
)";

const char* const tiny_twee = R"(:: StoryTitle
Tiny

:: StoryData
{
  "ifid": "67C4A288-97CD-4BBD-B8BB-27574F7BDC15",
  "format": "Harlowe",
  "format-version": "3.3.8",
  "start": "a",
  "zoom": 1
}

:: StoryAttune
{
  "id": "tiny",
  "version": "1",
  "summary": "s",
  "relationship": "friend",
  "minutes": 1,
  "age_band": "all",
  "author": "tests",
  "flags": [
    "f"
  ],
  "characters": [
    {
      "anxiety": 0.3,
      "avoidance": 0.3,
      "distance": 50,
      "id": "ana",
      "name": "Ana",
      "pronouns": "she/her",
      "role": "friend",
      "safety": 50
    }
  ]
}

:: a {"position":"100,100","size":"100,100"}
<!-- attune: {"title":"The A"} -->
Plain.
Ana: Hi. <!-- attune: {"if":"flag.f"} -->
Narrated.
[[Go on.->b]]<!-- attune: #go ask@ana self_soothe -->
[[Left -> right->end]]<!-- attune: #arrow ask@ana {"effects":{"set":["f"]},"if":"flag.f"} -->
[[A | B->end]]<!-- attune: #pipe ask@ana -->

:: b {"position":"250,100","size":"100,100"}
B.
[[Done.->end]]<!-- attune: #done ask@ana -->

:: end [ending:repaired] {"position":"400,100","size":"100,100"}
<!-- attune: {"reflection":["Why?"],"title":"End"} -->
Bye.

)";

} // namespace

TEST_CASE("twee export: a small story, line by line") {
    const Result<std::string> exported =
        export_twee("tiny.json", nlohmann::json::parse(tiny_story));
    CHECK(*exported == tiny_twee);
    // The choice with '|' in its text is kept, with a warning that names it.
    REQUIRE(exported.diagnostics.size() == 1);
    CHECK(exported.diagnostics[0].severity == Severity::Warning);
    CHECK(exported.diagnostics[0].code == "twee-link-text");
    CHECK(exported.diagnostics[0].file == "tiny.json");
    CHECK(exported.diagnostics[0].message ==
          "choice 'pipe' has ']]' or '|' in its text, which Twee links cannot hold");
}

TEST_CASE("twee export: the IFID is a version 4 UUID fixed by the story id") {
    const auto ifid = [](const std::string& id) {
        nlohmann::json story = nlohmann::json::parse(tiny_story);
        story["id"] = id;
        const std::string twee = *export_twee("x.json", story);
        const auto at = twee.find("\"ifid\": \"") + 9;
        return twee.substr(at, 36);
    };
    const std::regex uuid4("[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}");
    for (const char* id : {"tiny", "late-bus", "a", ""}) {
        CAPTURE(id);
        CHECK(std::regex_match(ifid(id), uuid4));
        CHECK(ifid(id) == ifid(id));
    }
    CHECK(ifid("tiny") == "67C4A288-97CD-4BBD-B8BB-27574F7BDC15");
    CHECK(ifid("tiny") != ifid("tinz"));
}

TEST_CASE("twee export: passages are laid out ten to a row") {
    nlohmann::json story = nlohmann::json::parse(tiny_story);
    for (int i = 0; i < 9; ++i) {
        nlohmann::json ending = story["endings"][0];
        ending["id"] = "end-" + std::to_string(i);
        story["endings"].push_back(ending);
    }
    const std::string twee = *export_twee("x.json", story);
    // Passage 10 (end-6) closes the first row; passage 11 (end-7) starts the second.
    CHECK(twee.find(":: end-6 [ending:repaired] {\"position\":\"1450,100\"") != std::string::npos);
    CHECK(twee.find(":: end-7 [ending:repaired] {\"position\":\"100,250\"") != std::string::npos);
    CHECK(twee.find(":: end-8 [ending:repaired] {\"position\":\"250,250\"") != std::string::npos);
}

TEST_CASE("twee export: the small story imports back as it was") {
    nlohmann::json original = nlohmann::json::parse(tiny_story);
    // Left out: a text of narration alone comes back as a plain string, and '|' cannot be
    // held (the export warns). A text holding '->' (choice "arrow") stays in: it comes back
    // whole, leading where it did.
    original["scenes"][0]["lines"][2] = "Narrated.";
    original["scenes"][0]["choices"].erase(2);
    original["$schema"] = "./schema.json"; // the import adds these two
    original["format"] = 1;
    const Result<nlohmann::ordered_json> imported =
        import_twee("tiny.twee", *export_twee("tiny.json", original));
    CHECK_FALSE(has_errors(imported.diagnostics));
    CHECK((*imported)["scenes"][0]["choices"][1]["text"] == "Left -> right");
    CHECK((*imported)["scenes"][0]["choices"][1]["next"] == "end");
    CHECK(nlohmann::json::parse(imported->dump()) == original);
}

TEST_CASE("twee export: brackets, braces and backslashes in a passage name are escaped") {
    nlohmann::json story = nlohmann::json::parse(tiny_story);
    story["scenes"][1]["id"] = "b[1]{2}\\";
    const std::string twee = *export_twee("x.json", story);
    CHECK(twee.find(":: b\\[1\\]\\{2\\}\\\\ {\"position\"") != std::string::npos);
}

} // namespace attune
