// Twee 3 in: passages, links and notes become an Attune story (the mapping is in docs/twine.md).

#include "interchange/twee.h"

#include "base/json_document.h"
#include "interchange/twee_syntax.h"
#include "model/moves.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <sstream>

namespace attune {

namespace {

using ojson = nlohmann::ordered_json;
using twee::annotation_close;
using twee::annotation_open;

std::string trimmed(const std::string& text) {
    const auto start = text.find_first_not_of(" \t\r\n");
    if (start == std::string::npos) {
        return "";
    }
    return text.substr(start, text.find_last_not_of(" \t\r\n") - start + 1);
}

/// Passage names become ids: lower case, runs of other characters become one '-'.
std::string slug(const std::string& name) {
    std::string out;
    for (const unsigned char ch : name) {
        if (std::isalnum(ch) || ch == '_' || ch == '-') {
            out += static_cast<char>(std::tolower(ch));
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-') {
        out.pop_back();
    }
    return out.empty() ? "passage" : out;
}

// Every JSON note goes through the checks a story file gets (nesting depth, number
// range, duplicate keys), so a hostile note can neither throw nor exhaust the stack.
std::optional<ojson> parse_note(const std::string& text) {
    const Result<JsonDocument> checked = parse_json_document("", text);
    if (!checked || !checked->value().is_object()) {
        return std::nullopt;
    }
    return ojson::parse(text); // again, to keep the author's key order
}

struct TextLine {
    int line = 0;
    std::string text;
};

struct Passage {
    std::string name;
    std::vector<std::string> tags;
    int line = 0;
    std::vector<TextLine> body;
};

/// A link found in passage text, with what its annotation said.
struct Link {
    std::string text;
    std::string target;
    int line = 0;
    int column = 0;
    std::string annotation;
};

class TweeReader {
public:
    TweeReader(std::string file, const std::string& text) : file_(std::move(file)) { split(text); }

    Result<ojson> read() {
        read_special_passages();
        ojson story = story_header();
        ojson scenes = ojson::array();
        ojson endings = ojson::array();
        for (const Passage& p : passages_) {
            if (is_code(p)) {
                problem(Severity::Warning, "twee-code-passage", p.line, 1,
                        "passage '" + p.name +
                            "' is story-format code (script or stylesheet) and is not imported",
                        "Attune stories have no scripts or styles; move what matters into scenes.");
            } else if (!is_special(p.name) && !p.name.empty()) {
                read_passage(p, scenes, endings);
            }
        }
        story["scenes"] = scenes;
        story["endings"] = endings;
        return {story, diagnostics_};
    }

private:
    std::string file_;
    std::vector<Passage> passages_;
    std::vector<Diagnostic> diagnostics_;
    ojson attune_ = ojson::object(); ///< the StoryAttune passage
    std::string title_;
    std::string start_;
    std::map<std::string, std::string> ids_;         ///< passage name -> scene or ending id
    std::map<std::string, std::string> names_by_id_; ///< for "did you mean" in one lookup
    std::set<std::string> characters_;

    void problem(Severity severity, std::string code, int line, int column, std::string message,
                 std::string fix) {
        diagnostics_.push_back({severity, std::move(code), file_, line, column, "",
                                std::move(message), std::move(fix)});
    }

    static bool is_code(const Passage& p) {
        return std::any_of(p.tags.begin(), p.tags.end(),
                           [](const std::string& t) { return t == "script" || t == "stylesheet"; });
    }

    static bool is_special(const std::string& name) {
        return name == "StoryTitle" || name == "StoryData" || name == "StoryAttune";
    }

    void split(const std::string& text) {
        std::istringstream in(text);
        std::string line;
        for (int number = 1; std::getline(in, line); ++number) {
            if (!line.empty() && line.back() == '\r') {
                line.pop_back();
            }
            if (line.rfind("::", 0) == 0) {
                passages_.push_back(read_header(line, number));
            } else if (!passages_.empty()) {
                passages_.back().body.push_back({number, line});
            } else if (!trimmed(line).empty()) {
                problem(Severity::Warning, "twee-before-passage", number, 1,
                        "text before the first passage header is ignored",
                        "Start the file with a passage header such as ':: Start'.");
            }
        }
        check_names();
    }

    // ":: Name [tags] {metadata}", with \[ \] \{ \} \\ escapes in the name.
    Passage read_header(const std::string& line, int number) {
        Passage p;
        p.line = number;
        std::size_t i = 2;
        for (; i < line.size() && line[i] != '[' && line[i] != '{'; ++i) {
            if (line[i] == '\\' && i + 1 < line.size()) {
                ++i;
            }
            p.name += line[i];
        }
        p.name = trimmed(p.name);
        if (i < line.size() && line[i] == '[') {
            const std::size_t close = line.find(']', i);
            if (close == std::string::npos) {
                problem(Severity::Error, "twee-bad-header", number, int(i) + 1,
                        "the tag list '[' is never closed",
                        "End the tags with ']': ':: Name [tag another]'.");
                return p;
            }
            std::istringstream tags(line.substr(i + 1, close - i - 1));
            for (std::string tag; tags >> tag;) {
                p.tags.push_back(tag);
            }
            i = close + 1;
        }
        const std::string rest = trimmed(line.substr(std::min(i, line.size())));
        if (!rest.empty() && (rest[0] != '{' || !nlohmann::json::accept(rest))) {
            problem(
                Severity::Warning, "twee-bad-metadata", number, int(line.find(rest, i)) + 1,
                "the passage metadata is not a JSON object and is ignored",
                "Write it as {\"position\":\"100,100\",\"size\":\"100,100\"}, or leave it out.");
        }
        if (p.name.empty()) {
            problem(Severity::Error, "twee-bad-header", number, 3, "this passage has no name",
                    "Name it after '::', for example ':: Kitchen'.");
        }
        return p;
    }

    void check_names() {
        std::map<std::string, int> seen_ids;
        for (const Passage& p : passages_) {
            if (is_special(p.name) || p.name.empty() || is_code(p)) {
                continue;
            }
            const std::string id = slug(p.name);
            const auto [it, fresh] = seen_ids.emplace(id, p.line);
            if (!fresh) {
                problem(Severity::Error, "twee-duplicate-passage", p.line, 1,
                        "passage '" + p.name + "' has the same id '" + id +
                            "' as the passage on line " + std::to_string(it->second),
                        "Give each passage its own name.");
            }
            ids_.emplace(p.name, id);
            names_by_id_.emplace(id, p.name);
        }
    }

    static std::string body_text(const Passage& p) {
        std::string text;
        for (const TextLine& l : p.body) {
            text += l.text + "\n";
        }
        return trimmed(text);
    }

    int body_line(const Passage& p) const { return p.body.empty() ? p.line : p.body.front().line; }

    void read_special_passages() {
        for (const Passage& p : passages_) {
            if (p.name == "StoryTitle") {
                title_ = body_text(p);
            } else if (p.name == "StoryData" || p.name == "StoryAttune") {
                read_json_passage(p);
            }
        }
        if (start_.empty()) {
            const auto named_start = ids_.find("Start");
            start_ = named_start != ids_.end() ? "Start" : first_story_passage();
        }
    }

    std::string first_story_passage() const {
        for (const Passage& p : passages_) {
            if (!is_special(p.name) && !p.name.empty()) {
                return p.name;
            }
        }
        return "";
    }

    void read_json_passage(const Passage& p) {
        const Result<JsonDocument> doc = parse_json_document(file_, body_text(p));
        const std::vector<Diagnostic>& problems = doc.diagnostics;
        if (!doc || !doc->value().is_object()) {
            const int line = body_line(p) + (problems.empty() ? 0 : problems[0].line - 1);
            problem(Severity::Error, "twee-bad-json", line,
                    problems.empty() ? 1 : problems[0].column,
                    "passage " + p.name + " should hold one JSON object" +
                        (problems.empty() ? "" : ": " + problems[0].message),
                    "Write it as { \"key\": value, ... }.");
            return;
        }
        if (p.name == "StoryData") {
            const nlohmann::json& data = doc->value();
            if (data.contains("start") && data["start"].is_string()) {
                start_ = data["start"].get<std::string>();
            }
        } else {
            attune_ = *parse_note(body_text(p)); // checked above
        }
    }

    ojson story_header() {
        ojson story;
        // The author's own "$schema" path (a story outside stories/ points elsewhere).
        // The author's own "$schema" path (a story outside stories/ points elsewhere); the
        // loader checks "format" like any other key.
        const bool own_schema = attune_.contains("$schema") && attune_["$schema"].is_string();
        story["$schema"] = own_schema ? attune_["$schema"] : ojson("./schema.json");
        story["format"] = attune_.contains("format") ? attune_["format"] : ojson(1);
        story["id"] = attune_.value("id", slug(title_.empty() ? "imported" : title_));
        story["title"] = title_.empty() ? attune_.value("title", std::string("Untitled")) : title_;
        for (const char* key : {"version", "language", "summary", "relationship", "minutes",
                                "age_band", "content_notes", "author", "player"}) {
            if (attune_.contains(key)) {
                story[key] = attune_[key];
            }
        }
        fill_defaults(story);
        story["start"] = ids_.count(start_) ? ids_[start_] : slug(start_);
        if (!ids_.count(start_)) {
            problem(Severity::Error, "twee-unknown-start", 1, 1,
                    "the start passage '" + start_ + "' does not exist",
                    "Set \"start\" in StoryData to a passage name, or name a passage 'Start'.");
        }
        for (const char* key : {"flags", "variables"}) {
            if (attune_.contains(key)) {
                story[key] = attune_[key];
            }
        }
        story["characters"] = characters();
        return story;
    }

    void fill_defaults(ojson& story) {
        const ojson defaults = {{"version", "1.0.0"},       {"summary", "Imported from Twine."},
                                {"relationship", "friend"}, {"minutes", 5},
                                {"age_band", "12+"},        {"author", "unknown"}};
        std::string missing;
        for (const auto& [key, value] : defaults.items()) {
            if (!story.contains(key)) {
                story[key] = value;
                missing += (missing.empty() ? "" : ", ") + key;
            }
        }
        if (!missing.empty()) {
            problem(Severity::Warning, "twee-defaults", 1, 1,
                    "no StoryAttune passage gave " + missing + "; defaults were used",
                    "Add a StoryAttune passage with these keys (docs/twine.md), or edit the "
                    "imported story.");
        }
    }

    // Characters come from StoryAttune; without it, from the `@name` in moves.
    ojson characters() {
        if (attune_.contains("characters")) {
            return attune_["characters"]; // speaker_id then reads them, not characters_
        }
        for (const Passage& p : passages_) {
            for (const std::string& tag : p.tags) {
                note_character(tag);
            }
            for (const TextLine& l : p.body) {
                note_annotated_characters(l.text);
            }
        }
        if (characters_.empty()) {
            characters_.insert("friend");
        }
        ojson list = ojson::array();
        for (const std::string& id : characters_) {
            std::string name = id;
            name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
            list.push_back({{"id", id},
                            {"name", name},
                            {"pronouns", "they/them"},
                            {"role", "friend"},
                            {"anxiety", 0.3},
                            {"avoidance", 0.3},
                            {"safety", 50},
                            {"distance", 50}});
        }
        problem(Severity::Warning, "twee-defaults", 1, 1,
                "no StoryAttune passage lists the characters; made default ones",
                "List them in a StoryAttune passage (docs/twine.md) to set names, pronouns and "
                "attachment.");
        return list;
    }

    // The `@name` of moves in the <!-- attune: --> notes of a line.
    void note_annotated_characters(const std::string& text) {
        for (std::size_t at = text.find(annotation_open); at != std::string::npos;
             at = text.find(annotation_open, at + 1)) {
            const std::size_t close = std::min(text.find(annotation_close, at), text.find('{', at));
            std::istringstream tokens(
                text.substr(at + annotation_open.size(), close - at - annotation_open.size()));
            for (std::string token; tokens >> token;) {
                note_character(token);
            }
        }
    }

    void note_character(const std::string& token) {
        const auto at = token.find('@');
        if (at != std::string::npos && at + 1 < token.size()) {
            characters_.insert(token.substr(at + 1));
        }
    }

    // "validate@ren", "move:validate", "validate": a move and its target, or nothing.
    std::optional<ojson> move_of(std::string token) const {
        if (token.rfind("move:", 0) == 0) {
            token = token.substr(5);
        }
        const auto at = token.find('@');
        const std::string name = token.substr(0, at);
        if (!move_from_name(name)) {
            return std::nullopt;
        }
        ojson move = {{"move", name}};
        if (at != std::string::npos) {
            move["to"] = token.substr(at + 1);
        }
        return move;
    }

    void read_passage(const Passage& p, ojson& scenes, ojson& endings) {
        ojson item = {{"id", ids_[p.name]}};
        if (slug(p.name) != p.name) {
            item["title"] = p.name;
        }
        std::vector<Link> links;
        ojson lines = read_body(p, item, links);
        const std::string kind = ending_kind(p);
        if (!kind.empty() || links.empty()) {
            if (!links.empty()) {
                problem(Severity::Error, "twee-ending-with-links", p.line, 1,
                        "passage '" + p.name + "' is tagged as an ending but has links",
                        "Remove the links, or the ending tag.");
            }
            if (kind.empty()) {
                problem(
                    Severity::Warning, "twee-open-ending", p.line, 1,
                    "passage '" + p.name + "' has no links, so it is imported as an 'open' ending",
                    "Tag it ending:repaired, ending:open or ending:ruptured to say which kind.");
            }
            ojson ending = {{"id", item["id"]},
                            {"kind", kind.empty() ? "open" : kind},
                            {"title", item.value("title", p.name)},
                            {"lines", lines}};
            merge_annotation(item, ending);
            endings.push_back(ending);
            return;
        }
        item["lines"] = lines;
        item["choices"] = choices(links);
        scenes.push_back(item);
    }

    // An ending takes the passage's title and its note's fields (reflection).
    static void merge_annotation(const ojson& from, ojson& into) {
        for (const auto& [key, value] : from.items()) {
            if (key != "id" && key != "lines" && key != "choices") {
                into[key] = value;
            }
        }
    }

    std::string ending_kind(const Passage& p) {
        for (const std::string& tag : p.tags) {
            if (tag == "ending") {
                return "open";
            }
            if (tag.rfind("ending:", 0) == 0) {
                const std::string kind = tag.substr(7);
                if (kind == "repaired" || kind == "open" || kind == "ruptured") {
                    return kind;
                }
                problem(Severity::Error, "twee-bad-ending", p.line, 1,
                        "unknown ending kind '" + kind + "'",
                        "Use ending:repaired, ending:open or ending:ruptured.");
            }
        }
        return "";
    }

    ojson read_body(const Passage& p, ojson& item, std::vector<Link>& links) {
        ojson lines = ojson::array();
        bool first = true;
        for (const TextLine& l : p.body) {
            const std::string text = trimmed(l.text);
            if (text.empty()) {
                continue;
            }
            if (first && text.rfind(annotation_open, 0) == 0 &&
                text.size() > annotation_close.size() &&
                text.compare(text.size() - 3, 3, annotation_close) == 0) {
                read_passage_annotation(text, l.line, item);
                first = false;
                continue;
            }
            first = false;
            read_line(l, links, lines);
        }
        return lines;
    }

    void read_passage_annotation(const std::string& text, int line, ojson& item) {
        const std::string inside =
            trimmed(text.substr(annotation_open.size(), text.size() - annotation_open.size() - 3));
        const std::optional<ojson> fields = parse_note(inside);
        if (!fields) {
            problem(Severity::Error, "twee-bad-annotation", line, 1,
                    "the passage annotation is not a JSON object",
                    "Write it as <!-- attune: {\"title\": \"...\"} -->.");
            return;
        }
        for (const auto& [key, value] : fields->items()) {
            item[key] = value;
        }
    }

    // One text line: links come out as choices; what is left, if anything, is a line.
    // A line whose only words are its links' texts was a list of links, not prose.
    void read_line(const TextLine& l, std::vector<Link>& links, ojson& lines) {
        std::string rest;
        std::string line_annotation;
        bool prose = false; // any words outside the links
        auto keep = [&](std::string_view words) {
            prose = prose || words.find_first_not_of(" \t") != std::string_view::npos;
            rest += words;
        };
        std::size_t i = 0;
        while (i < l.text.size()) {
            const std::size_t open = l.text.find("[[", i);
            const std::size_t note = l.text.find(annotation_open, i);
            if (note != std::string::npos && (open == std::string::npos || note < open)) {
                keep(std::string_view(l.text).substr(i, note - i));
                i = read_annotation(l, note, line_annotation);
                continue;
            }
            if (open == std::string::npos) {
                keep(std::string_view(l.text).substr(i));
                break;
            }
            keep(std::string_view(l.text).substr(i, open - i));
            const std::size_t close = l.text.find("]]", open + 2);
            if (close == std::string::npos) {
                problem(Severity::Error, "twee-bad-link", l.line, int(open) + 1,
                        "this link is never closed with ']]'", "End the link with ']]'.");
                keep(std::string_view(l.text).substr(open));
                break;
            }
            Link link =
                parse_link(l.text.substr(open + 2, close - open - 2), l.line, int(open) + 1);
            i = close + 2;
            const std::size_t after = l.text.find_first_not_of(' ', i);
            if (after != std::string::npos &&
                l.text.compare(after, annotation_open.size(), annotation_open) == 0) {
                i = read_annotation(l, after, link.annotation);
            }
            rest += link.text;
            links.push_back(std::move(link));
        }
        rest = trimmed(rest);
        if (prose) {
            lines.push_back(make_line(rest, line_annotation, l));
        }
    }

    std::size_t read_annotation(const TextLine& l, std::size_t at, std::string& out) {
        const std::size_t close = l.text.find(annotation_close, at);
        if (close == std::string::npos) {
            problem(Severity::Error, "twee-bad-annotation", l.line, int(at) + 1,
                    "this <!-- attune: --> note is never closed",
                    "End it with '-->' on the same line.");
            return l.text.size();
        }
        out = trimmed(
            l.text.substr(at + annotation_open.size(), close - at - annotation_open.size()));
        return close + annotation_close.size();
    }

    // [[text->Target]], [[Target<-text]], [[text|Target]], [[Target]].
    static Link parse_link(const std::string& inside, int line, int column) {
        Link link;
        link.line = line;
        link.column = column;
        if (const auto bar = inside.rfind('|'); bar != std::string::npos) {
            link.text = inside.substr(0, bar);
            link.target = inside.substr(bar + 1);
        } else if (const auto right = inside.rfind("->"); right != std::string::npos) {
            link.text = inside.substr(0, right);
            link.target = inside.substr(right + 2);
        } else if (const auto left = inside.find("<-"); left != std::string::npos) {
            link.target = inside.substr(0, left);
            link.text = inside.substr(left + 2);
        } else {
            link.text = link.target = inside;
        }
        link.text = trimmed(link.text);
        link.target = trimmed(link.target);
        return link;
    }

    ojson make_line(const std::string& text, const std::string& annotation, const TextLine& l) {
        warn_macros(text, l);
        std::string words = escaped_braces(text);
        ojson line = words;
        const auto colon = text.find(": ");
        if (colon != std::string::npos && colon < 40) {
            const std::string who = speaker_id(text.substr(0, colon));
            if (!who.empty()) {
                line = {{"speaker", who}, {"text", escaped_braces(text.substr(colon + 2))}};
            }
        }
        if (!annotation.empty()) {
            const std::optional<ojson> parsed = parse_note(annotation);
            if (!parsed) {
                problem(Severity::Error, "twee-bad-annotation", l.line, 1,
                        "the line's note is not a JSON object",
                        "Write it as <!-- attune: {\"if\": \"...\"} -->.");
                return line;
            }
            if (line.is_string()) {
                line = {{"text", line}};
            }
            for (const auto& [key, value] : parsed->items()) {
                line[key] = value;
            }
        }
        return line;
    }

    std::string speaker_id(const std::string& name) const {
        if (!attune_.contains("characters")) {
            return characters_.count(slug(name)) && slug(name) == name ? name : "";
        }
        for (const auto& c : attune_["characters"]) {
            if (c.is_object() && (c.value("name", "") == name || c.value("id", "") == name)) {
                return c.value("id", "");
            }
        }
        return "";
    }

    void warn_macros(const std::string& text, const TextLine& l) {
        for (const char* marker :
             {"<<", "(set:", "(if:", "(link", "(print:", "(display:", "(goto:", "$"}) {
            const auto at = text.find(marker);
            if (at != std::string::npos) {
                problem(Severity::Warning, "twee-macro", l.line, int(l.text.find(marker)) + 1,
                        "story-format code '" +
                            text.substr(at, std::min<std::size_t>(30, text.size() - at)) +
                            "' has no meaning in Attune; it is kept as text",
                        "Rewrite it with Attune conditions and effects (docs/story-format.md), or "
                        "remove it.");
                return;
            }
        }
    }

    // Attune text holes are {name.field}; any other brace is doubled to stay literal.
    static std::string escaped_braces(const std::string& text) {
        std::string out;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const char ch = text[i];
            if ((ch == '{' || ch == '}') && i + 1 < text.size() && text[i + 1] == ch) {
                out += text.substr(i++, 2);
            } else if (ch == '{' && is_hole(text, i)) {
                const std::size_t close = text.find('}', i);
                out += text.substr(i, close - i + 1);
                i = close;
            } else {
                out += ch == '{' || ch == '}' ? std::string(2, ch) : std::string(1, ch);
            }
        }
        return out;
    }

    static bool is_hole(const std::string& text, std::size_t open) {
        const std::size_t close = text.find('}', open);
        if (close == std::string::npos || close == open + 1) {
            return false;
        }
        return std::all_of(text.begin() + open + 1, text.begin() + close, [](unsigned char c) {
            return std::isalnum(c) || c == '_' || c == '.' || c == '-';
        });
    }

    ojson choices(const std::vector<Link>& links) {
        ojson list = ojson::array();
        std::set<std::string> used;
        std::map<std::string, int> next_number; // so a thousand "Go on" links stay linear
        for (const Link& link : links) {
            ojson choice = {
                {"id", ""}, {"text", escaped_braces(link.text)}, {"moves", ojson::array()}};
            read_link_annotation(link, choice);
            if (choice["id"] == "") {
                choice["id"] = unique(slug(link.text).substr(0, 40), used, next_number);
            }
            used.insert(choice["id"].get<std::string>());
            if (choice["moves"].empty()) {
                choice["moves"] = target_moves(link);
            }
            choice["next"] = target_id(link);
            list.push_back(choice);
        }
        return list;
    }

    // `id`, or `id-N` with the first N from `next_number[id]` not yet used.
    static std::string unique(const std::string& id, const std::set<std::string>& used,
                              std::map<std::string, int>& next_number) {
        std::string candidate = id;
        int& n = next_number.try_emplace(id, 2).first->second;
        while (used.count(candidate)) {
            candidate = id + "-" + std::to_string(n++);
        }
        return candidate;
    }

    // "#id move@char move {json}"
    void read_link_annotation(const Link& link, ojson& choice) {
        const std::size_t brace = link.annotation.find('{');
        std::istringstream tokens(link.annotation.substr(0, brace));
        for (std::string token; tokens >> token;) {
            if (token[0] == '#') {
                choice["id"] = token.substr(1);
            } else if (const auto move = move_of(token)) {
                choice["moves"].push_back(*move);
            } else {
                problem(Severity::Error, "twee-unknown-move", link.line, link.column,
                        "'" + token + "' is not a move (write moves as validate@ren)",
                        "Use a move from docs/model.md, for example validate@ren or ask.");
            }
        }
        if (brace == std::string::npos) {
            return;
        }
        const std::optional<ojson> parsed = parse_note(link.annotation.substr(brace));
        if (!parsed) {
            problem(Severity::Error, "twee-bad-annotation", link.line, link.column,
                    "the link's note ends in text that is not JSON",
                    "Write extra choice fields as one JSON object: {\"if\": \"...\"}.");
            return;
        }
        for (const auto& [key, value] : parsed->items()) {
            choice[key] = value;
        }
    }

    // Moves from the target passage's tags; neutral, with a warning, when there are none.
    ojson target_moves(const Link& link) {
        ojson moves = ojson::array();
        for (const Passage& p : passages_) {
            if (p.name != link.target) {
                continue;
            }
            for (const std::string& tag : p.tags) {
                if (const auto move = move_of(tag);
                    move && (tag.rfind("move:", 0) == 0 || tag.find('@') != std::string::npos)) {
                    moves.push_back(*move);
                }
            }
        }
        if (moves.empty()) {
            problem(Severity::Warning, "twee-no-move", link.line, link.column,
                    "the link to '" + link.target +
                        "' carries no move, so it is imported as 'neutral'",
                    "Add a note after the link, <!-- attune: validate@ren -->, or tag the target "
                    "passage move:validate.");
            moves.push_back({{"move", "neutral"}});
        }
        return moves;
    }

    std::string target_id(const Link& link) {
        const auto it = ids_.find(link.target);
        if (it != ids_.end()) {
            return it->second;
        }
        std::string near;
        if (const auto it = names_by_id_.find(slug(link.target)); it != names_by_id_.end()) {
            near = " Did you mean '" + it->second + "'?";
        }
        problem(Severity::Error, "twee-unknown-passage", link.line, link.column,
                "the link goes to '" + link.target + "', but no passage has that name",
                "Name an existing passage (names are case-sensitive)." + near);
        return slug(link.target);
    }
};

} // namespace

Result<ojson> import_twee(const std::string& file, const std::string& text) {
    std::string_view body = text;
    // Editors on Windows often start a file with a byte-order mark; it is not a title.
    if (body.starts_with("\xEF\xBB\xBF")) {
        body.remove_prefix(3);
    }
    // Checked once here, so no text that reaches the story's JSON can be invalid UTF-8.
    if (const std::size_t bad = invalid_utf8_at(body); bad != std::string_view::npos) {
        const TextPosition at = TextPositions(body).at(bad);
        return {ojson::object(),
                {{Severity::Error, "not-utf8", file, at.line, at.column, "",
                  "this is not UTF-8 text (the file may use another encoding)",
                  "Save the file as UTF-8 (Twine and most editors can), then import it again."}}};
    }
    return TweeReader(file, std::string(body)).read();
}

} // namespace attune
