#pragma once
// `patron analyze ...`: the offline analytics entry points (files in, JSON or
// CSV out). The main program registers it; it holds wiring and output shapes
// only, the computation lives in src/analytics.
#include <CLI/CLI.hpp>

namespace patron::app {

void add_analyze_command(CLI::App& app);

}  // namespace patron::app
