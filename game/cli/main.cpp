// attune: the one program. Each subcommand lives in its own file (cli/NAME_command.cpp);
// with no subcommand it opens the game, or plays in the terminal when there is no display.

#include "commands.h"

int main(int argc, char** argv) {
    CLI::App app{"Attune: short stories about rupture and repair in close relationships.",
                 "attune"};
    app.set_version_flag("--version", std::string("attune ") + ATTUNE_VERSION);
    app.require_subcommand(0, 1);

    int exit_code = 0;
    attune::cli::add_text_command(app, exit_code);
    attune::cli::add_check_command(app, exit_code);
    attune::cli::add_sim_command(app, exit_code);
    attune::cli::add_stats_command(app, exit_code);
    attune::cli::add_graph_command(app, exit_code);
    attune::cli::add_import_command(app, exit_code);
    attune::cli::add_export_command(app, exit_code);
    attune::cli::add_fmt_command(app, exit_code);
    attune::cli::add_guide_command(app, exit_code);
    attune::cli::add_generate_command(app, exit_code);
    attune::cli::add_play_command(app, exit_code);
    attune::cli::add_room_command(app, exit_code);
    attune::cli::add_host_command(app, exit_code);

    CLI11_PARSE(app, argc, argv);
    if (app.get_subcommands().empty()) {
        return attune::cli::run_default(argc, argv);
    }
    return exit_code;
}
