#include "model/sentences.h"

#include "base/holes.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace attune::model {

namespace {

using Entry = std::pair<std::string_view, std::string_view>;

// One sentence per rule: what the character felt, then why, in everyday words.
// Past tense keeps pronoun agreement simple; {was} and {is} cover the rest.
constexpr Entry sentences[] = {
    // Base effects, one per move.
    {"validate", "{name} felt understood: you told {them} {their} feelings made sense."},
    {"reflect", "{name} felt heard: you named what {they} {was} feeling."},
    {"empathize", "{name} felt less alone: you felt it with {them}."},
    {"ask", "{name} opened up a little: you asked, and really wanted to know."},
    {"reassure", "{name} settled a little: you let {them} know you're not going anywhere."},
    {"appreciate", "{name} felt seen: you noticed something good in {them}."},
    {"turn_toward", "{name} felt noticed: you turned toward {them} when {they} reached for you."},
    {"gentle_startup", "{name} could listen: you raised it gently, without blame."},
    {"take_responsibility", "{name} eased: you owned your part."},
    {"apologize", "{name} softened: you said sorry and meant it."},
    {"repair", "{name} felt the door open again: you asked to start over."},
    {"humor", "{name} smiled a little at the joke."},
    {"self_soothe", "{name} felt things calm down: you steadied yourself first."},
    {"take_break", "{name} could breathe: you paused and promised to come back."},
    {"return", "{name} felt you turn back toward {them}."},
    {"give_space", "{name} took the room you gave."},
    {"set_boundary", "{name} knew where {they} stood: you set a limit, kindly."},
    {"disclose", "{name} came closer: you shared what you feel."},
    {"comfort", "{name} let you in: you offered comfort."},
    {"advise", "{name} felt you were fixing instead of listening."},
    {"minimize", "{name} felt small: you made light of what hurt {them}."},
    {"dismiss", "{name} felt brushed off: you waved away what {they} said."},
    {"defend", "{name} felt unheard: you defended yourself instead of listening."},
    {"criticize", "{name} felt attacked: you went after who {they} {is}, not what happened."},
    {"contempt", "{name} felt looked down on: your scorn cut deep."},
    {"stonewall", "{name} felt shut out: you went silent and closed off."},
    {"withdraw", "{name} felt left: you pulled away with no word of coming back."},
    {"pursue", "{name} felt cornered: you pressed when {they} needed room."},
    {"turn_away", "{name} felt unseen: you missed {their} reach for connection."},
    {"turn_against", "{name} felt rebuffed: you met {their} reach with irritation."},
    {"blame", "{name} felt blamed: you put it all on {them}."},
    {"deceive", "{name} felt betrayed: you weren't honest, and trust took a lasting dent."},
    {"neutral", "Nothing much changed for {name}."},
    // Context.
    {"advise_while_distressed",
     "{name} felt dismissed: you offered a fix while {they} {was} still upset."},
    {"advise_when_calm", "{name} took the suggestion in: {they} {was} calm enough to think it "
                         "through."},
    {"give_space_soothes", "{name} relaxed: you gave {them} room without going cold."},
    {"give_space_frightens", "{name} felt left: you stepped back while {they} still needed you."},
    {"give_space_with_reassure", "{name} could take the space: you promised you'd still be there."},
    {"humor_lands", "{name} laughed, and the tension broke."},
    {"humor_wounds", "{name} felt mocked: the joke landed on a raw spot."},
    {"break_and_return", "{name} felt safer: you came back, as you promised."},
    {"return_without_break", "{name} noticed you turning back toward {them}."},
    {"bid_answered", "{name} felt noticed: you turned toward {them} when {they} reached for you."},
    {"bid_missed", "{name} felt unseen: you missed {their} reach for connection."},
    {"bid_rebuffed", "{name} felt rebuffed: you met {their} reach with irritation."},
    {"ambiguous_read_as_rejection", "{name} wondered if your quiet meant you'd pulled away."},
    {"neutral_read_as_hostile", "{name} heard something cold in it: hurt colours everything "
                                "right now."},
    {"gentle_startup_after_criticism", "{name} felt the sting ease: you started again, gently."},
    {"appreciation_after_contempt", "{name} felt respected again: you answered scorn with "
                                    "appreciation."},
    {"responsibility_after_defensiveness", "{name} eased: you stopped defending and owned your "
                                           "part."},
    {"self_soothing_after_stonewalling", "{name} felt you come back: you calmed yourself instead "
                                         "of shutting down."},
    // Attachment.
    {"withdrawal_hurts_anxious", "{name} was shaken: being left without a word is what hurts "
                                 "{them} most."},
    {"pressure_pushes_avoidant", "{name} pulled away: the harder you pressed, the more room {they} "
                                 "needed."},
    {"disorganized_approach", "{name} reached toward you, unsure whether it was safe."},
    {"disorganized_withdraw", "{name} wanted closeness and pulled away from it at the same time."},
    // History and state.
    {"attuned_while_flooded", "{name} was too flooded to take it in yet."},
    {"negative_override_discounts", "{name} didn't quite trust it: too much has hurt lately."},
    {"positive_override_cushions", "{name} gave you the benefit of the doubt: there's been a lot "
                                   "of warmth lately."},
    {"repair_after_repeat_hurt", "{name} was slower to believe it: the same hurt came back so "
                                 "soon."},
    {"override_negative", "Hurt has piled up: {name} now hears even neutral things as cold."},
    {"override_positive", "Warmth has built up: {name} gives you the benefit of the doubt."},
    {"override_neutral", "{name} is taking your words at face value again."},
    {"trust_ceiling", "{name} can't fully trust you since you weren't honest."},
    {"still_face_carryover", "{name} is still a little wary: hurt takes a while to fade."},
    // The player's own body: characters' lines stir it, regulating calms it.
    {"player_arousal_falls", "You feel a little calmer."},
    {"player_self_regulation", "You take a breath and feel steadier."},
    {"player_arousal_rises", "That stung: you feel your heart speed up."},
    // An author's adjustment: the story's own text says what happened.
    {"authored", ""},
    // The story's own lines show these: a character's harsh words stir them up (R20), the
    // author says how someone is, time passes. The numbers are in traces only.
    {"speaker_activated", ""},
    {"authored_feeling", ""},
    {"time_passes", ""},
    // A repair move that has not closed the rupture yet is an attempt, not a repair.
    {"repair_attempt", "{name} heard you try to put it right; it isn't mended yet."},
};

constexpr std::pair<Move, std::string_view> nouns[] = {
    {Move::Advise, "being handed a fix"},  {Move::Minimize, "being brushed aside"},
    {Move::Dismiss, "being dismissed"},    {Move::Defend, "the defensiveness"},
    {Move::Criticize, "the criticism"},    {Move::Contempt, "the contempt"},
    {Move::Stonewall, "the silence"},      {Move::Withdraw, "being left"},
    {Move::Pursue, "being pressed"},       {Move::TurnAway, "the missed reach"},
    {Move::TurnAgainst, "the irritation"}, {Move::Blame, "the blame"},
    {Move::Deceive, "the dishonesty"},     {Move::Humor, "the joke"},
    {Move::GiveSpace, "being left alone"}, {Move::Neutral, "the coldness"},
};

// Hole names in PersonWord order.
constexpr std::string_view person_words[] = {"name", "they",  "them", "their", "They",
                                             "Them", "Their", "was",  "is"};

std::string capitalized(std::string word) {
    if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') {
        word[0] = static_cast<char>(word[0] - 'a' + 'A');
    }
    return word;
}

std::string_view sentence_for(std::string_view rule) {
    const auto* found = std::find_if(std::begin(sentences), std::end(sentences),
                                     [&](const Entry& e) { return e.first == rule; });
    // Unknown rules fall back to a neutral sentence rather than failing.
    return found == std::end(sentences) ? "Something shifted for {name}." : found->second;
}

std::string_view rupture_noun(Move move) {
    for (const auto& [m, noun] : nouns) {
        if (m == move) {
            return noun;
        }
    }
    return "what happened";
}

} // namespace

std::optional<PersonWord> person_word_named(std::string_view hole) {
    const auto* found = std::find(std::begin(person_words), std::end(person_words), hole);
    if (found == std::end(person_words)) {
        return std::nullopt;
    }
    return static_cast<PersonWord>(found - std::begin(person_words));
}

std::string person_word(const Profile& person, PersonWord word) {
    switch (word) {
    case PersonWord::Name:
        return person.name;
    case PersonWord::Subject:
        return person.subject;
    case PersonWord::Object:
        return person.object;
    case PersonWord::Possessive:
        return person.possessive;
    case PersonWord::SubjectUpper:
        return capitalized(person.subject);
    case PersonWord::ObjectUpper:
        return capitalized(person.object);
    case PersonWord::PossessiveUpper:
        return capitalized(person.possessive);
    case PersonWord::Was:
        return person.plural_verbs ? "were" : "was";
    case PersonWord::Is:
        return person.plural_verbs ? "are" : "is";
    }
    return "";
}

std::string fill(std::string_view text, const Profile& profile) {
    std::vector<TextPiece> pieces;
    std::string problem;
    int column = 0;
    if (!split_holes(text, pieces, problem, column)) {
        return std::string(text); // ours, never broken: the rules test sees no brace survive
    }
    std::string out;
    for (const TextPiece& piece : pieces) {
        const std::optional<PersonWord> word =
            piece.is_hole ? person_word_named(piece.text) : std::nullopt;
        out += piece.is_hole ? (word ? person_word(profile, *word) : "") : piece.text;
    }
    return out;
}

std::string cause_sentence(const Cause& cause, const Profile& character) {
    return fill(sentence_for(cause.rule), character);
}

std::string event_sentence(const Event& event, const Profile& character) {
    if (event.kind == EventKind::Repair) {
        // A landed repair is told by what the move did, never by a discount on the way.
        return fill(sentence_for(move_name(event.move)), character);
    }
    if (event.kind != EventKind::RuptureOpen) {
        return fill(sentence_for(event.rule), character);
    }
    const std::string_view noun =
        event.rule == "falling_out" ? "the falling-out" : rupture_noun(event.move);
    return fill("{name} is still hurt after ", character) + std::string(noun) +
           ": it hasn't been repaired yet.";
}

std::string_view blocked_sentence() {
    return "You're too flooded to really listen. Take a breath first.";
}

const Profile& you() {
    static const Profile player{.name = "you",
                                .subject = "you",
                                .object = "you",
                                .possessive = "your",
                                .plural_verbs = true};
    return player;
}

std::string describe(const State& state) {
    if (is_flooded(state)) {
        return "flooded";
    }
    if (is_shut_down(state)) {
        return "shut down";
    }
    if (state.rupture_open) {
        return "hurt";
    }
    if (state.safety >= 70 && state.distance <= 40) {
        return "open";
    }
    if (state.safety >= 55) {
        return "warm";
    }
    if (state.distance >= 75) {
        return "distant";
    }
    return state.safety >= 30 ? "guarded" : "wary";
}

} // namespace attune::model
