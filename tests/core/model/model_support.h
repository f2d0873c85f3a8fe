#pragma once
// Shared helpers for the relational-model tests: the real parameters from assets/model.json,
// the starting point, and short ways to run a scenario through simulate().

#include "model/params.h"
#include "model/relational_model.h"
#include "model/simulation.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

namespace attune::model::test {

inline const Params& params() {
    static const Params loaded = [] {
        Result<Params> p =
            load_params(std::filesystem::path(ATTUNE_SOURCE_DIR) / "assets/model.json");
        REQUIRE_MESSAGE(p, "assets/model.json must load");
        return *p;
    }();
    return loaded;
}

/// The starting point: safety 50, distance 50, arousal at rest, anxiety and avoidance 0.3.
inline Profile start(double anxiety = 0.3, double avoidance = 0.3) {
    Profile p;
    p.name = "Sam";
    p.anxiety = anxiety;
    p.avoidance = avoidance;
    p.safety = 50;
    p.distance = 50;
    return p;
}

/// "validate,criticize" or "@contempt,validate" as simulation steps.
inline std::vector<SimStep> steps(const std::string& list) {
    std::vector<SimStep> out;
    std::stringstream stream(list);
    std::string name;
    while (std::getline(stream, name, ',')) {
        const std::optional<SimStep> step = parse_sim_step(name);
        REQUIRE_MESSAGE(step.has_value(), "unknown move in test: " << name);
        out.push_back(*step);
    }
    return out;
}

/// `list` repeated `times` times, comma-joined.
inline std::string repeat(const std::string& list, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) {
        out += (out.empty() ? "" : ",") + list;
    }
    return out;
}

inline std::vector<SimRow> run(const Profile& profile, const std::string& list,
                               std::uint64_t seed = 1) {
    return simulate(params(), profile, steps(list), seed);
}

/// The rows of the moves only (drops the final "end" row when a rupture is still open).
inline std::vector<SimRow> moves_only(std::vector<SimRow> rows) {
    if (!rows.empty() && rows.back().move == "end") {
        rows.pop_back();
    }
    return rows;
}

/// Change in safety made by the last move of `list` run from `profile`.
inline double last_safety_change(const Profile& profile, const std::string& list) {
    const std::vector<SimRow> rows = moves_only(run(profile, list));
    REQUIRE(rows.size() >= 1);
    const double before = rows.size() >= 2 ? rows[rows.size() - 2].state.safety : profile.safety;
    return rows.back().state.safety - before;
}

inline double final_safety(const Profile& profile, const std::string& list) {
    return moves_only(run(profile, list)).back().state.safety;
}

} // namespace attune::model::test
