#pragma once
// Every tunable number of the relational model. The values live in assets/model.json so a
// researcher or facilitator can change them without recompiling; docs/model.md explains
// each one and the research it stands on.

#include "base/result.h"
#include "model/moves.h"

#include <array>
#include <filesystem>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace attune::model {

/// The plain effect of one move before context, attachment and history reshape it.
/// Safety drops are listed at their "equal size" and multiplied by negativity_bias.
struct MoveWeights {
    double safety = 0;
    double distance = 0;
    double arousal = 0;
    double player_arousal = 0; ///< this move made toward the player (or by them, to regulate)
};

struct Params {
    std::array<MoveWeights, move_count> moves{};

    // Bad is stronger than good (Baumeister et al. 2001; Gottman's 5:1).
    double negativity_bias = 0;

    // Window of tolerance (Siegel 1999) and how low safety narrows it.
    double resting_arousal = 0;
    double window_low = 0;
    double window_high = 0;
    double window_narrowing_high = 0; ///< the top comes down this much at safety 0
    double window_narrowing_low = 0;  ///< the floor rises this much at safety 0
    double window_pivot_safety = 0;   ///< below this safety the window narrows

    // Two timescales: fast arousal, slow safety; the ledger fades.
    double arousal_decay = 0;
    double ledger_decay = 0;

    // Context.
    double distressed_at = 0;      ///< distress (0..1 of the way to flooding) named "distressed"
    double advise_calm_safety = 0; ///< advise to a calm person
    double give_space_avoidant_gain = 0;
    double give_space_anxious_hurt = 0;
    double give_space_reassured_gain = 0;
    double humor_pivot_safety = 0;
    double humor_band = 0;
    double humor_gain = 0;
    double humor_wound = 0;
    double antidote_bonus = 0;
    double ambiguity_hurt = 0; ///< how much an anxious character reads a neutral move as rejection

    // Attachment filters (Collins & Feeney; Fraley et al.; van IJzendoorn et al.).
    double anxiety_gain = 0;
    double avoidance_gain = 0;
    double disorganized_threshold = 0;
    double disorganized_withdraw_probability = 0;
    double disorganized_swing = 0;
    double disorganized_arousal = 0;

    // Flooding (Gottman & Levenson).
    double flooded_factor = 0;

    // Sentiment override with hysteresis (Weiss 1980).
    double ledger_ratio = 0;
    double override_enter_negative = 0;
    double override_leave_negative = 0;
    double override_enter_positive = 0;
    double override_leave_positive = 0;
    double override_positive_gain = 0;
    double override_positive_cushion = 0;
    double override_negative_discount = 0;
    double override_negative_sting = 0;
    double override_negative_neutral_hurt = 0;

    // Rupture, repair and still-face carry-over (Safran & Muran; Mesman et al. 2009).
    double rupture_drop = 0;
    double disconnection_safety = 0;
    double carryover_steps = 0;
    double carryover_gap = 0;
    double repair_need = 0;
    double repair_confidence_gain = 0;
    double repair_confidence_max = 0;

    // Double deviation (de Matos et al. 2007) and deception (Schweitzer et al. 2006).
    double double_deviation_window = 0;
    double double_deviation_factor = 0;
    double double_deviation_confidence_loss = 0;
    double deception_ceiling_drop = 0;
    double deception_ceiling_floor = 0;

    // The player's own arousal.
    double player_resting_arousal = 0;
    double player_window_high = 0;
    double player_arousal_decay = 0;

    // The speaker's own activation (R20: harsh expression goes with arousal in the speaker).
    double speaker_arousal_share = 0;  ///< share of a harsh move's arousal the speaker feels too
    double speaker_harsh_distress = 0; ///< a harsh move leaves the speaker at least this distressed

    // Time passing (R6: physiological recovery takes about twenty minutes).
    double recovery_half_life_minutes = 0; ///< minutes in which excess arousal halves
};

/// One scalar parameter: where it lives in model.json, its range, and what it means.
struct ParamField {
    std::string_view section;
    std::string_view key;
    double Params::*member;
    double min;
    double max;
    bool integer;
    std::string_view help;
};

/// Every scalar parameter, in file order (used by the loader, the docs and tests).
std::span<const ParamField> param_fields();

/// Reads and validates a params file. Problems (missing keys, wrong types, out-of-range
/// numbers, unknown move names) are located diagnostics; there are no params then.
Result<Params> load_params(const std::filesystem::path& path);

} // namespace attune::model
