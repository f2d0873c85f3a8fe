// Twee in and out against golden files (tests/data/twee/golden/): every .twee fixture
// imported (the story in its canonical layout, then each diagnostic with its place), and
// every fixture story exported to Twee. Made from fixtures only, so only a change to the
// import, the export or the layout moves them. To accept a deliberate change, run with
// ATTUNE_UPDATE_GOLDEN=1 and read the changed files by eye before committing them.

#include "interchange/story_text.h"
#include "interchange/twee.h"
#include "support.h"


namespace {

using namespace attune;
namespace fs = std::filesystem;

std::string diagnostics_text(const std::vector<Diagnostic>& diagnostics) {
    std::string out;
    for (const Diagnostic& d : diagnostics) {
        out += std::string(d.severity == Severity::Error     ? "error "
                           : d.severity == Severity::Warning ? "warning "
                                                             : "note ") +
               d.code + " " + std::to_string(d.line) + ":" + std::to_string(d.column) + " " +
               d.pointer + "\n  " + d.message + "\n  fix: " + d.fix + "\n";
    }
    return out;
}

void matches_golden(const std::string& actual, const std::string& name) {
    test::matches_golden(actual, test::source_dir() / "tests/data/twee/golden" / name);
}

} // namespace

TEST_CASE("interchange golden: each Twee fixture imports as the golden says") {
    const std::vector<fs::path> files =
        test::files_in(test::source_dir() / "tests/data/twee", ".twee");
    REQUIRE(files.size() >= 4);
    for (const fs::path& file : files) {
        CAPTURE(file.filename().string());
        const Result<nlohmann::ordered_json> imported =
            import_twee(file.filename().string(), test::read_text(file));
        matches_golden((imported ? story_text(*imported) : std::string("(no story)\n")) + "--\n" +
                           diagnostics_text(imported.diagnostics),
                       file.stem().string() + ".imported");
    }
}

TEST_CASE("interchange golden: each fixture story exports to Twee as the golden says") {
    const std::vector<fs::path> files = test::fixture_stories();
    REQUIRE(files.size() >= 14);
    for (const fs::path& file : files) {
        CAPTURE(file.filename().string());
        const nlohmann::json story = nlohmann::json::parse(test::read_text(file));
        const Result<std::string> exported = export_twee(file.filename().string(), story);
        matches_golden((exported ? *exported : std::string("(no Twee)\n")) + "--\n" +
                           diagnostics_text(exported.diagnostics),
                       file.parent_path().filename().string() + "-" + file.stem().string() +
                           ".twee.out");
    }
}
