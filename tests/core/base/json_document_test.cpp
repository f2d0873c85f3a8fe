#include "base/json_document.h"

#include <doctest/doctest.h>

using namespace attune;

namespace {

std::pair<int, int> pair_of(TextPosition at) {
    return {at.line, at.column};
}

} // namespace

TEST_CASE("json document: locating many pointers in one walk agrees with locating each") {
    const std::string text = "{\n  \"scenes\": [\n    {\"id\": \"a\", \"choices\": [1, 2]},\n"
                             "    {\"id\": \"b\", \"lines\": [\"x/y\", {\"if\": \"ü\"}]}\n  ],\n"
                             "  \"a~b\": {\"c/d\": true}\n}\n";
    Result<JsonDocument> document = parse_json_document("t.json", text);
    REQUIRE(document);
    const std::vector<std::string> pointers = {
        "/scenes/1/lines/1/if", "/scenes/0/choices/1", "/scenes/0", "", "/a~0b/c~1d",
        "/scenes/1/lines/1/if", // asked twice
        "/scenes/0/choices/7",  // missing: its nearest parent
        "/nothing/here",        // missing at the top: the document
    };
    const std::vector<TextPosition> found = locate_pointers(text, pointers);
    REQUIRE(found.size() == pointers.size());
    for (std::size_t i = 0; i < pointers.size(); ++i) {
        CAPTURE(pointers[i]);
        CHECK(pair_of(found[i]) == pair_of(document->locate(pointers[i])));
    }
    CHECK(pair_of(found[0]) == std::pair{4, 41});
    CHECK(pair_of(found[2]) == std::pair{3, 5});
    CHECK(pair_of(found[6]) == std::pair{3, 28});
    CHECK(pair_of(found[7]) == std::pair{1, 1});
}
