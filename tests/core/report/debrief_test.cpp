// The debrief: its record matches the session it was made from, the Markdown and CSV say
// what the session did (choices, causes, numbers), "what if" branches and the room's
// split appear where they belong, and the HTML fetches nothing.

#include "external_references.h"
#include "support.h"

#include "play/save.h"
#include "report/chart.h"
#include "report/debrief.h"
#include "report/markup.h"

#include <set>
#include <sstream>
#include <unistd.h>

namespace {

using namespace attune;

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string choice_text(const Session& session, const Step& step) {
    Session view = session;
    view.restore(step.before, {});
    return view.render(session.story().scenes[step.scene].choices[step.choice].text);
}

// late-bus, down the path where Ren is left unanswered and the player calls back.
Session call_back_path() {
    Session session(test::late_bus(), test::params(), 7);
    REQUIRE(session.choose("its-fine"));
    REQUIRE(session.choose("call-back"));
    REQUIRE(session.choose("slice"));
    REQUIRE(session.is_finished());
    return session;
}

// The CSV writes two decimals: the value it stands for is within half a hundredth.
bool two_decimals(const std::string& field, double value) {
    return std::abs(std::stod(field) - value) <= 0.005 + 1e-9;
}

std::vector<std::vector<std::string>> csv_rows(const std::string& csv) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(csv);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        std::vector<std::string> fields;
        std::string field;
        bool quoted = false;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.push_back(field);
                field.clear();
            } else {
                field += c;
            }
        }
        fields.push_back(field);
        rows.push_back(fields);
    }
    return rows;
}

} // namespace

TEST_CASE("debrief: the record follows the session step by step, in the words it showed") {
    const Session session = call_back_path();
    const report::DebriefRecord record = report::debrief_record(session);
    CHECK(record.story_id == "late-bus");
    REQUIRE(record.characters.size() == 1);
    CHECK(record.characters[0].name == "Ren");
    REQUIRE(record.main.steps.size() == session.history().size());
    for (std::size_t i = 0; i < session.history().size(); ++i) {
        const Step& step = session.history()[i];
        const report::TimelineStep& out = record.main.steps[i];
        CAPTURE(i);
        CHECK(out.scene_id == session.story().scenes[step.scene].id);
        CHECK(out.offered[out.chosen].id ==
              session.story().scenes[step.scene].choices[step.choice].id);
        CHECK(out.offered[out.chosen].text == choice_text(session, step));
        CHECK(out.after[0].safety == session.state_after(i).characters[0].safety);
        CHECK(out.moments.size() == step.outcome.events.size());
    }
    CHECK(record.main.steps[0].lines.back().speaker == "Ren");
    CHECK(record.main.steps[0].lines.back().text ==
          "I'm so sorry. The bus just didn't come. Are you mad?");
    CHECK(record.main.steps[0].offered.size() == 2);
    CHECK(record.main.finished);
    CHECK(record.main.ending_title == "Cake for breakfast");
    CHECK(record.main.reflection.at(0).text ==
          "What made it possible to say you were disappointed?");
}

TEST_CASE("debrief: the Markdown holds each choice made, its causes, ruptures and repairs") {
    const Session session = call_back_path();
    const std::string md = report::debrief_markdown(report::debrief_record(session));
    int causes = 0;
    for (const Step& step : session.history()) {
        CHECK(contains(md, "- **Chosen:** " + report::markdown_escape(choice_text(session, step))));
        for (const model::Cause& cause : step.outcome.causes) {
            const std::string words = session.words(cause);
            if (cause.character != player_target && !words.empty()) {
                CHECK(contains(md, "- " + report::markdown_escape(words)));
                ++causes;
            }
        }
        for (const model::Event& event : step.outcome.events) {
            CHECK(contains(md, report::markdown_escape(session.words(event))));
        }
    }
    CHECK(causes > 0); // the path does something, so the checks above looked at real words
    CHECK(contains(md, "### The ending: Cake for breakfast (repaired)"));
    CHECK(contains(md, "- What made it possible to say you were disappointed?"));
    CHECK(contains(md, "- What does 'it's fine' protect? What does it cost?"));
    // The choice not taken is listed, not marked chosen.
    CHECK(contains(md, "- \"I was disappointed. I'm glad you're okay, though.\"\n"));
}

TEST_CASE("debrief: a rupture and its repair are listed with their causes") {
    // the-long-way-home: find a path with a rupture and a repair by trying the choices in
    // order until one of each has happened, so the test does not hard-code the model's
    // results.
    const auto story = test::story(test::source_dir() / "stories" / "the-long-way-home.json");
    bool found = false;
    for (std::uint64_t attempt = 0; attempt < 200 && !found; ++attempt) {
        Session session(story, test::params(), attempt);
        Random pick{attempt * 7919 + 1};
        while (!session.is_finished()) {
            std::vector<ChoiceView> open;
            for (const ChoiceView& c : session.choices()) {
                if (c.enabled) {
                    open.push_back(c);
                }
            }
            REQUIRE_FALSE(open.empty());
            session.choose(open[pick.below(static_cast<int>(open.size()))].index);
        }
        bool rupture = false;
        bool repair = false;
        for (const Step& step : session.history()) {
            for (const model::Event& e : step.outcome.events) {
                rupture = rupture || e.kind == model::EventKind::Rupture;
                repair = repair || e.kind == model::EventKind::Repair;
            }
        }
        if (!rupture || !repair) {
            continue;
        }
        found = true;
        const std::string md = report::debrief_markdown(report::debrief_record(session));
        for (std::size_t i = 0; i < session.history().size(); ++i) {
            const Step& step = session.history()[i];
            for (const model::Event& e : step.outcome.events) {
                if (e.kind == model::EventKind::RuptureOpen) {
                    continue;
                }
                const std::string kind = e.kind == model::EventKind::Repair ? "Repair" : "Rupture";
                CAPTURE(i);
                CHECK(contains(md, "- At choice " + std::to_string(i + 1) + " (" +
                                       report::markdown_escape(choice_text(session, step)) +
                                       "): **" + kind + ", " +
                                       story->characters[e.character].profile.name + ":** " +
                                       report::markdown_escape(session.words(e))));
            }
        }
    }
    CHECK(found);
}

TEST_CASE("debrief: the CSV rows are the session's states, start first, one per character") {
    const Session session = call_back_path();
    const report::DebriefRecord record = report::debrief_record(session);
    const auto rows = csv_rows(report::state_trace_csv(record));
    REQUIRE(rows.size() == 1 + (session.history().size() + 1) * record.characters.size());
    CHECK(rows[0] == std::vector<std::string>{"timeline", "point", "scene", "choice", "character",
                                              "safety", "distance", "arousal", "flooded",
                                              "shut_down", "rupture_open", "repairs_landed",
                                              "player_arousal", "room_vote"});
    const Story& story = session.story();
    for (std::size_t point = 0; point <= session.history().size(); ++point) {
        const std::vector<std::string>& row = rows[1 + point];
        CAPTURE(point);
        const SessionState& state =
            point == 0 ? session.history()[0].before : session.state_after(point - 1);
        CHECK(row[0] == "What we did");
        CHECK(row[1] == std::to_string(point));
        if (point > 0) {
            const Step& step = session.history()[point - 1];
            CHECK(row[2] == story.scenes[step.scene].id);
            CHECK(row[3] == story.scenes[step.scene].choices[step.choice].id);
        }
        CHECK(row[4] == "ren");
        CHECK(two_decimals(row[5], state.characters[0].safety));
        CHECK(two_decimals(row[6], state.characters[0].distance));
        CHECK(two_decimals(row[7], state.characters[0].arousal));
        CHECK(row[10] == (state.characters[0].rupture_open ? "yes" : "no"));
        CHECK(std::stoi(row[11]) == state.characters[0].repairs_landed);
        CHECK(two_decimals(row[12], state.player.arousal));
        for (const int field : {5, 6, 7, 12}) { // written with exactly two decimals
            CAPTURE(row[field]);
            CHECK(row[field].find('.') == row[field].size() - 3);
        }
    }
    // The numbers move: a trace of a flat line would pass the loop above too easily.
    CHECK(rows[1][5] != rows.back()[5]);
}

TEST_CASE("debrief: several what-ifs are numbered, each parting where its own choices part") {
    const Session session = call_back_path();
    Session from_start = session; // another first choice
    REQUIRE(from_start.rewind_to(0));
    REQUIRE(from_start.choose("name-it"));
    REQUIRE(from_start.choose("slice"));
    REQUIRE(from_start.is_finished());
    Session stopped = session; // the same two choices, then no more
    REQUIRE(stopped.rewind_to(2));
    REQUIRE_FALSE(stopped.is_finished());
    const std::vector<Session> branches = {from_start, stopped, session};
    const report::DebriefRecord record = report::debrief_record(session, branches);
    REQUIRE(record.branches.size() == 3);
    CHECK(record.main.label == "What we did");
    CHECK(record.branches[0].label == "What if 1");
    CHECK(record.branches[1].label == "What if 2");
    CHECK(record.branches[2].label == "What if 3");
    CHECK(record.branches[0].diverges_at == 0);
    CHECK(record.branches[0].finished);
    CHECK(record.branches[0].steps.size() == 2);
    CHECK(record.branches[1].diverges_at == 2); // it stops where the main line goes on
    CHECK_FALSE(record.branches[1].finished);
    CHECK(record.branches[1].ending_id.empty());
    CHECK(record.branches[1].stopped_at == "call"); // a scene with no title: its id
    CHECK(record.branches[1].steps.size() == 2);
    CHECK(record.branches[2].diverges_at == 3); // the very same path: parts nowhere
    CHECK(record.main.stopped_at.empty());
    CHECK(record.main.finished);
    CHECK(record.characters.size() == session.story().characters.size());
    CHECK(record.story_id == session.story().info.id);
    CHECK(record.story_version == session.story().info.version);
}

TEST_CASE("debrief: a what-if branch is its own timeline from where it parts") {
    const Session session = call_back_path();
    Session what_if = session;
    REQUIRE(what_if.rewind_to(1));
    REQUIRE(what_if.choose("leave-it"));
    REQUIRE(what_if.is_finished());
    const std::vector<Session> branches = {what_if};
    const report::DebriefRecord record = report::debrief_record(session, branches);
    REQUIRE(record.branches.size() == 1);
    CHECK(record.branches[0].label == "What if");
    CHECK(record.branches[0].diverges_at == 1);
    CHECK(record.branches[0].ending_title == "Unread");

    const std::string md = report::debrief_markdown(record);
    const std::size_t branch = md.find("\n## What if\n");
    REQUIRE(branch != std::string::npos);
    CHECK(contains(md.substr(branch), "The same as what we did up to choice 1; from there:"));
    CHECK(contains(md.substr(branch), "### 2. quiet"));
    CHECK_FALSE(contains(md.substr(branch), "### 1. "));
    CHECK(contains(md.substr(branch), "- **Chosen:** Put the phone face down."));
    CHECK(
        contains(md.substr(branch), "### The ending: Unread (a rupture, with the door left open)"));

    const auto rows = csv_rows(report::state_trace_csv(record));
    int branch_rows = 0;
    for (const auto& row : rows) {
        branch_rows += row[0] == "What if" ? 1 : 0;
    }
    CHECK(branch_rows == static_cast<int>(what_if.history().size() + 1));

    const std::string html = report::debrief_html(record);
    CHECK(contains(html, "paths part here"));
    CHECK(contains(html, "What if (from choice 2)"));
}

// call_back_path as a room chose it: a close 4 to 3 (one pass) at the first menu, taken
// against its most votes with a reason; too few taking part at the second; the third
// by one player.
Session voted_path() {
    Session session(test::late_bus(), test::params(), 7);
    REQUIRE(session.choose("its-fine"));
    VoteSplit close = test::late_bus_first_menu_split(3, 4, 0);
    close.overridden = true;
    close.override_reason = "the quiet ones in the back row";
    REQUIRE(session.record_room_vote(close));
    REQUIRE(session.choose("call-back"));
    VoteSplit few;
    few.scene_id = "quiet";
    few.choice_ids = {"call-back", "leave-it"};
    few.choice_texts = {"Call Ren.", "Put the phone face down."};
    few.below_minimum = true;
    few.chosen = 0;
    REQUIRE(session.record_room_vote(few));
    REQUIRE(session.choose("slice"));
    return session;
}

TEST_CASE("debrief: each voted choice shows the room's split; below the minimum, no count") {
    const report::DebriefRecord record = report::debrief_record(voted_path());
    REQUIRE(record.main.steps.size() == 3);
    CHECK(record.main.steps[0].room_vote);
    CHECK(record.main.steps[1].room_vote);
    CHECK_FALSE(record.main.steps[2].room_vote);

    const std::string md = report::debrief_markdown(record);
    CHECK(contains(
        md, "How the room voted:\n\n"
            "- **Chosen:** \"It's fine. Whatever.\": 3 votes "
            "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\n" // 3 of 8: 7.5 twentieths, rounded
            "- \"I was disappointed.\": 4 votes "));
    CHECK(contains(md, "- 1 passed\n\nA close call. The facilitator decided.\n"));
    CHECK(contains(md, "How the room voted: too few votes to show a split. Chosen: Call Ren.\n\n"
                       "The facilitator decided.\n"));
    // The third choice was one player's: no split is claimed for it.
    REQUIRE(contains(md, "### 3."));
    CHECK_FALSE(contains(md.substr(md.find("### 3.")), "How the room voted"));

    const std::string html = report::debrief_html(record);
    CHECK(contains(html, "<tr><td class=\"chosen\">&quot;It&#39;s fine. Whatever.&quot; "
                         "(chosen)</td><td class=\"track\"><span class=\"bar\" style=\"width: "
                         "37.5%\"></span></td><td class=\"count\">3 votes</td></tr>"));
    CHECK(contains(html, "width: 50.0%\"></span></td><td class=\"count\">4 votes"));
    CHECK(contains(html, "<p class=\"meta\">A close call. The facilitator decided.</p>"));
    CHECK(contains(html, "<p>Too few votes to show a split. Chosen: Call Ren.</p>"));
    // One neutral colour: no bar is styled by its outcome.
    CHECK_FALSE(contains(html, "class=\"bar chosen"));

    const auto rows = csv_rows(report::state_trace_csv(record));
    CHECK(rows[1 + record.characters.size()].back() ==
          "its-fine 3; name-it 4; 1 passed; a close call; the facilitator decided");
    CHECK(rows[1 + 2 * record.characters.size()].back() ==
          "too few votes to show a split; the facilitator decided");
    CHECK(rows[1 + 3 * record.characters.size()].back().empty());

    // The facilitator's reason never reaches a page.
    for (const std::string& page : {md, html, report::state_trace_csv(record)}) {
        CHECK_FALSE(contains(page, "back row"));
    }
}

TEST_CASE("debrief: the talk-to line appears when set, and no one else is named") {
    const Session session = call_back_path();
    report::DebriefRecord record = report::debrief_record(session);
    CHECK_FALSE(contains(report::debrief_markdown(record), "you can talk to"));
    record.talk_to = "Ms Okafor, room 12";
    CHECK(contains(report::debrief_markdown(record),
                   "If this brought something up, you can talk to Ms Okafor, room 12."));
    CHECK(contains(report::debrief_html(record), "you can talk to Ms Okafor, room 12."));
}

TEST_CASE("debrief: the HTML page refers to nothing outside itself") {
    const Session session = call_back_path();
    Session what_if = session;
    REQUIRE(what_if.rewind_to(1));
    REQUIRE(what_if.choose("leave-it"));
    const std::vector<Session> branches = {what_if};
    const std::string html = report::debrief_html(report::debrief_record(session, branches));
    CHECK(test::external_references(html).empty());
    CHECK(contains(html, "<svg"));
    CHECK(contains(html, "<polyline"));
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
}

TEST_CASE("debrief: the reference check catches each way a page could fetch something") {
    for (const char* bad : {R"t(<img src="http://example.org/x.png">)t",
                            R"t(<link rel="stylesheet" href="style.css">)t",
                            R"t(<a href="file:///etc/passwd">x</a>)t", R"t(<script>1</script>)t",
                            R"t(<style>@import "x.css";</style>)t",
                            R"t(<style>body { background: url(https://x.org/b.png) }</style>)t",
                            R"t(<p style="background:url('b.png')">x</p>)t",
                            R"t(<svg><image xlink:href="pic.png"/></svg>)t"}) {
        CAPTURE(bad);
        CHECK_FALSE(test::external_references(std::string("<p>a</p>") + bad).empty());
    }
    const std::string inside = R"t(<a href="#top">x</a><p style="background:url(data:x)">y</p>)t";
    CHECK(test::external_references(inside).empty());
}

TEST_CASE("debrief: text from the story is escaped, never markup") {
    report::DebriefRecord record;
    record.story_title = "<script>alert(1)</script> & *bold*";
    record.main.label = "What we did";
    const std::string html = report::debrief_html(record);
    CHECK_FALSE(contains(html, "<script>"));
    CHECK(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; *bold*"));
    CHECK(contains(report::debrief_markdown(record),
                   "\\<script\\>alert(1)\\</script\\> & \\*bold\\*"));
}

TEST_CASE("debrief: written in the form its file name asks for, and refused for any other") {
    const Session session = call_back_path();
    const report::DebriefRecord record = report::debrief_record(session);
    const std::filesystem::path folder =
        std::filesystem::temp_directory_path() / ("attune-debrief-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    REQUIRE(report::write_debrief(record, folder / "d.html"));
    REQUIRE(report::write_debrief(record, folder / "d.md"));
    REQUIRE(report::write_debrief(record, folder / "d.csv"));
    CHECK(test::read_text(folder / "d.html") == report::debrief_html(record));
    CHECK(test::read_text(folder / "d.md") == report::debrief_markdown(record));
    CHECK(test::read_text(folder / "d.csv") == report::state_trace_csv(record));
    const Result<> refused = report::write_debrief(record, folder / "d.pdf");
    CHECK_FALSE(refused);
    REQUIRE(refused.diagnostics.size() == 1);
    CHECK(contains(refused.diagnostics[0].message, "name the file d.html"));
    CHECK_FALSE(std::filesystem::exists(folder / "d.pdf"));
    std::filesystem::remove_all(folder);
}

TEST_CASE("debrief: the HTML page draws the path under its heading, with a key to the lines") {
    const report::DebriefRecord record = report::debrief_record(call_back_path());
    const std::string html = report::debrief_html(record);
    const auto heading = html.find("<h2>The path at a glance</h2>\n<p class=\"legend\">");
    REQUIRE(heading != std::string::npos);
    const auto key = html.find("Ren felt safe", heading);
    CHECK(key != std::string::npos);
    CHECK(html.find("<svg", heading) > key); // the key comes before the chart it explains
}

TEST_CASE("debrief: a chart of no choices draws its one point in the middle") {
    report::DebriefRecord record;
    record.characters = {{"a", "A", ""}};
    record.main.start.resize(1);
    const std::string svg = report::timeline_svg(record, record.main);
    auto number_after = [&](const std::string& attribute, std::size_t from) {
        const std::size_t at = svg.find(attribute + "=\"", from);
        REQUIRE(at != std::string::npos);
        return std::stod(svg.substr(at + attribute.size() + 2));
    };
    const std::size_t frame = svg.find("<rect");
    const double middle = number_after("x", frame) + number_after("width", frame) / 2;
    CHECK(number_after("points", svg.find("<polyline")) == doctest::Approx(middle));
}

TEST_CASE("debrief: HTML escapes each of the five characters markup gives meaning to") {
    CHECK(html_escape("Tom & \"Ada\" <said> 'no'") ==
          "Tom &amp; &quot;Ada&quot; &lt;said&gt; &#39;no&#39;");
    CHECK(html_escape("plain words") == "plain words");
}

TEST_CASE("debrief: a record made by hand with a broken colour still draws, in the palette") {
    report::DebriefRecord record;
    record.characters = {{"a", "A", "#zz0000"}, {"b", "B", "#12"}, {"c", "C", "#ffffff"}};
    record.main.start.resize(3);
    report::DebriefRecord plain;
    plain.characters = {{"a", "A", ""}};
    CHECK(report::print_color(record, 0) == report::print_color(plain, 0)); // the first default
    CHECK(report::print_color(record, 2) == "#727272"); // white, darkened for paper
    // Four colours in the palette, each a different one; a fifth character starts it again.
    report::DebriefRecord five;
    five.characters = {
        {"a", "A", ""}, {"b", "B", ""}, {"c", "C", ""}, {"d", "D", ""}, {"e", "E", ""}};
    const std::set<std::string> palette = {
        report::print_color(five, 0), report::print_color(five, 1), report::print_color(five, 2),
        report::print_color(five, 3)};
    CHECK(palette.size() == 4);
    CHECK(report::print_color(five, 4) == report::print_color(five, 0));
    CHECK(contains(report::debrief_html(record), "<polyline"));
}

TEST_CASE("debrief: a record made by hand with missing pieces still writes every page") {
    report::DebriefRecord record;
    record.characters = {{"a", "A", ""}, {"b", "B", ""}};
    report::TimelineStep step; // nothing offered, no states
    step.moments.push_back({model::EventKind::Rupture, 1, "B was hurt."});
    record.main.steps = {step, step};
    record.main.start.resize(1); // fewer states than characters
    VoteSplit damaged;           // counts and texts that do not line up, a choice out of range
    damaged.choice_texts = {"one"};
    damaged.counts = {4, 5, 6};
    damaged.chosen = 7;
    record.main.steps[0].room_vote = damaged;
    damaged.below_minimum = true;
    record.main.steps[1].room_vote = damaged;
    CHECK(contains(report::debrief_html(record), "B was hurt."));
    CHECK(contains(report::debrief_markdown(record), "B was hurt."));
    CHECK(csv_rows(report::state_trace_csv(record)).size() == 2); // header and A at the start
}

TEST_CASE("debrief: a plain split says 1 vote and 0 votes, counts passes, and adds no notes") {
    Session session(test::late_bus(), test::params(), 7);
    REQUIRE(session.choose("name-it"));
    VoteSplit split = test::late_bus_first_menu_split(0, 1, 1);
    split.passes = 2;
    split.close_call = false;
    REQUIRE(session.record_room_vote(split));
    REQUIRE(session.choose("slice"));
    const report::DebriefRecord record = report::debrief_record(session);

    const std::string md = report::debrief_markdown(record);
    CHECK(contains(md, "How the room voted:\n\n"
                       "- \"It's fine. Whatever.\": 0 votes\n"
                       "- **Chosen:** \"I was disappointed.\": 1 vote "
                       "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\n" // 1 of 3: 6.7 twentieths
                       "- 2 passed\n\n"));
    CHECK_FALSE(contains(md, "facilitator decided"));
    CHECK_FALSE(contains(md, "close call"));

    const std::string html = report::debrief_html(record);
    CHECK(contains(html, "style=\"width: 0.0%\"></span></td><td class=\"count\">0 votes</td>"));
    CHECK(contains(html, "<tr><td class=\"chosen\">&quot;I was disappointed.&quot; (chosen)</td>"
                         "<td class=\"track\"><span class=\"bar\" style=\"width: 33.3%\"></span>"
                         "</td><td class=\"count\">1 vote</td></tr>\n</table>\n"
                         "<p class=\"meta\">2 passed.</p>\n</div>"));

    const auto rows = csv_rows(report::state_trace_csv(record));
    CHECK(rows[1 + record.characters.size()].back() == "its-fine 0; name-it 1; 2 passed");
}

TEST_CASE("debrief: with no one passing, the pages write no passes, the CSV '0 passed'") {
    Session session(test::late_bus(), test::params(), 7);
    REQUIRE(session.choose("its-fine"));
    VoteSplit split = test::late_bus_first_menu_split(5, 2, 0);
    split.passes = 0;
    split.close_call = false;
    REQUIRE(session.record_room_vote(split));
    const report::DebriefRecord record = report::debrief_record(session);
    const std::string md = report::debrief_markdown(record);
    CHECK(contains(md, ": 2 votes \u2588\u2588\u2588\u2588\u2588\u2588\n\n")); // 2 of 7: 5.7
    CHECK_FALSE(contains(md, " passed\n"));
    CHECK_FALSE(contains(report::debrief_html(record), " passed.</p>"));
    CHECK(csv_rows(report::state_trace_csv(record))[1 + record.characters.size()].back() ==
          "its-fine 5; name-it 2; 0 passed");
}

TEST_CASE("debrief: a split where no one voted or passed shows empty bars, never a division by "
          "nothing") {
    Session session(test::late_bus(), test::params(), 7);
    REQUIRE(session.choose("its-fine"));
    VoteSplit split = test::late_bus_first_menu_split(0, 0, 0);
    split.passes = 0;
    split.close_call = false;
    split.overridden = true; // the facilitator chose
    REQUIRE(session.record_room_vote(split));
    const report::DebriefRecord record = report::debrief_record(session);
    const std::string html = report::debrief_html(record);
    CHECK(contains(html, "style=\"width: 0.0%\"></span></td><td class=\"count\">0 votes</td>"));
    CHECK_FALSE(contains(html, "nan"));
    const std::string md = report::debrief_markdown(record);
    CHECK(contains(md, "- **Chosen:** \"It's fine. Whatever.\": 0 votes\n"
                       "- \"I was disappointed.\": 0 votes\n\nThe facilitator decided.\n"));
}
