#pragma once
// The commands that work on the SQL store's history: `patron import`,
// `patron gen-data`, and the store side of `patron analyze` (reading the
// history for every analysis, plus `analyze all` and `analyze affinity`).
// Wiring and output only; the work is in import_history, gen_data and
// full_analysis.
#include <CLI/CLI.hpp>

#include "app/analyze/analyze_command.h"

namespace patron::app {

void add_import_command(CLI::App& app);
void add_gen_data_command(CLI::App& app);
AnalyzeStoreHooks analyze_store_hooks();

}  // namespace patron::app
