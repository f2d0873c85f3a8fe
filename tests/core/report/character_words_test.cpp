// How the facilitator's guide describes a character's attachment: which sentence at each
// edge of "high" (0.6 and above) and "low" (below 0.4), and verbs that agree with the
// pronoun.

#include "report/character_words.h"

#include <doctest/doctest.h>

#include <string>

namespace {

using namespace attune;

std::string words(double anxiety, double avoidance, bool plural = true) {
    model::Profile p;
    p.name = "Kit";
    p.anxiety = anxiety;
    p.avoidance = avoidance;
    if (!plural) {
        p.subject = "he";
        p.object = "him";
        p.possessive = "his";
        p.plural_verbs = false;
    }
    return report::attachment_words(p);
}

const std::string both = "Kit wants closeness and fears it: under stress they may reach toward "
                         "you and pull away in turn.";
const std::string anxious = "Kit worries about being left or not mattering: under stress they "
                            "reach out harder, and silence reads as rejection.";
const std::string avoidant = "Kit keeps feelings close: under stress they pull back and need "
                             "room, and pressing pushes them further away.";
const std::string secure =
    "Kit feels fairly secure: they can usually say what hurts and take in a repair.";
const std::string worry =
    "Kit is mostly steady, with some worry about being let down when things get tense.";
const std::string room = "Kit is mostly steady, and needs a little room when things get tense.";

} // namespace

TEST_CASE("character words: each sentence at the edges of high and low") {
    CHECK(words(0.6, 0.6) == both);
    CHECK(words(0.6, 0.59) == anxious);
    CHECK(words(0.59, 0.6) == avoidant);
    CHECK(words(0.39, 0.39) == secure);
    CHECK(words(0.0, 0.0) == secure);
    // Neither high nor both low: whichever leans more, ties toward worry.
    CHECK(words(0.4, 0.39) == worry);
    CHECK(words(0.39, 0.4) == room);
    CHECK(words(0.5, 0.5) == worry);
    CHECK(words(0.59, 0.58) == worry);
    CHECK(words(0.45, 0.55) == room);
    CHECK(words(0.1, 0.45) == room);
}

TEST_CASE("character words: verbs agree with a singular pronoun") {
    CHECK(words(0.8, 0.1, false) == "Kit worries about being left or not mattering: under stress "
                                    "he reaches out harder, and silence reads as rejection.");
    CHECK(words(0.1, 0.8, false) == "Kit keeps feelings close: under stress he pulls back and "
                                    "needs room, and pressing pushes him further away.");
    CHECK(words(0.1, 0.1, false) ==
          "Kit feels fairly secure: he can usually say what hurts and take in a repair.");
}
