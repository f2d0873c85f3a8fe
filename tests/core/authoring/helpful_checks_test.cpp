// Issue 16: checks and messages that help an author, a story that starts where it starts,
// one choice numbering, and pictures of a run.

#include "authoring/explorer.h"
#include "authoring/playtest.h"
#include "authoring/plot.h"
#include "findings_support.h"
#include "play/save.h"
#include "text_player.h"

#include <regex>
#include <sstream>

namespace {

using namespace attune;
using test::read_text;

std::vector<Diagnostic> problems_in(const std::string& text) {
    return load_story_text("story.json", text).diagnostics;
}

const Diagnostic* with_code(const std::vector<Diagnostic>& found, const std::string& code) {
    for (const Diagnostic& d : found) {
        if (d.code == code) {
            return &d;
        }
    }
    return nullptr;
}

std::string late_bus_text() {
    return read_text(test::source_dir() / "tests/data/stories/late-bus.json");
}

// late-bus.json with `from` replaced by `to` (once), failing the test if it is not there.
std::string late_bus_with(const std::string& from, const std::string& to) {
    std::string text = late_bus_text();
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

std::shared_ptr<const Story> group_project() {
    return test::story(test::source_dir() / "tests/data/stories/the-group-project.json");
}

} // namespace

TEST_CASE("messages: a comma too many or two in a row are said in plain words, at the comma") {
    const auto trailing = problems_in("{\n  \"a\": [1, 2,],\n  \"b\": 1\n}");
    REQUIRE(trailing.size() == 1);
    CHECK(trailing[0].message ==
          "this is not valid JSON: this comma is one too many (nothing follows it before the "
          "closing ']')");
    CHECK(trailing[0].fix == "Remove this comma: JSON has no comma after the last item.");
    CHECK(trailing[0].line == 2);
    CHECK(trailing[0].column == 13);
    const auto object = problems_in("{ \"a\": 1, \"b\": 1,\n}");
    REQUIRE(object.size() == 1);
    CHECK(object[0].message == "this is not valid JSON: this comma is one too many (nothing "
                               "follows it before the closing '}')");
    const auto twice = problems_in("{ \"a\": 1,, \"b\": 1 }");
    REQUIRE(twice.size() == 1);
    CHECK(twice[0].message == "this is not valid JSON: two commas in a row");
    CHECK(twice[0].fix == "Remove one of the two commas.");
    CHECK(twice[0].column == 9); // the first of the two
}

TEST_CASE("messages: a misspelt name in a text line is in the text, with did-you-mean") {
    const auto found =
        problems_in(late_bus_with("\"Okay. Sorry again.\"", "\"Okay {player.nam}. {ren.nmae}?\""));
    REQUIRE(found.size() == 2);
    CHECK(found[0].message == "unknown name 'player.nam' in the text");
    CHECK(found[0].fix == "Did you mean 'name'? A text can use {player.name}, {player.arousal}, "
                          "{player.flooded}.");
    CHECK(found[1].message == "unknown name 'ren.nmae' in the text");
    CHECK(found[1].fix ==
          "Did you mean 'name'? A text can use {ren.name}, {ren.they}, {ren.them}, {ren.their}, "
          "{ren.They}, {ren.Them}, {ren.Their}, {ren.was}, {ren.is}, {ren.safety}, "
          "{ren.distance}, {ren.arousal}, {ren.flooded}, {ren.shut_down}, {ren.rupture}, "
          "{ren.repairs}.");
}

TEST_CASE("messages: a bare flag name, an unused flag, an everyday word for a move") {
    const auto bare = problems_in(late_bus_with("\"visits(quiet) == 0\"", "\"not apologized\""));
    const Diagnostic* variable = with_code(bare, "bad-condition");
    REQUIRE(variable);
    CHECK(variable->message == "unknown variable 'apologized' in the condition");
    CHECK(variable->fix == "Did you mean 'flag.apologized'? Flags are written flag.NAME.");

    const auto unused = problems_in(
        late_bus_with("\"flags\": [\"apologized\"]", "\"flags\": [\"apologized\", \"spare\"]"));
    const Diagnostic* warning = with_code(unused, "unused-flag");
    REQUIRE(warning);
    CHECK(warning->severity == Severity::Warning);
    CHECK(warning->message == "the flag 'spare' is declared but never used");
    CHECK(warning->pointer == "/flags/1");

    const auto listen =
        problems_in(late_bus_with("\"move\": \"minimize\"", "\"move\": \"listen\""));
    REQUIRE(with_code(listen, "unknown-move"));
    CHECK(with_code(listen, "unknown-move")->fix ==
          "Did you mean 'reflect'? The moves are listed in docs/model.md.");
    const auto spelt =
        problems_in(late_bus_with("\"move\": \"minimize\"", "\"move\": \"Take-Responsibility\""));
    CHECK(with_code(spelt, "unknown-move")->fix ==
          "Did you mean 'take_responsibility'? The moves are listed in docs/model.md.");
}

TEST_CASE("start: a character can begin upset, after a falling-out, in a classroom") {
    const auto story = group_project();
    CHECK(story->info.relationship == Relationship::Classmate);
    CHECK(relationship_names()[static_cast<int>(Relationship::Peer)] == "peer");
    const Session session(story, test::params(), 1);
    const model::State& maya = session.state().characters[0];
    CHECK(maya.arousal == 45);
    CHECK(maya.rupture_open);
    CHECK(maya.ruptures == 1);
    CHECK_FALSE(session.state().characters[1].rupture_open);

    // The good path mends the falling-out, and the ending counts it.
    Session played(story, test::params(), 1);
    std::istringstream in("2\n1\n1\n1\n1\n");
    std::ostringstream out;
    play_text(played, in, out, TextOptions{});
    REQUIRE(played.is_finished());
    CHECK(played.ending()->id == "second-draft");
    CHECK(out.str().find("there was 1 rupture and 1 repair that landed.") != std::string::npos);

    const auto bad = problems_in(late_bus_with(
        "\"distance\": 35", "\"distance\": 35, \"arousal\": 120, \"rupture\": \"yes\""));
    REQUIRE(bad.size() == 2);
    CHECK(bad[0].message == "'arousal' is 120, outside 0 to 100");
    CHECK(bad[1].message == "'rupture' should be true or false but is text");
}

TEST_CASE("conditions: anyone.rupture holds while a rupture is open with any character") {
    const auto story = group_project();
    Session session(story, test::params(), 1);
    Expression any;
    ExpressionError error;
    REQUIRE(Expression::parse("anyone.rupture", any, error));
    any.bind(0, {static_cast<int>(SlotKind::AnyCharacter), 0,
                 static_cast<int>(CharacterField::Rupture)});
    CHECK(session.holds(any)); // Maya's falling-out
    REQUIRE(session.choose("own-it"));
    CHECK_FALSE(session.holds(any));
    const auto typo = problems_in(late_bus_with("\"visits(quiet) == 0\"", "\"anyone.ruptur\""));
    REQUIRE(with_code(typo, "bad-condition"));
    CHECK(with_code(typo, "bad-condition")->fix ==
          "Did you mean 'rupture'? anyone.rupture and anyone.flooded ask about every character.");
}

TEST_CASE("explore: why no repair closes a rupture, with the rule and its numbers") {
    const auto story = test::fixture("repair-while-flooded");
    const ExploreReport report = explore_story(story, test::params(), {});
    const Finding* f = test::find_code(report.findings, "rupture-without-repair");
    REQUIRE(f);
    CHECK(f->diagnostic.fix ==
          "Why: choice 'sorry' in scene 'after' restores 1 safety of the 5 still needed: Ren is "
          "still flooded (arousal 88, above their window's 69), so attunement barely gets through "
          "(x0.3, attuned_while_flooded). Let Ren calm down first: a choice that gives room or "
          "time (take_break, then return) before the repair. The story ends at most 1 choice "
          "after this, so a longer --repair-within would not help: the way back has to come "
          "before the ending.");
    CHECK(f->diagnostic.fix.find("raise --repair-within") == std::string::npos);

    // No repair on offer at all, in a story that goes on longer than the limit.
    const ExploreReport none =
        explore_story(test::fixture("rupture-without-repair"), test::params(), {});
    const Finding* g = test::find_code(none.findings, "rupture-without-repair");
    REQUIRE(g);
    CHECK(g->diagnostic.fix.rfind("Why: No choice within 5 choices after this offers a repair "
                                  "move (apologize, repair, take_responsibility, humor) toward "
                                  "Ren.",
                                  0) == 0);
}

TEST_CASE("explore: the same hurt twice and hurt piled up are named, with their factors") {
    const ExploreReport twice = explore_story(test::fixture("same-hurt-twice"), test::params(), {});
    const Finding* f = test::find_code(twice.findings, "rupture-without-repair");
    REQUIRE(f);
    CHECK(f->diagnostic.fix.rfind(
              "Why: choice 'sorry-again' in scene 'last' restores 1 safety of the 5 still needed: "
              "the same hurt twice: this rupture repeats one repaired moments ago, so repairs "
              "count x0.4 (repair_after_repeat_hurt). Don't offer the same hurt again straight "
              "after a repair, or give a fuller way back: take_responsibility with apologize, "
              "then reflect.",
              0) == 0);
    const ExploreReport piled = explore_story(test::fixture("hurt-piled-up"), test::params(), {});
    const Finding* g = test::find_code(piled.findings, "rupture-without-repair");
    REQUIRE(g);
    CHECK(g->diagnostic.fix.rfind(
              "Why: choice 'sorry' in scene 'four' restores 2 safety of the 5 still needed: "
              "negative override: hurt has piled up, so Ren hears even kind words as cold and "
              "repairs count x0.5 (negative_override_discounts). Build goodwill before the "
              "repair: a few attuning moves (validate, reflect, appreciate) lift the override; or "
              "offer the repair twice.",
              0) == 0);
}

TEST_CASE("explore: a story that opens after a falling-out needs a way to mend it") {
    std::string text =
        read_text(test::source_dir() / "tests/data/explore/rupture-without-repair.json");
    const auto at = text.find("\"distance\": 40");
    REQUIRE(at != std::string::npos);
    text.insert(at, "\"rupture\": true, ");
    const auto loaded = load_story_text("opens-ruptured.json", text);
    REQUIRE(loaded);
    const ExploreReport report = explore_story(*loaded, test::params(), {});
    bool found = false;
    for (const Finding& f : report.findings) {
        found |= f.diagnostic.message ==
                 "the story opens with a rupture with Ren that no repair can close within 5 "
                 "choices";
    }
    CHECK(found);
    // The story written for this issue mends it, and is clean.
    const ExploreReport clean = explore_story(group_project(), test::params(), {});
    for (const Finding& f : clean.findings) {
        INFO(format(f.diagnostic));
        CHECK(f.diagnostic.severity != Severity::Error);
    }
    CHECK(clean.findings.empty());
}

TEST_CASE("explore: the repaired-ending check names the condition for any rupture open") {
    const ExploreReport report =
        explore_story(test::fixture("rupture-without-repair"), test::params(), {});
    const Finding* f = test::find_code(report.findings, "ending-kind-mismatch");
    REQUIRE(f);
    CHECK(f->diagnostic.fix ==
          "A rupture with any character counts. Let only paths that repair reach this ending: "
          "guard the choice that leads here with \"if\": \"not anyone.rupture\" and give it a "
          "sibling choice to an 'open' ending; or make this ending's kind 'open'.");
}

TEST_CASE("numbering: struck-through choices keep their number everywhere") {
    Session session(test::late_bus(), test::params(), 1);
    REQUIRE(session.choose_number(1)); // its-fine -> quiet
    REQUIRE(session.choose_number(1)); // call-back -> call, where "lecture" is struck through
    const std::vector<ChoiceView> menu = session.choices();
    REQUIRE(menu.size() == 2);
    CHECK(menu[1].id == "lecture");
    CHECK_FALSE(menu[1].enabled);
    CHECK(menu[1].number == 2);
    CHECK_FALSE(session.choose_number(2));
    CHECK_FALSE(session.choose_number(3));
    // The terminal shows the same numbers and refuses the same one.
    std::istringstream in("1\n1\n2\nq\n");
    std::ostringstream out;
    Session text(test::late_bus(), test::params(), 1);
    play_text(text, in, out, TextOptions{});
    CHECK(out.str().find("  2. \"Next time leave earlier.\" (not open yet:") != std::string::npos);
    CHECK(out.str().find("That choice isn't open right now:") != std::string::npos);
}

TEST_CASE("text: what a character's line does to the player follows the line, named as theirs") {
    Session session(group_project(), test::params(), 1);
    std::istringstream in("1\nq\n");
    std::ostringstream out;
    play_text(session, in, out, TextOptions{true});
    const std::string text = out.str();
    const std::string line = "Maya: You messaged at half nine the night before. 'Sorry can't "
                             "make it.' That's not a message, that's a shrug.\n"
                             "  * That stung: you feel your heart speed up.\n"
                             "  [trace] Maya → you: criticize (player_arousal_rises): safety "
                             "0.0, distance 0.0, arousal 18.0\n";
    CHECK(text.find(line) != std::string::npos);
    // Said once, after the line, not under the choice before it.
    CHECK(text.find("  * That stung") == text.find(line) + line.find("  * That stung"));
}

TEST_CASE("random: minutes far from what a playthrough takes are warned about") {
    std::string text = late_bus_text();
    const auto at = text.find("\"minutes\": 3");
    REQUIRE(at != std::string::npos);
    text.replace(at, 12, "\"minutes\": 40");
    const auto loaded = load_story_text("slow.json", text);
    REQUIRE(loaded);
    const PlaytestReport report = playtest_story(*loaded, test::params(), {200, 1, 1000, 5, 0.01});
    const Finding* f = test::find_code(report.findings, "minutes-far-off");
    REQUIRE(f);
    CHECK(f->diagnostic.message ==
          "\"minutes\" says 40 but a playthrough takes about 1 (reading 200 words a minute and 5 "
          "seconds a choice, as `attune stats` measures)");
    const PlaytestReport fine =
        playtest_story(group_project(), test::params(), {200, 1, 1000, 5, 0.01});
    const Finding* none = test::find_code(fine.findings, "minutes-far-off");
    CHECK_MESSAGE(!none, (none ? none->diagnostic.message : ""));
}

TEST_CASE("plot: a playthrough as SVG, each character's numbers with ruptures and repairs") {
    Session session(group_project(), test::params(), 1);
    for (const int n : {2, 1, 1, 1, 1}) {
        REQUIRE(session.choose_number(n));
    }
    const Plot plot = plot_of_session(session);
    REQUIRE(plot.series.size() == 2);
    CHECK(plot.steps.size() == 5);
    CHECK(plot.steps[0] == "lockers: own-it");
    REQUIRE(plot.series[0].points.size() == 6);
    CHECK(plot.series[0].points[0].rupture); // the falling-out the story opens with
    CHECK(plot.series[0].points[1].repair);
    const std::string svg = plot_svg(plot);
    CHECK(svg.rfind("<?xml", 0) == 0);
    CHECK(svg.find("xlink:href") == std::string::npos); // nothing outside the file
    const std::regex characters("<g class=\"character\"");
    CHECK(std::distance(std::sregex_iterator(svg.begin(), svg.end(), characters),
                        std::sregex_iterator()) == 2);
}

TEST_CASE("watch: renaming the scene you are in says so and keeps your place") {
    Session session(test::late_bus(), test::params(), 1);
    REQUIRE(session.choose("its-fine")); // -> quiet
    const nlohmann::json saved = save_session(session);
    std::string text = late_bus_text();
    for (auto at = text.find("\"quiet\""); at != std::string::npos; at = text.find("\"quiet\"")) {
        text.replace(at, 7, "\"hush\"");
    }
    text.replace(text.find("visits(quiet)"), 13, "visits(hush)");
    const auto renamed = load_story_text("late-bus.json", text);
    REQUIRE(renamed);
    const Result<Session> loaded = load_session(saved, *renamed, test::params());
    REQUIRE(loaded);
    CHECK(loaded->scene().id == "hush");
    REQUIRE(loaded.diagnostics.size() == 1);
    CHECK(loaded.diagnostics[0].message ==
          "The scene you were in was renamed; starting again from 'hush'.");
}

namespace {

/// The numbers in an SVG attribute such as points="60.0,60.0 80.0,170.0".
std::vector<double> numbers_in(const std::string& text) {
    std::vector<double> out;
    const std::regex number("-?[0-9]+\\.?[0-9]*");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), number);
         it != std::sregex_iterator(); ++it) {
        out.push_back(std::stod(it->str()));
    }
    return out;
}

/// The value of `attribute` in the first element from `from` on that has it.
std::string attribute_after(const std::string& svg, std::size_t from,
                            const std::string& attribute) {
    const std::size_t at = svg.find(" " + attribute + "=\"", from);
    REQUIRE(at != std::string::npos);
    const std::size_t start = at + attribute.size() + 3;
    return svg.substr(start, svg.find('"', start) - start);
}

} // namespace

TEST_CASE("plot: names and steps are escaped, and each number is drawn where it belongs") {
    PlotPoint high;
    high.safety = 100;
    PlotPoint low;
    low.safety = 0;
    PlotPoint middle;
    middle.safety = 50;
    const Plot plot{
        "Tea & \"talk\"", {"validate", "<contempt>"}, {{"Ada Ng", {high, low, middle}}}};
    const std::string svg = plot_svg(plot);
    CHECK(svg.find("<title>Tea &amp; &quot;talk&quot;</title>") != std::string::npos);
    CHECK(svg.find("data-name=\"Ada Ng\"") != std::string::npos);
    CHECK(svg.find(">&lt;contempt&gt;</text>") != std::string::npos);
    CHECK(svg.find("<contempt>") == std::string::npos);

    // Safety 100, 0 and 50 at three evenly spaced steps: top, bottom, half way.
    const std::size_t line = svg.find("<polyline class=\"safety\"");
    REQUIRE(line != std::string::npos);
    const std::vector<double> xy = numbers_in(attribute_after(svg, line, "points"));
    REQUIRE(xy.size() == 6);
    CHECK(xy[2] > xy[0]);
    CHECK(xy[2] - xy[0] == doctest::Approx(xy[4] - xy[2]));
    CHECK(xy[3] > xy[1]); // less safe is lower on the page
    CHECK(xy[5] == doctest::Approx((xy[1] + xy[3]) / 2).epsilon(0.001));
}

TEST_CASE("plot: each sign of the legend is centred on the row of its words") {
    const Plot plot{"t", {"validate"}, {{"Ada", {PlotPoint{}, PlotPoint{}}}}};
    const std::string svg = plot_svg(plot);
    // A label's baseline sits 4 below its row; the sign just before it is centred on the row.
    auto label_at = [&](const std::string& label) {
        const std::size_t at = svg.find(">" + label + "</text>");
        REQUIRE(at != std::string::npos);
        return svg.rfind("<text", at);
    };
    auto row_of = [&](const std::string& label) {
        return std::stod(attribute_after(svg, label_at(label), "y")) - 4;
    };
    auto sign_of = [&](const std::string& label) { return svg.rfind("<", label_at(label) - 1); };
    auto middle_of = [&](std::size_t sign) {
        return std::stod(attribute_after(svg, sign, "y")) +
               std::stod(attribute_after(svg, sign, "height")) / 2;
    };
    for (const std::string label : {"safety", "distance", "arousal"}) {
        CAPTURE(label);
        CHECK(std::stod(attribute_after(svg, sign_of(label), "y1")) == row_of(label));
    }
    CHECK(middle_of(sign_of("window of tolerance")) == row_of("window of tolerance"));
    CHECK(std::stod(attribute_after(svg, sign_of("repair"), "cy")) == row_of("repair"));
    CHECK(middle_of(sign_of("rupture still open")) == row_of("rupture still open"));
    // One row every 20, in the order the signs are listed.
    CHECK(row_of("distance") - row_of("safety") == 20);
    CHECK(row_of("rupture still open") - row_of("safety") == 120);
}
