// attune host [STORY] --headless [--port N] [--address A] [--debrief FILE]: let a room of
// phones vote on the story's choices, driven from this terminal, and write the debrief
// (with the room's splits) when the room closes.

#include "commands.h"
#include "loading.h"
#include "options.h"

#include "console.h"
#include "host.h"

#include "base/atomic_file.h"
#include "report/debrief.h"

#include <unistd.h>

#include <filesystem>
#include <iostream>

namespace attune::cli {

namespace {

struct HostArgs {
    std::string story;
    bool headless = false;
    int port = 8080;
    std::string address;
    int min_votes = 5;
    int cap = 60;
    std::string qr_svg;
    std::string debrief;
    std::uint64_t seed = 0;
    bool seeded = false;
};

// A debrief is written only when the room closes: a name write_debrief would refuse is
// refused now, before the room starts, not after the whole session.
CLI::Validator debrief_name_check() {
    return CLI::Validator(
        [](const std::string& name) -> std::string {
            const std::string extension = std::filesystem::path(name).extension().string();
            return extension == ".html" || extension == ".htm" || extension == ".md" ||
                           extension == ".csv"
                       ? ""
                       : "a debrief is written as .html (a page to print), .md or .csv; name "
                         "it debrief.html, for example";
        },
        "FILE.html|.md|.csv");
}

int run_host(const HostArgs& args) {
    if (!args.headless) {
        std::cerr << "attune host: the room window comes with room mode; for now run the room "
                     "from this terminal with --headless.\n";
        return 2;
    }
    const auto params = load_params_or_explain();
    const auto story = load_story_or_explain(args.story);
    if (!params || !story) {
        return 1;
    }
    host::HostOptions options;
    options.address = args.address;
    options.port = args.port;
    options.room.min_votes = args.min_votes;
    options.room.max_devices = args.cap;
    auto started = host::Host::start(options);
    for (const Diagnostic& d : started.diagnostics) {
        std::cerr << "attune host: " << d.message << "\n";
    }
    if (!started) {
        return 1;
    }
    host::Host& room = **started;
    if (!args.qr_svg.empty()) {
        const Result<> written = write_file_atomically(args.qr_svg, host::qr_svg(room.qr()));
        for (const Diagnostic& d : written.diagnostics) {
            std::cerr << format(d) << "\n";
        }
    }
    std::cout << story->info.title << "\n";
    std::cout << "join address: " << room.address_url() << "\n";
    std::cout << "room code: " << room.room().code() << std::endl;
    if (isatty(STDOUT_FILENO) && room.qr().size > 0) {
        std::cout << host::qr_text(room.qr());
    }
    Session session(story, params, args.seeded ? args.seed : fresh_seed());
    host::run_console(room, session, std::cin, std::cout);
    std::cout << "room closed" << std::endl;
    if (args.debrief.empty()) {
        return 0;
    }
    const Result<> written = report::write_debrief(report::debrief_record(session), args.debrief);
    for (const Diagnostic& d : written.diagnostics) {
        std::cerr << format(d) << "\n";
    }
    if (!written) {
        return 1;
    }
    std::cout << "debrief written to " << args.debrief << std::endl;
    return 0;
}

} // namespace

void add_host_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<HostArgs>();
    CLI::App* host = app.add_subcommand(
        "host", "Let a room vote on the story's choices from their phones (local network).");
    host->footer(std::string("\nCommands on standard input (--headless):\n") +
                 host::console_help() +
                 "\nThe join address is the first IPv4 address of a network interface that is "
                 "up and not the\nloopback; choose another with --address. Phones join at it "
                 "with the room code. See docs/voting.md.");
    host->add_option("story", args->story, "Story file (default: the bundled first story)");
    host->add_flag("--headless", args->headless,
                   "No window: print the join address and room code, read commands from stdin");
    host->add_option("--port", args->port, "Port to listen on (default 8080; 0: any free port)")
        ->check(CLI::Range(0, 65535));
    host->add_option("--address", args->address,
                     "Address phones use to reach this machine (and the only one listened on)");
    host->add_option("--min-votes", args->min_votes,
                     "Fewest votes for any count to be shown (default 5, never under 3)")
        ->check(CLI::Range(3, 1000));
    host->add_option("--cap", args->cap, "At most this many phones (default 60)")
        ->check(CLI::Range(1, 1000));
    host->add_option("--qr-svg", args->qr_svg, "Also write the join QR code to this SVG file");
    host->add_option("--debrief", args->debrief,
                     "When the room closes, write the debrief with the room's splits: "
                     "debrief.html (to print), debrief.md, or trace.csv")
        ->check(debrief_name_check());
    host->add_option("--seed", args->seed, "Fix the story's randomness")
        ->check(seed_check())
        ->each([args](const std::string&) { args->seeded = true; });
    host->callback([args, &exit_code] { exit_code = run_host(*args); });
}

} // namespace attune::cli
