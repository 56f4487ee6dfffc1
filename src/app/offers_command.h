#pragma once
// `patron offers ...`: personalized offers from the command line. Today it
// holds `offers evaluate` (the recommender's offline evaluation on a purchase
// file, ../shared/spec/api.md); `offers generate` joins it under the same
// `offers` subcommand. Wiring and output only: the computation is in src/offers.
#include <CLI/CLI.hpp>

namespace patron::app {

// Adds `offers` with its `evaluate` subcommand and returns `offers`, so the
// main program can attach further subcommands (generate) to it.
CLI::App* add_offers_command(CLI::App& app);

}  // namespace patron::app
