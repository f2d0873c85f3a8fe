// The facilitator's guide for one small story, compared with golden files
// (tests/data/guide/porch.html, .md) word for word: late-bus.json with a second character,
// content notes in the story and in two scenes (one note in both), facilitator notes and
// personal prompts. It is made from the story's words, so only a change to the guide or
// to those words moves it.
//
// To accept a deliberate change, run with ATTUNE_UPDATE_GOLDEN=1 and read the changed
// files by eye (open the HTML in a browser) before committing them.

#include "support.h"

#include "report/guide.h"

#include <nlohmann/json.hpp>

namespace {

using namespace attune;
using nlohmann::json;

std::shared_ptr<const Story> porch_story() {
    json story =
        json::parse(test::read_text(test::source_dir() / "tests/data/stories/late-bus.json"));
    story["title"] = "The Late Bus <again>";
    story["content_notes"] = {"lateness", "a missed birthday"};
    story["characters"].push_back({{"id", "kit"},
                                   {"name", "Kit"},
                                   {"pronouns", "she/her"},
                                   {"role", "Ren's sister"},
                                   {"anxiety", 0.2},
                                   {"avoidance", 0.7},
                                   {"safety", 30},
                                   {"distance", 70}});
    story["scenes"][0]["content_notes"] = {"raised voices"};
    story["scenes"][0]["lines"][1]["text"] = "I'm so sorry. Kit says hi. Are you mad?";
    story["scenes"][0]["choices"][0]["moves"][0]["to"] = "ren";
    story["scenes"][2]["content_notes"] = {"raised voices", "leaving"};
    story["scenes"][2]["facilitator_note"] = "Let the silence sit before asking.";
    story["scenes"][2]["discussion"] = {
        "What would Ren need to hear?",
        {{"text", "When were you the late one?"}, {"personal", true}}};
    const Result<std::shared_ptr<const Story>> loaded =
        load_story_text("porch.json", story.dump(2));
    for (const Diagnostic& d : loaded.diagnostics) {
        INFO(format(d));
        CHECK(d.severity != Severity::Error);
    }
    REQUIRE(loaded);
    return *loaded;
}

void matches_golden(const std::string& actual, const std::string& name) {
    test::matches_golden(actual, test::source_dir() / "tests/data/guide" / name);
}

} // namespace

TEST_CASE("guide golden: the HTML sheet of a small story with notes, prompts and two people") {
    matches_golden(report::guide_html(report::prep_sheet(*porch_story(), {"Ms Obi (room 12)"})),
                   "porch.html");
}

TEST_CASE("guide golden: the Markdown sheet of the same story, with no one to talk to yet") {
    matches_golden(report::guide_markdown(report::prep_sheet(*porch_story(), {})), "porch.md");
}
