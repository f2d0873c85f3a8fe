// Loading assets/model.json and refusing broken parameter files with located, plain messages.

#include "model/params.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <unistd.h>
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

// Every model parameter's accepted range, at its edges: the range is part of the file
// format authors and researchers rely on, so it is written out here, not read from the code.

using namespace attune;
using namespace attune::model;

namespace {

struct Range {
    const char* section;
    const char* key;
    double min;
    double max;
    bool integer;
};

nlohmann::json bundled() {
    std::ifstream in(std::filesystem::path(ATTUNE_SOURCE_DIR) / "assets/model.json");
    return nlohmann::json::parse(in);
}

// The problems loading `params` gives at `pointer`, by code.
std::vector<std::string> codes_at(const nlohmann::json& params, const std::string& pointer) {
    const auto file = std::filesystem::temp_directory_path() /
                      ("attune-params-" + std::to_string(::getpid()) + ".json");
    std::ofstream(file) << params.dump(2);
    const std::vector<Diagnostic> diagnostics = load_params(file).diagnostics;
    std::filesystem::remove(file);
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics) {
        // Relations between parameters (a window that leaves out rest, no hysteresis) are
        // checked elsewhere; here only the field's own checks count.
        if (d.pointer == pointer && d.code != "no-hysteresis" && d.code != "inconsistent-window") {
            out.push_back(d.code);
        }
    }
    return out;
}

} // namespace

TEST_CASE("model params: every parameter accepts its range and refuses just past it") {
    const Range ranges[] = {
        {"asymmetry", "negativity_bias", 1, 10, false},
        {"window", "resting_arousal", 0, 100, false},
        {"window", "low", 0, 100, false},
        {"window", "high", 0, 100, false},
        {"window", "narrowing_high", 0, 100, false},
        {"window", "narrowing_low", 0, 100, false},
        {"window", "pivot_safety", 1, 100, false},
        {"decay", "arousal", 0, 1, false},
        {"decay", "ledger", 0, 1, false},
        {"context", "distressed_at", 0, 1, false},
        {"context", "advise_calm_safety", -10, 10, false},
        {"context", "give_space_avoidant_gain", 0, 20, false},
        {"context", "give_space_anxious_hurt", 0, 20, false},
        {"context", "give_space_reassured_gain", 0, 20, false},
        {"context", "humor_pivot_safety", 0, 100, false},
        {"context", "humor_band", 1, 100, false},
        {"context", "humor_gain", 0, 20, false},
        {"context", "humor_wound", 0, 20, false},
        {"context", "antidote_bonus", 1, 5, false},
        {"context", "ambiguity_hurt", 0, 20, false},
        {"attachment", "anxiety_gain", 0, 10, false},
        {"attachment", "avoidance_gain", 0, 10, false},
        {"attachment", "disorganized_withdraw_probability", 0, 1, false},
        {"attachment", "disorganized_threshold", 0, 1, false},
        {"attachment", "disorganized_swing", 0, 50, false},
        {"attachment", "disorganized_arousal", 0, 50, false},
        {"flooding", "flooded_factor", 0, 1, false},
        {"override", "ledger_ratio", 1, 20, false},
        {"override", "enter_negative", -100, 0, false},
        {"override", "leave_negative", -100, 0, false},
        {"override", "enter_positive", 0, 100, false},
        {"override", "leave_positive", 0, 100, false},
        {"override", "positive_gain", 1, 5, false},
        {"override", "positive_cushion", 0, 1, false},
        {"override", "negative_discount", 0, 1, false},
        {"override", "negative_sting", 1, 5, false},
        {"override", "negative_neutral_hurt", 0, 20, false},
        {"rupture", "drop", 0, 100, false},
        {"rupture", "disconnection_safety", 0, 100, false},
        {"rupture", "carryover_steps", 0, 50, true},
        {"rupture", "carryover_gap", 0, 50, false},
        {"repair", "need", 0, 100, false},
        {"repair", "confidence_gain", 0, 5, false},
        {"repair", "confidence_max", 0, 10, false},
        {"repair", "double_deviation_window", 0, 100, true},
        {"repair", "double_deviation_factor", 0, 1, false},
        {"deception", "ceiling_drop", 0, 100, false},
        {"deception", "ceiling_floor", 0, 100, false},
        {"player", "resting_arousal", 0, 100, false},
        {"player", "window_high", 0, 100, false},
        {"player", "arousal_decay", 0, 1, false},
        {"speaker", "arousal_share", 0, 2, false},
        {"speaker", "harsh_distress", 0, 1, false},
        {"time", "recovery_half_life_minutes", 0.1, 1440, false},
        {"repair", "double_deviation_confidence_loss", 0, 10, false},
    };
    CHECK(std::size(ranges) == param_fields().size());
    const nlohmann::json base = bundled();
    for (const Range& r : ranges) {
        const std::string pointer = std::string("/") + r.section + "/" + r.key;
        CAPTURE(pointer);
        const double step = r.integer ? 1 : 0.5;
        for (const double inside : {r.min, r.max}) {
            nlohmann::json params = base;
            params[r.section][r.key] = inside;
            CHECK(codes_at(params, pointer).empty());
        }
        for (const double outside : {r.min - step, r.max + step}) {
            nlohmann::json params = base;
            params[r.section][r.key] = outside;
            CHECK(codes_at(params, pointer) == std::vector<std::string>{"out-of-range"});
        }
        if (r.integer) {
            nlohmann::json params = base;
            params[r.section][r.key] = r.min + 0.5;
            CHECK(codes_at(params, pointer) == std::vector<std::string>{"out-of-range"});
        }
    }
}

TEST_CASE("model params: move weights run from -100 to 100") {
    const nlohmann::json base = bundled();
    for (const char* weight : {"safety", "distance", "arousal", "player_arousal"}) {
        CAPTURE(weight);
        const std::string pointer = std::string("/moves/criticize/") + weight;
        for (const double inside : {-100.0, 100.0}) {
            nlohmann::json params = base;
            params["moves"]["criticize"][weight] = inside;
            CHECK(codes_at(params, pointer).empty());
        }
        for (const double outside : {-100.5, 100.5}) {
            nlohmann::json params = base;
            params["moves"]["criticize"][weight] = outside;
            CHECK(codes_at(params, pointer) == std::vector<std::string>{"out-of-range"});
        }
    }
}

namespace {

// Every problem loading `params` gives, as "code pointer".
std::vector<std::string> all_problems(const nlohmann::json& params) {
    const auto file = std::filesystem::temp_directory_path() /
                      ("attune-params-all-" + std::to_string(::getpid()) + ".json");
    std::ofstream(file) << params.dump(2);
    const Result<Params> params_loaded = load_params(file);
    const bool loaded = static_cast<bool>(params_loaded);
    const std::vector<Diagnostic>& diagnostics = params_loaded.diagnostics;
    std::filesystem::remove(file);
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics) {
        out.push_back(d.code + " " + d.pointer);
    }
    CHECK(loaded == out.empty());
    return out;
}

} // namespace

TEST_CASE("model params: thresholds that must differ are refused when equal") {
    const nlohmann::json base = bundled();
    CHECK(all_problems(base).empty());
    using rows = std::vector<std::string>;

    nlohmann::json p = base;
    p["override"]["enter_negative"] = p["override"]["leave_negative"];
    CHECK(all_problems(p) == rows{"no-hysteresis /override/enter_negative"});
    p["override"]["enter_negative"] = p["override"]["leave_negative"].get<double>() - 0.5;
    CHECK(all_problems(p).empty());

    p = base;
    p["override"]["enter_positive"] = p["override"]["leave_positive"];
    CHECK(all_problems(p) == rows{"no-hysteresis /override/enter_positive"});
    p["override"]["enter_positive"] = p["override"]["leave_positive"].get<double>() + 0.5;
    CHECK(all_problems(p).empty());

    // Resting arousal must sit strictly inside the window.
    const double rest = base["window"]["resting_arousal"];
    p = base;
    p["window"]["low"] = rest;
    CHECK(all_problems(p) == rows{"inconsistent-window /window"});
    p["window"]["low"] = rest - 0.5;
    CHECK(all_problems(p).empty());
    p = base;
    p["window"]["high"] = rest;
    CHECK(all_problems(p) == rows{"inconsistent-window /window"});
    p["window"]["high"] = rest + 0.5;
    CHECK(all_problems(p).empty());
}

namespace {

// Every problem loading `params` gives, as "code pointer: message".
std::vector<std::string> problems_of(const nlohmann::json& params) {
    const auto file = std::filesystem::temp_directory_path() /
                      ("attune-params-" + std::to_string(::getpid()) + "-all.json");
    std::ofstream(file) << params.dump(2);
    const Result<Params> loaded = load_params(file);
    std::filesystem::remove(file);
    CHECK_FALSE(loaded);
    std::vector<std::string> out;
    for (const Diagnostic& d : loaded.diagnostics) {
        out.push_back(d.code + " " + d.pointer + ": " + d.message);
        CHECK(d.line > 0);
    }
    return out;
}

} // namespace

TEST_CASE("model params: a section or a move that is not an object is one problem, said so") {
    nlohmann::json params = bundled();
    params["decay"] = 5;
    CHECK(
        problems_of(params) ==
        std::vector<std::string>{"wrong-type /decay: 'decay' should be an object but is a number"});
    params = bundled();
    params["moves"]["validate"] = nlohmann::json::array();
    CHECK(problems_of(params) ==
          std::vector<std::string>{"wrong-type /moves/validate: 'validate' should be an object "
                                   "but is a list"});
    params = bundled();
    params["moves"].erase("validate");
    CHECK(problems_of(params) ==
          std::vector<std::string>{"missing-key /moves: missing 'validate'"});
    params = bundled();
    params.erase("decay");
    CHECK(problems_of(params) == std::vector<std::string>{"missing-key : missing 'decay'"});
    CHECK(problems_of(nlohmann::json::array({1})) ==
          std::vector<std::string>{"wrong-type : the model parameters must be a JSON object"});
}
