// The ending screen's "What your choices did": the player's own moves, in the model's words.

#include "window_support.h"

#include "story/loader.h"

namespace {

using namespace attune;
using namespace attune::test;

// A story that names the player. Kai's line in the second scene criticizes the player, whose
// pulse rises: a cause of the player's, carrying Kai's move, not one the player made.
std::shared_ptr<const Story> named_player_story() {
    const std::string text = R"({"id": "jo", "title": "Jo", "version": "1", "summary": "s",
      "relationship": "partner", "minutes": 1, "age_band": "all", "author": "tests", "start": "a",
      "player": {"name": "Jo"},
      "characters": [
        {"id": "kai", "name": "Kai", "pronouns": "he/him", "role": "partner", "anxiety": 0.3, "avoidance": 0.3, "safety": 50, "distance": 50}],
      "scenes": [
        {"id": "a", "lines": [{"speaker": "kai", "text": "Long day."}],
         "choices": [{"id": "ask", "text": "How was it?", "moves": [{"move": "ask", "to": "kai"}], "next": "b"}]},
        {"id": "b", "lines": [{"speaker": "kai", "text": "You never listen.", "moves": [{"move": "criticize"}]}],
         "choices": [{"id": "own", "text": "You're right, {player.name} drifted off.", "moves": [{"move": "take_responsibility", "to": "kai"}], "next": "end"}]}],
      "endings": [{"id": "end", "kind": "open", "title": "End", "reflection": ["?"]}]})";
    const Result<std::shared_ptr<const Story>> loaded = load_story_text("jo.json", text);
    REQUIRE(loaded);
    return *loaded;
}

} // namespace

TEST_CASE("ending: a story that names the player lists only the player's moves toward others") {
    TempFolder folder;
    App app(options_in(folder), params());
    REQUIRE(app.ready());
    Game& game = app.game();
    game.start(named_player_story());
    REQUIRE(game.choose(0)); // ask
    REQUIRE(game.choose(0)); // own
    frames(app, 2);
    REQUIRE(game.screen() == Screen::Ending);
    // The player's pulse did rise at Kai's criticism: the cause is there to be left out.
    bool player_stung = false;
    for (const Step& step : game.session()->history()) {
        for (const model::Cause& cause : step.outcome.causes) {
            player_stung |= cause.character == player_target && cause.move == Move::Criticize;
        }
    }
    REQUIRE(player_stung);
    const auto effects = choice_effects(*game.session());
    std::vector<std::string> moves;
    for (const auto& [move, sentence] : effects) {
        moves.push_back(move);
        CHECK(sentence.find("Kai") == 0); // each says what it did to Kai
    }
    CHECK(moves == std::vector<std::string>{"Ask", "Take responsibility"});
}

TEST_CASE("ending: the debrief button writes the session's page beside the saves and says where") {
    TempFolder folder;
    App app(options_in(folder), params());
    REQUIRE(app.ready());
    Game& game = app.game();
    game.start(named_player_story());
    REQUIRE(game.choose(0)); // ask
    REQUIRE(game.choose(0)); // own
    frames(app, 2);
    REQUIRE(game.screen() == Screen::Ending);
    game.ui.notices.clear();

    const std::optional<std::filesystem::path> first = game.save_debrief();
    REQUIRE(first);
    CHECK(first->parent_path() == game.store().folder() / "debriefs");
    CHECK(first->extension() == ".html");
    const std::string page = read_text(*first);
    CHECK(page.find("How was it?") != std::string::npos);       // the choice taken
    CHECK(page.find("Jo drifted off.") != std::string::npos);   // as shown, the name filled in
    CHECK(page.find("You never listen.") != std::string::npos); // Kai's line
    REQUIRE(game.ui.notices.size() == 1);
    CHECK(game.ui.notices[0] == "The debrief page is saved as " + first->string() + ".");

    // A second press in the same minute keeps the first page.
    const std::optional<std::filesystem::path> second = game.save_debrief();
    REQUIRE(second);
    CHECK(*second != *first);
    CHECK(read_text(*first) == page);
}
