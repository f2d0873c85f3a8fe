// The printed pages as a facilitator gets them: `attune guide` and `attune export` run as
// a user runs them, the HTML printed by headless Chromium (Debian's `chromium`) to PDF and
// the first page drawn to PNG by poppler's pdftoppm. Each guide fits one or two pages and
// still ends with its last section; the debrief the program writes from a save is the
// debrief of that session, page, Markdown and CSV alike. Both tools are required: CI
// installs them from scripts/setup.

#include "support.h"

#include "base/json_document.h"
#include "play/save.h"
#include "report/debrief.h"

#include <array>
#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using namespace attune;
namespace fs = std::filesystem;

struct Ran {
    int status = -1;
    std::string output;
};

Ran run(const std::string& command) {
    Ran ran;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    REQUIRE(pipe);
    std::array<char, 4096> buffer{};
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
        ran.output.append(buffer.data(), n);
    }
    const int raw = ::pclose(pipe);
    ran.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
    return ran;
}

std::string shell_word(const fs::path& path) {
    return "'" + path.string() + "'";
}

Ran run_attune(const std::string& args) {
    return run("cd " + shell_word(test::source_dir()) + " && " + shell_word(ATTUNE_BINARY) + " " +
               args);
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

/// A folder for this run's files, removed when the tests end.
fs::path scratch() {
    struct Folder {
        fs::path path = fs::temp_directory_path() / ("attune-render-" + std::to_string(::getpid()));
        Folder() { fs::create_directories(path); }
        ~Folder() {
            std::error_code ec;
            fs::remove_all(path, ec);
        }
    };
    static const Folder folder;
    return folder.path;
}

void require_tools() {
    for (const char* tool : {"chromium", "pdfinfo", "pdftotext", "pdftoppm"}) {
        INFO(tool << " is missing: scripts/setup installs chromium and poppler-utils");
        REQUIRE(run(std::string("command -v ") + tool).status == 0);
    }
}

/// Prints `html` to `pdf` with headless Chromium and gives the page count.
int print_to_pdf(const fs::path& html, const fs::path& pdf) {
    const Ran printed =
        run("chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer "
            "--user-data-dir=" +
            shell_word(scratch() / "chromium-profile") + " --print-to-pdf=" + shell_word(pdf) +
            " " + shell_word("file://" + html.string()));
    INFO(printed.output);
    REQUIRE(fs::exists(pdf));
    const Ran info = run("pdfinfo " + shell_word(pdf));
    const std::size_t at = info.output.find("Pages:");
    REQUIRE(at != std::string::npos);
    return std::stoi(info.output.substr(at + 6));
}

/// The PDF's text, with line breaks and hyphenation folded so phrases can be searched.
std::string pdf_text(const fs::path& pdf) {
    std::string text = run("pdftotext -enc UTF-8 " + shell_word(pdf) + " -").output;
    std::string folded;
    for (const char c : text) {
        const bool space = c == '\n' || c == '\f' || c == ' ';
        if (!(space && !folded.empty() && folded.back() == ' ')) {
            folded += space ? ' ' : c;
        }
    }
    return folded;
}

/// Draws the PDF's first page to a PNG (kept when ATTUNE_SHOTS_DIR names a folder) and
/// checks that it is a picture of a real size.
void first_page_png(const fs::path& pdf, const std::string& name) {
    const char* keep = std::getenv("ATTUNE_SHOTS_DIR");
    const fs::path stem = (keep ? fs::path(keep) : scratch()) / name;
    REQUIRE(
        run("pdftoppm -png -r 60 -f 1 -l 1 -singlefile " + shell_word(pdf) + " " + shell_word(stem))
            .status == 0);
    const fs::path png = stem.string() + ".png";
    REQUIRE(fs::exists(png));
    const std::string bytes = test::read_text(png);
    REQUIRE(bytes.size() > 24);
    CHECK(bytes.substr(1, 3) == "PNG");
    // Width and height from the IHDR chunk: an A4 page at 60 dpi is about 496 x 702.
    auto be32 = [&](std::size_t at) {
        return (static_cast<unsigned char>(bytes[at]) << 24) |
               (static_cast<unsigned char>(bytes[at + 1]) << 16) |
               (static_cast<unsigned char>(bytes[at + 2]) << 8) |
               static_cast<unsigned char>(bytes[at + 3]);
    };
    CHECK(be32(16) > 400);
    CHECK(be32(20) > 600);
}

std::vector<fs::path> bundled_stories() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(test::source_dir() / "stories")) {
        if (entry.path().extension() == ".json" && entry.path().filename() != "schema.json") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

// A whole playthrough of the red cup taking the first open choice each time but the
// first, written as the game writes a save (with the slot the save store adds).
Session red_cup_session() {
    Session session(test::story(test::source_dir() / "stories" / "the-red-cup.json"),
                    test::params(), 11);
    bool first = true;
    while (!session.is_finished()) {
        std::vector<int> open;
        for (const ChoiceView& c : session.choices()) {
            if (c.enabled) {
                open.push_back(c.index);
            }
        }
        REQUIRE_FALSE(open.empty());
        REQUIRE(session.choose(first && open.size() > 1 ? open[1] : open[0]));
        first = false;
    }
    return session;
}

fs::path write_save(const Session& session, const std::string& name) {
    nlohmann::json save = save_session(session);
    save["slot"] = {{"name", "autosave"},
                    {"autosave", true},
                    {"story_title", session.story().info.title},
                    {"story_file", session.story().file},
                    {"scene_title", "end"},
                    {"saved_at", 0}};
    const fs::path file = scratch() / name;
    std::ofstream(file) << dump_json(save, 1);
    return file;
}

} // namespace

TEST_CASE("render: each bundled story's guide prints on one or two pages, all of it") {
    require_tools();
    for (const fs::path& story : bundled_stories()) {
        const std::string id = story.stem().string();
        CAPTURE(id);
        const fs::path html = scratch() / (id + "-guide.html");
        const Ran made = run_attune("guide " + shell_word(story) + " -o " + shell_word(html) +
                                    " --talk-to 'the school counsellor, room 4'");
        INFO(made.output);
        REQUIRE(made.status == 0);
        const fs::path pdf = scratch() / (id + "-guide.pdf");
        const int pages = print_to_pdf(html, pdf);
        CHECK(pages >= 1);
        CHECK(pages <= 2);
        const std::string text = pdf_text(pdf);
        const auto loaded = test::story(story);
        CHECK(contains(text, loaded->info.title));
        CHECK(contains(text, loaded->endings.back().title));    // the endings made it onto paper
        CHECK(contains(text, "the school counsellor, room 4")); // and so did the last line
        first_page_png(pdf, id + "-guide");
    }
}

TEST_CASE("render: the debrief written from a save is that session's, on paper too") {
    require_tools();
    const Session session = red_cup_session();
    const fs::path save = write_save(session, "red-cup-save.json");
    report::DebriefRecord record = report::debrief_record(session);
    record.talk_to = "Ms Okafor";

    const fs::path md = scratch() / "debrief.md";
    const fs::path html = scratch() / "debrief.html";
    const fs::path csv = scratch() / "trace.csv";
    REQUIRE(run_attune("export " + shell_word(save) + " -o " + shell_word(md) +
                       " --talk-to 'Ms Okafor'")
                .status == 0);
    REQUIRE(run_attune("export " + shell_word(save) + " -o " + shell_word(html) +
                       " --talk-to 'Ms Okafor'")
                .status == 0);
    REQUIRE(run_attune("export " + shell_word(save) + " --csv -o " + shell_word(csv)).status == 0);
    CHECK(test::read_text(md) == report::debrief_markdown(record));
    CHECK(test::read_text(html) == report::debrief_html(record));
    CHECK(test::read_text(csv) == report::state_trace_csv(record));

    const fs::path pdf = scratch() / "debrief.pdf";
    CHECK(print_to_pdf(html, pdf) >= 1);
    const std::string text = pdf_text(pdf);
    CHECK(contains(text, "Debrief: " + session.story().info.title));
    CHECK(contains(text, "The ending: " + session.ending()->title));
    CHECK(contains(text, "you can talk to Ms Okafor"));
    first_page_png(pdf, "debrief");
}

TEST_CASE("render: export says what a wrong input is and what to do") {
    const Session session = red_cup_session();
    const fs::path save = write_save(session, "wrong-inputs-save.json");

    const Ran story_to_html =
        run_attune("export stories/the-red-cup.json -o " + shell_word(scratch() / "x.html"));
    CHECK(story_to_html.status == 2);
    CHECK(contains(story_to_html.output, "is a story, which exports to Twee"));
    CHECK(contains(story_to_html.output, "attune guide stories/the-red-cup.json -o guide.html"));

    const Ran save_to_twee =
        run_attune("export " + shell_word(save) + " -o " + shell_word(scratch() / "x.twee"));
    CHECK(save_to_twee.status == 2);
    CHECK(contains(save_to_twee.output, "is a save, which exports to a debrief"));

    const fs::path not_json = scratch() / "notes.txt";
    std::ofstream(not_json) << "{ \"format\": \"attune-save\", oops";
    const Ran garbage =
        run_attune("export " + shell_word(not_json) + " -o " + shell_word(scratch() / "x.html"));
    CHECK(garbage.status == 1);
    CHECK(contains(garbage.output, "notes.txt:1:"));
    CHECK(contains(garbage.output, "could not be read as a story or a save"));

    nlohmann::json orphan = save_session(session);
    orphan["story"]["id"] = "a-story-nobody-has";
    const fs::path orphan_file = scratch() / "orphan.json";
    std::ofstream(orphan_file) << orphan.dump();
    const Ran lost =
        run_attune("export " + shell_word(orphan_file) + " -o " + shell_word(scratch() / "x.md"));
    CHECK(lost.status == 1);
    CHECK(contains(lost.output, "a save of the story 'a-story-nobody-has'"));
    CHECK(contains(lost.output, "--story STORY.json"));

    const Ran wrong_story =
        run_attune("export " + shell_word(save) + " --story stories/first-light.json -o " +
                   shell_word(scratch() / "x.md"));
    CHECK(wrong_story.status == 1);
    CHECK(contains(wrong_story.output, "This save belongs to another story."));

    const Ran guide_pdf =
        run_attune("guide stories/the-red-cup.json -o " + shell_word(scratch() / "x.pdf"));
    CHECK(guide_pdf.status == 2);
    CHECK(contains(guide_pdf.output, "should end in .html"));

    const Ran help = run_attune("export --help");
    CHECK(contains(help.output, "a story to Twee 3"));
    CHECK(contains(help.output, "a save to its session's debrief"));
}

TEST_CASE("render: a debrief with a what-if branch prints both timelines, and the room's split") {
    require_tools();
    const Session session = red_cup_session();
    // The what-if takes the other choice at the first point that had one.
    std::size_t at = 0;
    while (at < session.history().size()) {
        Session probe = session;
        probe.rewind_to(at);
        int enabled = 0;
        for (const ChoiceView& c : probe.choices()) {
            enabled += c.enabled ? 1 : 0;
        }
        if (enabled > 1) {
            break;
        }
        ++at;
    }
    REQUIRE(at < session.history().size());
    Session what_if = session;
    REQUIRE(what_if.rewind_to(at));
    for (const ChoiceView& c : what_if.choices()) {
        if (c.enabled && c.index != session.history()[at].choice) {
            REQUIRE(what_if.choose(c.index));
            break;
        }
    }
    while (!what_if.is_finished()) {
        for (const ChoiceView& c : what_if.choices()) {
            if (c.enabled) {
                REQUIRE(what_if.choose(c.index));
                break;
            }
        }
    }
    const std::vector<Session> branches = {what_if};
    report::DebriefRecord record = report::debrief_record(session, branches);
    VoteSplit split; // the room's split at the choice where the paths part
    for (const report::OfferedChoice& choice : record.main.steps[at].offered) {
        split.choice_ids.push_back(choice.id);
        split.choice_texts.push_back(choice.text);
        split.counts.push_back(3);
    }
    split.chosen = static_cast<int>(record.main.steps[at].chosen);
    split.close_call = true;
    record.main.steps[at].room_vote = split;
    const fs::path html = scratch() / "debrief-what-if.html";
    std::ofstream(html) << report::debrief_html(record);
    const fs::path pdf = scratch() / "debrief-what-if.pdf";
    CHECK(print_to_pdf(html, pdf) >= 1);
    const std::string text = pdf_text(pdf);
    CHECK(contains(text, "What we did"));
    CHECK(contains(text, "What if (from choice " + std::to_string(at + 1) + ")"));
    CHECK(contains(text, "paths part here"));
    CHECK(contains(text, "HOW THE ROOM VOTED")); // a label, in capitals
    CHECK(contains(text, "3 votes"));
    CHECK(contains(text, "A close call."));
    CHECK(contains(text, "The ending: " + what_if.ending()->title));
    first_page_png(pdf, "debrief-what-if");
}
