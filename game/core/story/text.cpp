#include "story/text.h"

#include "base/holes.h"

#include <vector>

namespace attune {

bool split_template(std::string_view source, Template& out, std::string& problem, int& column) {
    out.source = source;
    out.split.reset();
    std::vector<TextPiece> pieces;
    if (!split_holes(source, pieces, problem, column)) {
        return false;
    }
    // Parts are offsets into `source`. A literal piece with a brace in it was written with
    // the brace doubled, so it is not one run of the source: it becomes a part ending at
    // each brace's first copy, and the second copy is stepped over.
    std::size_t at = 0;
    for (const TextPiece& piece : pieces) {
        if (piece.is_hole) {
            out.split.edit().push_back({static_cast<std::uint32_t>(at + 1),
                                        static_cast<std::uint32_t>(piece.text.size()),
                                        {},
                                        false});
            at += piece.text.size() + 2;
            continue;
        }
        std::size_t from = 0;
        while (from < piece.text.size()) {
            const std::size_t brace = piece.text.find_first_of("{}", from);
            const std::size_t end = brace == std::string::npos ? piece.text.size() : brace + 1;
            out.split.edit().push_back(
                {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(end - from), {}, true});
            at += end - from + (brace == std::string::npos ? 0 : 1);
            from = end;
        }
    }
    return true;
}

bool set_pronouns(const std::string& pronouns, model::Profile& profile) {
    std::vector<std::string> forms;
    std::size_t start = 0;
    while (start <= pronouns.size()) {
        const std::size_t slash = pronouns.find('/', start);
        const std::size_t end = slash == std::string::npos ? pronouns.size() : slash;
        forms.push_back(pronouns.substr(start, end - start));
        start = end + 1;
    }
    for (const std::string& form : forms) {
        if (form.empty() || form.find(' ') != std::string::npos) {
            return false;
        }
    }
    if (forms.size() == 3) {
        profile.subject = forms[0];
        profile.object = forms[1];
        profile.possessive = forms[2];
        profile.plural_verbs = forms[0] == "they";
        return true;
    }
    struct Known {
        const char* subject;
        const char* object;
        const char* possessive;
        bool plural;
    };
    static constexpr Known known[] = {
        {"she", "her", "her", false}, {"he", "him", "his", false}, {"they", "them", "their", true}};
    if (forms.size() == 2) {
        for (const Known& k : known) {
            if (forms[0] == k.subject && forms[1] == k.object) {
                profile.subject = k.subject;
                profile.object = k.object;
                profile.possessive = k.possessive;
                profile.plural_verbs = k.plural;
                return true;
            }
        }
    }
    return false;
}

} // namespace attune
