// Twee import piece by piece: a plain Twine story with no StoryAttune passage, read into
// exactly this story, and each kind of broken header, link or note, at its line and column.

#include "interchange/twee.h"
#include "support.h"

namespace attune {

namespace {

const char* const kitchen_twee = R"tw(:: StoryTitle
Kitchen Talk

:: StoryData
{"ifid": "X", "start": "Kitchen"}

:: Kitchen [mood] {"position":"100,100"}
<!-- attune: {"facilitator_note": "Go slow."} -->
mum: You're late again.
A { plain } brace, {{kept}}, and a {mum.name} hole. <!-- attune: {"if": "mum.safety < 50"} -->
[[Say sorry->Sorry Place]] <!-- attune: #sorry repair@mum -->
[[Leave]]
[[Shrug|Leave]] <!-- attune: withdraw@mum {"if": "mum.safety > 10"} -->
(set: $x to 1)

:: Sorry Place [ending:repaired]
mum: Thanks.

:: Leave
The door closes.
)tw";

const char* const kitchen_json = R"tw({
  "$schema": "./schema.json",
  "format": 1,
  "id": "kitchen-talk",
  "title": "Kitchen Talk",
  "version": "1.0.0",
  "summary": "Imported from Twine.",
  "relationship": "friend",
  "minutes": 5,
  "age_band": "12+",
  "author": "unknown",
  "start": "kitchen",
  "characters": [
    {
      "id": "mum",
      "name": "Mum",
      "pronouns": "they/them",
      "role": "friend",
      "anxiety": 0.3,
      "avoidance": 0.3,
      "safety": 50,
      "distance": 50
    }
  ],
  "scenes": [
    {
      "id": "kitchen",
      "title": "Kitchen",
      "facilitator_note": "Go slow.",
      "lines": [
        {
          "speaker": "mum",
          "text": "You're late again."
        },
        {
          "text": "A {{ plain }} brace, {{kept}}, and a {mum.name} hole.",
          "if": "mum.safety < 50"
        },
        "(set: $x to 1)"
      ],
      "choices": [
        {
          "id": "sorry",
          "text": "Say sorry",
          "moves": [
            {
              "move": "repair",
              "to": "mum"
            }
          ],
          "next": "sorry-place"
        },
        {
          "id": "leave",
          "text": "Leave",
          "moves": [
            {
              "move": "neutral"
            }
          ],
          "next": "leave"
        },
        {
          "id": "shrug",
          "text": "Shrug",
          "moves": [
            {
              "move": "withdraw",
              "to": "mum"
            }
          ],
          "if": "mum.safety > 10",
          "next": "leave"
        }
      ]
    }
  ],
  "endings": [
    {
      "id": "sorry-place",
      "kind": "repaired",
      "title": "Sorry Place",
      "lines": [
        {
          "speaker": "mum",
          "text": "Thanks."
        }
      ]
    },
    {
      "id": "leave",
      "kind": "open",
      "title": "Leave",
      "lines": [
        "The door closes."
      ]
    }
  ]
}
)tw";

std::vector<std::string> located(const std::vector<Diagnostic>& diagnostics) {
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics) {
        out.push_back(std::string(d.severity == Severity::Error ? "error " : "warning ") + d.code +
                      " " + std::to_string(d.line) + ":" + std::to_string(d.column));
    }
    return out;
}

} // namespace

TEST_CASE("twee import: a plain Twine story becomes exactly this story") {
    const Result<nlohmann::ordered_json> imported = import_twee("k.twee", kitchen_twee);
    CHECK(nlohmann::json::parse(imported->dump()) == nlohmann::json::parse(kitchen_json));
    CHECK(imported->dump(2) + "\n" == kitchen_json); // keys in the order authors expect
    CHECK(located(imported.diagnostics) ==
          std::vector<std::string>{"warning twee-defaults 1:1", "warning twee-defaults 1:1",
                                   "warning twee-macro 14:1", "warning twee-no-move 12:1",
                                   "warning twee-open-ending 19:1"});
    for (const Diagnostic& d : imported.diagnostics) {
        CHECK(d.file == "k.twee");
    }
}

TEST_CASE("twee import: each broken piece is found at its line and column") {
    const std::string head = ":: StoryTitle\nT\n\n";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {":: A [tag\n[[B]]\n:: B\nEnd.\n", "error twee-bad-header 4:6"},
        {":: A {oops\n[[B]]\n:: B\nEnd.\n", "warning twee-bad-metadata 4:6"},
        {"::   \n:: A\n[[B]]\n:: B\nEnd.\n", "error twee-bad-header 4:3"},
        {":: A\n[[B]]\n:: B\nEnd.\n:: b\nAgain.\n", "error twee-duplicate-passage 8:1"},
        {":: A\nSay [[B and more\n:: B\nEnd.\n", "error twee-bad-link 5:5"},
        {":: A\n[[B]] <!-- attune: ask\n:: B\nEnd.\n", "error twee-bad-annotation 5:7"},
        {":: A\n[[B]] <!-- attune: ask {\"if\": } -->\n:: B\nEnd.\n",
         "error twee-bad-annotation 5:1"},
        {":: A\n[[B]] <!-- attune: hug@x -->\n:: B\nEnd.\n", "error twee-unknown-move 5:1"},
        {":: A\n[[B]]\n:: B [ending:happy]\nEnd.\n", "error twee-bad-ending 6:1"},
        {":: A\n[[B]]\n:: B [ending]\nEnd. [[A]]\n", "error twee-ending-with-links 6:1"},
        {":: StoryData\n{\"start\": \"Nowhere\"}\n:: A\n[[B]]\n:: B\nEnd.\n",
         "error twee-unknown-start 1:1"},
        {":: StoryData\n{\"start\": \n:: A\n[[B]]\n:: B\nEnd.\n", "error twee-bad-json 5:10"},
        {":: A\n[[B]]\n:: B\nEnd.\n:: Code [script]\nalert(1);\n", "warning twee-code-passage 8:1"},
        {"", "warning twee-before-passage 1:1"}, // stray text before the title, below
    };
    for (const auto& [body, expected] : cases) {
        CAPTURE(body);
        const Result<nlohmann::ordered_json> imported = import_twee(
            "x.twee",
            body.empty() ? "Stray text.\n" + head + ":: A\n[[B]]\n:: B\nEnd.\n" : head + body);
        std::vector<std::string> found;
        for (const std::string& row : located(imported.diagnostics)) {
            if (row.find("twee-defaults") == std::string::npos &&
                row.find("twee-no-move") == std::string::npos &&
                row.find("twee-open-ending") == std::string::npos) {
                found.push_back(row);
            }
        }
        INFO("found: " << (found.empty() ? "" : found[0]) << " and " << found.size() - 1
                       << " more");
        CHECK(found == std::vector<std::string>{expected});
    }
}

TEST_CASE("twee import: Windows line endings read like plain ones") {
    std::string crlf;
    for (const char ch : std::string(kitchen_twee)) {
        crlf += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
    }
    const Result<nlohmann::ordered_json> plain = import_twee("k.twee", kitchen_twee);
    const Result<nlohmann::ordered_json> windows = import_twee("k.twee", crlf);
    CHECK(*windows == *plain);
    CHECK(located(windows.diagnostics) == located(plain.diagnostics));
}

TEST_CASE("twee import: braces that are not holes stay literal") {
    const Result<nlohmann::ordered_json> imported = import_twee(
        "b.twee", ":: A [ending]\nEmpty {} and {two words} and {x}, {{kept}}, a } and a {\n");
    REQUIRE((*imported)["endings"].size() == 1);
    CHECK((*imported)["endings"][0]["lines"][0] ==
          "Empty {{}} and {{two words}} and {x}, {{kept}}, a }} and a {{");
}
TEST_CASE("twee import: without StoryAttune, a speaker is named by the exact id of a character") {
    const Result<nlohmann::ordered_json> imported =
        import_twee("s.twee", ":: A [ending]\nmum: Hi. <!-- attune: {\"if\": \"true\"} -->\n"
                              "Mum: Hello.\nbob: Hey.\n[[A]] <!-- attune: ask@mum -->\n");
    const auto& lines = (*imported)["endings"][0]["lines"];
    REQUIRE(lines.size() == 3);
    CHECK(lines[0]["speaker"] == "mum");
    CHECK(lines[1] == "Mum: Hello.");
    CHECK(lines[2] == "bob: Hey.");
}

TEST_CASE("twee import: without StoryAttune, characters come only from inside notes") {
    const Result<nlohmann::ordered_json> imported = import_twee(
        "c.twee", ":: A\n[[B]] <!-- attune: ask@mum --> write to me@work\n:: B [ending]\nEnd.\n");
    REQUIRE((*imported)["characters"].size() == 1);
    CHECK((*imported)["characters"][0]["id"] == "mum");
    CHECK((*imported)["characters"][0]["name"] == "Mum");
}

TEST_CASE("twee import: a move aimed at no one ('ask@') names no character") {
    const Result<nlohmann::ordered_json> imported =
        import_twee("c.twee", ":: A [comfort@]\n[[B]] <!-- attune: ask@mum reflect@ -->\n"
                              ":: B [ending]\nEnd.\n");
    REQUIRE((*imported)["characters"].size() == 1);
    CHECK((*imported)["characters"][0]["id"] == "mum");
}

TEST_CASE("twee import: a link to a passage named in another case suggests the name") {
    const Result<nlohmann::ordered_json> imported =
        import_twee("n.twee", ":: A\n[[the kitchen]]\n:: The Kitchen [ending]\nEnd.\n");
    const auto it =
        std::find_if(imported.diagnostics.begin(), imported.diagnostics.end(),
                     [](const Diagnostic& d) { return d.code == "twee-unknown-passage"; });
    REQUIRE(it != imported.diagnostics.end());
    CHECK(it->line == 2);
    CHECK(it->fix ==
          "Name an existing passage (names are case-sensitive). Did you mean 'The Kitchen'?");
}

} // namespace attune

namespace attune {

TEST_CASE("twee import: an ending's note gives its fields, but never its lines or choices") {
    const Result<nlohmann::ordered_json> imported = import_twee(
        "e.twee", ":: A\n[[B]]\n:: B [ending:repaired]\n"
                  "<!-- attune: {\"lines\": [\"From the note.\"], \"choices\": "
                  "[], \"title\": \"Home\", \"reflection\": [\"Why?\"]} -->\nThe end.\n");
    REQUIRE(imported);
    const nlohmann::ordered_json& endings = (*imported)["endings"];
    REQUIRE(endings.size() == 1);
    const nlohmann::ordered_json& ending = endings[0];
    CHECK(ending["id"] == "b");
    CHECK(ending["kind"] == "repaired");
    CHECK(ending["title"] == "Home");
    CHECK(ending["lines"] == nlohmann::ordered_json::array({"The end."}));
    CHECK(ending["reflection"] == nlohmann::ordered_json::array({"Why?"}));
    CHECK_FALSE(ending.contains("choices"));
}

} // namespace attune
