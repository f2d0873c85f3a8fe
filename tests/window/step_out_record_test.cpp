// A step-out leaves no trace: playing the same choices with and without stepping out
// gives the same save, the same autosave on disk, and the same debrief page, Markdown and
// CSV, byte for byte. The data the records are made from has nowhere to hold a step-out.

#include "window_support.h"

#include "game.h"
#include "report/debrief.h"

namespace {

using namespace attune;

struct Played {
    nlohmann::json save;
    nlohmann::json autosave; ///< the file on disk, without the time it was written
    std::string html;
    std::string markdown;
    std::string csv;
};

Played play_late_bus(bool step_out) {
    test::TempFolder folder;
    Game game(test::params(), {}, SaveStore(folder.path / "saves"), folder.path / "settings.json");
    game.start(test::late_bus());
    REQUIRE(game.choose(0)); // "It's fine. Whatever."
    if (step_out) {
        game.step_out();
        CHECK(game.screen() != Screen::Play);
        game.step_back_in();
        CHECK(game.screen() == Screen::Play);
    }
    REQUIRE(game.choose(0)); // call back
    if (step_out) {
        game.step_out();
        game.step_back_in();
    }
    REQUIRE(game.choose(0));
    REQUIRE(game.session()->is_finished());
    Played played;
    // Each start draws a fresh seed; late-bus never draws from it (Ren is not disorganized),
    // so everything else must match exactly.
    auto without_seed = [](nlohmann::json save) {
        save.erase("seed");
        save["state"].erase("random");
        return save;
    };
    played.save = without_seed(save_session(*game.session()));
    const Result<std::vector<SlotInfo>> slots = game.store().list();
    REQUIRE(slots);
    REQUIRE_FALSE(slots->empty());
    played.autosave = without_seed(nlohmann::json::parse(test::read_text(slots->front().file)));
    played.autosave["slot"].erase("saved_at");
    const report::DebriefRecord record = report::debrief_record(*game.session());
    played.html = report::debrief_html(record);
    played.markdown = report::debrief_markdown(record);
    played.csv = report::state_trace_csv(record);
    return played;
}

} // namespace

TEST_CASE("step out: never recorded in a save, a debrief or the state trace") {
    const Played plain = play_late_bus(false);
    const Played stepped = play_late_bus(true);
    CHECK(stepped.save == plain.save);
    CHECK(stepped.autosave == plain.autosave);
    CHECK(stepped.html == plain.html);
    CHECK(stepped.markdown == plain.markdown);
    CHECK(stepped.csv == plain.csv);
    // And the records are of a real playthrough, not empty pages that would match anyway.
    CHECK(plain.save["choices"].size() == 3);
    CHECK(plain.markdown.find("**Chosen:** \"It's fine. Whatever.\"") != std::string::npos);
}
