#pragma once
// A character's and the player's state as JSON, for saves and traces.

#include "model/relational_model.h"

#include <nlohmann/json_fwd.hpp>

namespace attune::model {

nlohmann::json to_json(const State& state);
State state_from_json(const nlohmann::json& json); ///< throws std::runtime_error on bad data
nlohmann::json to_json(const PlayerState& player);
PlayerState player_from_json(const nlohmann::json& json);

} // namespace attune::model
