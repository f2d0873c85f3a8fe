#include "story/text.h"

#include <vector>

namespace attune {

bool split_template(const std::string& source, Template& out, std::string& problem, int& column) {
    out.source = source;
    out.parts.clear();
    std::string literal;
    auto flush = [&] {
        if (!literal.empty()) {
            out.parts.push_back({literal, {}, true});
            literal.clear();
        }
    };
    for (std::size_t i = 0; i < source.size(); ++i) {
        const char c = source[i];
        const char next = i + 1 < source.size() ? source[i + 1] : '\0';
        if ((c == '{' && next == '{') || (c == '}' && next == '}')) {
            literal += c;
            ++i;
        } else if (c == '{') {
            const std::size_t close = source.find('}', i);
            if (close == std::string::npos || close == i + 1) {
                problem =
                    close == std::string::npos ? "a '{' is never closed" : "'{}' names nothing";
                column = static_cast<int>(i) + 1;
                return false;
            }
            flush();
            out.parts.push_back({source.substr(i + 1, close - i - 1), {}, false});
            i = close;
        } else if (c == '}') {
            problem = "a '}' has no matching '{'";
            column = static_cast<int>(i) + 1;
            return false;
        } else {
            // Plain text up to the next brace is copied in one go (templates are mostly text).
            const std::size_t brace = source.find_first_of("{}", i);
            const std::size_t end = brace == std::string::npos ? source.size() : brace;
            literal.append(source, i, end - i);
            i = end - 1;
        }
    }
    flush();
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
