// Twee 3 in and out: round trips, the sample story, broken files.

#include "interchange/twee.h"
#include "play/session.h"
#include "support.h"

#include <string_view>

namespace attune {

using test::read_text;

namespace {

nlohmann::json read_json(const std::filesystem::path& path) {
    return nlohmann::json::parse(read_text(path));
}

bool has_code(const std::vector<Diagnostic>& diagnostics, const std::string& code, int line = 0) {
    return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) {
        return d.code == code && (line == 0 || d.line == line);
    });
}

std::filesystem::path twee_dir() {
    return test::source_dir() / "tests" / "data" / "twee";
}

} // namespace

TEST_CASE("twee: export then import gives back every bundled story exactly") {
    int stories = 0;
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "stories")) {
        if (entry.path().extension() != ".json" || entry.path().filename() == "schema.json") {
            continue;
        }
        CAPTURE(entry.path().string());
        REQUIRE(load_story_file(entry.path().string()));
        ++stories;
        const nlohmann::json original = read_json(entry.path());
        const Result<std::string> exported = export_twee(entry.path().string(), original);
        REQUIRE(exported);
        const Result<nlohmann::ordered_json> imported = import_twee("exported.twee", *exported);
        CHECK_FALSE(has_errors(imported.diagnostics));
        CHECK(nlohmann::json::parse(imported->dump()) == original);
    }
    CHECK(stories >= 7); // the bundled stories, none skipped
}

TEST_CASE("twee: the sample story imports, loads and plays to its ending") {
    const Result<nlohmann::ordered_json> imported =
        import_twee("lighthouse.twee", read_text(twee_dir() / "the-lighthouse-keepers.twee"));
    CHECK_FALSE(has_errors(imported.diagnostics));
    CHECK(has_code(imported.diagnostics, "twee-macro", 32)); // (set: ...) kept as text, and said so
    Result<std::shared_ptr<const Story>> loaded =
        load_story_text("lighthouse.json", imported->dump());
    for (const Diagnostic& d : loaded.diagnostics) {
        INFO(format(d));
        CHECK(d.severity != Severity::Error);
    }
    REQUIRE(loaded);
    const Story& story = **loaded;
    CHECK(story.info.title == "The Lighthouse Keepers");
    CHECK(story.scenes[story.start].id == "the-lamp-room");
    CHECK(story.scenes[story.start].title == "The Lamp Room");
    const Scene& lamp = story.scenes[story.start];
    REQUIRE(lamp.choices.size() == 3);
    CHECK(lamp.choices[0].moves[0].move == Move::Ask);
    CHECK(lamp.choices[1].id == "blame");
    CHECK(lamp.choices[2].moves[0].move == Move::TurnAway); // from the target passage's tag
    CHECK(lamp.choices[2].text.source == "Take the matches from her and do it yourself.");
    CHECK(lamp.lines[1].speaker == 0);
    CHECK(lamp.lines[2].text.source == "(set: $tired to true)");
    const Scene& blame = story.scenes[story.find_scene("blame")];
    CHECK(story.endings[blame.choices[1].next.index].id == "dawn"); // [[Dawn<-Leave her to it.]]
    CHECK(story.endings[0].kind == EndingKind::Open);
    Session session(*loaded, test::params(), 1);
    REQUIRE(session.choose(0));
    REQUIRE(session.choose(0));
    CHECK(session.is_finished());
}

TEST_CASE("twee: broken files give located errors and never crash") {
    const Result<nlohmann::ordered_json> link =
        import_twee("broken-link.twee", read_text(twee_dir() / "broken-link.twee"));
    CHECK(has_code(link.diagnostics, "twee-unknown-passage", 6));
    const Result<nlohmann::ordered_json> header =
        import_twee("broken-header.twee", read_text(twee_dir() / "broken-header.twee"));
    CHECK(has_code(header.diagnostics, "twee-bad-header", 1));
    CHECK(has_code(header.diagnostics, "twee-unknown-move", 3));
    CHECK(has_code(header.diagnostics, "twee-bad-ending", 5));
    const Result<nlohmann::ordered_json> note =
        import_twee("broken-annotation.twee", read_text(twee_dir() / "broken-annotation.twee"));
    CHECK(has_code(note.diagnostics, "twee-bad-link", 4));
    CHECK(has_code(note.diagnostics, "twee-bad-annotation", 3));
    CHECK(has_code(note.diagnostics, "twee-bad-annotation", 7));
    // Twee's own punctuation, so the garbage reaches deep into the reader. Indexed
    // modulo its size: the top 5 bits of x go up to 31, past its 24 characters (UBSan).
    constexpr std::string_view alphabet = ":: [[]]{}<>-!|\n@#abc \\\"x";
    std::uint64_t x = 99;
    for (int i = 0; i < 200; ++i) {
        std::string bytes;
        for (int b = 0; b < i * 7; ++b) {
            x = x * 6364136223846793005ull + 1442695040888963407ull;
            bytes += alphabet[(x >> 59) % alphabet.size()];
        }
        const Result<nlohmann::ordered_json> garbage = import_twee("garbage.twee", bytes);
        REQUIRE(garbage); // there is always a story, even from garbage
        CHECK(garbage->is_object());
        // Whatever it made of the bytes, every problem it found says where.
        for (const Diagnostic& d : garbage.diagnostics) {
            CHECK(d.line >= 1);
            CHECK_FALSE(d.code.empty());
        }
    }
}

TEST_CASE("twee: bytes that are not UTF-8 are a located error, and nothing throws on output") {
    const Result<nlohmann::ordered_json> imported =
        import_twee("latin1.twee", ":: Start\nCaf\xe9 au lait\n[[Go->End]]\n\n:: End\nDone.\n");
    REQUIRE(imported.diagnostics.size() == 1);
    const Diagnostic& d = imported.diagnostics[0];
    CHECK(d.code == "not-utf8");
    CHECK(d.line == 2);
    CHECK(d.column == 4);
    CHECK_NOTHROW(imported->dump(2)); // no invalid text reached the story
}

TEST_CASE("twee: a note of deeply nested JSON is refused, not recursed into") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    for (const std::string& twee :
         {":: Start\nHello. <!-- attune: {\"x\": " + deep + "} -->\n[[Go->End]]\n\n:: End\nDone.\n",
          ":: Start\n<!-- attune: {\"x\": " + deep +
              "} -->\nHello.\n[[Go->End]]\n\n:: End\nDone.\n",
          ":: Start\n[[Go->End]] <!-- attune: {\"x\": " + deep + "} -->\n\n:: End\nDone.\n",
          ":: StoryAttune\n{\"x\": " + deep + "}\n\n:: Start\n[[Go->End]]\n\n:: End\nDone.\n"}) {
        const Result<nlohmann::ordered_json> imported = import_twee("deep.twee", twee);
        CHECK(has_errors(imported.diagnostics));
    }
}

TEST_CASE("twee: a byte-order mark does not lose the title") {
    const Result<nlohmann::ordered_json> imported = import_twee(
        "bom.twee",
        "\xEF\xBB\xBF:: StoryTitle\nMarked\n\n:: Start\n[[Go->End]]\n\n:: End\nDone.\n");
    CHECK((*imported)["title"] == "Marked");
}

} // namespace attune
