// The debrief's three pages for one record made by hand, compared with golden files
// (tests/data/debrief/porch.html, .md, .csv) word for word. The record uses every piece a
// page can show: two characters, a room vote of each kind, a rupture, a repair and one
// still open, closed choices with their reasons, personal and plain prompts (one repeated),
// a finished main timeline and a "what if" branch that stopped. Made by hand, it does not
// move when the model is retuned; only a change to the pages themselves does.
//
// To accept a deliberate change, run with ATTUNE_UPDATE_GOLDEN=1 and read the changed
// files by eye (open the HTML in a browser) before committing them.

#include "support.h"

#include "report/debrief.h"

namespace {

using namespace attune;

report::CharacterPoint point(double safety, double distance, double arousal) {
    report::CharacterPoint p;
    p.safety = safety;
    p.distance = distance;
    p.arousal = arousal;
    p.words = safety >= 50 ? "warm" : "hurt";
    return p;
}

VoteSplit split(std::vector<std::string> ids, std::vector<std::string> texts,
                std::vector<int> counts, int passes, int chosen) {
    VoteSplit s;
    s.choice_ids = std::move(ids);
    s.choice_texts = std::move(texts);
    s.counts = std::move(counts);
    s.passes = passes;
    s.chosen = chosen;
    return s;
}

report::DebriefRecord porch() {
    report::DebriefRecord record;
    record.story_id = "porch";
    record.story_title = "The Porch <Light>";
    record.story_version = "1.2.0";
    record.characters = {{"kit", "Kit", "#204060"}, {"ada", "Ada", ""}};
    record.talk_to = "Ms Obi (room 12)";

    report::Timeline& main = record.main;
    main.label = "What we did";
    main.start = {point(55, 40, 20), point(60, 30, 25)};
    main.start_player_arousal = 20;

    report::TimelineStep first;
    first.scene_id = "porch";
    first.scene_title = "On the porch";
    first.lines = {{"", "Rain on the tin roof."}, {"Kit", "You're late & you're wet."}};
    first.offered = {{"wait", "Wait for Kit to go on.", true, ""},
                     {"say-no", "\"No, you listen.\"", true, ""},
                     {"leave", "Walk off.", false, "Not while it's raining."}};
    first.chosen = 1;
    first.causes = {"Kit was hurt.", "Kit felt \"pushed\", and pulled back."};
    first.moments = {{model::EventKind::Rupture, 0, "Kit was hurt."}};
    first.discussion = {{"What did Kit need just then?", false},
                        {"When did you last wait for someone?", true}};
    first.room_vote =
        split({"wait", "say-no", "leave"},
              {"Wait for Kit to go on.", "\"No, you listen.\"", "Walk off."}, {2, 5, 0}, 1, 1);
    first.after = {point(41.25, 52.5, 48), point(60, 30, 25)};
    first.after[0].rupture_open = true;
    first.player_arousal = 35.5;

    report::TimelineStep second;
    second.scene_id = "hall";
    second.lines = {{"Ada", "Come in, both of you."}};
    second.offered = {{"sorry", "\"I'm sorry. That was sharp.\"", true, ""}};
    second.chosen = 0;
    second.causes = {"Kit came back.", "Ada watched, uneasy."};
    second.moments = {{model::EventKind::Repair, 0, "Kit came back."},
                      {model::EventKind::RuptureOpen, 1, "Ada is still uneasy."}};
    second.discussion = {{"What did Kit need just then?", false}};
    VoteSplit few;
    few.choice_ids = {"sorry"};
    few.choice_texts = {"\"I'm sorry. That was sharp.\""};
    few.below_minimum = true;
    few.chosen = 0;
    second.room_vote = few;
    second.after = {point(58, 38, 30), point(47.5, 45, 40)};
    second.after[0].repairs_landed = 1;
    second.after[1].rupture_open = true;
    second.player_arousal = 22;
    main.steps = {first, second};
    main.finished = true;
    main.ending_id = "cake";
    main.ending_title = "Cake for breakfast";
    main.ending_kind = EndingKind::Repaired;
    main.close = {{"", "Morning. Crumbs on the step."}};
    main.reflection = {{"What made the way back possible?", false},
                       {"Who do you find it easy to say sorry to?", true}};

    report::Timeline branch;
    branch.label = "What if: wait";
    branch.diverges_at = 1;
    branch.start = main.start;
    branch.start_player_arousal = 20;
    report::TimelineStep other = second;
    other.offered = {{"shout", "\"Don't you start, Ada.\"", true, ""},
                     {"breathe", "Breathe out slowly.", true, ""}};
    other.chosen = 0;
    other.causes = {"Ada felt blamed."};
    other.moments = {{model::EventKind::Rupture, 1, "Ada felt blamed."}};
    other.discussion = {{"What might Ada have heard?", false}};
    VoteSplit tie = split({"shout", "breathe"},
                          {"\"Don't you start, Ada.\"", "Breathe out slowly."}, {3, 3}, 0, 0);
    tie.close_call = true;
    tie.overridden = true;
    other.room_vote = tie;
    other.after = {point(40, 50, 8), point(30, 62, 71)};
    other.after[0].rupture_open = true;
    other.after[0].shut_down = true;
    other.after[1].flooded = true;
    other.after[1].rupture_open = true;
    branch.steps = {first, other};
    branch.finished = false;
    branch.stopped_at = "The hall";
    branch.close = {{"Ada", "I need a minute."}};
    record.branches = {branch};
    return record;
}

void matches_golden(const std::string& actual, const std::string& name) {
    test::matches_golden(actual, test::source_dir() / "tests/data/debrief" / name);
}

} // namespace

TEST_CASE("debrief golden: the HTML page of a record with every piece a page can show") {
    matches_golden(report::debrief_html(porch()), "porch.html");
}

TEST_CASE("debrief golden: the Markdown of the same record") {
    matches_golden(report::debrief_markdown(porch()), "porch.md");
}

TEST_CASE("debrief golden: the CSV trace of the same record") {
    matches_golden(report::state_trace_csv(porch()), "porch.csv");
}
