#pragma once
// Each subcommand of `attune` lives in its own file and registers itself here.
// A command's callback stores its exit status in `exit_code`.

#include <CLI/CLI.hpp>

namespace attune::cli {

void add_text_command(CLI::App& app, int& exit_code);
void add_check_command(CLI::App& app, int& exit_code);
void add_sim_command(CLI::App& app, int& exit_code);
void add_stats_command(CLI::App& app, int& exit_code);
void add_graph_command(CLI::App& app, int& exit_code);
void add_import_command(CLI::App& app, int& exit_code);
void add_export_command(CLI::App& app, int& exit_code);
void add_fmt_command(CLI::App& app, int& exit_code);
void add_guide_command(CLI::App& app, int& exit_code);
void add_generate_command(CLI::App& app, int& exit_code);
void add_play_command(CLI::App& app, int& exit_code);
void add_room_command(CLI::App& app, int& exit_code);
void add_host_command(CLI::App& app, int& exit_code);

/// Plain `attune`: the window when there is one, else the default story in the terminal.
int run_default(int argc, char** argv);
/// Opens the library window when there is a display; false (nothing done) otherwise.
bool open_library_window(int& exit_code);

} // namespace attune::cli
