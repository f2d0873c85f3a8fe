// invalid_utf8_at: where text stops being UTF-8, at each edge of the encoding's rules
// (lead bytes, continuation bytes, overlong forms, surrogates, past U+10FFFF, cut short).

#include "base/json_document.h"

#include <doctest/doctest.h>

#include <string>

namespace {

using attune::invalid_utf8_at;

constexpr std::size_t valid = std::string_view::npos;

// The bytes after "ab", then "z": valid gives npos, invalid the offset of the bad lead (2).
std::size_t check(std::string bytes) {
    return invalid_utf8_at("ab" + bytes + "z");
}

} // namespace

TEST_CASE("utf8: each lead byte at the edges of its range") {
    CHECK(check("\x7f") == valid);
    CHECK(check("\x80") == 2);         // a continuation byte cannot lead
    CHECK(check("\xc1\xbf") == 2);     // overlong: U+007F in two bytes
    CHECK(check("\xc2\x80") == valid); // U+0080, the first two-byte character
    CHECK(check("\xc2\xa3") == valid); // £
    CHECK(check("\xdf\xbf") == valid); // U+07FF
    CHECK(check("\xe0\x9f\xbf") == 2); // overlong three bytes
    CHECK(check("\xe0\xa0\x80") == valid);
    CHECK(check("\xed\x9f\xbf") == valid); // U+D7FF, just below the surrogates
    CHECK(check("\xed\xa0\x80") == 2);     // U+D800, a surrogate
    CHECK(check("\xef\xbf\xbf") == valid); // U+FFFF
    CHECK(check("\xf0\x8f\xbf\xbf") == 2); // overlong four bytes
    CHECK(check("\xf0\x90\x80\x80") == valid);
    CHECK(check("\xf4\x8f\xbf\xbf") == valid); // U+10FFFF, the last there is
    CHECK(check("\xf4\x90\x80\x80") == 2);     // past U+10FFFF
    CHECK(check("\xf5\x80\x80\x80") == 2);
    CHECK(check("\xff") == 2);
}

TEST_CASE("utf8: continuation bytes must follow, and a sequence may not be cut short") {
    CHECK(check("\xc3\x41") == 2);         // a letter where a continuation belongs
    CHECK(check("\xe2\x82\x41") == 2);     // the third byte missing
    CHECK(check("\xf0\x9f\x98\x41") == 2); // the fourth byte missing
    CHECK(check("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80") == valid); // é € 😀
    CHECK(invalid_utf8_at("ab\xc3") == 2);                         // the text ends first
    CHECK(invalid_utf8_at("ab\xe2\x82") == 2);
    CHECK(invalid_utf8_at("ab\xf0\x9f\x98") == 2);
    CHECK(invalid_utf8_at("") == valid);
    CHECK(invalid_utf8_at("caf\xc3\xa9 \xff") == 6); // the first bad byte, after good ones
}
