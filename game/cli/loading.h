#pragma once
// Loading shared by the subcommands: the model parameters and a story, with every
// problem printed in full to stderr.

#include "model/params.h"
#include "story/story.h"

#include <memory>
#include <string>

namespace attune::cli {

/// The parameters from assets/model.json (or `path` when given); null after printing why.
std::shared_ptr<const model::Params> load_params_or_explain(const std::string& path = "");

/// The story at `path` (the default story when empty); null after printing why.
std::shared_ptr<const Story> load_story_or_explain(const std::string& path);

/// A seed from the system when the user gave none.
std::uint64_t fresh_seed();

} // namespace attune::cli
