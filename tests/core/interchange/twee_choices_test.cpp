// Twee import: the ids and moves of choices. A link's id comes from its text, made unique
// within the passage (`id`, `id-2`, `id-3` ...), as passage names become ids; a move may be written
// `move:validate@mum` as Twine tags are.

#include "interchange/twee.h"
#include "support.h"

namespace attune {

TEST_CASE("twee choices: ids come from the link's text and are unique in their passage") {
    const Result<nlohmann::ordered_json> imported =
        import_twee("ids.twee", ":: A\n[[Go->B]]\n[[Go->C]]\n[[Go->D]]\n[[!!->B]]\n[[?->C]]\n"
                                ":: B [ending]\nB.\n:: C [ending]\nC.\n:: D [ending]\nD.\n");
    REQUIRE(imported);
    const auto& choices = (*imported)["scenes"][0]["choices"];
    REQUIRE(choices.size() == 5);
    CHECK(choices[0]["id"] == "go");
    CHECK(choices[1]["id"] == "go-2");
    CHECK(choices[2]["id"] == "go-3");
    CHECK(choices[3]["id"] == "passage"); // slug()'s word for a name with no letters
    CHECK(choices[4]["id"] == "passage-2");
    CHECK(choices[3]["text"] == "!!");
    CHECK(choices[4]["next"] == "c");
    // The imported story loads: every id is one the loader accepts.
    CHECK(load_story_text("ids.json", imported->dump()));
}

TEST_CASE("twee choices: a move may be written with Twine's 'move:' prefix") {
    const Result<nlohmann::ordered_json> imported = import_twee(
        "m.twee", ":: A\n[[Hug->B]] <!-- attune: move:validate@mum move:reflect@mum -->\n"
                  ":: B [ending]\nB.\n");
    REQUIRE(imported);
    const auto& moves = (*imported)["scenes"][0]["choices"][0]["moves"];
    REQUIRE(moves.size() == 2);
    CHECK(moves[0]["move"] == "validate");
    CHECK(moves[0]["to"] == "mum");
    CHECK(moves[1]["move"] == "reflect");
    REQUIRE((*imported)["characters"].size() == 1);
    CHECK((*imported)["characters"][0]["id"] == "mum");
    for (const Diagnostic& d : imported.diagnostics) {
        CHECK(d.code != "twee-no-move");
    }
}

} // namespace attune

namespace attune {

TEST_CASE("twee choices: a move tag on the target passage gives the link its move and character") {
    // No notes at all: the move and the character come from the tag on passage B alone.
    const Result<nlohmann::ordered_json> imported =
        import_twee("t.twee", ":: A\n[[Hold on->B]]\n:: B [validate@mum ending]\nB.\n");
    REQUIRE(imported);
    REQUIRE((*imported)["characters"].size() == 1);
    CHECK((*imported)["characters"][0]["id"] == "mum");
    const auto& moves = (*imported)["scenes"][0]["choices"][0]["moves"];
    REQUIRE(moves.size() == 1);
    CHECK(moves[0]["move"] == "validate");
    CHECK(moves[0]["to"] == "mum");
    CHECK(load_story_text("t.json", imported->dump()));
}

} // namespace attune
