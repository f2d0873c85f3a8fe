// The prep sheet: for every bundled story it carries the story's own words (summary, age
// band, every content note with the scenes that carry it, every facilitator note, prompt,
// ending and reflection), the characters in words without numbers, the timing, the ground
// rules and the talk-to line; its HTML fetches nothing.

#include "external_references.h"
#include "support.h"

#include "report/character_words.h"
#include "report/guide.h"
#include "report/markup.h"

#include <algorithm>

namespace {

using namespace attune;

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::vector<std::filesystem::path> bundled_stories() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "stories")) {
        if (entry.path().extension() == ".json" && entry.path().filename() != "schema.json") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 7);
    return files;
}

std::string section(const std::string& md, const std::string& heading) {
    const std::size_t start = md.find("## " + heading + "\n");
    REQUIRE(start != std::string::npos);
    const std::size_t end = md.find("\n## ", start + 3);
    return md.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

} // namespace

TEST_CASE("guide: every bundled story's sheet carries all its notes, prompts and endings") {
    for (const auto& file : bundled_stories()) {
        CAPTURE(file.filename().string());
        const auto story = test::story(file);
        const std::string md = report::guide_markdown(report::prep_sheet(*story, {}));
        auto has = [&](const std::string& text) {
            return contains(md, report::markdown_escape(text));
        };
        CHECK(has(story->info.title));
        CHECK(has(story->info.summary));
        CHECK(contains(md, "**Age:** " + report::markdown_escape(story->info.age_band)));
        const std::string notes = section(md, "What it touches on");
        for (const std::string& note : story->info.content_notes) {
            CHECK(contains(notes, "- " + report::markdown_escape(note) + " (the whole story)"));
        }
        for (const Scene& scene : story->scenes) {
            const SceneNotes& scene_notes = scene.notes.get();
            const std::string title = scene.title.empty() ? scene.id : scene.title;
            for (const std::string& note : scene_notes.content_notes) {
                // The note's line names the scene that carries it.
                const std::size_t line =
                    notes.find("- " + report::markdown_escape(note) + " (in: ");
                REQUIRE(line != std::string::npos);
                CHECK(contains(notes.substr(line, notes.find('\n', line) - line),
                               report::markdown_escape(title)));
            }
            if (!scene_notes.facilitator_note.empty()) {
                CHECK(has(scene_notes.facilitator_note));
            }
            for (const std::string& prompt : scene_notes.discussion) {
                CHECK(contains(md, "- " + report::markdown_escape(prompt)));
            }
        }
        for (const Ending& ending : story->endings) {
            CHECK(contains(md, "### " + report::markdown_escape(ending.title) + " ("));
            for (const Prompt& reflection : ending.reflection) {
                CHECK(contains(md, "- " + report::markdown_escape(reflection.text)));
            }
        }
        const std::string who = section(md, "Who is in it");
        for (const Character& character : story->characters) {
            CHECK(contains(who, "- **" + report::markdown_escape(character.profile.name) + "**"));
        }
        // Characters in words: no attachment score, no safety number.
        CHECK(who.find_first_of("0123456789") == std::string::npos);
        CHECK(contains(md, "minutes in all"));
        CHECK(contains(md, "Anyone can pass"));
    }
}

TEST_CASE("guide: the key moments follow the story from its start") {
    const auto story = test::story(test::source_dir() / "stories" / "the-red-cup.json");
    const report::PrepSheet sheet = report::prep_sheet(*story, {});
    REQUIRE_FALSE(sheet.moments.empty());
    CHECK(sheet.moments.front().title == "Five o'clock"); // the start scene, which has a note
    int with_words = 0;
    for (const Scene& scene : story->scenes) {
        const SceneNotes& notes = scene.notes.get();
        with_words += !notes.facilitator_note.empty() || !notes.discussion.empty() ||
                              !notes.content_notes.empty()
                          ? 1
                          : 0;
    }
    CHECK(sheet.moments.size() == static_cast<std::size_t>(with_words));
    CHECK(sheet.timing.play == 2 * story->info.minutes);
    CHECK(sheet.timing.total_low() < sheet.timing.total_high());
}

TEST_CASE("guide: personal prompts are marked on both pages") {
    const auto story = test::late_bus();
    report::PrepSheet sheet = report::prep_sheet(*story, {});
    REQUIRE(sheet.moments.size() == 1);
    REQUIRE(sheet.moments[0].prompts.size() == 1);
    CHECK_FALSE(contains(report::guide_markdown(sheet), "(personal)")); // nor the key to it
    sheet.moments[0].prompts[0].personal = true;
    CHECK(contains(report::guide_markdown(sheet),
                   "- What does 'it's fine' protect? What does it cost? *(personal)*"));
    CHECK(contains(report::guide_html(sheet), "cost?<span class=\"personal\""));
    CHECK(contains(report::guide_markdown(sheet), "Prompts marked *(personal)* ask about"));
}

TEST_CASE("guide: the talk-to line is printed, or left blank to fill in") {
    const auto story = test::late_bus();
    CHECK(contains(
        report::guide_markdown(report::prep_sheet(*story, {"the school counsellor, room 4"})),
        "you can talk to: **the school counsellor, room 4**"));
    CHECK(contains(report::guide_html(report::prep_sheet(*story, {})), "<span class=\"blank\">"));
}

TEST_CASE("guide: characters' attachment in plain words, verbs agreeing with pronouns") {
    model::Profile ash;
    ash.name = "Ash";
    ash.subject = "she";
    ash.object = "her";
    ash.plural_verbs = false;
    ash.anxiety = 0.25;
    ash.avoidance = 0.75;
    CHECK(report::attachment_words(ash) ==
          "Ash keeps feelings close: under stress she pulls back and needs room, and pressing "
          "pushes her further away.");
    model::Profile ren;
    ren.name = "Ren";
    ren.anxiety = 0.8;
    ren.avoidance = 0.2;
    CHECK(report::attachment_words(ren) == "Ren worries about being left or not mattering: under "
                                           "stress they reach out harder, and silence reads as "
                                           "rejection.");
    ren.avoidance = 0.8;
    CHECK(contains(report::attachment_words(ren), "pull away in turn"));
    ren.anxiety = 0.1;
    ren.avoidance = 0.1;
    CHECK(contains(report::attachment_words(ren), "fairly secure"));
}

TEST_CASE("guide: the HTML of every bundled story refers to nothing outside itself") {
    for (const auto& file : bundled_stories()) {
        CAPTURE(file.filename().string());
        const std::string html =
            report::guide_html(report::prep_sheet(*test::story(file), {"Sam <sam@example.org>"}));
        const std::vector<std::string> found = test::external_references(html);
        for (const std::string& reference : found) {
            INFO(reference);
        }
        CHECK(found.empty());
        CHECK(contains(html, "Sam &lt;sam@example.org&gt;"));
    }
}

TEST_CASE("guide: the timing counts only the pauses the story has prompts for") {
    const report::PrepSheet one = report::prep_sheet(*test::late_bus(), {});
    CHECK(contains(report::guide_markdown(one),
                   "playing together about 6 min · one discussion pause, 5 min · debrief 15–20 "
                   "min. **About 31–36 minutes in all.**"));
    const report::PrepSheet many =
        report::prep_sheet(*test::story(test::source_dir() / "stories" / "the-red-cup.json"), {});
    CHECK(contains(report::guide_markdown(many), "two or three discussion pauses, 10–15 min · "));
}

TEST_CASE("guide: no scene with prompts gives no pause; two give two, without a range") {
    nlohmann::json source = nlohmann::json::parse(
        test::read_text(test::source_dir() / "tests/data/stories/late-bus.json"));
    source["scenes"][0].erase("discussion");
    source["scenes"][2]["facilitator_note"] = "Watch the room here."; // a note is not a pause
    auto timing = [](const nlohmann::json& story) {
        const Result<std::shared_ptr<const Story>> loaded = load_story_text("g.json", story.dump());
        REQUIRE(loaded);
        const std::string md = report::guide_markdown(report::prep_sheet(**loaded, {}));
        const std::size_t at = md.find("Introduction and ground rules");
        REQUIRE(at != std::string::npos);
        return md.substr(at, md.find('\n', at) - at);
    };
    CHECK(timing(source) == "Introduction and ground rules 5 min · playing together about 6 min "
                            "· debrief 15–20 min. **About 26–31 minutes in all.**");
    source["scenes"][0]["discussion"] = {"What does 'it's fine' protect?"};
    source["scenes"][1]["discussion"] = {"What is Ren waiting for?"};
    CHECK(timing(source) == "Introduction and ground rules 5 min · playing together about 6 min "
                            "· two discussion pauses, 10 min · debrief 15–20 min. **About 36–41 "
                            "minutes in all.**");
}
