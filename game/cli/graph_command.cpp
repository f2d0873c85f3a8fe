// attune graph STORY -o map.svg|map.png|map.dot: the story map, through Graphviz for images.

#include "authoring/graph.h"
#include "base/json_document.h"
#include "commands.h"
#include "story/loader.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace attune::cli {

namespace {

namespace fs = std::filesystem;

struct GraphArgs {
    std::string story;
    std::string output;
};

bool write_file(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    return static_cast<bool>(out.flush());
}

bool graphviz_installed() {
    return std::system("command -v dot >/dev/null 2>&1") == 0;
}

std::string shell_quoted(const std::string& text) {
    std::string out = "'";
    for (const char ch : text) {
        out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
    }
    return out + "'";
}

// Renders through `dot`, which reads the DOT from a temporary file.
int render(const std::string& dot, const std::string& format, const std::string& output) {
    if (!graphviz_installed()) {
        std::cerr << "attune graph: Graphviz's 'dot' program is needed for ." << format
                  << " files and is not installed.\n    fix: install it (sudo apt-get install "
                     "graphviz), or write "
                     "a .dot file instead: attune graph STORY -o map.dot\n";
        return 1;
    }
    const fs::path temp =
        fs::temp_directory_path() / ("attune-map-" + std::to_string(::getpid()) + ".dot");
    if (!write_file(temp, dot)) {
        std::cerr << "attune graph: cannot write " << temp << "\n";
        return 1;
    }
    const std::string command =
        "dot -T" + format + " " + shell_quoted(temp.string()) + " -o " + shell_quoted(output);
    const int status = std::system(command.c_str());
    fs::remove(temp);
    if (status != 0) {
        std::cerr << "attune graph: Graphviz could not draw " << output << "\n";
        return 1;
    }
    return 0;
}

// What was drawn, so a command that succeeds does not look like one that did nothing.
void say_written(const StoryGraph& map, const std::string& output) {
    std::size_t choices = 0;
    std::size_t conditional = 0;
    for (const MapScene& scene : map.scenes) {
        choices += scene.choices.size();
        for (const MapChoice& choice : scene.choices) {
            conditional += choice.condition.empty() ? 0 : 1;
        }
    }
    std::cout << "Wrote the map of " << map.scenes.size() << " scenes, " << map.endings.size()
              << " endings and " << choices << " choices (" << conditional
              << " with a condition, drawn dotted) to " << output << ".\n";
}

int run_graph(const GraphArgs& args) {
    const Result<JsonDocument> document = read_json_document(args.story);
    if (!document) {
        for (const Diagnostic& d : document.diagnostics) {
            std::cerr << format(d) << "\n";
        }
        return 1;
    }
    // Problems are listed but the map is still drawn: broken links show up on it in red.
    for (const Diagnostic& d : load_story_file(args.story).diagnostics) {
        std::cerr << format(d) << "\n";
    }
    const StoryGraph map = story_graph(document->value());
    const std::string dot = to_dot(map);
    const std::string extension = fs::path(args.output).extension().string();
    if (extension == ".dot" || extension == ".gv") {
        if (!write_file(args.output, dot)) {
            std::cerr << "attune graph: cannot write " << args.output << "\n";
            return 1;
        }
        say_written(map, args.output);
        return 0;
    }
    if (extension == ".svg" || extension == ".png") {
        const int status = render(dot, extension.substr(1), args.output);
        if (status == 0) {
            say_written(map, args.output);
        }
        return status;
    }
    std::cerr << "attune graph: " << args.output << " should end in .svg, .png or .dot\n";
    return 1;
}

} // namespace

void add_graph_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<GraphArgs>();
    CLI::App* graph = app.add_subcommand(
        "graph", "Draw the story map: scenes, choices coloured by move, endings by kind.");
    graph->add_option("story", args->story, "Story file")->required();
    graph->add_option("-o,--output", args->output, "map.svg, map.png (need Graphviz) or map.dot")
        ->required();
    graph->callback([args, &exit_code] { exit_code = run_graph(*args); });
}

} // namespace attune::cli
