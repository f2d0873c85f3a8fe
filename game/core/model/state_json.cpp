// Saving and loading the model's state. Every field round-trips exactly (nlohmann writes
// doubles in round-trip-exact form), so a loaded save reproduces the session bit for bit.

#include "model/state_json.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace attune::model {

std::string_view override_name(Override o) {
    return o == Override::Negative ? "negative" : o == Override::Positive ? "positive" : "neutral";
}

namespace {

Override override_from_name(const std::string& name) {
    if (name == "negative") {
        return Override::Negative;
    }
    if (name == "positive") {
        return Override::Positive;
    }
    if (name == "neutral") {
        return Override::Neutral;
    }
    throw std::runtime_error("override must be negative, neutral or positive, not \"" + name +
                             "\"");
}

/// Reads json[key] as T, naming the field when it is missing or of the wrong type.
template <typename T> T field(const nlohmann::json& json, const char* key) {
    if (!json.contains(key)) {
        throw std::runtime_error(std::string("relational state is missing \"") + key + "\"");
    }
    const nlohmann::json& value = json.at(key);
    const bool ok = std::is_same_v<T, bool>     ? value.is_boolean()
                    : std::is_same_v<T, double> ? value.is_number()
                                                : value.is_number_integer();
    if (!ok) {
        throw std::runtime_error(std::string("relational state field \"") + key +
                                 "\" has the wrong type");
    }
    return value.get<T>();
}

// Runs `read` on `json`; what it throws becomes the result's error.
template <class T, class Read> Result<T> reading(const nlohmann::json& json, Read read) {
    try {
        return {read(json), {}};
    } catch (const std::exception& e) {
        return {std::nullopt, {plain(Severity::Error, e.what())}};
    }
}

State state_or_throw(const nlohmann::json& json);
PlayerState player_or_throw(const nlohmann::json& json);

} // namespace

// The field lists below are written out twice (out and in); the round-trip test in
// tests/core/model_regularities_test.cpp catches a field added to one and not the other.
nlohmann::json to_json(const State& s) {
    return {{"safety", s.safety},
            {"distance", s.distance},
            {"arousal", s.arousal},
            {"resting_arousal", s.resting_arousal},
            {"window_low", s.window_low},
            {"window_high", s.window_high},
            {"positive_ledger", s.positive_ledger},
            {"negative_ledger", s.negative_ledger},
            {"override", override_name(s.override)},
            {"repair_confidence", s.repair_confidence},
            {"trust_ceiling", s.trust_ceiling},
            {"bids_made", s.bids_made},
            {"bids_answered", s.bids_answered},
            {"rupture_open", s.rupture_open},
            {"rupture_kind", s.rupture_kind},
            {"rupture_step", s.rupture_step},
            {"last_repaired_kind", s.last_repaired_kind},
            {"last_repair_step", s.last_repair_step},
            {"repairs_landed", s.repairs_landed},
            {"ruptures", s.ruptures},
            {"step", s.step},
            {"on_break", s.on_break},
            {"base_window_low", s.base_window_low},
            {"base_window_high", s.base_window_high},
            {"pre_rupture_safety", s.pre_rupture_safety},
            {"repair_progress", s.repair_progress},
            {"carryover_left", s.carryover_left},
            {"double_deviation", s.double_deviation},
            {"last_move", s.last_move}};
}

Result<State> state_from_json(const nlohmann::json& json) {
    return reading<State>(json, state_or_throw);
}

Result<PlayerState> player_from_json(const nlohmann::json& json) {
    return reading<PlayerState>(json, player_or_throw);
}

namespace {

State state_or_throw(const nlohmann::json& json) {
    if (!json.is_object()) {
        throw std::runtime_error("relational state must be a JSON object");
    }
    State s;
    s.safety = field<double>(json, "safety");
    s.distance = field<double>(json, "distance");
    s.arousal = field<double>(json, "arousal");
    s.resting_arousal = field<double>(json, "resting_arousal");
    s.window_low = field<double>(json, "window_low");
    s.window_high = field<double>(json, "window_high");
    s.positive_ledger = field<double>(json, "positive_ledger");
    s.negative_ledger = field<double>(json, "negative_ledger");
    if (!json.contains("override") || !json.at("override").is_string()) {
        throw std::runtime_error("relational state needs \"override\" as a string");
    }
    s.override = override_from_name(json.at("override").get<std::string>());
    s.repair_confidence = field<double>(json, "repair_confidence");
    s.trust_ceiling = field<double>(json, "trust_ceiling");
    s.bids_made = field<int>(json, "bids_made");
    s.bids_answered = field<int>(json, "bids_answered");
    s.rupture_open = field<bool>(json, "rupture_open");
    s.rupture_kind = field<int>(json, "rupture_kind");
    s.rupture_step = field<int>(json, "rupture_step");
    s.last_repaired_kind = field<int>(json, "last_repaired_kind");
    s.last_repair_step = field<int>(json, "last_repair_step");
    s.repairs_landed = field<int>(json, "repairs_landed");
    s.ruptures = field<int>(json, "ruptures");
    s.step = field<int>(json, "step");
    s.on_break = field<bool>(json, "on_break");
    s.base_window_low = field<double>(json, "base_window_low");
    s.base_window_high = field<double>(json, "base_window_high");
    s.pre_rupture_safety = field<double>(json, "pre_rupture_safety");
    s.repair_progress = field<double>(json, "repair_progress");
    s.carryover_left = field<int>(json, "carryover_left");
    s.double_deviation = field<bool>(json, "double_deviation");
    s.last_move = field<int>(json, "last_move");
    if (s.rupture_kind >= move_count || s.last_repaired_kind >= move_count ||
        s.last_move >= move_count) {
        throw std::runtime_error("relational state names a move that does not exist");
    }
    return s;
}

} // namespace

nlohmann::json to_json(const PlayerState& p) {
    return {{"arousal", p.arousal},
            {"resting_arousal", p.resting_arousal},
            {"window_high", p.window_high}};
}

namespace {

PlayerState player_or_throw(const nlohmann::json& json) {
    if (!json.is_object()) {
        throw std::runtime_error("player state must be a JSON object");
    }
    PlayerState p;
    p.arousal = field<double>(json, "arousal");
    p.resting_arousal = field<double>(json, "resting_arousal");
    p.window_high = field<double>(json, "window_high");
    return p;
}

} // namespace

} // namespace attune::model
