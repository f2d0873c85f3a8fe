#pragma once
// A loaded story: immutable data, like a compiled program. Sessions run it; many
// sessions can share one Story. Everything is resolved to indices at load time so
// playing never looks a name up.

#include "model/moves.h"
#include "model/relational_model.h"
#include "story/expression.h"

#include <cstdint>
#include <deque>
#include <initializer_list>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace attune {

enum class Relationship {
    Partner,
    Parent,
    Child,
    Friend,
    Sibling,
    Colleague,
    Classmate,
    Peer,
    Grandparent
};
enum class EndingKind { Repaired, Open, Ruptured };

/// Who a move is aimed at: a character (by index) or the player. The model names the
/// player the same way in its causes, so a cause's character compares with a target.
inline constexpr int player_target = model::the_player;

/// One move carried by a choice (toward a character) or by a line (toward the player).
struct MoveRef {
    Move move = Move::Neutral;
    int target = player_target;
};

/// The moves a choice makes, read like a const std::vector. Nearly every choice makes one
/// move, so one is kept inline and a longer list behind one pointer: a std::vector took
/// 24 bytes and a 32-byte allocation per choice (8 MB in a 45,000-scene story).
class MoveList {
public:
    MoveList() = default;
    MoveList(std::initializer_list<MoveRef> moves);
    MoveList(const MoveList& other);
    MoveList& operator=(const MoveList& other);
    MoveList(MoveList&& other) noexcept = default;
    MoveList& operator=(MoveList&& other) noexcept = default;
    ~MoveList() = default;

    const MoveRef* begin() const { return more_ ? more_->data() : &one_; }
    const MoveRef* end() const { return begin() + size(); }
    std::size_t size() const { return more_ ? more_->size() : (one_.target != none_ ? 1 : 0); }
    bool empty() const { return size() == 0; }
    const MoveRef& operator[](std::size_t i) const { return begin()[i]; }
    /// operator[] with a check, as std::vector::at: throws std::out_of_range past the end.
    const MoveRef& at(std::size_t i) const;

    void push_back(const MoveRef& move);
    void clear();

private:
    // A target no move has: marks `one_` unused without a flag (and its 8 bytes of padding).
    static constexpr int none_ = std::numeric_limits<int>::min();
    MoveRef one_{Move::Neutral, none_};          // the move, when there is exactly one
    std::unique_ptr<std::vector<MoveRef>> more_; // all of them, when there are two or more
};

/// A rarely-filled part of a story's data, behind one pointer: where it is empty (nearly
/// everywhere in a big story) it costs 8 bytes instead of its whole size. A copy copies
/// what it holds (rare, so cheap), so its owner behaves as a value.
template <class T> class Rare {
public:
    Rare() = default;
    Rare(const Rare& other) : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
    Rare& operator=(const Rare& other) {
        if (this != &other) {
            value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
        }
        return *this;
    }
    Rare(Rare&& other) noexcept = default;
    Rare& operator=(Rare&& other) noexcept = default;
    ~Rare() = default;

    const T& get() const { return value_ ? *value_ : none(); }
    /// What to fill in: for the loader, and for tests that change a story.
    T& edit() {
        if (!value_) {
            value_ = std::make_unique<T>();
        }
        return *value_;
    }
    /// Back to empty, its 8 bytes only.
    void reset() { value_.reset(); }

private:
    static const T& none() {
        static const T empty;
        return empty;
    }
    std::unique_ptr<T> value_;
};

/// A piece of text with `{sam.name}`-style holes, split once at load time.
struct Template {
    /// A run of literal text, or the name in a hole: bytes [begin, begin + size) of
    /// `source`. Offsets rather than copies: a big story's parts would otherwise hold
    /// its texts with holes a second time.
    struct Part {
        std::uint32_t begin = 0;
        std::uint32_t size = 0;
        Slot slot; ///< used when the part is a hole
        bool is_literal = true;
    };
    /// The text as written. A view into bytes its Story keeps (Story::texts), or into a
    /// string literal; never into a temporary.
    std::string_view source;
    /// Empty when the text is shown exactly as written (no holes, no `{{`): most texts are,
    /// so a list inline (24 bytes) would cost a big story 7 MB for nothing.
    Rare<std::vector<Part>> split;

    const std::vector<Part>& parts() const { return split.get(); }
    std::string_view text(const Part& part) const { return source.substr(part.begin, part.size); }
};

/// An authored change of state, applied when a choice is taken.
struct Effects {
    struct Number {
        int variable = 0;
        double value = 0;
    };
    struct Adjust {
        int character = 0;
        double safety = 0;
        double distance = 0;
        double arousal = 0;
    };
    std::vector<int> set_flags;
    std::vector<int> clear_flags;
    std::vector<Number> add;
    std::vector<Number> assign;
    std::vector<Adjust> adjust;
    bool empty() const {
        return set_flags.empty() && clear_flags.empty() && add.empty() && assign.empty() &&
               adjust.empty();
    }
};

/// How a character is, stated by the author when the words alone don't show it (a meltdown,
/// tears, a slammed door). Applied when the line or scene is shown (docs/story-format.md).
struct Feels {
    int character = 0;
    model::Feeling feeling = model::Feeling::Calm; ///< used when `arousal` is negative
    double arousal = -1;                           ///< an explicit arousal (0..100), or -1
};

/// A reflection prompt at an ending, shown when its condition holds.
struct Prompt {
    std::string text;
    Expression condition; ///< empty: always shown
};

/// Where a choice leads: a scene or an ending.
struct Target {
    bool is_ending = false;
    int index = 0;
};

/// What a speaker does with a line besides saying it; most lines do nothing.
struct LineActs {
    std::vector<MoveRef> moves; ///< moves the speaker makes toward the player
    std::vector<Feels> feels;   ///< how the speaker is as they say it (at most one)
};

/// Narration (no speaker) or a character's line.
struct Line {
    int speaker = -1; ///< character index, or -1 for narration
    Template text;
    Expression condition; ///< empty: always shown
    Rare<LineActs> acts;  ///< inline, its two lists took 48 of a line's 104 bytes

    const std::vector<MoveRef>& moves() const { return acts.get().moves; }
    const std::vector<Feels>& feels() const { return acts.get().feels; }
};

/// What a few choices have besides their words and moves.
struct ChoiceExtras {
    Template reason; ///< why the choice is closed (empty: no reason given)
    Effects effects; ///< what taking it changes besides the moves
};

struct Choice {
    std::string_view id; ///< into its Story's texts, as Template::source
    Template text;
    MoveList moves;
    Expression condition;               ///< empty: always available
    bool show_when_unavailable = false; ///< shown struck through with `reason` instead of hidden
    Target next;
    /// Inline, a reason and effects took 176 of a choice's 312 bytes (23 MB in a
    /// 45,000-scene story that has none).
    Rare<ChoiceExtras> extras;

    const Template& reason() const { return extras.get().reason; }
    const Effects& effects() const { return extras.get().effects; }
};

/// What a scene tells whoever runs a room (or chooses a story for one): rare, and only
/// read when a room is run or a guide is made.
struct SceneNotes {
    std::vector<std::string> content_notes;
    std::string facilitator_note;
    std::vector<std::string> discussion;
    /// Parallel to `discussion`: true where a question asks about the participants' own
    /// lives rather than the characters' ("Which would your own parent have said?").
    std::vector<bool> discussion_personal;
};

/// How a scene opens besides its lines: set in few scenes.
struct SceneSetup {
    std::vector<Feels> feels;     ///< how characters are as the scene opens
    std::vector<int> establishes; ///< facts (flags) this scene sets when it is entered
    std::vector<int> assumes;     ///< facts (flags) a path must have established before it
};

struct Scene {
    std::string id;
    std::string title;
    double minutes = 0;     ///< time that passes before the scene (a walk, the next morning)
    Rare<SceneSetup> setup; ///< inline its three lists took 72 of a scene's 208 bytes
    std::vector<Line> lines;
    std::vector<Choice> choices;
    Rare<SceneNotes> notes; ///< inline they took 120 of a scene's 312 bytes

    const std::vector<Feels>& feels() const { return setup.get().feels; }
    const std::vector<int>& establishes() const { return setup.get().establishes; }
    const std::vector<int>& assumes() const { return setup.get().assumes; }
};

/// A scene's name where players and facilitators see it (headings, the projector, saves,
/// the debrief): its title, or its id when the author gave it none.
inline const std::string& display_name(const Scene& scene) {
    return scene.title.empty() ? scene.id : scene.title;
}

struct Ending {
    std::string id;
    EndingKind kind = EndingKind::Open;
    std::string title;
    double minutes = 0;       ///< time that passes before the ending
    std::vector<int> assumes; ///< facts (flags) a path must have established before it
    std::vector<Line> lines;
    std::vector<Prompt> reflection;
};

struct Character {
    std::string id;
    std::string pronouns; ///< as written, e.g. "she/her"
    std::string role;
    std::string color;      ///< optional "#rrggbb" for the stage and speaker names
    model::Profile profile; ///< name, pronoun forms, attachment and starting state
};

/// Story variables hold numbers within this bound: `check` refuses larger starting
/// values and changes, and play keeps sums inside it, so a save never meets infinity.
inline constexpr double variable_limit = 1e9;

struct Variable {
    std::string name;
    double initial = 0;
};

struct StoryInfo {
    std::string id;
    std::string title;
    std::string version;
    std::string language = "en";
    std::string summary;
    Relationship relationship = Relationship::Friend;
    int minutes = 0;
    std::string age_band;
    std::vector<std::string> content_notes;
    std::string author;
};

/// The bytes a story's texts (Template::source) are views into: the story file as read,
/// which holds nearly every text verbatim, and a copy of each text it does not (one
/// written with escapes). Holding the file instead of a string per text is what keeps a
/// 45,000-scene story under twice its file's size. Never changes once the story is
/// loaded; copies of a Story share it, so no view outlives the bytes it points into.
class StoryText {
public:
    explicit StoryText(std::shared_ptr<const std::string> file) : file_(std::move(file)) {}

    const std::string& file() const { return *file_; }

    /// A view of `text` that lives as long as this object: bytes of the file in [from, to)
    /// that equal it (any such bytes will do), looked for from `hint` first, else a copy.
    std::string_view keep(std::string_view text, std::size_t from, std::size_t hint,
                          std::size_t to);

private:
    std::shared_ptr<const std::string> file_;
    std::deque<std::string> copies_; // a deque: adding one never moves the others
};

/// A whole story, validated and resolved.
struct Story {
    StoryInfo info;
    std::shared_ptr<const StoryText> texts; ///< what the templates' sources view; null when
                                            ///< they all view string literals
    std::string file;
    std::string player_name = "you";
    std::vector<Character> characters;
    std::vector<Variable> variables;
    std::vector<std::string> flags;
    std::vector<Scene> scenes;
    std::vector<Ending> endings;
    int start = 0;

    /// The scene's choice `index`, or take_a_breath() for the index just past its choices.
    const Choice& choice(int scene, int index) const;

    int find_scene(std::string_view id) const;
    int find_ending(std::string_view id) const;
    int find_character(std::string_view id) const;
};

/// The id of the engine's own "Take a breath." (no story choice may use it).
inline constexpr std::string_view breath_id = "take-a-breath";

/// The step the engine offers whenever it closes a choice because the player is flooded:
/// the player regulates (self_soothe toward themselves), time passes, and the same menu
/// shows again. A Session offers it as the choice index just past the scene's own
/// (Story::choice); it is shown last, so the numbers of the scene's choices never change.
const Choice& take_a_breath();

/// The words stories use, in enum order.
const std::vector<std::string>& relationship_names();
const std::vector<std::string>& ending_kind_names();
std::string_view relationship_name(Relationship relationship);
std::string_view ending_kind_name(EndingKind kind);

/// What a condition's or template's slot refers to (Slot::kind).
enum class SlotKind : int {
    Literal = 0,
    Variable,       ///< index: variable
    Flag,           ///< index: flag
    Visits,         ///< index: scene
    CharacterValue, ///< index: character; field: CharacterField
    PlayerValue,    ///< field: CharacterField (arousal, flooded)
    CharacterText,  ///< index: character; field: model::PersonWord
    PlayerText,     ///< the player's name
    AnyCharacter,   ///< `anyone.FIELD`: whether it holds for any character (rupture, flooded)
};

enum class CharacterField : int { Safety, Distance, Arousal, Flooded, ShutDown, Rupture, Repairs };

} // namespace attune
