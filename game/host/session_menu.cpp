#include "session_menu.h"

namespace attune::host {

Menu menu_of(const Session& session) {
    Menu menu;
    if (session.is_finished()) {
        return menu;
    }
    menu.scene_id = session.scene().id;
    for (const ShownLine& line : session.lines()) {
        menu.lines.push_back(
            line.speaker >= 0
                ? session.story().characters[static_cast<std::size_t>(line.speaker)].profile.name +
                      ": " + line.text
                : line.text);
    }
    for (const ChoiceView& choice : session.choices()) {
        menu.choices.push_back(MenuChoice{choice.id, choice.text, choice.enabled, choice.reason});
    }
    return menu;
}

int choice_index_at(const Session& session, int position) {
    const std::vector<ChoiceView> choices = session.choices();
    if (position < 0 || position >= static_cast<int>(choices.size())) {
        return -1;
    }
    return choices[static_cast<std::size_t>(position)].index;
}

} // namespace attune::host
