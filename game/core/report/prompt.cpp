#include "report/prompt.h"

namespace attune::report {

std::vector<Prompt> discussion_prompts(const Scene& scene) {
    std::vector<Prompt> prompts;
    const SceneNotes& notes = scene.notes.get();
    for (std::size_t i = 0; i < notes.discussion.size(); ++i) {
        const bool personal = i < notes.discussion_personal.size() && notes.discussion_personal[i];
        prompts.push_back({notes.discussion[i], personal});
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
