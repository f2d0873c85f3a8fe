#include "authoring/explorer.h"

#include "model/sentences.h"
#include "play/session.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace attune {

namespace {

inline constexpr int unexplored = -2; ///< an edge into a state the budget did not allow

struct Edge {
    int choice = 0;
    int number = 0; ///< the menu number (ChoiceView::number) every face shows
    int node = -1;  ///< the state it leads to; -1 for an ending, `unexplored` past the budget
    int ending = -1;
    std::uint32_t ruptured = 0; ///< one bit per character
    std::uint32_t repaired = 0;
};

struct Node {
    SessionState state;
    int parent = -1;
    int number = 0; ///< the 1-based choice number taken at the parent
    bool expanded = false;
    bool dead_end = false;
    std::vector<Edge> edges;
};

enum Side : std::uint8_t { SeenTrue = 1, SeenFalse = 2 };

void append(std::string& key, long long value) {
    key.append(reinterpret_cast<const char*>(&value), sizeof value);
}

/// The flags, variables and visit counts that play can still read from a scene onward.
/// Anything else cannot change what happens, so two states differing only there are one.
struct Reads {
    std::vector<std::uint8_t> flags, variables, visits;

    explicit Reads(const Story& story)
        : flags(story.flags.size()), variables(story.variables.size()),
          visits(story.scenes.size()) {}

    void add(const Slot& slot) {
        switch (static_cast<SlotKind>(slot.kind)) {
        case SlotKind::Flag:
            flags[slot.index] = 1;
            break;
        case SlotKind::Variable:
            variables[slot.index] = 1;
            break;
        case SlotKind::Visits:
            visits[slot.index] = 1;
            break;
        default:
            break;
        }
    }
    void add(const Expression& e) {
        for (const Slot& slot : e.slots()) {
            add(slot);
        }
    }
    void add(const Template& t) {
        for (const Template::Part& part : t.parts()) {
            if (!part.is_literal) {
                add(part.slot);
            }
        }
    }
    void add_flags(const std::vector<int>& list) {
        for (const int f : list) {
            flags[f] = 1;
        }
    }
    void add(const std::vector<Line>& lines) {
        for (const Line& line : lines) {
            add(line.condition);
            add(line.text);
        }
    }
    bool merge(const Reads& other) {
        bool changed = false;
        for (auto [mine, theirs] :
             {std::pair{&flags, &other.flags}, std::pair{&variables, &other.variables},
              std::pair{&visits, &other.visits}}) {
            for (std::size_t i = 0; i < mine->size(); ++i) {
                changed |= theirs->at(i) && !mine->at(i);
                (*mine)[i] |= (*theirs)[i];
            }
        }
        return changed;
    }
};

// Counts compared only with small numbers behave alike above the largest of them:
// `visits(x) > 1` cannot tell 2 visits from 9. Returns that number plus one, for the
// conditions reading slots of `kind` (0 when none does).
int count_cap(const Story& story, SlotKind kind) {
    int cap = 0;
    auto scan = [&](const Expression& e) {
        const auto& slots = e.slots();
        const bool reads = std::any_of(slots.begin(), slots.end(), [&](const Slot& slot) {
            return static_cast<SlotKind>(slot.kind) == kind ||
                   (kind == SlotKind::CharacterValue &&
                    slot.field == static_cast<int>(CharacterField::Repairs));
        });
        int number = 0;
        for (const char ch : e.source() + " ") {
            if (ch >= '0' && ch <= '9') {
                number = number * 10 + (ch - '0');
                continue;
            }
            cap = reads ? std::max(cap, number + 1) : cap;
            number = 0;
        }
    };
    for (const Scene& scene : story.scenes) {
        for (const Line& line : scene.lines) {
            scan(line.condition);
        }
        for (const Choice& choice : scene.choices) {
            scan(choice.condition);
        }
    }
    for (const Ending& ending : story.endings) {
        for (const Line& line : ending.lines) {
            scan(line.condition);
        }
    }
    return cap;
}

// live[s]: what choosing in scene s, and everything after it, can read. Entering a scene
// reads its lines; a fixed point covers loops.
std::vector<Reads> live_reads(const Story& story) {
    std::vector<Reads> entry(story.scenes.size(), Reads(story));
    std::vector<Reads> live(story.scenes.size(), Reads(story));
    for (std::size_t s = 0; s < story.scenes.size(); ++s) {
        entry[s].add(story.scenes[s].lines);
        entry[s].add_flags(story.scenes[s].assumes());
        for (const Choice& choice : story.scenes[s].choices) {
            live[s].add(choice.condition);
            live[s].add(choice.text);
            live[s].add(choice.reason());
            if (choice.next.is_ending) {
                live[s].add(story.endings[choice.next.index].lines);
                live[s].add_flags(story.endings[choice.next.index].assumes);
            }
        }
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t s = 0; s < story.scenes.size(); ++s) {
            for (const Choice& choice : story.scenes[s].choices) {
                if (!choice.next.is_ending) {
                    changed |= live[s].merge(entry[choice.next.index]);
                    changed |= live[s].merge(live[choice.next.index]);
                }
            }
        }
    }
    return live;
}

class Explorer {
public:
    Explorer(const std::shared_ptr<const Story>& story,
             const std::shared_ptr<const model::Params>& params, const ExploreOptions& options)
        : story_(*story), options_(options), session_(story, params, options.seed),
          tracker_(story_), live_(live_reads(story_)),
          visits_cap_(std::max(1, count_cap(story_, SlotKind::Visits))),
          repairs_cap_(count_cap(story_, SlotKind::CharacterValue)) {
        report_.options = options;
        report_.scene_reached.assign(story_.scenes.size(), 0);
        report_.ending_reached.assign(story_.endings.size(), 0);
        for (const Scene& scene : story_.scenes) {
            report_.choice_taken.emplace_back(scene.choices.size(), 0);
            choice_sides_.emplace_back(scene.choices.size(), 0);
            scene_line_sides_.emplace_back(scene.lines.size(), 0);
        }
        for (const Ending& ending : story_.endings) {
            ending_line_sides_.emplace_back(ending.lines.size(), 0);
        }
    }

    ExploreReport run() {
        note_scene_lines(session_.state());
        add_node(session_.state(), -1, 0);
        for (std::size_t next = 0; next < nodes_.size(); ++next) {
            expand(static_cast<int>(next));
            if (options_.progress && (next + 1) % 1000 == 0) {
                options_.progress(static_cast<long>(next + 1));
            }
        }
        report_.states = nodes_.size();
        report_coverage();
        report_traps();
        report_unrepaired_ruptures();
        tracker_.report(report_.findings);
        return std::move(report_);
    }

private:
    const Story& story_;
    ExploreOptions options_;
    Session session_;
    MoveEffectTracker tracker_;
    std::vector<Reads> live_;
    int visits_cap_;
    int repairs_cap_;
    std::vector<Node> nodes_;
    std::unordered_map<std::string, int> index_;
    ExploreReport report_;
    std::vector<std::vector<std::uint8_t>> choice_sides_, scene_line_sides_, ending_line_sides_;
    std::vector<std::uint8_t> dead_end_reported_, trap_reported_, mismatch_reported_;
    std::set<int> stranded_reported_, harsh_reported_;
    std::set<std::pair<int, int>> assumed_reported_; ///< (scene, or -1 - ending; flag)

    long long quantized(double value) const { return std::llround(value / options_.tolerance); }

    // What decides how play goes from here. Counters that only grow (turns, the model's
    // step) are kept relative, and the random source is left out: merged states follow
    // the first arrival's draws, which is what its recorded path replays.
    std::string key_of(const SessionState& s) const {
        std::string key;
        const Reads& live = live_[s.scene];
        append(key, s.scene);
        for (std::size_t f = 0; f < s.flags.size(); ++f) {
            key.push_back(live.flags[f] ? static_cast<char>(s.flags[f]) : '-');
        }
        for (std::size_t v = 0; v < s.variables.size(); ++v) {
            append(key, live.variables[v] ? std::llround(s.variables[v] * 1000) : 0);
        }
        // Scenes entered and read later, by index: the same states as listing every scene
        // read, zeros too, at the cost of the scenes entered only.
        for (const auto& [scene, count] : s.visits.entries()) {
            if (live.visits[scene]) {
                append(key, scene);
                append(key, std::min(count, visits_cap_));
            }
        }
        append(key, quantized(s.player.arousal));
        for (const model::State& c : s.characters) {
            for (const double v : {c.safety, c.distance, c.arousal}) {
                append(key, quantized(v));
            }
            for (const int v : {static_cast<int>(c.override), c.rupture_open ? 1 : 0,
                                c.on_break ? 1 : 0, std::min(c.repairs_landed, repairs_cap_)}) {
                append(key, v);
            }
        }
        return key;
    }

    static bool same_numbers(const SessionState& a, const SessionState& b) {
        if (a.player.arousal != b.player.arousal) {
            return false;
        }
        for (std::size_t i = 0; i < a.characters.size(); ++i) {
            const model::State& x = a.characters[i];
            const model::State& y = b.characters[i];
            if (x.safety != y.safety || x.distance != y.distance || x.arousal != y.arousal ||
                x.positive_ledger != y.positive_ledger || x.negative_ledger != y.negative_ledger) {
                return false;
            }
        }
        return true;
    }

    // The node for `state`: an existing one within the tolerance, a new one, or
    // `unexplored` once the budget is spent.
    int add_node(const SessionState& state, int parent, int number) {
        std::string key = key_of(state);
        const auto found = index_.find(key);
        if (found != index_.end()) {
            report_.merged += same_numbers(nodes_[found->second].state, state) ? 0 : 1;
            return found->second;
        }
        if (nodes_.size() >= options_.state_budget) {
            report_.budget_hit = true;
            return unexplored;
        }
        const int id = static_cast<int>(nodes_.size());
        index_.emplace(std::move(key), id);
        nodes_.push_back({state, parent, number, false, false, {}});
        report_.scene_reached[state.scene] = 1;
        return id;
    }

    // Lines are noted on every arrival, merged or not: their conditions were evaluated.
    void note_scene_lines(const SessionState& state) {
        note_lines(story_.scenes[state.scene].lines, state.shown_lines,
                   scene_line_sides_[state.scene]);
    }

    static void note_lines(const std::vector<Line>& lines, const std::vector<int>& shown,
                           std::vector<std::uint8_t>& sides) {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (!lines[i].condition.empty()) {
                const bool on =
                    std::find(shown.begin(), shown.end(), static_cast<int>(i)) != shown.end();
                sides[i] |= on ? SeenTrue : SeenFalse;
            }
        }
    }

    std::vector<int> path_to(int node) const {
        std::vector<int> path;
        for (int n = node; n > 0; n = nodes_[n].parent) {
            path.push_back(nodes_[n].number);
        }
        std::reverse(path.begin(), path.end());
        return path;
    }

    void add_finding(Diagnostic diagnostic, std::vector<int> path) {
        Finding f{std::move(diagnostic), std::move(path), options_.seed, true};
        f.diagnostic.file = story_.file;
        report_.findings.push_back(std::move(f));
    }

    // A finding about the whole exploration (something never happened): no path shows it.
    void add_finding(Diagnostic diagnostic) {
        add_finding(std::move(diagnostic), std::vector<int>{});
        report_.findings.back().has_path = false;
    }

    void expand(int id) {
        session_.restore(nodes_[id].state, {});
        const int scene = nodes_[id].state.scene;
        const std::vector<ChoiceView> views = session_.choices();
        note_choice_conditions(scene);
        bool any = false;
        for (const ChoiceView& view : views) {
            if (view.enabled) {
                any = true;
                take(id, view.index, view.number);
            }
        }
        nodes_[id].expanded = true;
        report_flooding(id, scene, views);
        if (!any) {
            nodes_[id].dead_end = true;
            report_dead_end(id, scene);
        }
    }

    void note_choice_conditions(int scene) {
        const std::vector<Choice>& choices = story_.scenes[scene].choices;
        for (std::size_t c = 0; c < choices.size(); ++c) {
            if (!choices[c].condition.empty()) {
                choice_sides_[scene][c] |=
                    session_.holds(choices[c].condition) ? SeenTrue : SeenFalse;
            }
        }
    }

    void take(int id, int choice, int number) {
        session_.restore(nodes_[id].state, {});
        const int scene = session_.state().scene;
        session_.choose(choice);
        ++report_.transitions;
        if (choice < static_cast<int>(report_.choice_taken[scene].size())) {
            report_.choice_taken[scene][choice] = 1; // not the engine's breath
        }
        const model::Outcome& outcome = session_.last_outcome();
        tracker_.note(scene, choice, outcome);
        Edge edge{choice, number, -1, -1, 0, 0};
        for (const model::Event& event : outcome.events) {
            const int c = event.character;
            if (c < 32 && event.kind == model::EventKind::Rupture) {
                edge.ruptured |= 1u << c;
            } else if (c < 32 && event.kind == model::EventKind::Repair) {
                edge.repaired |= 1u << c;
            }
        }
        report_assumed(id, number);
        if (session_.is_finished()) {
            edge.ending = session_.state().ending;
            arrive_at_ending(id, number);
        } else {
            note_scene_lines(session_.state());
            edge.node = add_node(session_.state(), id, number);
        }
        nodes_[id].edges.push_back(edge);
    }

    // Nobody stranded while flooded: when a menu closes choices because the player is
    // flooded, something open must really calm them (the engine's breath, or the story's own
    // self_soothe / take_break). And a menu whose every kind reply closes at once, leaving
    // only harsh ones, is worth a second look even with the breath there.
    void report_flooding(int id, int scene, const std::vector<ChoiceView>& views) {
        session_.restore(nodes_[id].state, {});
        if (!session_.closes_for_flooding()) {
            return;
        }
        const double before = session_.state().player.arousal;
        bool calms = false;
        bool kind_open = false;
        bool harsh_open = false;
        for (const ChoiceView& view : views) {
            if (!view.enabled) {
                continue;
            }
            const Choice& choice = story_.choice(scene, view.index);
            bool regulates = false;
            for (const MoveRef& ref : choice.moves) {
                regulates |= ref.move == Move::SelfSoothe || ref.move == Move::TakeBreak;
                const bool breath = view.id == breath_id;
                kind_open |= !breath && move_kind(ref.move) == MoveKind::Attuning;
                harsh_open |= move_kind(ref.move) == MoveKind::Misattuning;
            }
            if (regulates && !calms) {
                session_.restore(nodes_[id].state, {});
                session_.choose(view.index);
                // The breath stays in the menu, so it must open it again; a story's own
                // regulating choice leads on, and must at least calm.
                calms = view.id == breath_id ? !model::is_player_flooded(session_.state().player)
                                             : session_.state().player.arousal < before;
            }
        }
        if (!calms && stranded_reported_.insert(scene).second) {
            add_finding({Severity::Error, "stranded-while-flooded", "", 0, 0,
                         scene_pointer(scene) + "/choices",
                         "in scene '" + story_.scenes[scene].id +
                             "' choices close because the player is flooded, and nothing open "
                             "lets them calm down",
                         "Offer a choice with self_soothe or take_break, or check the model's "
                         "parameters: the breath must lower the player's arousal."},
                        path_to(id));
        }
        if (!kind_open && harsh_open && harsh_reported_.insert(scene).second) {
            add_finding({Severity::Warning, "only-harsh-when-flooded", "", 0, 0,
                         scene_pointer(scene) + "/choices",
                         "in scene '" + story_.scenes[scene].id +
                             "' a flooded player finds every kind reply closed at once, with "
                             "only misattuning ones (and the breath) open",
                         "Offer a kind reply that needs no settled body (self_soothe, "
                         "set_boundary, take_break, apologize), or lower the flooding here."},
                        path_to(id));
        }
    }

    // Continuity: the scene or ending just reached may assume facts a path must have
    // established first.
    void report_assumed(int from, int number) {
        const SessionState& s = session_.state();
        const bool ending = session_.is_finished();
        const std::vector<int>& assumes =
            ending ? story_.endings[s.ending].assumes : story_.scenes[s.scene].assumes();
        const int where = ending ? -1 - s.ending : s.scene;
        for (const int flag : assumes) {
            if (s.flags[flag] || !assumed_reported_.insert({where, flag}).second) {
                continue;
            }
            const std::string name = ending ? "ending '" + story_.endings[s.ending].id + "'"
                                            : "scene '" + story_.scenes[s.scene].id + "'";
            std::vector<int> path = path_to(from);
            path.push_back(number);
            add_finding({Severity::Error, "assumed-before-established", "", 0, 0,
                         (ending ? ending_pointer(s.ending) : scene_pointer(s.scene)) + "/assumes",
                         name + " assumes '" + story_.flags[flag] +
                             "', but a path reaches it before that is established",
                         "Establish it on every way in (a scene's \"establishes\" or a choice's "
                         "effects), or write this text so it doesn't take it for granted."},
                        std::move(path));
        }
    }

    void arrive_at_ending(int from, int number) {
        const SessionState& s = session_.state();
        report_.ending_reached[s.ending] = 1;
        note_lines(story_.endings[s.ending].lines, s.shown_lines, ending_line_sides_[s.ending]);
        mismatch_reported_.resize(story_.endings.size());
        if (story_.endings[s.ending].kind == EndingKind::Repaired &&
            any_rupture_open(s.characters) && !mismatch_reported_[s.ending]) {
            mismatch_reported_[s.ending] = 1;
            std::vector<int> path = path_to(from);
            path.push_back(number);
            Finding f = ending_mismatch(story_, s.ending, s.characters);
            add_finding(std::move(f.diagnostic), std::move(path));
        }
    }

    void report_dead_end(int id, int scene) {
        dead_end_reported_.resize(story_.scenes.size());
        if (dead_end_reported_[scene]) {
            return;
        }
        dead_end_reported_[scene] = 1;
        add_finding({Severity::Error, "dead-end-in-play", "", 0, 0,
                     scene_pointer(scene) + "/choices",
                     "scene '" + story_.scenes[scene].id +
                         "' can be reached with no choice available: the story stops there",
                     "Give this scene a choice with no condition, or make the conditions cover "
                     "every case."},
                    path_to(id));
    }

    Severity unreached_severity() const {
        return report_.budget_hit ? Severity::Warning : Severity::Error;
    }

    std::string unreached_suffix() const {
        return report_.budget_hit
                   ? " (within the state budget of " + std::to_string(options_.state_budget) + ")"
                   : "";
    }

    void report_coverage() {
        for (std::size_t s = 0; s < story_.scenes.size(); ++s) {
            if (!report_.scene_reached[s]) {
                add_finding({unreached_severity(), "never-reached", "", 0, 0, scene_pointer(int(s)),
                             "scene '" + story_.scenes[s].id + "' is never reached in play" +
                                 unreached_suffix(),
                             "Every way into it is behind a condition that never holds; check "
                             "those conditions."});
                continue;
            }
            report_choices(int(s));
            report_lines(story_.scenes[s].lines, scene_line_sides_[s], scene_pointer(int(s)));
        }
        for (std::size_t e = 0; e < story_.endings.size(); ++e) {
            if (!report_.ending_reached[e]) {
                add_finding({unreached_severity(), "ending-never-reached", "", 0, 0,
                             ending_pointer(int(e)),
                             "ending '" + story_.endings[e].id + "' is never reached in play" +
                                 unreached_suffix(),
                             "Check the conditions on the choices that lead to it."});
            } else {
                report_lines(story_.endings[e].lines, ending_line_sides_[e],
                             ending_pointer(int(e)));
            }
        }
    }

    void report_choices(int s) {
        const Scene& scene = story_.scenes[s];
        for (std::size_t c = 0; c < scene.choices.size(); ++c) {
            const Choice& choice = scene.choices[c];
            if (!report_.choice_taken[s][c]) {
                add_finding({unreached_severity(), "choice-never-enabled", "", 0, 0,
                             choice_pointer(s, int(c)),
                             "choice '" + std::string(choice.id) + "' in scene '" + scene.id +
                                 "' is never available in play" + unreached_suffix(),
                             choice.condition.empty()
                                 ? "It is blocked whenever this scene is reached (the player is "
                                   "flooded); offer a way to calm down first."
                                 : "Its condition '" + choice.condition.source() +
                                       "' never holds here; check it."});
            } else if (choice_sides_[s][c] == SeenTrue) {
                add_finding({Severity::Warning, "condition-always-true", "", 0, 0,
                             choice_pointer(s, int(c)) + "/if",
                             "the condition '" + choice.condition.source() + "' of choice '" +
                                 std::string(choice.id) + "' holds every time scene '" + scene.id +
                                 "' is reached",
                             "The choice is always available; remove the condition or check it."});
            }
        }
    }

    void report_lines(const std::vector<Line>& lines, const std::vector<std::uint8_t>& sides,
                      const std::string& where) {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (lines[i].condition.empty() || sides[i] == (SeenTrue | SeenFalse)) {
                continue;
            }
            const bool always = sides[i] == SeenTrue;
            add_finding({Severity::Warning, always ? "condition-always-true" : "line-never-shown",
                         "", 0, 0, where + "/lines/" + std::to_string(i) + "/if",
                         "the condition '" + lines[i].condition.source() + "' of this line " +
                             (always ? "holds every time" : "never holds") + unreached_suffix(),
                         always ? "The line always shows; remove the condition or check it."
                                : "The line is never shown; check its condition."});
        }
    }

    // States from which no ending can be reached: a loop with no way out.
    void report_traps() {
        std::vector<std::vector<int>> into(nodes_.size());
        std::vector<std::uint8_t> finishes(nodes_.size(), 0);
        std::vector<int> todo;
        for (std::size_t n = 0; n < nodes_.size(); ++n) {
            for (const Edge& e : nodes_[n].edges) {
                if (e.node >= 0) {
                    into[e.node].push_back(int(n));
                } else if (!finishes[n]) {
                    finishes[n] = 1;
                    todo.push_back(int(n));
                }
            }
        }
        while (!todo.empty()) {
            const int n = todo.back();
            todo.pop_back();
            for (const int from : into[n]) {
                if (!finishes[from]) {
                    finishes[from] = 1;
                    todo.push_back(from);
                }
            }
        }
        trap_reported_.assign(story_.scenes.size(), 0);
        for (std::size_t n = 0; n < nodes_.size(); ++n) {
            const int scene = nodes_[n].state.scene;
            if (finishes[n] || nodes_[n].dead_end || trap_reported_[scene]) {
                continue;
            }
            trap_reported_[scene] = 1;
            add_finding(
                {Severity::Error, "no-way-out", "", 0, 0, scene_pointer(scene),
                 "from scene '" + story_.scenes[scene].id +
                     "' the player can be caught in a loop that never reaches an ending",
                 "Give the scenes of this loop a choice that leads out, whatever the state."},
                path_to(int(n)));
        }
    }

    bool repair_reachable(int start, int character, int within) const {
        std::vector<int> frontier{start};
        std::unordered_set<int> seen{start};
        for (int depth = 0; depth < within && !frontier.empty(); ++depth) {
            std::vector<int> next;
            for (const int n : frontier) {
                if (!nodes_[n].expanded || !nodes_[n].state.characters[character].rupture_open) {
                    return true;
                }
                for (const Edge& e : nodes_[n].edges) {
                    if ((e.repaired >> character) & 1u || e.node == unexplored) {
                        return true;
                    }
                    if (e.node >= 0 && seen.insert(e.node).second) {
                        next.push_back(e.node);
                    }
                }
            }
            frontier = std::move(next);
        }
        return false;
    }

    void report_unrepaired_ruptures() {
        std::set<std::tuple<int, int, int>> reported;
        for (std::size_t n = 0; n < nodes_.size(); ++n) {
            const int scene = nodes_[n].state.scene;
            for (const Edge& e : nodes_[n].edges) {
                for (int c = 0; e.node >= 0 && c < static_cast<int>(story_.characters.size());
                     ++c) {
                    if (!((e.ruptured >> c) & 1u) || reported.count({scene, e.choice, c}) ||
                        repair_reachable(e.node, c, options_.repair_within)) {
                        continue;
                    }
                    reported.insert({scene, e.choice, c});
                    add_finding({Severity::Error, "rupture-without-repair", "", 0, 0,
                                 choice_pointer(scene, e.choice),
                                 "choice '" + std::string(story_.choice(scene, e.choice).id) +
                                     "' in scene '" + story_.scenes[scene].id +
                                     "' can open a rupture with " +
                                     story_.characters[c].profile.name +
                                     " that no repair can close within " +
                                     std::to_string(options_.repair_within) + " choices",
                                 why_no_repair(e.node, c)},
                                with_step(int(n), e));
                }
            }
        }
        report_starting_ruptures();
    }

    // A story may open after a falling-out (a character's "rupture": true): the player
    // needs a way to mend it too.
    void report_starting_ruptures() {
        if (nodes_.empty()) {
            return;
        }
        for (int c = 0; c < static_cast<int>(story_.characters.size()); ++c) {
            if (!nodes_[0].state.characters[c].rupture_open ||
                repair_reachable(0, c, options_.repair_within)) {
                continue;
            }
            add_finding({Severity::Error, "rupture-without-repair", "", 0, 0,
                         "/characters/" + std::to_string(c) + "/rupture",
                         "the story opens with a rupture with " +
                             story_.characters[c].profile.name +
                             " that no repair can close within " +
                             std::to_string(options_.repair_within) + " choices",
                         why_no_repair(0, c)},
                        std::vector<int>{});
        }
    }

    /// One repair move toward the character, tried while the rupture was open.
    struct RepairTry {
        int node = 0;
        int choice = 0;
    };

    // Why no repair closes a rupture with `character` within the limit, from `start`: which
    // repairs were on offer and the rule that held each back, with its numbers, then what
    // would work. When the story always ends sooner than the limit, says so instead of
    // suggesting a longer --repair-within.
    std::string why_no_repair(int start, int character) {
        std::vector<RepairTry> tries;
        std::set<std::pair<int, int>> tried; // (scene, choice), each explained once
        std::vector<int> frontier{start};
        std::unordered_set<int> seen{start};
        int ends_within = -1; // every path has ended after this many choices
        for (int depth = 0; depth < options_.repair_within; ++depth) {
            std::vector<int> next;
            for (const int n : frontier) {
                for (const Edge& e : nodes_[n].edges) {
                    const int scene = nodes_[n].state.scene;
                    if (offers_repair(scene, e.choice, character) &&
                        tried.insert({scene, e.choice}).second) {
                        tries.push_back({n, e.choice});
                    }
                    if (e.node >= 0 && seen.insert(e.node).second) {
                        next.push_back(e.node);
                    }
                }
            }
            frontier = std::move(next);
            if (frontier.empty()) {
                ends_within = depth + 1;
                break;
            }
        }
        const std::string& name = story_.characters[character].profile.name;
        std::string why;
        std::string advice;
        if (tries.empty()) {
            why = "No choice within " + std::to_string(options_.repair_within) +
                  " choices after this offers a repair move (apologize, repair, "
                  "take_responsibility, humor) toward " +
                  name + ".";
            advice = "Offer one soon after this choice, e.g. take_responsibility with apologize.";
        } else {
            for (std::size_t t = 0; t < tries.size() && t < 2; ++t) {
                const auto [reason, fix] = explain_try(tries[t], character);
                why += (why.empty() ? "" : " ") + reason;
                advice = advice.empty() ? fix : advice;
            }
        }
        if (ends_within >= 0) {
            advice += " The story ends at most " + std::to_string(ends_within) +
                      (ends_within == 1 ? " choice" : " choices") +
                      " after this, so a longer --repair-within would not help: the way back "
                      "has to come before the ending.";
        } else {
            advice += " If a longer way back is meant, raise --repair-within.";
        }
        return "Why: " + why + " " + advice;
    }

    bool offers_repair(int scene, int choice, int character) const {
        for (const MoveRef& ref : story_.choice(scene, choice).moves) {
            if (ref.target == character && model::is_repair_move(ref.move)) {
                return true;
            }
        }
        return false;
    }

    static std::string whole(double value) { return std::to_string(std::lround(value)); }

    static std::string times(double factor) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%g", factor);
        return std::string("x") + buffer;
    }

    // The rule that held one repair back, in words and numbers, and what would work.
    std::pair<std::string, std::string> explain_try(const RepairTry& attempt, int character) {
        const SessionState& before = nodes_[attempt.node].state;
        const model::State& s = before.characters[character];
        const model::Params& p = session_.params();
        const model::Profile& who = story_.characters[character].profile;
        session_.restore(before, {});
        session_.choose(attempt.choice);
        double gain = 0;
        for (const model::Cause& cause : session_.last_outcome().causes) {
            if (cause.character == character && model::is_repair_move(cause.move)) {
                gain = cause.d_safety;
                break;
            }
        }
        const Scene& scene = story_.scenes[before.scene];
        const std::string what =
            "choice '" + std::string(story_.choice(before.scene, attempt.choice).id) +
            "' in scene '" + scene.id + "' restores " + whole(std::max(0.0, gain)) +
            " safety of the " + whole(p.repair_need - s.repair_progress) + " still needed";
        if (model::is_flooded(s)) {
            return {what + ": " + who.name + " is still flooded (arousal " + whole(s.arousal) +
                        ", above " + model::person_word(who, model::PersonWord::Possessive) +
                        " window's " + whole(s.window_high) +
                        "), so attunement barely gets through (" + times(p.flooded_factor) +
                        ", attuned_while_flooded).",
                    "Let " + who.name +
                        " calm down first: a choice that gives room or time "
                        "(take_break, then return) before the repair."};
        }
        if (s.double_deviation) {
            return {what +
                        ": the same hurt twice: this rupture repeats one repaired moments "
                        "ago, so repairs count " +
                        times(p.double_deviation_factor) + " (repair_after_repeat_hurt).",
                    "Don't offer the same hurt again straight after a repair, or give a fuller "
                    "way back: take_responsibility with apologize, then reflect."};
        }
        if (s.override == model::Override::Negative) {
            return {what + ": negative override: hurt has piled up, so " + who.name +
                        " hears even kind words as cold and repairs count " +
                        times(p.override_negative_discount) + " (negative_override_discounts).",
                    "Build goodwill before the repair: a few attuning moves (validate, reflect, "
                    "appreciate) lift the override; or offer the repair twice."};
        }
        return {what + ": one repair alone is not enough here.",
                "Make the repair fuller (take_responsibility with apologize in one choice), or "
                "offer a second repair soon after."};
    }

    std::vector<int> with_step(int node, const Edge& edge) const {
        std::vector<int> path = path_to(node);
        path.push_back(edge.number);
        return path;
    }
};

} // namespace

ExploreReport explore_story(const std::shared_ptr<const Story>& story,
                            const std::shared_ptr<const model::Params>& params,
                            const ExploreOptions& options) {
    return Explorer(story, params, options).run();
}

} // namespace attune
