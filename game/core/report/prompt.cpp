#include "report/prompt.h"

namespace attune::report {

std::vector<Prompt> discussion_prompts(const Scene& scene) {
    std::vector<Prompt> prompts;
    for (std::size_t i = 0; i < scene.discussion.size(); ++i) {
        const bool personal = i < scene.discussion_personal.size() && scene.discussion_personal[i];
        prompts.push_back({scene.discussion[i], personal});
    }
    return prompts;
}

std::vector<Prompt> reflection_prompts(const Ending& ending) {
    std::vector<Prompt> prompts;
    for (const attune::Prompt& prompt : ending.reflection) {
        prompts.push_back({prompt.text, false});
    }
    return prompts;
}

} // namespace attune::report
