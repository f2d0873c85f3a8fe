#pragma once
// Shared by the author-tool tests: fixtures, finding look-up, and replaying a finding's path.

#include "authoring/findings.h"
#include "authoring/playtest.h"
#include "play/session.h"
#include "support.h"

#include <algorithm>

namespace attune::test {

inline std::shared_ptr<const Story> fixture(const std::string& name) {
    return story(source_dir() / "tests" / "data" / "explore" / (name + ".json"));
}

inline const Finding* find_code(const std::vector<Finding>& findings, const std::string& code) {
    const auto it = std::find_if(findings.begin(), findings.end(),
                                 [&](const Finding& f) { return f.diagnostic.code == code; });
    return it == findings.end() ? nullptr : &*it;
}

// Every finding of a random playtest in order, the hard-to-reach ones made, as
// `attune check` reports them (unlocated).
inline std::vector<Finding> all_findings(const Story& story, const PlaytestReport& report) {
    std::vector<Finding> out;
    for_each_finding(story, report, [&](const Finding& f) { out.push_back(f); });
    return out;
}

// Plays the numbers as `attune text` would: 1-based positions among the shown choices.
inline Session replay(const std::shared_ptr<const Story>& story, const Finding& finding) {
    Session session(story, params(), finding.seed);
    for (const int number : finding.choices) {
        const std::vector<ChoiceView> views = session.choices();
        REQUIRE(number >= 1);
        REQUIRE(number <= static_cast<int>(views.size()));
        REQUIRE(session.choose(views[number - 1].index));
    }
    return session;
}

} // namespace attune::test
