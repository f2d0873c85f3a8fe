// Twee import must stay linear in the number of links: at these sizes quadratic work
// takes many minutes, and ctest gives these tests 60 s (tests/CMakeLists.txt).

#include "interchange/twee.h"

#include <doctest/doctest.h>

namespace attune {

TEST_CASE("stays linear: twee import of 100,000 identical links and 100,000 distinct ones") {
    std::string same = ":: Start\n";
    std::string distinct = ":: Start\n";
    for (int i = 0; i < 100000; ++i) {
        same += "[[Go on->End]]";
        distinct += "[[Go " + std::to_string(i) + "->End]]";
    }
    for (const std::string& start : {same, distinct}) {
        const Result<nlohmann::ordered_json> imported =
            import_twee("links.twee", start + "\n\n:: End\nDone.\n");
        REQUIRE((*imported)["scenes"].size() == 1);
        CHECK((*imported)["scenes"][0]["choices"].size() == 100000);
        CHECK(
            (*imported)["scenes"][0]["choices"][99999]["id"].get<std::string>().starts_with("go"));
    }
}

} // namespace attune
