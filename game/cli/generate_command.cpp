// attune generate --scenes N --seed S -o big.json: a large valid story for benchmarks.

#include "authoring/generator.h"
#include "commands.h"
#include "options.h"

#include <fstream>
#include <iostream>

namespace attune::cli {

namespace {

struct GenerateArgs {
    GeneratorOptions options;
    std::string output;
};

int run_generate(const GenerateArgs& args) {
    std::ofstream out(args.output, std::ios::binary);
    out << generate_story(args.options).dump(2) << "\n";
    if (!out.flush()) {
        std::cerr << "attune generate: cannot write " << args.output << "\n";
        return 1;
    }
    return 0;
}

} // namespace

void add_generate_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<GenerateArgs>();
    CLI::App* command = app.add_subcommand(
        "generate", "Write a large generated story (for benchmarks and stress tests).");
    command
        ->add_option("--scenes", args->options.scenes,
                     "Scenes and endings together, 4 to 40000 (default 1500); more would make "
                     "a file over the 64 MiB that Attune reads")
        ->check(CLI::Range(4, 40000));
    command
        ->add_option("--seed", args->options.seed,
                     "Seed: the same seed gives the same story (default 1)")
        ->check(seed_check());
    command->add_option("-o,--output", args->output, "big.json to write")->required();
    command->callback([args, &exit_code] { exit_code = run_generate(*args); });
}

} // namespace attune::cli
