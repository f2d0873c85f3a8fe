#include "report/prompt.h"

namespace attune::report {

namespace {

// The room's side of issue 11 adds the marker to the story format as
// `Scene::discussion_personal` (one flag per prompt). Read tolerantly until both are on
// main: then this becomes the plain expression of its first branch.
template <class SceneType> bool is_personal(const SceneType& scene, std::size_t prompt) {
    if constexpr (requires { scene.discussion_personal; }) {
        return prompt < scene.discussion_personal.size() && scene.discussion_personal[prompt];
    } else {
        return false;
    }
}

} // namespace

std::vector<Prompt> discussion_prompts(const Scene& scene) {
    std::vector<Prompt> prompts;
    for (std::size_t i = 0; i < scene.discussion.size(); ++i) {
        prompts.push_back({scene.discussion[i], is_personal(scene, i)});
    }
    return prompts;
}

std::vector<Prompt> reflection_prompts(const Ending& ending) {
    std::vector<Prompt> prompts;
    for (const std::string& text : ending.reflection) {
        prompts.push_back({text, false});
    }
    return prompts;
}

} // namespace attune::report
