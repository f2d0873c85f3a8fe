#pragma once
// The one place the model's facts become words for players: what each rule meant, what a
// rupture or repair was about, why a choice is closed, how a character seems. Kept apart
// from the arithmetic so writers can edit the words without touching the rules.

#include "model/moves.h"
#include "model/profile.h"
#include "model/relational_model.h"

#include <optional>
#include <string>
#include <string_view>

namespace attune::model {

/// The words a text can ask of a person, by hole name: "name", "they", "them", "their",
/// their capitalised forms "They", "Them", "Their", and "was" and "is", which agree with
/// the pronoun. A story's `{sam.they}` and the model's `{they}` are both filled from here.
enum class PersonWord : int {
    Name,
    Subject,
    Object,
    Possessive,
    SubjectUpper,
    ObjectUpper,
    PossessiveUpper,
    Was,
    Is
};

/// The word a hole names ("They"), or nothing when it names none.
std::optional<PersonWord> person_word_named(std::string_view hole);

/// The person's word: their name, a pronoun form, or a verb that agrees with it.
std::string person_word(const Profile& person, PersonWord word);

/// Fills a text's `{they}`-style holes (see PersonWord) from the profile.
std::string fill(std::string_view text, const Profile& profile);

/// What a cause meant, in words. `character` is the cause's character, whose name and
/// pronouns the sentence uses (you() for the player's own causes). Authored changes are the
/// author's to explain and have no sentence ("").
std::string cause_sentence(const Cause& cause, const Profile& character);

/// What a rupture, repair or still-open rupture was about, in words, for `character`.
std::string event_sentence(const Event& event, const Profile& character);

/// Why a blocked move (see is_blocked) cannot be chosen yet.
std::string_view blocked_sentence();

/// The player as the words speak of them: named "you", with verbs that agree ("you were").
const Profile& you();

/// Plain words for the state, for players who do not see numbers ("guarded", "open").
std::string describe(const State& state);

} // namespace attune::model
