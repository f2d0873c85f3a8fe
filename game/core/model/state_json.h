#pragma once
// A character's and the player's state as JSON, for saves and traces.

#include "base/result.h"
#include "model/relational_model.h"

#include <nlohmann/json_fwd.hpp>

namespace attune::model {

nlohmann::json to_json(const State& state);
/// The state in `json`, or an error naming what is missing or wrong.
Result<State> state_from_json(const nlohmann::json& json);
nlohmann::json to_json(const PlayerState& player);
/// The player's state in `json`, or an error naming what is missing or wrong.
Result<PlayerState> player_from_json(const nlohmann::json& json);

} // namespace attune::model
