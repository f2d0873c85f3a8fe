// Loading assets/model.json and refusing broken parameter files with located, plain messages.

#include "model/params.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

using namespace attune;
using namespace attune::model;

namespace {

std::filesystem::path fixture(const char* name) {
    return std::filesystem::path(ATTUNE_SOURCE_DIR) / "tests/data/model" / name;
}

const Diagnostic* find(const std::vector<Diagnostic>& ds, const std::string& code,
                       const std::string& pointer) {
    const auto it = std::find_if(ds.begin(), ds.end(), [&](const Diagnostic& d) {
        return d.code == code && d.pointer == pointer;
    });
    return it == ds.end() ? nullptr : &*it;
}

} // namespace

TEST_CASE("model params: the bundled assets/model.json loads cleanly") {
    const Result<Params> p =
        load_params(std::filesystem::path(ATTUNE_SOURCE_DIR) / "assets/model.json");
    REQUIRE(p);
    CHECK(p.diagnostics.empty());
    // Bad is stronger than good, and contempt is listed as the heaviest move.
    CHECK(p->negativity_bias > 1);
    const double contempt = p->moves[static_cast<int>(Move::Contempt)].safety;
    for (Move m : all_moves()) {
        CHECK(p->moves[static_cast<int>(m)].safety >= contempt);
    }
    // Every scalar field was read (none left at its zero placeholder where zero is invalid).
    for (const ParamField& f : param_fields()) {
        CAPTURE(f.key);
        CHECK((*p).*f.member >= f.min);
        CHECK((*p).*f.member <= f.max);
    }
}

TEST_CASE("model params: wrong types, unknown moves, out-of-range and missing keys are located") {
    Result<Params> loaded = load_params(fixture("broken_values.json"));
    CHECK_FALSE(loaded);
    const std::vector<Diagnostic>& ds = loaded.diagnostics;

    const Diagnostic* type = find(ds, "wrong-type", "/asymmetry/negativity_bias");
    REQUIRE(type != nullptr);
    CHECK(type->line == 210);
    CHECK(type->column > 0);
    // The same words as a story's wrong type (base/json_fields.h).
    CHECK(type->message.starts_with("'negativity_bias' should be a number from "));
    CHECK(type->message.ends_with(" but is text"));

    const Diagnostic* move = find(ds, "unknown-move", "/moves/validte");
    REQUIRE(move != nullptr);
    CHECK(move->line == 202);
    CHECK(move->message == "\"validte\" is not a move");

    const Diagnostic* range = find(ds, "out-of-range", "/decay/arousal");
    REQUIRE(range != nullptr);
    CHECK(range->line == 222);
    CHECK(range->message == "'arousal' is 1.5, outside 0 to 1");
    CHECK_FALSE(range->fix.empty());

    const Diagnostic* missing = find(ds, "missing-key", "/flooding");
    REQUIRE(missing != nullptr);
    CHECK(missing->message.find("flooded_factor") != std::string::npos);
    CHECK(missing->line > 0);

    CHECK(find(ds, "out-of-range", "/rupture/carryover_steps") != nullptr); // not whole
    CHECK(find(ds, "unknown-key", "/window/hihg") != nullptr);
    CHECK(std::all_of(ds.begin(), ds.end(), [](const Diagnostic& d) {
        return d.file.find("broken_values.json") != std::string::npos;
    }));
}

TEST_CASE("model params: a missing move and a null weight are reported") {
    Result<Params> loaded = load_params(fixture("missing_move.json"));
    CHECK_FALSE(loaded);
    const std::vector<Diagnostic>& ds = loaded.diagnostics;
    CHECK(find(ds, "missing-key", "/moves") != nullptr);
    CHECK(find(ds, "wrong-type", "/moves/apologize/safety") != nullptr);
}

TEST_CASE("model params: override thresholds without hysteresis are refused") {
    Result<Params> loaded = load_params(fixture("no_hysteresis.json"));
    CHECK_FALSE(loaded);
    const std::vector<Diagnostic>& ds = loaded.diagnostics;
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].code == "no-hysteresis");
    CHECK(ds[0].line > 0);
}

TEST_CASE("model params: broken JSON and a missing file give one clear diagnostic") {
    Result<Params> loaded = load_params(fixture("not_json.json"));
    CHECK_FALSE(loaded);
    const std::vector<Diagnostic>& ds = loaded.diagnostics;
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].line == 4);
    loaded = load_params(fixture("does_not_exist.json"));
    CHECK_FALSE(loaded);
    REQUIRE(loaded.diagnostics.size() == 1);
    CHECK(has_errors(loaded.diagnostics));
}
