// Issue 16 as an author meets it on the command line: fmt and a round trip that keeps the
// file, pictures of a run, the graph saying what it wrote, one choice numbering.

#include "run_attune.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace attune {
namespace {

namespace fs = std::filesystem;

using test::attune;
using test::contains;
using test::Run;

fs::path temp(const std::string& name) {
    return test::temp_path("authors", name);
}

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

/// An XML element as the parser below reads it.
struct Element {
    std::string name;
    std::map<std::string, std::string> attributes;
};

/// A strict little XML reader, enough for SVG: every tag closed in order, attributes quoted,
/// entities only the five XML ones. Returns false on anything else.
bool parse_xml(const std::string& text, std::vector<Element>& elements) {
    std::vector<std::string> open;
    std::size_t at = 0;
    if (text.rfind("<?xml", 0) == 0) {
        at = text.find("?>");
        if (at == std::string::npos) {
            return false;
        }
        at += 2;
    }
    while (at < text.size()) {
        const std::size_t lt = text.find('<', at);
        const std::string between =
            text.substr(at, lt == std::string::npos ? std::string::npos : lt - at);
        for (std::size_t amp = between.find('&'); amp != std::string::npos;
             amp = between.find('&', amp + 1)) {
            const std::string rest = between.substr(amp);
            if (rest.rfind("&amp;", 0) && rest.rfind("&lt;", 0) && rest.rfind("&gt;", 0) &&
                rest.rfind("&quot;", 0) && rest.rfind("&apos;", 0)) {
                return false;
            }
        }
        if (lt == std::string::npos) {
            break;
        }
        const std::size_t gt = text.find('>', lt);
        if (gt == std::string::npos) {
            return false;
        }
        std::string tag = text.substr(lt + 1, gt - lt - 1);
        at = gt + 1;
        if (tag.empty()) {
            return false;
        }
        if (tag[0] == '/') {
            if (open.empty() || open.back() != tag.substr(1)) {
                return false;
            }
            open.pop_back();
            continue;
        }
        const bool self_closing = tag.back() == '/';
        if (self_closing) {
            tag.pop_back();
        }
        Element element;
        std::size_t i = tag.find_first_of(" \n\t");
        element.name = tag.substr(0, i);
        while (i != std::string::npos && i < tag.size()) {
            i = tag.find_first_not_of(" \n\t", i);
            if (i == std::string::npos) {
                break;
            }
            const std::size_t eq = tag.find('=', i);
            if (eq == std::string::npos || eq + 1 >= tag.size() || tag[eq + 1] != '"') {
                return false;
            }
            const std::size_t close = tag.find('"', eq + 2);
            if (close == std::string::npos) {
                return false;
            }
            element.attributes[tag.substr(i, eq - i)] = tag.substr(eq + 2, close - eq - 2);
            i = close + 1;
        }
        elements.push_back(element);
        if (!self_closing) {
            open.push_back(element.name);
        }
    }
    return open.empty() && !elements.empty() && elements[0].name == "svg";
}

std::size_t count(const std::vector<Element>& elements, const std::string& name,
                  const std::string& css_class) {
    std::size_t n = 0;
    for (const Element& e : elements) {
        const auto it = e.attributes.find("class");
        n += e.name == name && it != e.attributes.end() && it->second == css_class ? 1 : 0;
    }
    return n;
}

} // namespace

TEST_CASE("cli authors: fmt lays a story out once; a Twine round trip then changes one line") {
    const fs::path story = temp("late-bus.json");
    fs::copy_file(fs::path(ATTUNE_SOURCE_DIR) / "tests/data/stories/late-bus.json", story);
    const Run formatted = attune("fmt " + story.string());
    CHECK(formatted.status == 0);
    CHECK(formatted.output == "Rewrote " + story.string() + " in Attune's layout.\n");
    CHECK(attune("fmt --check " + story.string()).status == 0);
    CHECK(attune("check " + story.string()).status == 0);
    const std::string laid_out = read(story);
    CHECK(contains(laid_out, "\"moves\": [{ \"move\": \"minimize\", \"to\": \"ren\" }],"));

    const fs::path twee = temp("late-bus.twee");
    const fs::path back = temp("late-bus-back.json");
    REQUIRE(attune("export " + story.string() + " -o " + twee.string()).status == 0);
    std::string passages = read(twee);
    const auto at = passages.find("Okay. Sorry again.");
    REQUIRE(at != std::string::npos);
    passages.replace(at, 18, "Okay. Sorry. Again.");
    std::ofstream(twee, std::ios::binary) << passages;
    REQUIRE(attune("import " + twee.string() + " -o " + back.string()).status == 0);
    const std::vector<std::string> before = lines_of(laid_out);
    const std::vector<std::string> after = lines_of(read(back));
    REQUIRE(before.size() == after.size());
    std::vector<std::size_t> changed;
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (before[i] != after[i]) {
            changed.push_back(i);
        }
    }
    REQUIRE(changed.size() == 1);
    CHECK(contains(after[changed[0]], "Okay. Sorry. Again."));
    CHECK(after[1] == before[1]); // the author's own "$schema" path is kept

    // The layout the author never ran fmt on is reported, and changed only when asked.
    const fs::path raw = temp("raw.json");
    fs::copy_file(fs::path(ATTUNE_SOURCE_DIR) / "tests/data/explore/never-enabled.json", raw);
    const std::string untouched = read(raw);
    const Run checked = attune("fmt --check " + raw.string());
    CHECK(checked.status == 1);
    CHECK(read(raw) == untouched);
    for (const fs::path& p : {story, twee, back, raw}) {
        fs::remove(p);
    }
}

TEST_CASE("cli authors: sim and text draw a run as a self-contained SVG") {
    const fs::path svg = temp("run.svg");
    const Run sim =
        attune("sim --character anxiety=0.7,avoidance=0.2,name=Maya,pronouns=she "
               "--moves validate,contempt,criticize,apologize,take_responsibility,reflect -o " +
               svg.string());
    CHECK(sim.status == 0);
    CHECK(sim.output == "Wrote a picture of 6 moves to " + svg.string() + ".\n");
    std::vector<Element> elements;
    REQUIRE(parse_xml(read(svg), elements));
    CHECK(count(elements, "g", "character") == 1);
    CHECK(count(elements, "polygon", "window") == 1);
    for (const char* line : {"safety", "distance", "arousal"}) {
        REQUIRE(count(elements, "polyline", line) == 1);
    }
    for (const Element& e : elements) {
        if (e.name == "polyline") { // the start and one point per move
            const std::string& points = e.attributes.at("points");
            CHECK(std::count(points.begin(), points.end(), ',') == 7);
        }
        CHECK(e.attributes.count("href") == 0); // nothing outside the file
    }
    CHECK(count(elements, "path", "rupture") == 1);
    CHECK(count(elements, "circle", "repair") == 1);
    CHECK(attune("sim --character anxiety=0.5 --moves validate -o run.png").status == 2);

    const Run text = attune("text tests/data/stories/the-group-project.json --seed 1 --choices "
                            "1,2,1,1,1,2,1 --plot " +
                            svg.string());
    CHECK(text.status == 0);
    CHECK(contains(text.output, "Wrote a picture of the 7 choices to " + svg.string() + "."));
    elements.clear();
    REQUIRE(parse_xml(read(svg), elements));
    CHECK(count(elements, "g", "character") == 2);
    CHECK(count(elements, "path", "rupture") == 1); // Maya's falling-out, at the start
    CHECK(count(elements, "circle", "repair") == 1);
    CHECK(count(elements, "text", "step") == 2 * 8);
    fs::remove(svg);
}

TEST_CASE("cli authors: graph says what it wrote and dots the conditional choices") {
    const fs::path dot = temp("map.dot");
    const Run graph = attune("graph tests/data/stories/the-group-project.json -o " + dot.string());
    CHECK(graph.status == 0);
    CHECK(graph.output == "Wrote the map of 12 scenes, 3 endings and 29 choices (2 with a "
                          "condition, drawn dotted) to " +
                              dot.string() + ".\n");
    const std::string text = read(dot);
    CHECK(
        contains(text, "\"bus-stop\" -> \"second-draft\" [label=\"redo\\nif not anyone.rupture\""));
    CHECK(contains(text, "style=dotted"));
    fs::remove(dot);
}

TEST_CASE("cli authors: one choice numbering in text, replay lines and play --choices") {
    // late-bus: after its-fine and call-back, "lecture" is 2 and struck through.
    const Run struck = attune("text tests/data/stories/late-bus.json --seed 1 --choices 1,1,2,1");
    CHECK(contains(struck.output, "  2. \"Next time leave earlier.\" (not open yet:"));
    CHECK(contains(struck.output, "That choice isn't open right now:"));
    CHECK(contains(struck.output, "~ Cake for breakfast ~"));
    const Run help = attune("play --help");
    CHECK(contains(help.output, "struck-through"));
}

} // namespace attune
