// The debrief's pages from a record made by hand, so every word is known: the list of
// ruptures and repairs with each one's other causes, and the CSV's quoting and room votes.

#include "report/debrief.h"

#include <doctest/doctest.h>

#include <string>

namespace {

using namespace attune;

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

report::DebriefRecord one_rupture() {
    report::DebriefRecord record;
    record.story_title = "Porch";
    record.characters = {{"kit", "Kit", ""}};
    record.main.label = "What we did";
    record.main.start.resize(1);
    report::TimelineStep step;
    step.scene_id = "porch";
    step.offered = {{"wait", "Wait.", true, ""}, {"say-no", "Say \"no\", gently", true, ""}};
    step.chosen = 1;
    step.moments = {{model::EventKind::Rupture, 0, "Kit was hurt."}};
    step.causes = {"Kit was hurt.", "Kit felt pushed away."};
    step.after.resize(1);
    record.main.steps = {step};
    return record;
}

} // namespace

TEST_CASE("debrief pages: each rupture is listed with the causes other than itself") {
    const std::string html = report::debrief_html(one_rupture());
    const auto section = html.find("<h2>Ruptures and repairs</h2>");
    REQUIRE(section != std::string::npos);
    const std::string list = html.substr(section, html.find("<h2>", section + 1) - section);
    CHECK(contains(list,
                   "<li class=\"moment\">At choice 1 (Say &quot;no&quot;, gently): <ul>"
                   "<li class=\"moment\"><span class=\"rupture\">Rupture, Kit:</span> Kit was "
                   "hurt.</li>\n<li>Kit felt pushed away.</li></ul></li>\n"));
    CHECK_FALSE(contains(list, "<li>Kit was hurt.</li>"));
    CHECK_FALSE(contains(html, "No rupture opened"));

    report::DebriefRecord calm = one_rupture();
    calm.main.steps[0].moments.clear();
    const std::string quiet = report::debrief_html(calm);
    CHECK(contains(quiet.substr(quiet.find("<h2>Ruptures and repairs</h2>")),
                   "<h3>What we did</h3>\n<p>No rupture opened and no repair was needed.</p>"));
}

TEST_CASE("debrief pages: CSV fields with a comma, quote or line break are quoted") {
    report::DebriefRecord record = one_rupture();
    record.main.label = "He said \"why\"";
    record.main.steps[0].scene_id = "porch, late";
    record.main.steps[0].offered[1].id = "two\nlines";
    record.characters[0].id = "kit\r";
    const std::string csv = report::state_trace_csv(record);
    CHECK(contains(csv, "\"He said \"\"why\"\"\",1,\"porch, late\",\"two\nlines\",\"kit\r\","));
    CHECK(contains(csv, "\"He said \"\"why\"\"\",0,,,\"kit\r\","));
    // Plain fields are written as they are.
    const std::string plain = report::state_trace_csv(one_rupture());
    CHECK(contains(plain, "\r\nWhat we did,1,porch,say-no,kit,0.00,0.00,0.00,no,no,no,0,0.00,"
                          "\r\n"));
}

TEST_CASE("debrief pages: the CSV says how the room split, in words") {
    report::DebriefRecord record = one_rupture();
    VoteSplit split;
    split.scene_id = "porch";
    split.choice_ids = {"wait", "say-no"};
    split.counts = {3, 4};
    split.passes = 0;
    split.chosen = 1;
    record.main.steps[0].room_vote = split;
    CHECK(contains(report::state_trace_csv(record), ",wait 3; say-no 4; 0 passed\r\n"));
    split.passes = 1;
    split.close_call = true;
    record.main.steps[0].room_vote = split;
    CHECK(
        contains(report::state_trace_csv(record), ",wait 3; say-no 4; 1 passed; a close call\r\n"));
    split.passes = 3;
    split.close_call = false;
    split.overridden = true;
    record.main.steps[0].room_vote = split;
    CHECK(contains(report::state_trace_csv(record),
                   ",wait 3; say-no 4; 3 passed; the facilitator decided\r\n"));
    split = VoteSplit{};
    split.below_minimum = true;
    split.chosen = 1;
    record.main.steps[0].room_vote = split;
    CHECK(contains(report::state_trace_csv(record),
                   ",too few votes to show a split; the facilitator decided\r\n"));
}

TEST_CASE(
    "debrief pages: a record with more states than characters writes rows for its characters") {
    report::DebriefRecord record = one_rupture();
    record.main.start.resize(3); // three states, one character
    record.main.steps[0].after.resize(2);
    const std::string csv = report::state_trace_csv(record);
    std::size_t rows = 0;
    for (std::size_t at = csv.find("\r\n"); at != std::string::npos;
         at = csv.find("\r\n", at + 2)) {
        ++rows;
    }
    CHECK(rows == 3); // the header, kit at the start, kit after the step
}

TEST_CASE("debrief pages: a hand-made split with fewer counts than choices lists only those "
          "counted") {
    // A record is plain data: one made by hand (or by an older Attune) need not add up, and
    // the pages read only what is there.
    report::DebriefRecord record = one_rupture();
    VoteSplit split;
    split.scene_id = "porch";
    split.choice_ids = {"wait", "say-no", "shrug"};
    split.choice_texts = {"Wait.", "Say no.", "Shrug."};
    split.counts = {3, 4};
    split.passes = 0;
    split.chosen = 1;
    record.main.steps[0].room_vote = split;
    CHECK(contains(report::state_trace_csv(record), ",wait 3; say-no 4; 0 passed\r\n"));
    const std::string md = report::debrief_markdown(record);
    CHECK(contains(md, "- **Chosen:** Say no.: 4 votes"));
    CHECK_FALSE(contains(md, "Shrug."));
    split.counts = {3, 4, 1};
    split.choice_ids = {"wait", "say-no"};
    record.main.steps[0].room_vote = split;
    CHECK(contains(report::state_trace_csv(record), ",wait 3; say-no 4; 0 passed\r\n"));
}
