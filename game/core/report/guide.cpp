#include "report/guide.h"

#include "report/character_words.h"
#include "report/debrief.h"
#include "report/markup.h"
#include "report/page.h"
#include "story/layout.h"

#include <algorithm>

namespace attune::report {

namespace {

// Scenes in reading order: by their distance from the start, then down the story map, so
// the sheet follows the story as the room will meet it. Unreachable scenes come last.
std::vector<int> reading_order(const Story& story) {
    const StoryMap map = layout_story(story);
    std::vector<int> order;
    for (std::size_t i = 0; i < story.scenes.size(); ++i) {
        order.push_back(static_cast<int>(i));
    }
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const MapNode& na = map.nodes[a];
        const MapNode& nb = map.nodes[b];
        return na.layer != nb.layer ? na.layer < nb.layer : na.y < nb.y;
    });
    return order;
}

const std::vector<std::string>& ground_rules() {
    static const std::vector<std::string> rules = {
        "We talk about the characters, not about anyone in this room.",
        "Anyone can pass: no one has to answer, choose or explain.",
        "Anyone can step out at any time, with no reason asked; the game pauses and we carry on "
        "when it suits.",
        "There is no right answer the game is looking for; disagreeing is welcome.",
        "What people say here stays here, with one exception: if someone may be at risk of harm, "
        "the facilitator passes that on to the person whose job is keeping people safe.",
    };
    return rules;
}

// ---- HTML -------------------------------------------------------------------------------

// A compact sheet: two columns for the moments so a long story still fits on two pages.
constexpr std::string_view guide_css = R"(
@page { margin: 11mm 13mm; }
body { font-size: 8.9pt; line-height: 1.23; padding: 0; max-width: none; }
h1 { font-size: 14pt; }
h2 { font-size: 10.5pt; margin: 7pt 0 3pt; }
.summary { font-size: 10pt; margin: 2pt 0 4pt; }
.facts { display: flex; flex-wrap: wrap; gap: 2pt 14pt; font-size: 8.6pt; color: #463f39; }
.columns { column-count: 2; column-gap: 8mm; }
ul.notes { column-count: 2; column-gap: 8mm; }
ul.notes li { break-inside: avoid; }
.key { margin: 0 0 5pt; }
.key h3, .ending h3 { margin: 0 0 1pt; font-size: 9.4pt; }
.kind { font-weight: normal; color: #5e554d; font-size: 8.6pt; }
.note { margin: 1pt 0; }
.warn { font-size: 8.4pt; color: #8c3b2e; margin: 0 0 1pt; }
.key ul, .ending ul { margin: 1pt 0 0; }
.ending { break-inside: avoid; margin: 0 0 4pt; }
.talk { font-size: 10pt; }
.blank { display: inline-block; min-width: 90mm; border-bottom: 0.8pt solid #2b2622; }
)";

std::string html_prompts(const std::vector<Prompt>& prompts) {
    if (prompts.empty()) {
        return "";
    }
    std::string out = "<ul>\n";
    for (const Prompt& prompt : prompts) {
        out += "<li>" + html_escape(prompt.text) +
               (prompt.personal
                    ? "<span class=\"personal\" title=\"asks about participants' own lives; "
                      "not projected unless you choose to\">personal</span>"
                    : "") +
               "</li>\n";
    }
    return out + "</ul>\n";
}

// "two or three discussion pauses, 10–15 min · ", or nothing when there is no place to pause.
std::string pause_text(const GuideTiming& t, const std::string& dash, const std::string& dot) {
    if (t.pauses.empty()) {
        return "";
    }
    return t.pauses + ", " + std::to_string(t.pauses_low) +
           (t.pauses_high == t.pauses_low ? "" : dash + std::to_string(t.pauses_high)) + " min" +
           dot;
}

bool has_personal(const PrepSheet& sheet) {
    for (const KeyMoment& moment : sheet.moments) {
        for (const Prompt& prompt : moment.prompts) {
            if (prompt.personal) {
                return true;
            }
        }
    }
    return false;
}

std::string joined(const std::vector<std::string>& items, const std::string& between) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += (i ? between : "") + items[i];
    }
    return out;
}

} // namespace

PrepSheet prep_sheet(const Story& story, const GuideOptions& options) {
    PrepSheet sheet;
    sheet.title = story.info.title;
    sheet.summary = story.info.summary;
    sheet.relationship = std::string(relationship_name(story.info.relationship));
    sheet.age_band = story.info.age_band;
    sheet.author = story.info.author;
    sheet.version = story.info.version;
    sheet.talk_to = options.talk_to;
    sheet.ground_rules = ground_rules();

    for (const std::string& note : story.info.content_notes) {
        sheet.content_notes.push_back({note, {}});
    }
    const std::vector<int> order = reading_order(story);
    for (const int s : order) {
        const Scene& scene = story.scenes[s];
        const SceneNotes& notes = scene.notes.get();
        for (const std::string& note : notes.content_notes) {
            auto found = std::find_if(
                sheet.content_notes.begin(), sheet.content_notes.end(),
                [&](const GuideContentNote& n) { return n.note == note && !n.scenes.empty(); });
            if (found == sheet.content_notes.end()) {
                sheet.content_notes.push_back({note, {display_name(scene)}});
            } else {
                found->scenes.push_back(display_name(scene));
            }
        }
        if (!notes.facilitator_note.empty() || !notes.discussion.empty() ||
            !notes.content_notes.empty()) {
            sheet.moments.push_back({display_name(scene), notes.content_notes,
                                     notes.facilitator_note, discussion_prompts(scene)});
        }
    }

    for (const Character& character : story.characters) {
        sheet.characters.push_back({character.profile.name, character.role, character.pronouns,
                                    attachment_words(character.profile),
                                    starting_words(character.profile)});
    }
    for (const Ending& ending : story.endings) {
        sheet.endings.push_back({ending.title, ending.kind, reflection_prompts(ending)});
    }
    // Two or three pauses of about five minutes are plenty (docs/facilitating.md); a story
    // with fewer scenes that carry prompts has fewer places to pause.
    int with_prompts = 0;
    for (const KeyMoment& moment : sheet.moments) {
        with_prompts += moment.prompts.empty() ? 0 : 1;
    }
    static const char* const pause_words[] = {"", "one discussion pause", "two discussion pauses",
                                              "two or three discussion pauses"};
    sheet.timing.pauses = pause_words[std::min(with_prompts, 3)];
    sheet.timing.pauses_low = 5 * std::min(with_prompts, 2);
    sheet.timing.pauses_high = 5 * std::min(with_prompts, 3);
    sheet.timing.story_alone = story.info.minutes;
    sheet.timing.play = story.info.minutes * 2;
    return sheet;
}

std::string guide_html(const PrepSheet& sheet) {
    std::string b = "<h1>" + html_escape(sheet.title) + ": facilitator's sheet</h1>\n";
    b += "<p class=\"summary\">" + html_escape(sheet.summary) + "</p>\n";
    b += "<div class=\"facts\"><span><b>Age:</b> " + html_escape(sheet.age_band) +
         "</span><span><b>Relationship:</b> " + html_escape(sheet.relationship) +
         "</span><span><b>Plays in:</b> about " + std::to_string(sheet.timing.story_alone) +
         " minutes alone</span><span><b>Version:</b> " + html_escape(sheet.version) +
         "</span><span><b>By:</b> " + html_escape(sheet.author) + "</span></div>\n";

    b += "<h2>What it touches on</h2>\n";
    if (sheet.content_notes.empty()) {
        b += "<p>No content notes. Every story is about a relationship under strain; someone "
             "may still be reminded of their own.</p>\n";
    } else {
        b += "<ul class=\"notes\">\n";
        for (const GuideContentNote& note : sheet.content_notes) {
            b += "<li>" + html_escape(note.note) +
                 (note.scenes.empty()
                      ? std::string(" <span class=\"meta\">(the whole story)</span>")
                      : " <span class=\"meta\">(in: " + html_escape(joined(note.scenes, ", ")) +
                            ")</span>") +
                 "</li>\n";
        }
        b += "</ul>\n<p class=\"meta\">If someone in the group may be affected, talk with them "
             "one to one before the session, so they can choose how to take part.</p>\n";
    }

    b += "<h2>Who is in it</h2>\n<ul>\n";
    for (const GuideCharacter& c : sheet.characters) {
        b += "<li><b>" + html_escape(c.name) + "</b> (" + html_escape(c.role) + ", " +
             html_escape(c.pronouns) + "). " + html_escape(c.attachment) + " Starts " +
             html_escape(c.start) + " toward you.</li>\n";
    }
    b += "</ul>\n";

    const GuideTiming& t = sheet.timing;
    b += "<h2>Timing</h2>\n<p>Introduction and ground rules " + std::to_string(t.introduction) +
         " min &middot; playing together about " + std::to_string(t.play) + " min &middot; " +
         pause_text(t, "&ndash;", " &middot; ") + "debrief " + std::to_string(t.debrief_low) +
         "&ndash;" + std::to_string(t.debrief_high) + " min. <b>About " +
         std::to_string(t.total_low()) + "&ndash;" + std::to_string(t.total_high()) +
         " minutes in all.</b></p>\n";

    b += "<h2>Ground rules to agree at the start</h2>\n<ol>\n";
    for (const std::string& rule : sheet.ground_rules) {
        b += "<li>" + html_escape(rule) + "</li>\n";
    }
    b += "</ol>\n";

    b += "<h2>Key moments</h2>\n";
    if (has_personal(sheet)) {
        b += "<p class=\"meta\">Prompts marked <span class=\"personal\">personal</span> ask "
             "about participants' own lives: in a classroom, keep to the characters.</p>\n";
    }
    b += "<div class=\"columns\">\n";
    for (const KeyMoment& m : sheet.moments) {
        b += "<div class=\"key\"><h3>" + html_escape(m.title) + "</h3>\n";
        if (!m.content_notes.empty()) {
            b += "<p class=\"warn\">Content: " + html_escape(joined(m.content_notes, "; ")) +
                 "</p>\n";
        }
        if (!m.note.empty()) {
            b += "<p class=\"note\">" + html_escape(m.note) + "</p>\n";
        }
        b += html_prompts(m.prompts) + "</div>\n";
    }
    b += "</div>\n";

    b += "<h2>Endings</h2>\n<div class=\"columns\">\n";
    for (const GuideEnding& e : sheet.endings) {
        b += "<div class=\"ending\"><h3>" + html_escape(e.title) + " <span class=\"kind\">(" +
             html_escape(ending_kind_words(e.kind)) + ")</span></h3>\n" +
             html_prompts(e.reflection) + "</div>\n";
    }
    b += "</div>\n";

    b += "<h2>Afterwards</h2>\n<p class=\"talk\">If this brought something up, you can talk to: ";
    b += sheet.talk_to.empty() ? "<span class=\"blank\"></span>"
                               : "<b>" + html_escape(sheet.talk_to) + "</b>";
    b += "</p>\n<p class=\"meta\">The game records nothing about who played or what anyone "
         "said. If someone tells you about harm, listen, do not promise secrecy, write down what "
         "they said, and tell your safeguarding lead (docs/facilitating.md).</p>\n";
    return html_page(sheet.title + ": facilitator's sheet", b, guide_css);
}

std::string guide_markdown(const PrepSheet& sheet) {
    auto prompts = [](const std::vector<Prompt>& list) {
        std::string out;
        for (const Prompt& p : list) {
            out += "- " + markdown_escape(p.text) + (p.personal ? " *(personal)*" : "") + "\n";
        }
        return out;
    };
    std::string out = "# " + markdown_escape(sheet.title) + ": facilitator's sheet\n\n";
    out += markdown_escape(sheet.summary) + "\n\n";
    out += "**Age:** " + markdown_escape(sheet.age_band) + " · **Relationship:** " +
           markdown_escape(sheet.relationship) + " · **Plays in:** about " +
           std::to_string(sheet.timing.story_alone) + " minutes alone · **Version:** " +
           markdown_escape(sheet.version) + " · **By:** " + markdown_escape(sheet.author) + "\n\n";

    out += "## What it touches on\n\n";
    if (sheet.content_notes.empty()) {
        out += "No content notes. Every story is about a relationship under strain; someone may "
               "still be reminded of their own.\n\n";
    } else {
        for (const GuideContentNote& note : sheet.content_notes) {
            out += "- " + markdown_escape(note.note) +
                   (note.scenes.empty()
                        ? " (the whole story)"
                        : " (in: " + markdown_escape(joined(note.scenes, ", ")) + ")") +
                   "\n";
        }
        out += "\nIf someone in the group may be affected, talk with them one to one before the "
               "session, so they can choose how to take part.\n\n";
    }

    out += "## Who is in it\n\n";
    for (const GuideCharacter& c : sheet.characters) {
        out += "- **" + markdown_escape(c.name) + "** (" + markdown_escape(c.role) + ", " +
               markdown_escape(c.pronouns) + "). " + markdown_escape(c.attachment) + " Starts " +
               markdown_escape(c.start) + " toward you.\n";
    }

    const GuideTiming& t = sheet.timing;
    out += "\n## Timing\n\nIntroduction and ground rules " + std::to_string(t.introduction) +
           " min · playing together about " + std::to_string(t.play) + " min · " +
           pause_text(t, "–", " · ") + "debrief " + std::to_string(t.debrief_low) + "–" +
           std::to_string(t.debrief_high) + " min. **About " + std::to_string(t.total_low()) + "–" +
           std::to_string(t.total_high()) + " minutes in all.**\n\n";

    out += "## Ground rules to agree at the start\n\n";
    for (std::size_t i = 0; i < sheet.ground_rules.size(); ++i) {
        out += std::to_string(i + 1) + ". " + markdown_escape(sheet.ground_rules[i]) + "\n";
    }

    out += "\n## Key moments\n\n";
    if (has_personal(sheet)) {
        out += "Prompts marked *(personal)* ask about participants' own lives: in a classroom, "
               "keep to the characters.\n\n";
    }
    for (const KeyMoment& m : sheet.moments) {
        out += "### " + markdown_escape(m.title) + "\n\n";
        if (!m.content_notes.empty()) {
            out += "*Content: " + markdown_escape(joined(m.content_notes, "; ")) + "*\n\n";
        }
        if (!m.note.empty()) {
            out += markdown_escape(m.note) + "\n\n";
        }
        if (!m.prompts.empty()) {
            out += prompts(m.prompts) + "\n";
        }
    }

    out += "## Endings\n\n";
    for (const GuideEnding& e : sheet.endings) {
        out += "### " + markdown_escape(e.title) + " (" + ending_kind_words(e.kind) + ")\n\n" +
               prompts(e.reflection) + "\n";
    }

    out += "## Afterwards\n\nIf this brought something up, you can talk to: " +
           (sheet.talk_to.empty() ? std::string("\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_")
                                  : "**" + markdown_escape(sheet.talk_to) + "**") +
           "\n\nThe game records nothing about who played or what anyone said. If someone tells "
           "you about harm, listen, do not promise secrecy, write down what they said, and tell "
           "your safeguarding lead (docs/facilitating.md).\n";
    return out;
}

} // namespace attune::report
