#include "model/params.h"

#include "base/json_document.h"
#include "base/json_fields.h"

#include <cmath>
#include <set>
#include <string>

namespace attune::model {

namespace {

using P = Params;

// One row per tunable: section, key, member, min, max, integer?, meaning.
constexpr ParamField fields[] = {
    {"asymmetry", "negativity_bias", &P::negativity_bias, 1, 10, false,
     "how many times more a safety drop weighs than a gain of the same listed size"},
    {"window", "resting_arousal", &P::resting_arousal, 0, 100, false,
     "arousal a character settles back to"},
    {"window", "low", &P::window_low, 0, 100, false, "below this arousal: shut down"},
    {"window", "high", &P::window_high, 0, 100, false, "above this arousal: flooded"},
    {"window", "narrowing_high", &P::window_narrowing_high, 0, 100, false,
     "how far the top of the window comes down at safety 0"},
    {"window", "narrowing_low", &P::window_narrowing_low, 0, 100, false,
     "how far the floor of the window rises at safety 0"},
    {"window", "pivot_safety", &P::window_pivot_safety, 1, 100, false,
     "below this safety the window starts to narrow"},
    {"decay", "arousal", &P::arousal_decay, 0, 1, false,
     "share of the distance to resting arousal recovered between choices"},
    {"decay", "ledger", &P::ledger_decay, 0, 1, false,
     "share of the ledger kept between choices (older moves fade)"},
    {"context", "distressed_at", &P::distressed_at, 0, 1, false,
     "how far toward flooding counts as distressed"},
    {"context", "advise_calm_safety", &P::advise_calm_safety, -10, 10, false,
     "safety change from advice given to a calm character"},
    {"context", "give_space_avoidant_gain", &P::give_space_avoidant_gain, 0, 20, false,
     "safety gain from space, times avoidance"},
    {"context", "give_space_anxious_hurt", &P::give_space_anxious_hurt, 0, 20, false,
     "safety drop from space without reassurance, times anxiety"},
    {"context", "give_space_reassured_gain", &P::give_space_reassured_gain, 0, 20, false,
     "safety gain when space comes with reassurance"},
    {"context", "humor_pivot_safety", &P::humor_pivot_safety, 0, 100, false,
     "safety at which humor turns from wounding to repairing"},
    {"context", "humor_band", &P::humor_band, 1, 100, false,
     "safety distance from the pivot at which humor has its full effect"},
    {"context", "humor_gain", &P::humor_gain, 0, 20, false, "safety gain of humor that lands"},
    {"context", "humor_wound", &P::humor_wound, 0, 20, false, "safety drop of humor that wounds"},
    {"context", "antidote_bonus", &P::antidote_bonus, 1, 5, false,
     "multiplier for an antidote right after its horseman"},
    {"context", "ambiguity_hurt", &P::ambiguity_hurt, 0, 20, false,
     "safety drop from a neutral move, times anxiety"},
    {"attachment", "anxiety_gain", &P::anxiety_gain, 0, 10, false,
     "extra hurt and arousal from being left, per unit of anxiety"},
    {"attachment", "avoidance_gain", &P::avoidance_gain, 0, 10, false,
     "extra distance from pressure, per unit of avoidance"},
    {"attachment", "disorganized_threshold", &P::disorganized_threshold, 0, 1, false,
     "anxiety and avoidance both at least this: approach and withdrawal alternate"},
    {"attachment", "disorganized_withdraw_probability", &P::disorganized_withdraw_probability, 0, 1,
     false, "chance a disorganized response withdraws instead of approaching"},
    {"attachment", "disorganized_swing", &P::disorganized_swing, 0, 50, false,
     "distance change of a disorganized approach or withdrawal"},
    {"attachment", "disorganized_arousal", &P::disorganized_arousal, 0, 50, false,
     "arousal added by a disorganized withdrawal"},
    {"flooding", "flooded_factor", &P::flooded_factor, 0, 1, false,
     "share of an attuned move's effect that reaches a flooded character"},
    {"override", "ledger_ratio", &P::ledger_ratio, 1, 20, false,
     "how many positive moves balance one negative move in the ledger"},
    {"override", "enter_negative", &P::override_enter_negative, -100, 0, false,
     "ledger balance below which negative override starts"},
    {"override", "leave_negative", &P::override_leave_negative, -100, 0, false,
     "ledger balance above which negative override ends"},
    {"override", "enter_positive", &P::override_enter_positive, 0, 100, false,
     "ledger balance above which positive override starts"},
    {"override", "leave_positive", &P::override_leave_positive, 0, 100, false,
     "ledger balance below which positive override ends"},
    {"override", "positive_gain", &P::override_positive_gain, 1, 5, false,
     "multiplier on gains under positive override"},
    {"override", "positive_cushion", &P::override_positive_cushion, 0, 1, false,
     "multiplier on drops under positive override"},
    {"override", "negative_discount", &P::override_negative_discount, 0, 1, false,
     "multiplier on gains under negative override"},
    {"override", "negative_sting", &P::override_negative_sting, 1, 5, false,
     "multiplier on drops under negative override"},
    {"override", "negative_neutral_hurt", &P::override_negative_neutral_hurt, 0, 20, false,
     "safety drop of a neutral move read as hostile under negative override"},
    {"rupture", "drop", &P::rupture_drop, 0, 100, false,
     "a safety drop at least this big in one move opens a rupture"},
    {"rupture", "disconnection_safety", &P::disconnection_safety, 0, 100, false,
     "crossing below this safety opens a rupture"},
    {"rupture", "carryover_steps", &P::carryover_steps, 0, 50, true,
     "moves after a repair during which safety stays below its pre-rupture value"},
    {"rupture", "carryover_gap", &P::carryover_gap, 0, 50, false,
     "how far below the pre-rupture value safety stays right after a repair"},
    {"repair", "need", &P::repair_need, 0, 100, false,
     "safety a repair must restore (after confidence) to land"},
    {"repair", "confidence_gain", &P::repair_confidence_gain, 0, 5, false,
     "repair confidence gained when a repair lands"},
    {"repair", "confidence_max", &P::repair_confidence_max, 0, 10, false,
     "most repair confidence a character can build"},
    {"repair", "double_deviation_window", &P::double_deviation_window, 0, 100, true,
     "moves after a repair during which the same rupture again is a double deviation"},
    {"repair", "double_deviation_factor", &P::double_deviation_factor, 0, 1, false,
     "multiplier on repair gains after a double deviation"},
    {"repair", "double_deviation_confidence_loss", &P::double_deviation_confidence_loss, 0, 10,
     false, "repair confidence lost to a double deviation"},
    {"deception", "ceiling_drop", &P::deception_ceiling_drop, 0, 100, false,
     "how far one deception lowers the trust ceiling"},
    {"deception", "ceiling_floor", &P::deception_ceiling_floor, 0, 100, false,
     "the trust ceiling never falls below this"},
    {"player", "resting_arousal", &P::player_resting_arousal, 0, 100, false,
     "the player's resting arousal"},
    {"player", "window_high", &P::player_window_high, 0, 100, false,
     "above this the player is flooded"},
    {"player", "arousal_decay", &P::player_arousal_decay, 0, 1, false,
     "share of the player's excess arousal recovered between choices"},
    {"speaker", "arousal_share", &P::speaker_arousal_share, 0, 2, false,
     "share of a harsh move's arousal that the character making it feels too"},
    {"speaker", "harsh_distress", &P::speaker_harsh_distress, 0, 1, false,
     "a character who makes a harsh move is at least this far toward flooding"},
    {"time", "recovery_half_life_minutes", &P::recovery_half_life_minutes, 0.1, 1440, false,
     "minutes of time passing in which everyone's excess arousal halves"},
};

constexpr std::string_view weight_keys[] = {"safety", "distance", "arousal", "player_arousal"};
constexpr double MoveWeights::*weight_members[] = {&MoveWeights::safety, &MoveWeights::distance,
                                                   &MoveWeights::arousal,
                                                   &MoveWeights::player_arousal};

std::string ptr(std::string_view a, std::string_view b = {}) {
    std::string out = "/" + std::string(a);
    if (!b.empty()) {
        out += "/" + std::string(b);
    }
    return out;
}

/// Walks a parsed params document, collecting every problem rather than stopping at one.
class Reader {
public:
    Reader(const JsonDocument& doc, std::vector<Diagnostic>& out) : doc_(doc), out_(out) {}

    void problem(std::string code, std::string pointer, std::string message, std::string fix) {
        out_.push_back(
            doc_.problem(std::move(code), std::move(pointer), std::move(message), std::move(fix)));
        ok_ = false;
    }

    void report(Diagnostic diagnostic) {
        out_.push_back(std::move(diagnostic));
        ok_ = false;
    }

    /// Reads a number at `json[key]` into `target`, checking type and range.
    void number(const nlohmann::json& object, const std::string& pointer, double min, double max,
                bool integer, double& target) {
        const std::string parent = pointer.substr(0, pointer.rfind('/'));
        const std::string key = pointer.substr(pointer.rfind('/') + 1);
        const std::string expected = std::string(integer ? "a whole number" : "a number") +
                                     " from " + number_words(min) + " to " + number_words(max);
        if (!object.contains(key)) {
            report(missing_key(doc_, parent, key, expected));
            return;
        }
        const nlohmann::json& value = object.at(key);
        if (!value.is_number()) {
            report(wrong_kind(doc_, pointer, key, expected, value));
            return;
        }
        const double x = value.get<double>();
        if (x < min || x > max || (integer && x != std::floor(x))) {
            report(out_of_range(doc_, pointer, key, x, min, max, integer));
            return;
        }
        target = x;
    }

    const nlohmann::json* object(const nlohmann::json& parent, std::string_view key,
                                 const std::string& pointer) {
        const std::string k(key);
        if (!parent.contains(k)) {
            report(missing_key(doc_, pointer.substr(0, pointer.rfind('/')), k, "an object"));
            return nullptr;
        }
        if (!parent.at(k).is_object()) {
            report(wrong_kind(doc_, pointer, k, "an object", parent.at(k)));
            return nullptr;
        }
        return &parent.at(k);
    }

    void unknown_keys(const nlohmann::json& object, const std::string& pointer,
                      const std::set<std::string>& known) {
        for (const auto& [key, value] : object.items()) {
            if (!known.contains(key)) {
                report(unknown_key(doc_, pointer + "/" + key, key,
                                   std::vector<std::string>(known.begin(), known.end())));
            }
        }
    }

    void moves(const nlohmann::json& root, Params& params) {
        const nlohmann::json* moves = object(root, "moves", "/moves");
        if (moves == nullptr) {
            return;
        }
        for (const auto& [name, value] : moves->items()) {
            if (!move_from_name(name)) {
                problem("unknown-move", "/moves/" + name, "\"" + name + "\" is not a move",
                        "use one of the moves listed in docs/model.md (snake_case)");
            }
        }
        for (Move move : all_moves()) {
            const std::string name(move_name(move));
            const nlohmann::json* entry = object(*moves, name, "/moves/" + name);
            if (entry == nullptr) {
                continue;
            }
            MoveWeights& weights = params.moves[static_cast<int>(move)];
            std::set<std::string> known;
            for (int i = 0; i < 4; ++i) {
                known.emplace(weight_keys[i]);
                number(*entry, "/moves/" + name + "/" + std::string(weight_keys[i]), -100, 100,
                       false, weights.*weight_members[i]);
            }
            unknown_keys(*entry, "/moves/" + name, known);
        }
    }

    void scalars(const nlohmann::json& root, Params& params) {
        std::set<std::string> sections{"moves", "version"};
        for (const ParamField& field : fields) {
            sections.emplace(field.section);
        }
        unknown_keys(root, "", sections);
        for (const std::string& section : sections) {
            if (section == "moves" || section == "version") {
                continue;
            }
            const nlohmann::json* object = this->object(root, section, ptr(section));
            if (object == nullptr) {
                continue;
            }
            std::set<std::string> known;
            for (const ParamField& field : fields) {
                if (field.section == section) {
                    known.emplace(field.key);
                    number(*object, ptr(section, field.key), field.min, field.max, field.integer,
                           params.*field.member);
                }
            }
            unknown_keys(*object, ptr(section), known);
        }
    }

    /// Relations between parameters that single ranges cannot express.
    void consistency(const Params& p) {
        if (!(p.window_low < p.resting_arousal && p.resting_arousal < p.window_high)) {
            problem("inconsistent-window", "/window",
                    "resting arousal must sit inside the window (low < resting_arousal < high)",
                    "lower \"low\" or raise \"high\"");
        }
        if (!(p.override_enter_negative < p.override_leave_negative)) {
            problem("no-hysteresis", "/override/enter_negative",
                    "enter_negative must be below leave_negative, or override cannot stick",
                    "make enter_negative more negative than leave_negative");
        }
        if (!(p.override_leave_positive < p.override_enter_positive)) {
            problem("no-hysteresis", "/override/enter_positive",
                    "enter_positive must be above leave_positive, or override cannot stick",
                    "make enter_positive larger than leave_positive");
        }
    }

    bool ok() const { return ok_; }

private:
    const JsonDocument& doc_;
    std::vector<Diagnostic>& out_;
    bool ok_ = true;
};

} // namespace

std::span<const ParamField> param_fields() {
    return fields;
}

Result<Params> load_params(const std::filesystem::path& path) {
    Result<JsonDocument> doc = read_json_document(path.string());
    Result<Params> result{std::nullopt, std::move(doc.diagnostics)};
    if (!doc) {
        return result;
    }
    Reader reader(*doc, result.diagnostics);
    if (!doc->value().is_object()) {
        reader.problem("wrong-type", "", "the model parameters must be a JSON object",
                       "start the file with { and end it with }");
        return result;
    }
    Params params;
    reader.moves(doc->value(), params);
    reader.scalars(doc->value(), params);
    if (reader.ok()) {
        reader.consistency(params);
    }
    if (reader.ok()) {
        result.value = std::move(params);
    }
    return result;
}

} // namespace attune::model
