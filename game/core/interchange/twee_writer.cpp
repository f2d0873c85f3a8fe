// Twee 3 out: an Attune story as passages that importing gives back exactly.

#include "interchange/twee.h"

#include "base/random.h"
#include "interchange/twee_syntax.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <string>

namespace attune {

namespace {

using twee::annotation_close;
using twee::annotation_open;

std::string escaped_name(const std::string& name) {
    std::string out;
    for (const char ch : name) {
        if (ch == '[' || ch == ']' || ch == '{' || ch == '}' || ch == '\\') {
            out += '\\';
        }
        out += ch;
    }
    return out;
}

// A version 4 UUID made from the story id, so the same story always exports the same IFID.
std::string ifid_for(const std::string& id) {
    std::uint64_t hash = 1469598103934665603ull;
    for (const unsigned char ch : id) {
        hash = (hash ^ ch) * 1099511628211ull;
    }
    Random random{hash};
    const std::uint64_t a = random.next();
    const std::uint64_t b = random.next();
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%08X-%04X-4%03X-%04X-%012llX", unsigned(a >> 32),
                  unsigned((a >> 16) & 0xFFFF), unsigned(a & 0xFFF),
                  unsigned(0x8000 | ((b >> 48) & 0x3FFF)),
                  static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFull));
    return buffer;
}

std::string compact(const nlohmann::json& value) {
    return value.dump();
}

class TweeWriter {
public:
    TweeWriter(std::string file, const nlohmann::json& story)
        : file_(std::move(file)), story_(story) {
        for (const auto& c : story.value("characters", nlohmann::json::array())) {
            names_[c.value("id", "")] = c.value("name", "");
        }
    }

    Result<std::string> write() {
        out_ += ":: StoryTitle\n" + story_.value("title", "") + "\n\n";
        nlohmann::ordered_json data = {{"ifid", ifid_for(story_.value("id", ""))},
                                       {"format", "Harlowe"},
                                       {"format-version", "3.3.8"},
                                       {"start", story_.value("start", "")},
                                       {"zoom", 1}};
        out_ += ":: StoryData\n" + data.dump(2) + "\n\n";
        out_ += ":: StoryAttune\n" + attune_passage().dump(2) + "\n\n";
        int index = 0;
        for (const auto& scene : story_.value("scenes", nlohmann::json::array())) {
            write_scene(scene, index++);
        }
        for (const auto& ending : story_.value("endings", nlohmann::json::array())) {
            write_ending(ending, index++);
        }
        return {out_, diagnostics_};
    }

private:
    std::string file_;
    const nlohmann::json& story_;
    std::string out_;
    std::vector<Diagnostic> diagnostics_;
    std::map<std::string, std::string> names_;

    nlohmann::ordered_json attune_passage() const {
        nlohmann::ordered_json meta;
        for (const char* key : {"$schema", "format", "id", "version", "language", "summary",
                                "relationship", "minutes", "age_band", "content_notes", "author",
                                "player", "flags", "variables", "characters"}) {
            if (story_.contains(key)) {
                meta[key] = story_[key];
            }
        }
        return meta;
    }

    static std::string header(const std::string& id, const std::vector<std::string>& tags,
                              int index) {
        std::string line = ":: " + escaped_name(id);
        if (!tags.empty()) {
            line += " [";
            for (std::size_t i = 0; i < tags.size(); ++i) {
                line += (i ? " " : "") + tags[i];
            }
            line += "]";
        }
        return line + " {\"position\":\"" + std::to_string(100 + 150 * (index % 10)) + "," +
               std::to_string(100 + 150 * (index / 10)) + "\",\"size\":\"100,100\"}\n";
    }

    // Keys the importer reads back from a passage's first-line note.
    void write_passage_note(const nlohmann::json& item, std::initializer_list<const char*> keys) {
        nlohmann::ordered_json note;
        for (const char* key : keys) {
            if (item.contains(key)) {
                note[key] = item[key];
            }
        }
        if (!note.empty()) {
            out_ += annotation_open + " " + compact(note) + " " + annotation_close + "\n";
        }
    }

    void write_lines(const nlohmann::json& item) {
        for (const auto& line : item.value("lines", nlohmann::json::array())) {
            if (line.is_string()) {
                out_ += line.get<std::string>() + "\n";
                continue;
            }
            const std::string speaker = line.value("speaker", "");
            out_ += (speaker.empty() ? "" : names_[speaker] + ": ") + line.value("text", "");
            nlohmann::ordered_json note;
            for (const char* key : {"if", "moves", "feels"}) {
                if (line.contains(key)) {
                    note[key] = line[key];
                }
            }
            out_ += note.empty() ? "\n"
                                 : " " + annotation_open + " " + compact(note) + " " +
                                       annotation_close + "\n";
        }
    }

    void write_scene(const nlohmann::json& scene, int index) {
        const std::string id = scene.value("id", "");
        out_ += header(id, {}, index);
        write_passage_note(scene, {"title", "content_notes", "facilitator_note", "discussion",
                                   "time", "feels", "establishes", "assumes"});
        write_lines(scene);
        for (const auto& choice : scene.value("choices", nlohmann::json::array())) {
            write_choice(choice);
        }
        out_ += "\n";
    }

    void write_choice(const nlohmann::json& choice) {
        const std::string text = choice.value("text", "");
        const std::string next = choice.value("next", "");
        if (text.find("]]") != std::string::npos || text.find('|') != std::string::npos) {
            diagnostics_.push_back(
                {Severity::Warning, "twee-link-text", file_, 0, 0, "",
                 "choice '" + choice.value("id", "") +
                     "' has ']]' or '|' in its text, which Twee links cannot hold",
                 "Reword the choice."});
        }
        // Always text->next, even when the text holds '->': Twine and our import both split
        // a link at its rightmost '->', and an id never holds '>', so the split falls just
        // before `next`. ([[next<-text]] would be split at the text's own arrow.)
        out_ += "[[" + text + "->" + next + "]]";
        out_ += annotation_open + " #" + choice.value("id", "");
        for (const auto& move : choice.value("moves", nlohmann::json::array())) {
            out_ += " " + move.value("move", "") +
                    (move.contains("to") ? "@" + move.value("to", "") : "");
        }
        nlohmann::ordered_json extra;
        for (const char* key : {"if", "when_unavailable", "reason", "effects"}) {
            if (choice.contains(key)) {
                extra[key] = choice[key];
            }
        }
        out_ += (extra.empty() ? "" : " " + compact(extra)) + " " + annotation_close + "\n";
    }

    void write_ending(const nlohmann::json& ending, int index) {
        out_ += header(ending.value("id", ""), {"ending:" + ending.value("kind", "open")}, index);
        write_passage_note(ending, {"title", "reflection", "time", "assumes"});
        write_lines(ending);
        out_ += "\n";
    }
};

} // namespace

Result<std::string> export_twee(const std::string& file, const nlohmann::json& story) {
    return TweeWriter(file, story).write();
}

} // namespace attune
