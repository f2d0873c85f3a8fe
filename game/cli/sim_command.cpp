// `attune sim`: run moves against one character with no story and print one row per step.
// A face for the relational model that researchers, facilitators and tests can use.

#include "authoring/plot.h"
#include "base/atomic_file.h"
#include "base/json_document.h"
#include "commands.h"

#include "base/paths.h"
#include "model/params.h"
#include "model/sentences.h"
#include "model/simulation.h"
#include "model/state_json.h"
#include "options.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace attune::cli {

namespace {

using model::Profile;
using model::SimRow;
using model::SimStep;

struct SimOptions {
    std::string character;
    std::string moves;
    std::string seed = "1";
    std::string format = "csv";
    std::string params;
    std::string output; ///< run.svg: a picture instead of rows
};

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::stringstream stream(text);
    std::string part;
    while (std::getline(stream, part, separator)) {
        parts.push_back(part);
    }
    return parts;
}

std::optional<double> parse_number(const std::string& text) {
    double value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

bool set_pronouns(Profile& profile, const std::string& value) {
    if (value == "she") {
        profile.subject = "she", profile.object = "her", profile.possessive = "her";
    } else if (value == "he") {
        profile.subject = "he", profile.object = "him", profile.possessive = "his";
    } else if (value == "they") {
        profile.subject = "they", profile.object = "them", profile.possessive = "their";
    } else {
        return false;
    }
    profile.plural_verbs = value == "they";
    return true;
}

/// Reads one "key=value" of --character into the profile; returns an error or "".
std::string apply_character_field(Profile& profile, const std::string& item) {
    const std::size_t eq = item.find('=');
    if (eq == std::string::npos) {
        return "\"" + item + "\" should look like key=value, for example anxiety=0.8";
    }
    const std::string key = item.substr(0, eq);
    const std::string value = item.substr(eq + 1);
    if (key == "name") {
        profile.name = value.empty() ? profile.name : value;
        return "";
    }
    if (key == "pronouns") {
        return set_pronouns(profile, value) ? "" : "pronouns must be she, he or they";
    }
    struct Field {
        const char* key;
        double Profile::*member;
        double max;
    };
    static constexpr Field fields[] = {
        {"anxiety", &Profile::anxiety, 1},   {"avoidance", &Profile::avoidance, 1},
        {"safety", &Profile::safety, 100},   {"distance", &Profile::distance, 100},
        {"arousal", &Profile::arousal, 100},
    };
    for (const Field& field : fields) {
        if (key != field.key) {
            continue;
        }
        const std::optional<double> number = parse_number(value);
        if (!number || *number < 0 || *number > field.max) {
            return key + " must be a number from 0 to " + (field.max == 1 ? "1" : "100") +
                   ", not \"" + value + "\"";
        }
        profile.*field.member = *number;
        return "";
    }
    return "unknown character setting \"" + key +
           "\"; use anxiety, avoidance, safety, distance, arousal, name or pronouns";
}

std::string parse_character(const std::string& text, Profile& profile) {
    for (const std::string& item : split(text, ',')) {
        if (std::string error = apply_character_field(profile, item); !error.empty()) {
            return error;
        }
    }
    return "";
}

std::string parse_moves(const std::string& text, std::vector<SimStep>& steps) {
    for (const std::string& name : split(text, ',')) {
        const std::optional<SimStep> step = model::parse_sim_step(name);
        if (!step) {
            return "unknown move \"" + name +
                   "\"; moves are snake_case names such as validate or turn_toward "
                   "(see docs/model.md), and \"@contempt\" is a line toward you";
        }
        steps.push_back(*step);
    }
    if (steps.empty()) {
        return "--moves needs at least one move, for example --moves validate,criticize";
    }
    return "";
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) {
        return text;
    }
    std::string out = "\"";
    for (char c : text) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

/// Two decimals are plenty to read; the JSON format's "state" keeps the exact values.
std::string number(double value) {
    return nlohmann::json(std::round(value * 100) / 100).dump();
}

void print_csv(const std::vector<SimRow>& rows) {
    std::cout << "step,move,safety,distance,arousal,flooded,override,rupture_open,event,reason,"
                 "rules,repair_confidence,trust_ceiling,player_arousal,player_flooded\n";
    for (const SimRow& r : rows) {
        std::cout << r.step << ',' << r.move << ',' << number(r.state.safety) << ','
                  << number(r.state.distance) << ',' << number(r.state.arousal) << ','
                  << model::is_flooded(r.state) << ',' << model::override_name(r.state.override)
                  << ',' << r.state.rupture_open << ',' << csv_field(r.event) << ','
                  << csv_field(r.reason) << ',' << csv_field(r.rules) << ','
                  << number(r.state.repair_confidence) << ',' << number(r.state.trust_ceiling)
                  << ',' << number(r.player.arousal) << ',' << model::is_player_flooded(r.player)
                  << '\n';
    }
}

void print_json(const std::vector<SimRow>& rows) {
    nlohmann::json out = nlohmann::json::array();
    for (const SimRow& r : rows) {
        out.push_back({{"step", r.step},
                       {"move", r.move},
                       {"safety", r.state.safety},
                       {"distance", r.state.distance},
                       {"arousal", r.state.arousal},
                       {"flooded", model::is_flooded(r.state)},
                       {"override", model::override_name(r.state.override)},
                       {"rupture_open", r.state.rupture_open},
                       {"event", r.event},
                       {"reason", r.reason},
                       {"rules", r.rules},
                       {"describe", model::describe(r.state)},
                       {"player_arousal", r.player.arousal},
                       {"player_flooded", model::is_player_flooded(r.player)},
                       {"state", model::to_json(r.state)}});
    }
    std::cout << dump_json(out, 2) << '\n';
}

int fail(const std::string& message) {
    std::cerr << "attune sim: " << message << '\n';
    return 2;
}

int write_plot(const SimOptions& options, const Plot& plot) {
    if (!options.output.ends_with(".svg")) {
        return fail("-o writes a picture and its name should end in .svg, not \"" + options.output +
                    "\"");
    }
    if (const Result<> written = write_file_atomically(options.output, plot_svg(plot)); !written) {
        return fail(error_message(written.diagnostics));
    }
    std::cout << "Wrote a picture of " << plot.steps.size() << " moves to " << options.output
              << ".\n";
    return 0;
}

int run_sim(const SimOptions& options) {
    const std::optional<std::uint64_t> seed = parse_seed(options.seed);
    if (!seed) {
        return fail("--seed must be a whole number from 0 to 18446744073709551615, not \"" +
                    options.seed + "\"");
    }
    if (options.format != "csv" && options.format != "json") {
        return fail("--format must be csv or json, not \"" + options.format + "\"");
    }
    Profile profile;
    if (std::string error = parse_character(options.character, profile); !error.empty()) {
        return fail(error);
    }
    std::vector<SimStep> steps;
    if (std::string error = parse_moves(options.moves, steps); !error.empty()) {
        return fail(error);
    }
    std::vector<Diagnostic> diagnostics;
    const std::filesystem::path path =
        options.params.empty() ? model_params_path() : std::filesystem::path(options.params);
    const Result<model::Params> params = model::load_params(path);
    for (const Diagnostic& d : params.diagnostics) {
        std::cerr << format(d) << '\n';
    }
    if (!params) {
        return 2;
    }
    const std::vector<SimRow> rows = model::simulate(*params, profile, steps, *seed);
    if (!options.output.empty()) {
        return write_plot(
            options,
            plot_of_simulation(profile.name + ", " + std::to_string(steps.size()) + " moves",
                               profile, model::initial_state(*params, profile), rows));
    }
    options.format == "json" ? print_json(rows) : print_csv(rows);
    return 0;
}

} // namespace

void add_sim_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<SimOptions>();
    CLI::App* sim = app.add_subcommand(
        "sim", "Run relational moves against one character, with no story, one row per step.");
    sim->add_option("--character", options->character,
                    "anxiety=0.8,avoidance=0.2[,safety=60,distance=30,arousal=20,name=Sam,"
                    "pronouns=she|he|they]")
        ->required();
    sim->add_option("--moves", options->moves,
                    "comma-separated moves, e.g. validate,criticize,apologize; "
                    "@contempt is the character's line toward you")
        ->required();
    sim->add_option("--seed", options->seed, "seed for disorganized responses (default 1)");
    sim->add_option("--format", options->format, "csv (default) or json");
    sim->add_option("--params", options->params, "model parameters (default assets/model.json)");
    sim->add_option("-o,--output", options->output,
                    "run.svg: draw safety, distance and arousal over the moves instead");
    sim->callback([options, &exit_code] { exit_code = run_sim(*options); });
}

} // namespace attune::cli
