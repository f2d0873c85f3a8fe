#include "report/debrief.h"

#include "base/atomic_file.h"
#include "report/chart.h"
#include "report/markup.h"
#include "report/page.h"

#include <cmath>

namespace attune::report {

namespace {

// The choice taken; an empty one for a record made by hand without it.
const OfferedChoice& chosen(const TimelineStep& step) {
    static const OfferedChoice none;
    return step.chosen < step.offered.size() ? step.offered[step.chosen] : none;
}

std::string votes(int count) {
    return count == 1 ? "1 vote" : std::to_string(count) + " votes";
}

// What the pages say about how a split was decided, after the bars: "" when the room's
// most votes chose plainly. Below the minimum the vote could not decide, so the
// facilitator did (a show of hands, or their call), as for a tie or an override.
std::string split_notes(const VoteSplit& split) {
    std::string notes;
    if (split.close_call) {
        notes += "A close call. ";
    }
    if (split.overridden || split.below_minimum) {
        notes += "The facilitator decided. ";
    }
    if (!notes.empty()) {
        notes.pop_back();
    }
    return notes;
}

// Everyone who took part: the votes for a choice and the passes.
int taking_part(const VoteSplit& split) {
    int total = split.passes;
    for (const int count : split.counts) {
        total += count;
    }
    return total;
}

// A choice's share of those taking part, 0..1 (0 when no one took part).
double share(const VoteSplit& split, std::size_t choice) {
    const int total = taking_part(split);
    return total > 0 ? static_cast<double>(split.counts[choice]) / total : 0.0;
}

std::string passes_words(int passes) {
    return passes == 1 ? "1 passed" : std::to_string(passes) + " passed";
}

std::string step_heading(std::size_t step, const TimelineStep& s) {
    return std::to_string(step + 1) + ". " + (s.scene_title.empty() ? s.scene_id : s.scene_title);
}

std::string ending_heading(const Timeline& timeline) {
    return timeline.finished ? "The ending: " + timeline.ending_title + " (" +
                                   ending_kind_words(timeline.ending_kind) + ")"
                             : "Stopped at: " + timeline.stopped_at;
}

// The first step a timeline's own transcript shows: a branch repeats nothing it shares
// with the main timeline.
std::size_t first_own_step(const Timeline& timeline) {
    return timeline.diverges_at;
}

// One ruptures-and-repairs entry: the moment, at which choice, and the step's other causes.
struct MomentEntry {
    std::size_t step = 0;
    const TimelineStep* at = nullptr;
    const Moment* moment = nullptr;
};

// The ruptures and repairs of a timeline's own steps, in order (a rupture still open at
// the end of a scene is shown with its step, not here). Both pages list these.
std::vector<MomentEntry> moments_of(const Timeline& timeline) {
    std::vector<MomentEntry> entries;
    for (std::size_t i = first_own_step(timeline); i < timeline.steps.size(); ++i) {
        for (const Moment& moment : timeline.steps[i].moments) {
            if (moment.kind != model::EventKind::RuptureOpen) {
                entries.push_back({i, &timeline.steps[i], &moment});
            }
        }
    }
    return entries;
}

// The prompts of the scenes a timeline passed through, each once, in order.
std::vector<Prompt> prompts_on_the_way(const DebriefRecord& record) {
    std::vector<Prompt> prompts;
    auto add = [&](const std::vector<Prompt>& more) {
        for (const Prompt& p : more) {
            bool seen = false;
            for (const Prompt& q : prompts) {
                seen = seen || q.text == p.text;
            }
            if (!seen) {
                prompts.push_back(p);
            }
        }
    };
    for (const TimelineStep& step : record.main.steps) {
        add(step.discussion);
    }
    for (const Timeline& branch : record.branches) {
        for (std::size_t i = first_own_step(branch); i < branch.steps.size(); ++i) {
            add(branch.steps[i].discussion);
        }
    }
    return prompts;
}

// ---- HTML -------------------------------------------------------------------------------

std::string html_lines(const std::vector<ShownText>& lines) {
    std::string out;
    for (const ShownText& line : lines) {
        if (line.speaker.empty()) {
            out += "<p class=\"say narration\">" + html_escape(line.text) + "</p>\n";
        } else {
            out += "<p class=\"say\"><span class=\"speaker\">" + html_escape(line.speaker) +
                   ":</span> " + html_escape(line.text) + "</p>\n";
        }
    }
    return out;
}

std::string html_prompt(const Prompt& prompt) {
    return "<li>" + html_escape(prompt.text) +
           (prompt.personal ? "<span class=\"personal\">personal</span>" : "") + "</li>\n";
}

std::string html_prompts(const std::vector<Prompt>& prompts) {
    std::string out = "<ul>\n";
    for (const Prompt& prompt : prompts) {
        out += html_prompt(prompt);
    }
    return out + "</ul>\n";
}

std::string html_moment(const DebriefRecord& record, const Moment& moment) {
    const std::string kind = moment.kind == model::EventKind::Repair ? "repair" : "rupture";
    const std::string who = moment.character >= 0 && static_cast<std::size_t>(moment.character) <
                                                         record.characters.size()
                                ? record.characters[moment.character].name
                                : "";
    return "<li class=\"moment\"><span class=\"" + kind + "\">" +
           html_escape(moment_words(moment.kind)) + (who.empty() ? "" : ", " + html_escape(who)) +
           ":</span> " + html_escape(moment.sentence) + "</li>\n";
}

std::string html_legend(const DebriefRecord& record) {
    std::string out = "<p class=\"legend\">";
    for (std::size_t c = 0; c < record.characters.size(); ++c) {
        const std::string color = print_color(record, c);
        out += "<span class=\"swatch\" style=\"border-top: 2.5pt solid " + color + "\"></span>" +
               html_escape(record.characters[c].name) + " felt safe" +
               "<span class=\"swatch\" style=\"border-top: 2pt dotted " + color + "\"></span>" +
               "distance from you";
    }
    out += "<br>&#9676; a rupture (a ring broken open) &nbsp; &#9673; a repair that landed (a "
           "ring round a dot)";
    if (!record.branches.empty()) {
        out += " &nbsp; on a &ldquo;what if&rdquo;, the wide faint line is what we did";
    }
    return out + "</p>\n";
}

// The room's split as bars of one neutral colour, each with its choice's words and count:
// never coloured by outcome, and below the minimum no count at all.
std::string html_split(const VoteSplit& split) {
    std::string out = "<div class=\"split\">\n<p class=\"label\">How the room voted</p>\n";
    if (split.below_minimum) {
        out += "<p>Too few votes to show a split.";
        if (split.chosen >= 0 &&
            static_cast<std::size_t>(split.chosen) < split.choice_texts.size()) {
            out += " Chosen: " + html_escape(split.choice_texts[split.chosen]);
        }
        out += "</p>\n";
    } else {
        out += "<table class=\"bars\">\n";
        for (std::size_t c = 0; c < split.counts.size() && c < split.choice_texts.size(); ++c) {
            const bool is_chosen = static_cast<int>(c) == split.chosen;
            // The mark goes on the cell: a row's ::before would become a cell of its own.
            out += std::string("<tr><td") + (is_chosen ? " class=\"chosen\"" : "") + ">" +
                   html_escape(split.choice_texts[c]) + (is_chosen ? " (chosen)" : "") +
                   "</td><td class=\"track\"><span class=\"bar\" style=\"width: " +
                   fixed(100 * share(split, c), 1) + "%\"></span></td><td class=\"count\">" +
                   votes(split.counts[c]) + "</td></tr>\n";
        }
        out += "</table>\n";
        if (split.passes > 0) {
            out += "<p class=\"meta\">" + passes_words(split.passes) + ".</p>\n";
        }
    }
    if (const std::string notes = split_notes(split); !notes.empty()) {
        out += "<p class=\"meta\">" + html_escape(notes) + "</p>\n";
    }
    return out + "</div>\n";
}

std::string html_step(const DebriefRecord& record, std::size_t i, const TimelineStep& step) {
    std::string out = "<section class=\"step\">\n<h3>" + html_escape(step_heading(i, step)) +
                      "</h3>\n" + html_lines(step.lines);
    out += "<p class=\"label\">The choices</p>\n<ul class=\"choices\">\n";
    for (std::size_t c = 0; c < step.offered.size(); ++c) {
        const OfferedChoice& choice = step.offered[c];
        std::string cls = c == step.chosen ? "chosen" : (choice.enabled ? "" : "closed");
        out += "<li" + (cls.empty() ? std::string() : " class=\"" + cls + "\"") + ">" +
               html_escape(choice.text);
        if (!choice.enabled && !choice.reason.empty()) {
            out += " <span class=\"meta\">(" + html_escape(choice.reason) + ")</span>";
        }
        out += "</li>\n";
    }
    out += "</ul>\n";
    if (step.room_vote) {
        out += html_split(*step.room_vote);
    }
    if (!step.causes.empty() || !step.moments.empty()) {
        out += "<p class=\"label\">What it did</p>\n<ul class=\"causes\">\n";
        for (const Moment& moment : step.moments) {
            out += html_moment(record, moment);
        }
        for (const std::string& cause : step.causes) {
            out += "<li>" + html_escape(cause) + "</li>\n";
        }
        out += "</ul>\n";
    }
    if (!step.discussion.empty()) {
        out += "<div class=\"box\"><b>To talk about here</b>\n" + html_prompts(step.discussion) +
               "</div>\n";
    }
    return out + "</section>\n";
}

std::string html_timeline(const DebriefRecord& record, const Timeline& timeline) {
    std::string out = "<h2>" + html_escape(timeline.label) + "</h2>\n";
    const std::size_t first = first_own_step(timeline);
    if (first > 0) {
        out += "<p class=\"meta\">The same as what we did up to choice " + std::to_string(first) +
               "; from there:</p>\n";
    }
    for (std::size_t i = first; i < timeline.steps.size(); ++i) {
        out += html_step(record, i, timeline.steps[i]);
    }
    out += "<h3>" + html_escape(ending_heading(timeline)) + "</h3>\n" + html_lines(timeline.close);
    if (!timeline.reflection.empty()) {
        out += "<div class=\"box\"><b>To reflect on</b>\n" + html_prompts(timeline.reflection) +
               "</div>\n";
    }
    return out;
}

std::string html_moments(const DebriefRecord& record) {
    std::string out = "<h2>Ruptures and repairs</h2>\n";
    auto one = [&](const Timeline& timeline) {
        std::string list;
        for (const MomentEntry& entry : moments_of(timeline)) {
            list += "<li class=\"moment\">At choice " + std::to_string(entry.step + 1) + " (" +
                    html_escape(chosen(*entry.at).text) + "): <ul>" +
                    html_moment(record, *entry.moment);
            for (const std::string& cause : entry.at->causes) {
                if (cause != entry.moment->sentence) {
                    list += "<li>" + html_escape(cause) + "</li>";
                }
            }
            list += "</ul></li>\n";
        }
        return "<h3>" + html_escape(timeline.label) + "</h3>\n" +
               (list.empty() ? "<p>No rupture opened and no repair was needed.</p>\n"
                             : "<ul>\n" + list + "</ul>\n");
    };
    out += one(record.main);
    for (const Timeline& branch : record.branches) {
        out += one(branch);
    }
    return out;
}

std::string html_debrief_sequence(const DebriefRecord& record) {
    std::string out = "<h2>Talking it over</h2>\n<ol>\n"
                      "<li><b>Reactions.</b> How was that? What are you left feeling?</li>\n"
                      "<li><b>What happened.</b> Walk through the choices below, in order.</li>\n"
                      "<li><b>Why.</b> What were the characters feeling at the ruptures and the "
                      "repairs? What made a repair land, or not yet?</li>\n"
                      "<li><b>What we take away.</b> One thing worth keeping from the story.</li>\n"
                      "<li><b>Stepping out of the roles.</b> Leave the characters in the story; "
                      "come back to the room.</li>\n</ol>\n";
    const std::vector<Prompt> prompts = prompts_on_the_way(record);
    if (!prompts.empty()) {
        out += "<h3>Questions from the scenes we passed through</h3>\n" + html_prompts(prompts);
    }
    return out;
}

// ---- Markdown ---------------------------------------------------------------------------

std::string md_lines(const std::vector<ShownText>& lines) {
    std::string out;
    for (const ShownText& line : lines) {
        out += line.speaker.empty() ? "> *" + markdown_escape(line.text) + "*\n>\n"
                                    : "> **" + markdown_escape(line.speaker) + ":** " +
                                          markdown_escape(line.text) + "\n>\n";
    }
    if (!out.empty()) {
        out.resize(out.size() - 2); // the last "> " separator
        out += "\n";
    }
    return out;
}

std::string md_prompts(const std::vector<Prompt>& prompts) {
    std::string out;
    for (const Prompt& prompt : prompts) {
        out +=
            "- " + markdown_escape(prompt.text) + (prompt.personal ? " *(personal)*" : "") + "\n";
    }
    return out;
}

std::string md_moment(const DebriefRecord& record, const Moment& moment) {
    const std::string who = moment.character >= 0 && static_cast<std::size_t>(moment.character) <
                                                         record.characters.size()
                                ? ", " + record.characters[moment.character].name
                                : "";
    return "**" + moment_words(moment.kind) + markdown_escape(who) + ":** " +
           markdown_escape(moment.sentence);
}

// The split in words, with a bar of blocks (one per twentieth of those taking part) so a
// plain-text reader sees its shape too.
std::string md_split(const VoteSplit& split) {
    std::string out = "How the room voted:";
    if (split.below_minimum) {
        out += " too few votes to show a split.";
        if (split.chosen >= 0 &&
            static_cast<std::size_t>(split.chosen) < split.choice_texts.size()) {
            out += " Chosen: " + markdown_escape(split.choice_texts[split.chosen]);
        }
        out += "\n";
    } else {
        out += "\n\n";
        for (std::size_t c = 0; c < split.counts.size() && c < split.choice_texts.size(); ++c) {
            const bool is_chosen = static_cast<int>(c) == split.chosen;
            std::string bar;
            for (int b = static_cast<int>(std::lround(20 * share(split, c))); b > 0; --b) {
                bar += "\u2588";
            }
            out += "- " + std::string(is_chosen ? "**Chosen:** " : "") +
                   markdown_escape(split.choice_texts[c]) + ": " + votes(split.counts[c]) +
                   (bar.empty() ? "" : " " + bar) + "\n";
        }
        if (split.passes > 0) {
            out += "- " + passes_words(split.passes) + "\n";
        }
    }
    if (const std::string notes = split_notes(split); !notes.empty()) {
        out += "\n" + notes + "\n";
    }
    return out + "\n";
}

std::string md_timeline(const DebriefRecord& record, const Timeline& timeline) {
    std::string out = "## " + markdown_escape(timeline.label) + "\n\n";
    const std::size_t first = first_own_step(timeline);
    if (first > 0) {
        out +=
            "The same as what we did up to choice " + std::to_string(first) + "; from there:\n\n";
    }
    for (std::size_t i = first; i < timeline.steps.size(); ++i) {
        const TimelineStep& step = timeline.steps[i];
        out +=
            "### " + markdown_escape(step_heading(i, step)) + "\n\n" + md_lines(step.lines) + "\n";
        for (std::size_t c = 0; c < step.offered.size(); ++c) {
            const OfferedChoice& choice = step.offered[c];
            std::string text = markdown_escape(choice.text);
            if (c == step.chosen) {
                text = "**Chosen:** " + text;
            } else if (!choice.enabled) {
                text = "~~" + text + "~~" +
                       (choice.reason.empty() ? "" : " (" + markdown_escape(choice.reason) + ")");
            }
            out += "- " + text + "\n";
        }
        out += "\n";
        if (step.room_vote) {
            out += md_split(*step.room_vote);
        }
        if (!step.moments.empty() || !step.causes.empty()) {
            out += "What it did:\n\n";
            for (const Moment& moment : step.moments) {
                out += "- " + md_moment(record, moment) + "\n";
            }
            for (const std::string& cause : step.causes) {
                out += "- " + markdown_escape(cause) + "\n";
            }
            out += "\n";
        }
        if (!step.discussion.empty()) {
            out += "To talk about here:\n\n" + md_prompts(step.discussion) + "\n";
        }
    }
    out += "### " + markdown_escape(ending_heading(timeline)) + "\n\n" + md_lines(timeline.close) +
           "\n";
    if (!timeline.reflection.empty()) {
        out += "To reflect on:\n\n" + md_prompts(timeline.reflection) + "\n";
    }
    return out;
}

// ---- CSV --------------------------------------------------------------------------------

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string out = "\"";
    for (const char c : text) {
        out += c == '"' ? "\"\"" : std::string(1, c);
    }
    return out + "\"";
}

// The split in one field, by choice id: "its-fine 3; name-it 4; passed 1; a close call".
std::string csv_split(const std::optional<VoteSplit>& split) {
    if (!split) {
        return "";
    }
    std::string out;
    if (split->below_minimum) {
        out = "too few votes to show a split";
    } else {
        for (std::size_t c = 0; c < split->counts.size() && c < split->choice_ids.size(); ++c) {
            out += (c ? "; " : "") + split->choice_ids[c] + " " + std::to_string(split->counts[c]);
        }
        out += "; " + passes_words(split->passes);
    }
    if (split->close_call) {
        out += "; a close call";
    }
    if (split->overridden || split->below_minimum) {
        out += "; the facilitator decided";
    }
    return out;
}

std::string csv_rows(const DebriefRecord& record, const Timeline& timeline) {
    std::string out;
    auto rows = [&](std::size_t point, const std::string& scene, const std::string& choice,
                    const std::vector<CharacterPoint>& state, double player_arousal,
                    const std::string& room_vote) {
        for (std::size_t c = 0; c < state.size() && c < record.characters.size(); ++c) {
            const CharacterPoint& p = state[c];
            out += csv_field(timeline.label) + "," + std::to_string(point) + "," +
                   csv_field(scene) + "," + csv_field(choice) + "," +
                   csv_field(record.characters[c].id) + "," + fixed(p.safety, 2) + "," +
                   fixed(p.distance, 2) + "," + fixed(p.arousal, 2) + "," +
                   (p.flooded ? "yes" : "no") + "," + (p.shut_down ? "yes" : "no") + "," +
                   (p.rupture_open ? "yes" : "no") + "," + std::to_string(p.repairs_landed) + "," +
                   fixed(player_arousal, 2) + "," + csv_field(room_vote) + "\r\n";
        }
    };
    rows(0, "", "", timeline.start, timeline.start_player_arousal, "");
    for (std::size_t i = 0; i < timeline.steps.size(); ++i) {
        const TimelineStep& step = timeline.steps[i];
        rows(i + 1, step.scene_id, chosen(step).id, step.after, step.player_arousal,
             csv_split(step.room_vote));
    }
    return out;
}

} // namespace

std::string ending_kind_words(EndingKind kind) {
    switch (kind) {
    case EndingKind::Repaired:
        return "repaired";
    case EndingKind::Open:
        return "open: still disagreeing, and safe";
    case EndingKind::Ruptured:
        return "a rupture, with the door left open";
    }
    return "";
}

std::string moment_words(model::EventKind kind) {
    switch (kind) {
    case model::EventKind::Rupture:
        return "Rupture";
    case model::EventKind::Repair:
        return "Repair";
    case model::EventKind::RuptureOpen:
        return "Still open";
    }
    return "";
}

std::string debrief_html(const DebriefRecord& record) {
    std::string body = "<h1>Debrief: " + html_escape(record.story_title) + "</h1>\n";
    body += "<p class=\"meta\">Story version " + html_escape(record.story_version) +
            ". This record holds the story's words and the choices made, and nothing about "
            "who made them.</p>\n";
    if (!record.talk_to.empty()) {
        body += "<p class=\"box\">If this brought something up, you can talk to " +
                html_escape(record.talk_to) + ".</p>\n";
    }
    body += "<h2>The path at a glance</h2>\n" + html_legend(record);
    body += "<h3>" + html_escape(record.main.label) + "</h3>\n" + timeline_svg(record, record.main);
    for (const Timeline& branch : record.branches) {
        body += "<h3>" + html_escape(branch.label) + " (from choice " +
                std::to_string(branch.diverges_at + 1) + ")</h3>\n" + timeline_svg(record, branch);
    }
    body += html_moments(record);
    body += html_debrief_sequence(record);
    body += html_timeline(record, record.main);
    for (const Timeline& branch : record.branches) {
        body += html_timeline(record, branch);
    }
    return html_page("Debrief: " + record.story_title, body);
}

std::string debrief_markdown(const DebriefRecord& record) {
    std::string out = "# Debrief: " + markdown_escape(record.story_title) + "\n\n";
    out += "Story version " + markdown_escape(record.story_version) +
           ". This record holds the story's words and the choices made, and nothing about who "
           "made them.\n\n";
    if (!record.talk_to.empty()) {
        out += "If this brought something up, you can talk to " + markdown_escape(record.talk_to) +
               ".\n\n";
    }
    out += "## Ruptures and repairs\n\n";
    auto moments = [&](const Timeline& timeline) {
        std::string list;
        for (const MomentEntry& entry : moments_of(timeline)) {
            list += "- At choice " + std::to_string(entry.step + 1) + " (" +
                    markdown_escape(chosen(*entry.at).text) +
                    "): " + md_moment(record, *entry.moment) + "\n";
            for (const std::string& cause : entry.at->causes) {
                if (cause != entry.moment->sentence) {
                    list += "  - " + markdown_escape(cause) + "\n";
                }
            }
        }
        return "### " + markdown_escape(timeline.label) + "\n\n" +
               (list.empty() ? "No rupture opened and no repair was needed.\n" : list) + "\n";
    };
    out += moments(record.main);
    for (const Timeline& branch : record.branches) {
        out += moments(branch);
    }
    out += "## Talking it over\n\n"
           "1. **Reactions.** How was that? What are you left feeling?\n"
           "2. **What happened.** Walk through the choices below, in order.\n"
           "3. **Why.** What were the characters feeling at the ruptures and the repairs? What "
           "made a repair land, or not yet?\n"
           "4. **What we take away.** One thing worth keeping from the story.\n"
           "5. **Stepping out of the roles.** Leave the characters in the story; come back to "
           "the room.\n\n";
    if (const std::vector<Prompt> prompts = prompts_on_the_way(record); !prompts.empty()) {
        out += "### Questions from the scenes we passed through\n\n" + md_prompts(prompts) + "\n";
    }
    out += md_timeline(record, record.main);
    for (const Timeline& branch : record.branches) {
        out += md_timeline(record, branch);
    }
    return out;
}

std::string state_trace_csv(const DebriefRecord& record) {
    std::string out = "timeline,point,scene,choice,character,safety,distance,arousal,flooded,"
                      "shut_down,rupture_open,repairs_landed,player_arousal,room_vote\r\n";
    out += csv_rows(record, record.main);
    for (const Timeline& branch : record.branches) {
        out += csv_rows(record, branch);
    }
    return out;
}

Result<> write_debrief(const DebriefRecord& record, const std::filesystem::path& file) {
    const std::string extension = file.extension().string();
    if (extension == ".html" || extension == ".htm") {
        return write_file_atomically(file, debrief_html(record));
    }
    if (extension == ".md") {
        return write_file_atomically(file, debrief_markdown(record));
    }
    if (extension == ".csv") {
        return write_file_atomically(file, state_trace_csv(record));
    }
    return {{plain(Severity::Error,
                   "A debrief is written as .html (a page to print), .md (Markdown) or .csv (the "
                   "state trace); name the file " +
                       file.stem().string() + ".html, for example.",
                   file.string())}};
}

} // namespace attune::report
