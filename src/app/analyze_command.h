#pragma once
// `patron analyze ...`: the analytics entry points (files or the SQL store in,
// JSON or CSV out). The main program registers it; it holds wiring and output shapes
// only, the computation lives in src/analytics.
#include <functional>

#include <CLI/CLI.hpp>

#include "analytics/baskets.h"
#include "analytics/transactions.h"

namespace patron::app {

// Where the analyses read when no file is given: the SQL store, wired by the
// main program (empty hooks: files only, as in the analytics tests).
struct AnalyzeStoreHooks {
  std::function<analytics::TransactionTable()> load_purchases;
  std::function<analytics::Baskets()> load_baskets;
  std::function<void(CLI::App* analyze)> add_commands;  // store-only subcommands
};

void add_analyze_command(CLI::App& app, const AnalyzeStoreHooks& store = {});

}  // namespace patron::app
