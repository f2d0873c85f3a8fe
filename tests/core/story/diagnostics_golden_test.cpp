// Every problem the loader finds in the broken fixtures (tests/data/broken) and in a set
// of single edits to late-bus.json, in the words an author reads (file:line:column, the
// JSON path, the message and the fix), against a golden file
// (tests/data/story-diagnostics.txt). To accept a deliberate change, run with
// ATTUNE_UPDATE_GOLDEN=1 and read the changed lines by eye before committing them.

#include "support.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace {

using namespace attune;
using nlohmann::json;
namespace fs = std::filesystem;

std::string problems(const std::string& name, const std::string& text) {
    const Result<std::shared_ptr<const Story>> result = load_story_text(name, text);
    std::string out = "== " + name + (result ? " (loads)" : " (refused)") + "\n";
    for (const Diagnostic& d : result.diagnostics) {
        out += format(d) + "\n";
    }
    return out;
}

// One edit to late-bus.json: a value at a JSON pointer, or the key removed.
std::string edited(const char* pointer, const json* value) {
    json story =
        json::parse(test::read_text(test::source_dir() / "tests/data/stories/late-bus.json"));
    const json::json_pointer at(pointer);
    if (value) {
        story[at] = *value;
    } else {
        story[at.parent_pointer()].erase(at.back());
    }
    return problems(std::string("late-bus ") + pointer + " = " +
                        (value ? value->dump() : std::string("(removed)")),
                    story.dump(2));
}

} // namespace

TEST_CASE(
    "diagnostics golden: every problem in the broken fixtures and edits, as authors read it") {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(test::source_dir() / "tests/data/broken")) {
        if (entry.path().extension() == ".json") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 17);
    std::string actual;
    for (const fs::path& file : files) {
        actual += problems(file.filename().string(), test::read_text(file));
    }
    const std::pair<const char*, json> edits[] = {
        {"/start", "qiet"},
        {"/relationship", "cousin"},
        {"/age_band", "toddler"},
        {"/minutes", 601},
        {"/characters/0/pronouns", "xe"},
        {"/characters/0/window", {{"low", 80}, {"high", 20}}},
        {"/characters/0/feels", "upset"},
        {"/scenes/0/choices/0/moves/0/move", "listen"},
        {"/scenes/0/choices/0/moves/0/move", "Turn-Toward"},
        {"/scenes/0/choices/0/moves/0/to", "renn"},
        {"/scenes/0/choices/0/next", "quite"},
        {"/scenes/0/choices/0/when_unavailable", "show"},
        {"/scenes/0/choices/0/id", "breath"},
        {"/scenes/0/choices/0/effects", {{"add", {{"patients", 1}}}}},
        {"/scenes/0/choices/0/effects", {{"set", {"apologised"}}}},
        {"/scenes/0/lines/1/speaker", "Ren"},
        {"/scenes/0/lines/0", "{ren.nme} waits."},
        {"/scenes/0/lines/0", "{ren.name waits."},
        {"/scenes/1/time", "an age"},
        {"/endings/0/kind", "happy"},
        {"/endings/0/reflection", json::array()},
        {"/scenes/2/choices/1/if", "ren.safety <"},
        {"/variables/patience", "lots"},
        {"/flags/0", "Apologized"},
        {"/content_notes", "lateness"},
    };
    for (const auto& [pointer, value] : edits) {
        actual += edited(pointer, &value);
    }
    for (const char* removed : {"/title", "/characters/0/id", "/scenes/0/choices/0/moves",
                                "/scenes/0/choices/0/next", "/endings/0/kind"}) {
        actual += edited(removed, nullptr);
    }
    test::matches_golden(actual, test::source_dir() / "tests/data/story-diagnostics.txt");
}
