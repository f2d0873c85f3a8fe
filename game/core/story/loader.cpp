#include "story/loader.h"

#include "base/json_fields.h"
#include "base/text_file.h"
#include "model/sentences.h"
#include "story/condition_cover.h"
#include "story/text.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace attune {

namespace {

using nlohmann::json;

std::string in_quotes(std::string_view s) {
    return "'" + std::string(s) + "'";
}

std::string join_words(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) {
        out += (out.empty() ? "" : ", ") + w;
    }
    return out;
}

bool is_valid_id(std::string_view id) {
    if (id.empty() || id.size() > 64 ||
        !(std::islower(static_cast<unsigned char>(id[0])) ||
          std::isdigit(static_cast<unsigned char>(id[0])))) {
        return false;
    }
    return std::all_of(id.begin(), id.end(), [](char c) {
        return std::islower(static_cast<unsigned char>(c)) ||
               std::isdigit(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
}

bool is_valid_name(std::string_view name) {
    if (name.empty() || name.size() > 64 ||
        !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) {
        return false;
    }
    return std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    });
}

const std::vector<std::string> character_fields = {"safety",    "distance", "arousal", "flooded",
                                                   "shut_down", "rupture",  "repairs"};

/// Names in the order declared, with an index so that resolving each of many references
/// costs one lookup.
struct NameList {
    std::vector<std::string> names;
    std::unordered_map<std::string, int> index; // the first position of each name

    void add(const std::string& name) {
        index.emplace(name, static_cast<int>(names.size()));
        names.push_back(name);
    }
    int find(const std::string& name) const {
        const auto it = index.find(name);
        return it == index.end() ? -1 : it->second;
    }
};

/// Ids in the order declared (an id given wrongly is ""), and their positions sorted by id,
/// so that resolving each of a big story's many "next"s costs a binary search and the
/// index 4 bytes an id: a hash map of strings took 3 MB at 45,000 scenes.
struct IdList {
    std::vector<std::string> ids;
    std::vector<int> by_id; // positions, sorted by id and, among equal ids, by position

    void index() {
        by_id.resize(ids.size());
        std::iota(by_id.begin(), by_id.end(), 0);
        std::stable_sort(by_id.begin(), by_id.end(), [&](int a, int b) { return ids[a] < ids[b]; });
    }
    /// The first position of `id`, or -1.
    int find(std::string_view id) const {
        const auto it = std::lower_bound(
            by_id.begin(), by_id.end(), id,
            [&](int position, std::string_view key) { return ids[position] < key; });
        return it != by_id.end() && ids[*it] == id ? *it : -1;
    }
};

/// Validates and resolves one story document. Reports every problem it can find rather
/// than stopping at the first, so an author can fix a file in one pass.
class Loader {
public:
    Loader(const JsonDocument& doc, std::vector<Diagnostic>& out)
        : doc_(doc), out_(out), texts_(std::make_shared<StoryText>(doc.shared_text())) {}

    std::shared_ptr<Story> run() {
        const json& root = doc_.value();
        if (!root.is_object()) {
            error("not-a-story", "", "the file holds " + kind_words(root) + ", not a story object",
                  "A story file starts with '{' and has keys such as \"id\", \"title\" and "
                  "\"scenes\".");
            return nullptr;
        }
        story_.file = doc_.file();
        story_.texts = texts_;
        check_keys(root, "",
                   {"$schema", "format", "id", "title", "version", "language", "summary",
                    "relationship", "minutes", "age_band", "content_notes", "author", "player",
                    "start", "variables", "flags", "characters", "scenes", "endings"});
        read_format(root);
        read_info(root);
        read_player(root);
        collect_names(root);
        read_characters(root);
        read_scenes(root);
        read_endings(root);
        read_start(root);
        if (doc_.broken()) {
            return nullptr; // an entry is not JSON: load() reports that instead
        }
        check_reachability();
        warn_unused_flags();
        if (has_errors(out_)) {
            return nullptr;
        }
        return std::make_shared<Story>(std::move(story_));
    }

private:
    const JsonDocument& doc_;
    std::vector<Diagnostic>& out_;
    Story story_;
    std::shared_ptr<StoryText> texts_;
    // The entry being read, kept as text: its texts are looked for there, from just past
    // the last one found (they come in the order they are read), not in the whole file.
    JsonSpan entry_;
    std::size_t after_last_text_ = 0;
    IdList scenes_;
    IdList endings_;
    std::vector<std::string> character_ids_;
    NameList variables_;
    NameList flags_;

    void error(std::string code, std::string pointer, std::string message, std::string fix) {
        out_.push_back(
            doc_.problem(std::move(code), std::move(pointer), std::move(message), std::move(fix)));
    }
    void warn(std::string code, std::string pointer, std::string message, std::string fix) {
        out_.push_back(doc_.problem(std::move(code), std::move(pointer), std::move(message),
                                    std::move(fix), Severity::Warning));
    }

    // ---- typed readers: each reports a wrong type or a missing key itself ----

    void check_keys(const json& object, const std::string& ptr,
                    std::initializer_list<const char*> allowed) {
        // Runs for every object in the story, so it allocates nothing unless a key is wrong.
        // A plain reference, not a structured binding: clang 14 cannot capture those.
        for (const auto& item : object.items()) {
            const std::string& key = item.key();
            const bool known = std::any_of(allowed.begin(), allowed.end(),
                                           [&](const char* name) { return key == name; });
            if (!known) {
                out_.push_back(
                    unknown_key(doc_, ptr + "/" + key, key,
                                std::vector<std::string>(allowed.begin(), allowed.end())));
            }
        }
    }

    const json* field(const json& object, const std::string& key, const std::string& ptr,
                      bool required, json::value_t type, const char* what) {
        const auto it = object.find(key);
        if (it == object.end()) {
            if (required) {
                out_.push_back(missing_key(doc_, ptr, key, what));
            }
            return nullptr;
        }
        const bool number_ok = type == json::value_t::number_float && it->is_number();
        if (it->type() != type && !number_ok) {
            out_.push_back(wrong_kind(doc_, ptr + "/" + key, key, what, *it));
            return nullptr;
        }
        return &*it;
    }

    std::string text(const json& object, const std::string& key, const std::string& ptr,
                     bool required) {
        const json* value =
            field(object, key, ptr, required, json::value_t::string, "text in quotes");
        return value ? value->get<std::string>() : std::string();
    }

    std::optional<double> number(const json& object, const std::string& key, const std::string& ptr,
                                 bool required, double low, double high) {
        const json* value =
            field(object, key, ptr, required, json::value_t::number_float, "a number");
        if (!value) {
            return std::nullopt;
        }
        const double n = value->get<double>();
        if (n < low || n > high) {
            out_.push_back(out_of_range(doc_, ptr + "/" + key, key, n, low, high));
            return std::nullopt;
        }
        return n;
    }

    // Keeps sums of variables far from overflow; see variable_limit.
    bool within_variable_limit(const json& value, const std::string& ptr) {
        if (std::abs(value.get<double>()) <= variable_limit) {
            return true;
        }
        error("out-of-range", ptr, "the number " + value.dump() + " is too large for a variable",
              "Variables hold numbers from -1000000000 to 1000000000; use a smaller one.");
        return false;
    }

    std::vector<std::string> text_list(const json& object, const std::string& key,
                                       const std::string& ptr) {
        std::vector<std::string> out;
        const json* list = field(object, key, ptr, false, json::value_t::array, "a list of texts");
        if (!list) {
            return out;
        }
        for (std::size_t i = 0; i < list->size(); ++i) {
            if (!(*list)[i].is_string()) {
                error("wrong-type", ptr + "/" + key + "/" + std::to_string(i),
                      "each entry of " + in_quotes(key) + " should be text but this is " +
                          kind_words((*list)[i]),
                      "Put the entry in double quotes.");
                continue;
            }
            out.push_back((*list)[i].get<std::string>());
        }
        return out;
    }

    int choose_word(const json& object, const std::string& key, const std::string& ptr,
                    bool required, const std::vector<std::string>& words, int fallback) {
        const std::string word = text(object, key, ptr, required);
        if (word.empty()) {
            return fallback;
        }
        const auto it = std::find(words.begin(), words.end(), word);
        if (it == words.end()) {
            error("unknown-value", ptr + "/" + key, in_quotes(word) + " is not a known " + key,
                  did_you_mean(word, words) + "Use one of: " + join_words(words) + ".");
            return fallback;
        }
        return static_cast<int>(it - words.begin());
    }

    // ---- sections ----

    void read_format(const json& root) {
        const auto format = number(root, "format", "", false, 1, 1000);
        if (format && *format != story_format_version) {
            error("format-version", "/format",
                  "this story uses format " + root["format"].dump() +
                      " but this Attune reads format " + std::to_string(story_format_version),
                  "Update Attune, or set \"format\": " + std::to_string(story_format_version) +
                      ".");
        }
    }

    void read_info(const json& root) {
        StoryInfo& info = story_.info;
        info.id = text(root, "id", "", true);
        if (!info.id.empty() && !is_valid_id(info.id)) {
            bad_id("/id", info.id);
        }
        info.title = text(root, "title", "", true);
        info.version = text(root, "version", "", true);
        if (root.contains("language")) {
            info.language = text(root, "language", "", false);
        }
        info.summary = text(root, "summary", "", true);
        info.relationship = static_cast<Relationship>(
            choose_word(root, "relationship", "", true, relationship_names(), 0));
        info.minutes = static_cast<int>(number(root, "minutes", "", true, 1, 600).value_or(0));
        info.age_band = text(root, "age_band", "", true);
        info.content_notes = text_list(root, "content_notes", "");
        info.author = text(root, "author", "", true);
    }

    void read_player(const json& root) {
        const json* player = field(root, "player", "", false, json::value_t::object, "an object");
        if (!player) {
            return;
        }
        check_keys(*player, "/player", {"name"});
        if (player->contains("name")) {
            story_.player_name = text(*player, "name", "/player", false);
        }
    }

    void bad_id(const std::string& ptr, std::string_view id) {
        error("bad-id", ptr, in_quotes(id) + " is not a usable id",
              "Ids use lower-case letters, digits, '-' and '_', start with a letter or digit, and "
              "are at most 64 characters, e.g. \"kitchen-2\".");
    }

    // First pass: every id and name, so later sections can refer forward.
    void collect_names(const json& root) {
        collect_ids(root, "scenes", scenes_.ids);
        collect_ids(root, "endings", endings_.ids);
        collect_ids(root, "characters", character_ids_);
        scenes_.index();
        endings_.index();
        for (std::size_t i = 0; i < endings_.ids.size(); ++i) {
            const std::string& id = endings_.ids[i];
            if (!id.empty() && scenes_.find(id) >= 0) {
                error("duplicate-id", "/endings/" + std::to_string(i) + "/id",
                      "ending id " + in_quotes(id) + " is also a scene id",
                      "Scenes and endings share one set of ids; rename one of them.");
            }
        }
        read_variables(root);
        read_flags(root);
    }

    // ---- the big lists ("scenes", "endings"), which the document may keep as text ----

    std::size_t entry_count(const json& list, const char* section) const {
        const std::vector<JsonSpan>* spans = doc_.section(section);
        return spans ? spans->size() : list.size();
    }

    // Entry `i`: parsed into `holder` from the text when the document kept the list as
    // text (so only one scene's tree exists at a time), else the one in the tree.
    const json& entry_at(const json& list, const char* section, std::size_t i, json& holder) {
        const std::vector<JsonSpan>* spans = doc_.section(section);
        if (!spans) {
            entry_ = {};
            after_last_text_ = 0;
            return list[i];
        }
        entry_ = (*spans)[i];
        after_last_text_ = entry_.begin;
        holder = doc_.entry(entry_);
        return holder;
    }

    // `text` as a view that lives as long as the story: into the file's bytes when the
    // entry being read holds it verbatim, as nearly every text is written.
    std::string_view keep(std::string_view text) {
        const std::string_view kept =
            texts_->keep(text, entry_.begin, after_last_text_, entry_.end);
        const std::string_view file(doc_.text());
        const std::less<const char*> before;
        if (!before(kept.data(), file.data()) && before(kept.data(), file.data() + file.size())) {
            after_last_text_ = static_cast<std::size_t>(kept.data() - file.data()) + kept.size();
        }
        return kept;
    }

    // The entry's id when the text says it plainly, read without parsing the entry.
    std::optional<std::string> plain_id(const char* section, std::size_t i) const {
        const std::vector<JsonSpan>* spans = doc_.section(section);
        if (!spans) {
            return std::nullopt;
        }
        const std::optional<std::string_view> id = doc_.plain_member((*spans)[i], "id");
        return id ? std::optional<std::string>(std::string(*id)) : std::nullopt;
    }

    void collect_ids(const json& root, const char* section, std::vector<std::string>& ids) {
        const json* list = field(root, section, "", true, json::value_t::array, "a list");
        if (!list) {
            return;
        }
        const std::string ptr = std::string("/") + section;
        const std::size_t count = entry_count(*list, section);
        if (count > max_scenes) {
            error("too-many", ptr,
                  std::string("the story has ") + std::to_string(count) + " " + section +
                      ", more than the " + std::to_string(max_scenes) + " Attune reads",
                  "Split the story into several stories.");
            // Not read further, but a syntax error in an entry still comes first.
            json holder;
            for (std::size_t i = 0; i < count; ++i) {
                entry_at(*list, section, i, holder);
            }
            return;
        }
        std::unordered_set<std::string> seen(ids.begin(), ids.end()); // duplicates found in O(1)
        ids.reserve(count); // exactly: grown by doubling, 45,000 ids had room for 65,536
        for (std::size_t i = 0; i < count; ++i) {
            const std::string item_ptr = ptr + "/" + std::to_string(i);
            std::optional<std::string> plain = plain_id(section, i);
            json holder;
            const json& item = plain ? holder : entry_at(*list, section, i, holder);
            std::string id;
            if (plain || item.is_object()) {
                id = plain ? std::move(*plain) : text(item, "id", item_ptr, true);
                if (!id.empty() && !is_valid_id(id)) {
                    bad_id(item_ptr + "/id", id);
                }
                if (!id.empty() && !seen.insert(id).second) {
                    error("duplicate-id", item_ptr + "/id",
                          "the id " + in_quotes(id) + " is used twice in " + section,
                          "Give each entry its own id.");
                }
            } else {
                error("wrong-type", item_ptr,
                      std::string("each entry of '") + section +
                          "' should be an object but this is " + kind_words(item),
                      "Write { \"id\": ..., ... } here.");
            }
            ids.push_back(id);
        }
    }

    void read_variables(const json& root) {
        const json* vars = field(root, "variables", "", false, json::value_t::object,
                                 "an object of names and numbers");
        if (!vars) {
            return;
        }
        for (const auto& [name, value] : vars->items()) {
            const std::string ptr = "/variables/" + name;
            if (!is_valid_name(name)) {
                error("bad-name", ptr, in_quotes(name) + " is not a usable variable name",
                      "Use letters, digits and '_', starting with a letter, e.g. \"courage\".");
                continue;
            }
            // A variable with a wrong start is still declared, so that each of its uses is
            // not reported too, as unknown, with a fix to declare what is declared.
            double initial = 0;
            if (!value.is_number()) {
                error("wrong-type", ptr,
                      "variable " + in_quotes(name) + " should start as a number but is " +
                          kind_words(value),
                      "Write a starting number, e.g. \"" + name + "\": 0.");
            } else if (within_variable_limit(value, ptr)) {
                initial = value.get<double>();
            }
            story_.variables.push_back({name, initial});
            variables_.add(name);
        }
    }

    void read_flags(const json& root) {
        story_.flags = text_list(root, "flags", "");
        for (std::size_t i = 0; i < story_.flags.size(); ++i) {
            if (!is_valid_name(story_.flags[i])) {
                error("bad-name", "/flags/" + std::to_string(i),
                      in_quotes(story_.flags[i]) + " is not a usable flag name",
                      "Use letters, digits and '_', starting with a letter, e.g. \"apologized\".");
            }
        }
        for (const std::string& flag : story_.flags) {
            flags_.add(flag);
        }
    }

    void read_characters(const json& root) {
        const json* list = root.contains("characters") && root["characters"].is_array()
                               ? &root["characters"]
                               : nullptr;
        if (!list) {
            return;
        }
        if (list->empty()) {
            error("no-characters", "/characters", "the story has no characters",
                  "Add at least one character the player talks with.");
        }
        for (std::size_t i = 0; i < list->size(); ++i) {
            if ((*list)[i].is_object()) {
                read_character((*list)[i], "/characters/" + std::to_string(i), character_ids_[i]);
            }
        }
    }

    // `id` was read (and checked) by collect_names; an id of the wrong type is "".
    void read_character(const json& item, const std::string& ptr, const std::string& id) {
        check_keys(item, ptr,
                   {"id", "name", "pronouns", "role", "anxiety", "avoidance", "safety", "distance",
                    "arousal", "rupture", "window", "color"});
        Character c;
        c.id = id;
        c.profile.name = text(item, "name", ptr, true);
        warn_if_name_taken(c.profile.name, ptr);
        c.pronouns = text(item, "pronouns", ptr, true);
        c.role = text(item, "role", ptr, true);
        c.color = text(item, "color", ptr, false);
        if (!c.color.empty() && !is_color(c.color)) {
            error("bad-color", ptr + "/color", in_quotes(c.color) + " is not a colour",
                  "Write a colour as \"#rrggbb\", e.g. \"#f2b46d\".");
        }
        if (!c.pronouns.empty() && !set_pronouns(c.pronouns, c.profile)) {
            error("bad-pronouns", ptr + "/pronouns",
                  "pronouns " + in_quotes(c.pronouns) + " are not recognised",
                  "Write them as \"she/her\", \"he/him\", \"they/them\", or give all three forms, "
                  "e.g. \"xe/xem/xyr\".");
        }
        c.profile.anxiety = number(item, "anxiety", ptr, true, 0, 1).value_or(0.3);
        c.profile.avoidance = number(item, "avoidance", ptr, true, 0, 1).value_or(0.3);
        c.profile.safety = number(item, "safety", ptr, true, 0, 100).value_or(50);
        c.profile.distance = number(item, "distance", ptr, true, 0, 100).value_or(50);
        read_window(item, ptr, c.profile);
        read_starting_state(item, ptr, c.profile);
        story_.characters.push_back(std::move(c));
    }

    // Where the story starts for this character: already stirred up, or already after a
    // falling-out (a rupture open from the first scene, which a repair can close).
    void read_starting_state(const json& item, const std::string& ptr, model::Profile& profile) {
        profile.arousal = number(item, "arousal", ptr, false, 0, 100).value_or(-1);
        if (const json* rupture =
                field(item, "rupture", ptr, false, json::value_t::boolean, "true or false")) {
            profile.starts_ruptured = rupture->get<bool>();
        }
    }

    // Ids tell characters apart for the game; names tell them apart for players, so two
    // characters with one name would still play, but players could not tell who is who.
    void warn_if_name_taken(const std::string& name, const std::string& ptr) {
        const auto same = std::find_if(story_.characters.begin(), story_.characters.end(),
                                       [&](const Character& c) { return c.profile.name == name; });
        if (name.empty() || same == story_.characters.end()) {
            return;
        }
        warn("duplicate-name", ptr + "/name",
             "the name " + in_quotes(name) + " is also the name of character " +
                 in_quotes(same->id),
             "Give each character a name players can tell apart, such as a surname or a "
             "nickname.");
    }

    static bool is_color(const std::string& s) {
        return s.size() == 7 && s[0] == '#' && std::all_of(s.begin() + 1, s.end(), [](char ch) {
                   return std::isxdigit(static_cast<unsigned char>(ch));
               });
    }

    void read_window(const json& item, const std::string& ptr, model::Profile& profile) {
        const json* window = field(item, "window", ptr, false, json::value_t::object,
                                   "an object with \"low\" and \"high\"");
        if (!window) {
            return;
        }
        const std::string wptr = ptr + "/window";
        check_keys(*window, wptr, {"low", "high"});
        const auto low = number(*window, "low", wptr, true, 0, 100);
        const auto high = number(*window, "high", wptr, true, 0, 100);
        if (low && high && *low >= *high) {
            error("bad-window", wptr, "the window's low edge must be below its high edge",
                  "Use for example { \"low\": 15, \"high\": 70 }.");
            return;
        }
        profile.window_low = low.value_or(-1);
        profile.window_high = high.value_or(-1);
    }

    void read_scenes(const json& root) {
        const json* list =
            root.contains("scenes") && root["scenes"].is_array() ? &root["scenes"] : nullptr;
        // More scenes than Attune reads: collect_ids said so and kept no ids.
        if (!list || entry_count(*list, "scenes") != scenes_.ids.size()) {
            return;
        }
        if (scenes_.ids.empty()) {
            error("no-scenes", "/scenes", "the story has no scenes", "Add at least one scene.");
        }
        story_.scenes.resize(scenes_.ids.size());
        json holder;
        for (std::size_t i = 0; i < scenes_.ids.size(); ++i) {
            const json& item = entry_at(*list, "scenes", i, holder);
            if (item.is_object()) {
                story_.scenes[i].id = scenes_.ids[i];
                read_scene(item, "/scenes/" + std::to_string(i), story_.scenes[i]);
            }
        }
    }

    // A prompt is text, or {"text": ..., "personal": true} when it asks about the
    // participants' own lives: such prompts are never projected to a room by default.
    void read_discussion(const json& item, const std::string& ptr, Scene& scene) {
        const json* list =
            field(item, "discussion", ptr, false, json::value_t::array, "a list of questions");
        if (!list) {
            return;
        }
        SceneNotes& notes = scene.notes.edit();
        for (std::size_t i = 0; i < list->size(); ++i) {
            const json& entry = (*list)[i];
            const std::string eptr = ptr + "/discussion/" + std::to_string(i);
            if (entry.is_string()) {
                notes.discussion.push_back(entry.get<std::string>());
                notes.discussion_personal.push_back(false);
                continue;
            }
            if (!entry.is_object()) {
                error("wrong-type", eptr,
                      "each discussion question should be text or an object but this is " +
                          kind_words(entry),
                      "Write the question in double quotes, or as { \"text\": \"...\", "
                      "\"personal\": true } when it asks about the group's own lives.");
                continue;
            }
            check_keys(entry, eptr, {"text", "personal"});
            std::string prompt = text(entry, "text", eptr, true);
            const json* personal =
                field(entry, "personal", eptr, false, json::value_t::boolean, "true or false");
            notes.discussion.push_back(std::move(prompt));
            notes.discussion_personal.push_back(personal && personal->get<bool>());
        }
    }

    void read_scene(const json& item, const std::string& ptr, Scene& scene) {
        check_keys(item, ptr,
                   {"id", "title", "content_notes", "lines", "choices", "facilitator_note",
                    "discussion", "time", "feels", "establishes", "assumes"});
        scene.title = text(item, "title", ptr, false);
        scene.minutes = read_time(item, ptr);
        SceneSetup setup{read_scene_feels(item, ptr), flag_list(item, "establishes", ptr),
                         flag_list(item, "assumes", ptr)};
        if (!setup.feels.empty() || !setup.establishes.empty() || !setup.assumes.empty()) {
            scene.setup.edit() = std::move(setup);
        }
        if (std::vector<std::string> notes = text_list(item, "content_notes", ptr);
            !notes.empty()) {
            scene.notes.edit().content_notes = std::move(notes);
        }
        if (std::string note = text(item, "facilitator_note", ptr, false); !note.empty()) {
            scene.notes.edit().facilitator_note = std::move(note);
        }
        read_discussion(item, ptr, scene);
        scene.lines = read_lines(item, ptr);
        const json* choices =
            field(item, "choices", ptr, true, json::value_t::array, "a list of choices");
        if (!choices) {
            return;
        }
        if (choices->size() > max_choices) {
            error("too-many", ptr + "/choices",
                  "the scene has " + std::to_string(choices->size()) + " choices, more than the " +
                      std::to_string(max_choices) + " Attune shows",
                  "Split the choices over several scenes.");
            return;
        }
        if (choices->empty()) {
            error("dead-end", ptr + "/choices",
                  "scene " + in_quotes(scene.id) + " has no choices and is not an ending",
                  "Add a choice that leads on, or make this an ending in \"endings\".");
        }
        scene.choices.reserve(choices->size()); // exactly: 45,000 scenes of spare room add up
        for (std::size_t i = 0; i < choices->size(); ++i) {
            const std::string cptr = ptr + "/choices/" + std::to_string(i);
            if (!(*choices)[i].is_object()) {
                error(
                    "wrong-type", cptr,
                    "each choice should be an object but this is " + kind_words((*choices)[i]),
                    "Write { \"id\": ..., \"text\": ..., \"moves\": [...], \"next\": ... } here.");
                continue;
            }
            Choice choice = read_choice((*choices)[i], cptr);
            for (const Choice& other : scene.choices) {
                if (!choice.id.empty() && other.id == choice.id) {
                    error("duplicate-id", cptr + "/id",
                          "the choice id " + in_quotes(choice.id) + " is used twice in this scene",
                          "Give each choice in a scene its own id.");
                }
            }
            scene.choices.push_back(std::move(choice));
        }
        check_all_conditional(scene, ptr);
    }

    void check_all_conditional(const Scene& scene, const std::string& ptr) {
        std::vector<const Expression*> conditions;
        for (const Choice& choice : scene.choices) {
            if (choice.condition.empty()) {
                return;
            }
            conditions.push_back(&choice.condition);
        }
        if (!conditions.empty() && !one_condition_always_holds(conditions)) {
            warn("maybe-dead-end", ptr + "/choices",
                 "every choice in scene " + in_quotes(scene.id) +
                     " has a condition, so the player could be left with none",
                 "Give at least one choice no condition, or check with 'attune check --explore'.");
        }
    }

    std::vector<Line> read_lines(const json& item, const std::string& ptr) {
        std::vector<Line> lines;
        const json* list =
            field(item, "lines", ptr, false, json::value_t::array, "a list of lines");
        if (!list) {
            return lines;
        }
        lines.reserve(list->size());
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string lptr = ptr + "/lines/" + std::to_string(i);
            const json& entry = (*list)[i];
            if (entry.is_string()) {
                lines.push_back(Line{-1, parse_text(entry.get<std::string>(), lptr, {}), {}, {}});
            } else if (entry.is_object()) {
                lines.push_back(read_line(entry, lptr));
            } else {
                error("wrong-type", lptr,
                      "each line should be text or an object but this is " + kind_words(entry),
                      "Write narration as \"text\", or a spoken line as { \"speaker\": \"sam\", "
                      "\"text\": \"...\" }.");
            }
        }
        return lines;
    }

    Line read_line(const json& entry, const std::string& ptr) {
        check_keys(entry, ptr, {"speaker", "text", "if", "moves", "feels"});
        Line line;
        const std::string speaker = text(entry, "speaker", ptr, false);
        if (!speaker.empty()) {
            line.speaker = character_index(speaker, ptr + "/speaker");
        }
        line.text = parse_text(text(entry, "text", ptr, true), ptr, "text");
        line.condition = parse_condition(entry, ptr);
        if (std::vector<MoveRef> moves = read_moves(entry, ptr, true); !moves.empty()) {
            if (line.speaker < 0) {
                error("moves-without-speaker", ptr + "/moves",
                      "a narration line cannot make a move",
                      "Add \"speaker\": the character who makes the move toward the player.");
            }
            line.acts.edit().moves = std::move(moves);
        }
        read_line_feels(entry, ptr, line);
        return line;
    }

    Choice read_choice(const json& item, const std::string& ptr) {
        check_keys(item, ptr,
                   {"id", "text", "moves", "if", "when_unavailable", "reason", "effects", "next"});
        Choice choice;
        choice.id = keep(text(item, "id", ptr, true));
        if (!choice.id.empty() && !is_valid_id(choice.id)) {
            bad_id(ptr + "/id", choice.id);
        }
        if (choice.id == breath_id) {
            error("reserved-id", ptr + "/id",
                  in_quotes(choice.id) + " is the id of the game's own \"Take a breath.\"",
                  "Give this choice another id; the game offers its breath by itself when a "
                  "flooded player needs one.");
        }
        choice.text = parse_text(text(item, "text", ptr, true), ptr, "text");
        for (const MoveRef& move : read_moves(item, ptr, false)) {
            choice.moves.push_back(move);
        }
        if (item.contains("moves") && choice.moves.empty() && !has_errors_at(ptr + "/moves")) {
            error("no-moves", ptr + "/moves", "this choice has an empty list of moves",
                  "Every choice makes at least one move; use \"neutral\" if it really makes none.");
        }
        choice.condition = parse_condition(item, ptr);
        choice.show_when_unavailable =
            choose_word(item, "when_unavailable", ptr, false, {"hide", "show"}, 0) == 1;
        Template reason = parse_text(text(item, "reason", ptr, false), ptr, "reason");
        if (choice.show_when_unavailable && reason.source.empty()) {
            error("missing-key", ptr, "a choice shown when unavailable needs a \"reason\"",
                  "Add \"reason\": a short sentence saying why it can't be chosen yet.");
        }
        if (!reason.source.empty()) {
            choice.extras.edit().reason = std::move(reason);
        }
        if (Effects effects = read_effects(item, ptr); !effects.empty()) {
            choice.extras.edit().effects = std::move(effects);
        }
        choice.next = read_target(item, ptr);
        return choice;
    }

    bool has_errors_at(const std::string& ptr) const {
        return std::any_of(out_.begin(), out_.end(),
                           [&](const Diagnostic& d) { return d.pointer.rfind(ptr, 0) == 0; });
    }

    std::vector<MoveRef> read_moves(const json& item, const std::string& ptr, bool toward_player) {
        std::vector<MoveRef> moves;
        const json* list =
            field(item, "moves", ptr, !toward_player, json::value_t::array, "a list of moves");
        if (!list) {
            return moves;
        }
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string mptr = ptr + "/moves/" + std::to_string(i);
            const json& entry = (*list)[i];
            if (!entry.is_object()) {
                error("wrong-type", mptr,
                      "each move should be an object but this is " + kind_words(entry),
                      "Write { \"move\": \"validate\", \"to\": \"sam\" }.");
                continue;
            }
            if (auto move = read_move(entry, mptr, toward_player)) {
                moves.push_back(*move);
            }
        }
        return moves;
    }

    std::optional<MoveRef> read_move(const json& entry, const std::string& ptr,
                                     bool toward_player) {
        check_keys(entry, ptr, {"move", "to"});
        const std::string name = text(entry, "move", ptr, true);
        if (name.empty()) {
            return std::nullopt;
        }
        const auto move = move_from_name(name);
        if (!move) {
            error("unknown-move", ptr + "/move", in_quotes(name) + " is not a move Attune knows",
                  move_suggestion(name) + "The moves are listed in docs/model.md.");
            return std::nullopt;
        }
        MoveRef ref{*move, player_target};
        const std::string to = text(entry, "to", ptr, false);
        if (toward_player) {
            if (!to.empty() && to != "player") {
                error("bad-target", ptr + "/to",
                      "a character's line can only make a move toward the player",
                      "Remove \"to\", or write \"to\": \"player\".");
            }
            return ref;
        }
        if (to.empty()) {
            if (story_.characters.size() != 1) {
                error("missing-key", ptr, "this move does not say who it is toward",
                      "Add \"to\": the id of the character, e.g. \"to\": \"" +
                          (character_ids_.empty() ? std::string("sam") : character_ids_[0]) +
                          "\".");
                return std::nullopt;
            }
            ref.target = 0;
            return ref;
        }
        ref.target = character_index(to, ptr + "/to");
        return ref.target >= 0 ? std::optional<MoveRef>(ref) : std::nullopt;
    }

    // "Did you mean 'take_responsibility'? " for a misspelling, a different spelling
    // (Take-Responsibility, apologise) or an everyday word for a move (listen, sorry).
    static std::string move_suggestion(const std::string& name) {
        std::string plain;
        for (const char ch : name) {
            plain += ch == '-' || ch == ' '
                         ? '_'
                         : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        }
        static const std::vector<std::pair<std::string, std::string>> everyday = {
            {"listen", "reflect"},
            {"sorry", "apologize"},
            {"apology", "apologize"},
            {"apologise", "apologize"},
            {"criticise", "criticize"},
            {"empathise", "empathize"},
            {"acknowledge", "validate"},
            {"question", "ask"},
            {"joke", "humor"},
            {"humour", "humor"},
            {"calm_down", "self_soothe"},
            {"breathe", "self_soothe"},
            {"own_it", "take_responsibility"},
            {"ignore", "turn_away"},
            {"lie", "deceive"},
            {"shout", "criticize"},
            {"fix", "advise"},
            {"leave", "withdraw"}};
        for (const auto& [word, move] : everyday) {
            if (plain == word) {
                return "Did you mean " + in_quotes(move) + "? ";
            }
        }
        std::vector<std::string> names;
        for (Move m : all_moves()) {
            names.emplace_back(move_name(m));
        }
        if (move_from_name(plain)) {
            return "Did you mean " + in_quotes(plain) + "? ";
        }
        return did_you_mean(plain, names);
    }

    // What to do about an unknown character: the ids there are (those given; a character
    // without an id has its own error), or, when none has one, how to give them.
    std::string characters_fix(const std::string& id) const {
        std::vector<std::string> given;
        std::copy_if(character_ids_.begin(), character_ids_.end(), std::back_inserter(given),
                     [](const std::string& known) { return !known.empty(); });
        if (given.empty()) {
            return "No character has an id yet: give each one in \"characters\" an \"id\", then "
                   "use it here.";
        }
        return did_you_mean(id, given) + "Characters: " + join_words(given) + ".";
    }

    int character_index(const std::string& id, const std::string& ptr) {
        const auto it = std::find(character_ids_.begin(), character_ids_.end(), id);
        if (it == character_ids_.end() || id.empty()) {
            error("unknown-character", ptr, "there is no character " + in_quotes(id),
                  characters_fix(id));
            return -1;
        }
        return static_cast<int>(it - character_ids_.begin());
    }

    Target read_target(const json& item, const std::string& ptr) {
        const std::string next = text(item, "next", ptr, true);
        if (next.empty()) {
            return {};
        }
        if (const int scene = scenes_.find(next); scene >= 0) {
            return {false, scene};
        }
        if (const int ending = endings_.find(next); ending >= 0) {
            return {true, ending};
        }
        std::vector<std::string> all = scenes_.ids;
        all.insert(all.end(), endings_.ids.begin(), endings_.ids.end());
        error("unknown-scene", ptr + "/next", "there is no scene or ending " + in_quotes(next),
              did_you_mean(next, all) + "\"next\" names a scene or an ending of this story.");
        return {};
    }

    Effects read_effects(const json& item, const std::string& ptr) {
        Effects effects;
        const json* object = field(item, "effects", ptr, false, json::value_t::object, "an object");
        if (!object) {
            return effects;
        }
        const std::string eptr = ptr + "/effects";
        check_keys(*object, eptr, {"set", "clear", "add", "assign", "adjust"});
        effects.set_flags = flag_list(*object, "set", eptr);
        effects.clear_flags = flag_list(*object, "clear", eptr);
        effects.add = number_changes(*object, "add", eptr);
        effects.assign = number_changes(*object, "assign", eptr);
        read_adjust(*object, eptr, effects);
        return effects;
    }

    std::vector<int> flag_list(const json& object, const char* key, const std::string& ptr) {
        std::vector<int> flags;
        const std::vector<std::string> names = text_list(object, key, ptr);
        for (std::size_t i = 0; i < names.size(); ++i) {
            const int flag = flags_.find(names[i]);
            if (flag < 0) {
                error("unknown-flag", ptr + "/" + key + "/" + std::to_string(i),
                      "there is no flag " + in_quotes(names[i]),
                      did_you_mean(names[i], flags_.names) +
                          "Declare it in the story's \"flags\" list.");
                continue;
            }
            flags.push_back(flag);
        }
        return flags;
    }

    std::vector<Effects::Number> number_changes(const json& object, const char* key,
                                                const std::string& ptr) {
        std::vector<Effects::Number> changes;
        const json* map = field(object, key, ptr, false, json::value_t::object,
                                "an object of variable names and numbers");
        if (!map) {
            return changes;
        }
        for (const auto& [name, value] : map->items()) {
            const std::string vptr = ptr + "/" + key + "/" + name;
            const int variable = variables_.find(name);
            if (variable < 0) {
                error("unknown-variable", vptr, "there is no variable " + in_quotes(name),
                      did_you_mean(name, variables_.names) +
                          "Declare it in the story's \"variables\".");
            } else if (!value.is_number()) {
                error("wrong-type", vptr,
                      in_quotes(name) + " should be a number but is " + kind_words(value),
                      "Write a number.");
            } else if (within_variable_limit(value, vptr)) {
                changes.push_back({variable, value.get<double>()});
            }
        }
        return changes;
    }

    void read_adjust(const json& object, const std::string& ptr, Effects& effects) {
        const json* map = field(object, "adjust", ptr, false, json::value_t::object,
                                "an object of character ids");
        if (!map) {
            return;
        }
        for (const auto& [id, change] : map->items()) {
            const std::string aptr = ptr + "/adjust/" + id;
            const int index = character_index(id, aptr);
            if (index < 0) {
                continue;
            }
            if (!change.is_object()) {
                error("wrong-type", aptr,
                      "an adjustment should be an object but is " + kind_words(change),
                      "Write { \"safety\": 5, \"distance\": -5 }.");
                continue;
            }
            check_keys(change, aptr, {"safety", "distance", "arousal"});
            effects.adjust.push_back(
                {index, number(change, "safety", aptr, false, -100, 100).value_or(0),
                 number(change, "distance", aptr, false, -100, 100).value_or(0),
                 number(change, "arousal", aptr, false, -100, 100).value_or(0)});
        }
    }

    // ---- how people are, and time passing (docs/story-format.md, "Feelings and time") ----

    // "feels": "upset" or "feels": 80 (an arousal).
    std::optional<Feels> read_feeling(const json& value, int character, const std::string& ptr) {
        const auto names = model::feeling_names();
        if (value.is_number()) {
            const double arousal = value.get<double>();
            if (arousal < 0 || arousal > 100) {
                out_.push_back(out_of_range(doc_, ptr, "feels", arousal, 0, 100));
                return std::nullopt;
            }
            return Feels{character, model::Feeling::Calm, arousal};
        }
        const std::string word = value.is_string() ? value.get<std::string>() : "";
        const auto it = std::find(names.begin(), names.end(), word);
        if (it == names.end()) {
            std::vector<std::string> words(names.begin(), names.end());
            error("unknown-value", ptr,
                  (value.is_string() ? in_quotes(word) : kind_words(value)) +
                      " is not a way a character can feel",
                  did_you_mean(word, words) + "Use one of: " + join_words(words) +
                      ", or an arousal from 0 to 100.");
            return std::nullopt;
        }
        return Feels{character, static_cast<model::Feeling>(it - names.begin()), -1};
    }

    void read_line_feels(const json& entry, const std::string& ptr, Line& line) {
        if (!entry.contains("feels")) {
            return;
        }
        if (line.speaker < 0) {
            error("feels-without-speaker", ptr + "/feels", "a narration line has no one to feel",
                  "Add \"speaker\", or say it in the scene: \"feels\": { \"sam\": \"upset\" }.");
            return;
        }
        if (auto feels = read_feeling(entry["feels"], line.speaker, ptr + "/feels")) {
            line.acts.edit().feels.push_back(*feels);
        }
    }

    std::vector<Feels> read_scene_feels(const json& item, const std::string& ptr) {
        std::vector<Feels> out;
        const json* map = field(item, "feels", ptr, false, json::value_t::object,
                                "an object of character ids and feelings");
        if (!map) {
            return out;
        }
        for (const auto& [id, value] : map->items()) {
            const int character = character_index(id, ptr + "/feels/" + id);
            if (character < 0) {
                continue;
            }
            if (auto feels = read_feeling(value, character, ptr + "/feels/" + id)) {
                out.push_back(*feels);
            }
        }
        return out;
    }

    // "time": minutes as a number, or a word (R6: recovery takes about twenty minutes).
    double read_time(const json& item, const std::string& ptr) {
        static const std::vector<std::pair<std::string, double>> words = {
            {"moment", 2},  {"minutes", 10},    {"half-hour", 30}, {"hour", 60},
            {"hours", 180}, {"overnight", 480}, {"days", 2880}};
        const auto it = item.find("time");
        if (it == item.end()) {
            return 0;
        }
        if (it->is_number()) {
            const double minutes = it->get<double>();
            if (minutes < 0 || minutes > 100000) {
                out_.push_back(out_of_range(doc_, ptr + "/time", "time", minutes, 0, 100000));
                return 0;
            }
            return minutes;
        }
        const std::string word = it->is_string() ? it->get<std::string>() : "";
        for (const auto& [name, minutes] : words) {
            if (name == word) {
                return minutes;
            }
        }
        std::vector<std::string> names;
        for (const auto& entry : words) {
            names.push_back(entry.first);
        }
        error("unknown-value", ptr + "/time",
              (it->is_string() ? in_quotes(word) : kind_words(*it)) + " is not a length of time",
              did_you_mean(word, names) +
                  "Use minutes as a number, or one of: " + join_words(names) + ".");
        return 0;
    }

    // "reflection": texts, or { "text": ..., "if": ... } shown only when the condition holds.
    std::vector<Prompt> read_prompts(const json& item, const std::string& ptr) {
        std::vector<Prompt> out;
        const json* list =
            field(item, "reflection", ptr, false, json::value_t::array, "a list of prompts");
        if (!list) {
            return out;
        }
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string pptr = ptr + "/reflection/" + std::to_string(i);
            const json& entry = (*list)[i];
            if (entry.is_string()) {
                out.push_back({entry.get<std::string>(), {}});
            } else if (entry.is_object()) {
                check_keys(entry, pptr, {"text", "if"});
                out.push_back({text(entry, "text", pptr, true), parse_condition(entry, pptr)});
            } else {
                error("wrong-type", pptr,
                      "each prompt should be text or an object but this is " + kind_words(entry),
                      "Write \"a question\", or { \"text\": \"a question\", \"if\": "
                      "\"sam.rupture\" }.");
            }
        }
        return out;
    }

    // ---- conditions and text ----

    bool within_length(const std::string& source, std::size_t most, const std::string& ptr,
                       const char* what) {
        if (source.size() <= most) {
            return true;
        }
        error("too-long", ptr,
              std::string("this ") + what + " is " + std::to_string(source.size()) +
                  " bytes long, more than the " + std::to_string(most) + " Attune reads",
              std::string("Split it; a ") + what + " this long is hard to read too.");
        return false;
    }

    Expression parse_condition(const json& item, const std::string& ptr) {
        Expression expression;
        const std::string source = text(item, "if", ptr, false);
        if (source.empty()) {
            return expression;
        }
        if (!within_length(source, max_condition_bytes, ptr + "/if", "condition")) {
            return expression;
        }
        ExpressionError problem;
        if (!Expression::parse(source, expression, problem)) {
            expression_error(ptr + "/if", problem.column,
                             "the condition has a problem: " + problem.message,
                             "Conditions look like: sam.safety < 40 and not flag.apologized");
            return Expression{};
        }
        for (std::size_t i = 0; i < expression.symbols().size(); ++i) {
            const Symbol& symbol = expression.symbols()[i];
            if (const auto slot = resolve_value(symbol, ptr + "/if", "in the condition")) {
                expression.bind(i, *slot);
            }
        }
        return expression;
    }

    // Points into the condition text: the string's column plus the offset inside it.
    void expression_error(const std::string& ptr, int column, std::string message,
                          std::string fix) {
        Diagnostic d = doc_.problem("bad-condition", ptr, std::move(message), std::move(fix));
        d.column += column; // +1 for the opening quote, -1 because both are 1-based
        out_.push_back(std::move(d));
    }

    // `where` says which text the symbol is in: "in the condition" or "in the text".
    std::optional<Slot> resolve_value(const Symbol& symbol, const std::string& ptr,
                                      const char* where) {
        const std::string full = symbol.scope.empty()       ? symbol.name
                                 : symbol.scope == "visits" ? "visits(" + symbol.name + ")"
                                                            : symbol.scope + "." + symbol.name;
        auto unknown = [&](const std::string& what, const std::vector<std::string>& names,
                           const std::string& fix) {
            expression_error(ptr, symbol.column,
                             "unknown " + what + " " + in_quotes(full) + " " + where,
                             did_you_mean(symbol.name, names) + fix);
            return std::nullopt;
        };
        if (symbol.scope.empty() || symbol.scope == "var") {
            const int i = variables_.find(symbol.name);
            if (i < 0 && symbol.scope.empty() && flags_.find(symbol.name) >= 0) {
                // A flag is always written with its scope, so the name alone is a slip.
                expression_error(ptr, symbol.column,
                                 "unknown variable " + in_quotes(full) + " " + where,
                                 "Did you mean " + in_quotes("flag." + symbol.name) +
                                     "? Flags are written flag.NAME.");
                return std::nullopt;
            }
            if (i < 0) {
                return unknown(
                    "variable", variables_.names,
                    "Declare it in the story's \"variables\", or write flag.NAME for a flag.");
            }
            return Slot{static_cast<int>(SlotKind::Variable), i, 0};
        }
        if (symbol.scope == "flag") {
            const int i = flags_.find(symbol.name);
            if (i < 0) {
                return unknown("flag", flags_.names, "Declare it in the story's \"flags\".");
            }
            return Slot{static_cast<int>(SlotKind::Flag), i, 0};
        }
        if (symbol.scope == "visits") {
            const int i = scene_at(symbol.name);
            if (i < 0) {
                return unknown("scene", scenes_.ids, "visits() takes a scene id.");
            }
            return Slot{static_cast<int>(SlotKind::Visits), i, 0};
        }
        const int field = index_of(character_fields, symbol.name);
        if (symbol.scope == "player") {
            if (symbol.name != "arousal" && symbol.name != "flooded") {
                return unknown("player value", {"arousal", "flooded"},
                               "The player has player.arousal and player.flooded.");
            }
            return Slot{static_cast<int>(SlotKind::PlayerValue), 0, field};
        }
        const int character = index_of(character_ids_, symbol.scope);
        if (character < 0 && symbol.scope == "anyone") {
            return any_character(symbol, full, ptr, where);
        }
        if (character < 0) {
            return unknown("name", character_ids_,
                           "Write var.NAME, flag.NAME, visits(scene) or CHARACTER.safety.");
        }
        if (field < 0) {
            return unknown("character value", character_fields,
                           "A character has: " + join_words(character_fields) + ".");
        }
        return Slot{static_cast<int>(SlotKind::CharacterValue), character, field};
    }

    // `anyone.rupture`: true while a rupture is open with any character (what the check of
    // `repaired` endings counts); `anyone.flooded` likewise.
    std::optional<Slot> any_character(const Symbol& symbol, const std::string& full,
                                      const std::string& ptr, const char* where) {
        const std::vector<std::string> fields = {"rupture", "flooded"};
        const int field = index_of(character_fields, symbol.name);
        if (index_of(fields, symbol.name) < 0) {
            expression_error(ptr, symbol.column, "unknown value " + in_quotes(full) + " " + where,
                             did_you_mean(symbol.name, fields) +
                                 "anyone.rupture and anyone.flooded ask about every character.");
            return std::nullopt;
        }
        return Slot{static_cast<int>(SlotKind::AnyCharacter), 0, field};
    }

    // `key` names the text's member under `parent` ("text", "reason"); empty when the
    // text is the entry itself. The path is built only for a text with holes or a problem:
    // most texts have neither, and a big story has hundreds of thousands of them.
    Template parse_text(const std::string& source, const std::string& parent,
                        std::string_view key) {
        Template result;
        if (source.size() <= max_text_bytes && source.find('{') == std::string::npos &&
            source.find('}') == std::string::npos) {
            result.source = keep(source); // shown as written: no parts
            return result;
        }
        const std::string ptr = key.empty() ? parent : parent + "/" + std::string(key);
        if (!within_length(source, max_text_bytes, ptr, "text")) {
            return result;
        }
        std::string problem;
        int column = 0;
        if (!split_template(keep(source), result, problem, column)) {
            expression_error(
                ptr, column, "the text has a problem: " + problem,
                "Write a name as {sam.name}, a pronoun as {sam.they}, a variable as {courage}; "
                "write {{ for a literal brace.");
            return result;
        }
        if (result.parts().empty()) {
            return result; // edit() would make an empty list for nothing
        }
        for (Template::Part& part : result.split.edit()) {
            if (!part.is_literal) {
                // The column of the name, just inside its '{'.
                part.slot = resolve_text(std::string(result.text(part)), ptr,
                                         static_cast<int>(part.begin) + 1);
            }
        }
        return result;
    }

    Slot resolve_text(const std::string& name, const std::string& ptr, int column) {
        const auto dot = name.find('.');
        const std::string scope = dot == std::string::npos ? "" : name.substr(0, dot);
        const std::string key = dot == std::string::npos ? name : name.substr(dot + 1);
        const std::optional<model::PersonWord> word = model::person_word_named(key);
        if (scope == "player" && key == "name") {
            return Slot{static_cast<int>(SlotKind::PlayerText), 0, 0};
        }
        if (const int c = index_of(character_ids_, scope); c >= 0 && word) {
            return Slot{static_cast<int>(SlotKind::CharacterText), c, static_cast<int>(*word)};
        }
        if (!text_hole_known(scope, key)) {
            unknown_text_hole(scope, key, name, ptr, column);
            return Slot{};
        }
        const auto slot = resolve_value(Symbol{scope, key, column}, ptr, "in the text");
        return slot.value_or(Slot{});
    }

    // Whether `{scope.key}` names something a text can show, apart from names and
    // pronouns (handled before): a character's or the player's value.
    bool text_hole_known(const std::string& scope, const std::string& key) const {
        if (scope == "player") {
            return key == "arousal" || key == "flooded";
        }
        return index_of(character_ids_, scope) < 0 || index_of(character_fields, key) >= 0;
    }

    // A misspelt `{maya.nmae}` in a text: the names a text can use, pronouns included.
    void unknown_text_hole(const std::string& scope, const std::string& key,
                           const std::string& full, const std::string& ptr, int column) {
        std::vector<std::string> names;
        if (scope == "player") {
            names = {"name", "arousal", "flooded"};
        } else {
            names = {"name", "they", "them", "their", "They", "Them", "Their", "was", "is"};
            names.insert(names.end(), character_fields.begin(), character_fields.end());
        }
        std::string listed;
        for (const std::string& n : names) {
            listed += (listed.empty() ? "" : ", ") + ("{" + scope + "." + n + "}");
        }
        expression_error(ptr, column, "unknown name " + in_quotes(full) + " in the text",
                         did_you_mean(key, names) + "A text can use " + listed + ".");
    }

    int scene_at(const std::string& id) const { return scenes_.find(id); }

    static int index_of(const std::vector<std::string>& names, const std::string& name) {
        const auto it = std::find(names.begin(), names.end(), name);
        return it == names.end() ? -1 : static_cast<int>(it - names.begin());
    }

    // ---- whole-story checks ----

    void read_endings(const json& root) {
        const json* list =
            root.contains("endings") && root["endings"].is_array() ? &root["endings"] : nullptr;
        if (!list || entry_count(*list, "endings") != endings_.ids.size()) {
            return;
        }
        if (endings_.ids.empty()) {
            error("no-endings", "/endings", "the story has no endings", "Add at least one ending.");
        }
        json holder;
        for (std::size_t i = 0; i < endings_.ids.size(); ++i) {
            const json& item = entry_at(*list, "endings", i, holder);
            if (!item.is_object()) {
                continue;
            }
            const std::string ptr = "/endings/" + std::to_string(i);
            check_keys(item, ptr,
                       {"id", "kind", "title", "lines", "reflection", "time", "assumes"});
            Ending ending;
            ending.id = endings_.ids[i];
            ending.kind = static_cast<EndingKind>(
                choose_word(item, "kind", ptr, true, ending_kind_names(), 1));
            ending.title = text(item, "title", ptr, true);
            ending.minutes = read_time(item, ptr);
            ending.assumes = flag_list(item, "assumes", ptr);
            ending.lines = read_lines(item, ptr);
            ending.reflection = read_prompts(item, ptr);
            if (ending.reflection.empty() && !item.contains("reflection")) {
                warn("no-reflection", ptr,
                     "ending " + in_quotes(ending.id) + " has no reflection prompts",
                     "Add \"reflection\": a question or two for the player to think about.");
            }
            story_.endings.push_back(std::move(ending));
        }
    }

    void read_start(const json& root) {
        const json* value = field(root, "start", "", true, json::value_t::string, "text in quotes");
        if (!value) {
            return; // missing or not text: already reported
        }
        const std::string start = value->get<std::string>(); // "" names no scene either
        const int index = scene_at(start);
        if (index < 0) {
            error("unknown-scene", "/start",
                  "the start scene " + in_quotes(start) + " does not exist",
                  did_you_mean(start, scenes_.ids) +
                      "\"start\" names the scene the story opens with.");
            return;
        }
        story_.start = index;
    }

    // A declared flag nothing sets or reads is usually a leftover or a misspelt twin.
    void warn_unused_flags() {
        std::vector<std::uint8_t> used(story_.flags.size(), 0);
        auto note = [&](const std::vector<Slot>& slots) {
            for (const Slot& slot : slots) {
                if (slot.kind == static_cast<int>(SlotKind::Flag)) {
                    used[slot.index] = 1;
                }
            }
        };
        auto note_lines = [&](const std::vector<Line>& lines) {
            for (const Line& line : lines) {
                note(line.condition.slots());
                for (const Template::Part& part : line.text.parts()) {
                    note({part.slot});
                }
            }
        };
        for (const Scene& scene : story_.scenes) {
            note_lines(scene.lines);
            for (const Choice& choice : scene.choices) {
                note(choice.condition.slots());
                for (const Template::Part& part : choice.text.parts()) {
                    note({part.slot});
                }
                for (const int f : choice.effects().set_flags) {
                    used[f] = 1;
                }
                for (const int f : choice.effects().clear_flags) {
                    used[f] = 1;
                }
            }
        }
        for (const Ending& ending : story_.endings) {
            note_lines(ending.lines);
        }
        for (std::size_t f = 0; f < used.size(); ++f) {
            // A name that is not usable already has its error; one problem at a time.
            if (!used[f] && is_valid_name(story_.flags[f])) {
                warn("unused-flag", "/flags/" + std::to_string(f),
                     "the flag " + in_quotes(story_.flags[f]) + " is declared but never used",
                     "Set it in a choice's \"effects\" and read it in a condition (flag." +
                         story_.flags[f] + "), or remove it from \"flags\".");
            }
        }
    }

    // Scenes and endings no path can reach, ignoring conditions (check --explore is stricter).
    void check_reachability() {
        if (has_errors(out_) || story_.scenes.empty()) {
            return;
        }
        std::vector<bool> scene_seen(story_.scenes.size()), ending_seen(story_.endings.size());
        std::vector<int> todo{story_.start};
        scene_seen[story_.start] = true;
        while (!todo.empty()) {
            const int s = todo.back();
            todo.pop_back();
            for (const Choice& c : story_.scenes[s].choices) {
                if (c.next.is_ending) {
                    ending_seen[c.next.index] = true;
                } else if (!scene_seen[c.next.index]) {
                    scene_seen[c.next.index] = true;
                    todo.push_back(c.next.index);
                }
            }
        }
        for (std::size_t i = 0; i < scene_seen.size(); ++i) {
            if (!scene_seen[i]) {
                error("unreachable", "/scenes/" + std::to_string(i),
                      "scene " + in_quotes(story_.scenes[i].id) +
                          " cannot be reached from the start",
                      "Point a choice's \"next\" at it, or remove it.");
            }
        }
        for (std::size_t i = 0; i < ending_seen.size(); ++i) {
            if (!ending_seen[i]) {
                error("unreachable", "/endings/" + std::to_string(i),
                      "ending " + in_quotes(story_.endings[i].id) + " cannot be reached",
                      "Point a choice's \"next\" at it, or remove it.");
            }
        }
    }
};

} // namespace

namespace {

// The lists a story can hold thousands of entries in: read one entry at a time.
const std::vector<std::string> story_sections = {"scenes", "endings"};

Result<std::shared_ptr<const Story>> load(Result<JsonDocument> doc) {
    Result<std::shared_ptr<const Story>> result{std::nullopt, std::move(doc.diagnostics)};
    if (!doc) {
        return result;
    }
    std::shared_ptr<const Story> story = Loader(*doc, result.diagnostics).run();
    if (doc->broken()) {
        // An entry kept as text is not JSON: parsing the whole file says where, as always.
        return load(parse_json_document(doc->file(), doc->text()));
    }
    doc->locate_all(result.diagnostics);
    if (story) {
        result.value = std::move(story);
    }
    return result;
}

} // namespace

Result<std::shared_ptr<const Story>> load_story_text(const std::string& file, std::string text) {
    return load(parse_json_sections(file, std::move(text), story_sections));
}

Result<std::shared_ptr<const Story>> load_story_file(const std::string& path) {
    Result<std::string> text = read_text_file(path);
    if (!text) {
        return {std::nullopt, std::move(text.diagnostics)};
    }
    return load(parse_json_sections(path, std::move(*text), story_sections));
}

} // namespace attune
