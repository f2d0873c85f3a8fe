#pragma once
// Finds everything in an HTML page that would make a browser fetch something: attributes
// naming another file or address, CSS url(...) that is not data:, @import, and elements
// that load by nature (script, link, iframe, object, embed). Used to prove the printed
// pages are self-contained.

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace attune::test {

inline std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

/// Whether a reference stays inside the page: a fragment or inline data.
inline bool stays_inside(std::string value) {
    value = lower(value);
    const std::size_t start = value.find_first_not_of(" \t\n\"'");
    value = start == std::string::npos ? "" : value.substr(start);
    return value.empty() || value[0] == '#' || value.rfind("data:", 0) == 0;
}

/// Every url(...) and @import in a piece of CSS that leaves the page.
inline void check_css(const std::string& css, std::vector<std::string>& found) {
    const std::string low = lower(css);
    if (low.find("@import") != std::string::npos) {
        found.push_back("@import");
    }
    for (std::size_t at = low.find("url("); at != std::string::npos;
         at = low.find("url(", at + 4)) {
        const std::size_t close = low.find(')', at);
        const std::string inside =
            css.substr(at + 4, close == std::string::npos ? std::string::npos : close - at - 4);
        if (!stays_inside(inside)) {
            found.push_back("url(" + inside + ")");
        }
    }
}

/// What in `html` refers outside the page; empty when it is self-contained.
inline std::vector<std::string> external_references(const std::string& html) {
    static const std::vector<std::string> loading_attributes = {
        "src",  "href",       "xlink:href", "srcset",   "action",   "formaction", "poster",
        "data", "background", "ping",       "manifest", "codebase", "cite",       "longdesc"};
    static const std::vector<std::string> loading_elements = {
        "script", "link",  "iframe", "frame",  "object", "embed",
        "img",    "audio", "video",  "source", "base",   "meta http-equiv=\"refresh\""};
    std::vector<std::string> found;
    std::size_t at = 0;
    while ((at = html.find('<', at)) != std::string::npos) {
        const std::size_t end = html.find('>', at);
        if (end == std::string::npos) {
            found.push_back("an unclosed tag");
            break;
        }
        const std::string tag = html.substr(at + 1, end - at - 1);
        const std::string low = lower(tag);
        for (const std::string& element : loading_elements) {
            if (low.rfind(element, 0) == 0 &&
                (low.size() == element.size() ||
                 !std::isalnum(static_cast<unsigned char>(low[element.size()])))) {
                found.push_back("<" + tag + ">");
            }
        }
        // Attributes: name=value pairs after the element name.
        std::size_t i = low.find_first_of(" \t\n");
        while (i != std::string::npos && i < low.size()) {
            const std::size_t name_start = low.find_first_not_of(" \t\n/", i);
            if (name_start == std::string::npos) {
                break;
            }
            const std::size_t name_end = low.find_first_of("= \t\n", name_start);
            const std::string name = low.substr(name_start, name_end - name_start);
            if (name_end == std::string::npos || low[name_end] != '=') {
                i = name_end;
                continue;
            }
            std::size_t value_start = name_end + 1;
            std::size_t value_end = 0;
            if (tag[value_start] == '"' || tag[value_start] == '\'') {
                value_end = tag.find(tag[value_start], value_start + 1);
                ++value_start;
            } else {
                value_end = tag.find_first_of(" \t\n", value_start);
            }
            const std::string value =
                tag.substr(value_start, value_end == std::string::npos ? std::string::npos
                                                                       : value_end - value_start);
            if (std::find(loading_attributes.begin(), loading_attributes.end(), name) !=
                    loading_attributes.end() &&
                !stays_inside(value)) {
                found.push_back(name + "=" + value);
            }
            if (name == "style") {
                check_css(value, found);
            }
            i = value_end == std::string::npos ? value_end : value_end + 1;
        }
        if (low.rfind("style", 0) == 0) {
            const std::size_t close = lower(html).find("</style", end);
            check_css(html.substr(end + 1, close - end - 1), found);
            at = close == std::string::npos ? html.size() : close;
            continue;
        }
        at = end + 1;
    }
    return found;
}

} // namespace attune::test
