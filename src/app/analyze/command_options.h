#pragma once
// Flags every `patron analyze` subcommand shares.
#include <CLI/CLI.hpp>

#include "app/analyze/inputs.h"
#include "app/analyze/output.h"

namespace patron::app {

// --json | --csv (text for people otherwise), --pretty, --out DIR.
void add_output_flags(CLI::App* command, OutputOptions& out);

// --transactions FILE and --format NAME. Set options.from_store first: the
// file is then optional, as it is when another input can stand in for it.
void add_transaction_options(CLI::App* command, TransactionOptions& options, bool other_input_possible = false);

}  // namespace patron::app
