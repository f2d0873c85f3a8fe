#include "base/holes.h"

#include <algorithm>

namespace attune {

bool split_holes(std::string_view source, std::vector<TextPiece>& out, std::string& problem,
                 int& column) {
    out.clear();
    std::string literal;
    auto flush = [&] {
        if (!literal.empty()) {
            out.push_back({std::move(literal), false});
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
            if (close == std::string_view::npos || close == i + 1) {
                problem = close == std::string_view::npos ? "a '{' is never closed"
                                                          : "'{}' names nothing";
                column = static_cast<int>(i) + 1;
                return false;
            }
            flush();
            out.push_back({std::string(source.substr(i + 1, close - i - 1)), true});
            i = close;
        } else if (c == '}') {
            problem = "a '}' has no matching '{'";
            column = static_cast<int>(i) + 1;
            return false;
        } else {
            // Plain text up to the next brace is copied in one go (texts are mostly text).
            // Two finds, not find_first_of("{}"), which calls memchr once per character.
            const std::size_t end =
                std::min(std::min(source.find('{', i), source.find('}', i)), source.size());
            literal.append(source.substr(i, end - i));
            i = end - 1;
        }
    }
    flush();
    return true;
}

} // namespace attune
