#pragma once
// `patron analyze ...`: the analytics entry points (files or the SQL store in,
// text, CSV or JSON out). The computation lives in src/analytics; this folder
// holds options, inputs and output shapes, and links nothing of the server,
// so the lean `patron` front end can run it without loading the rest.
#include <functional>
#include <string_view>

#include <CLI/CLI.hpp>

#include "analytics/baskets.h"
#include "analytics/transactions.h"

namespace patron::app {

// Where the analyses read when no file is given: the SQL store, wired by the
// full program (empty hooks: files only, as in the lean front end and tests).
struct AnalyzeStoreHooks {
  std::function<analytics::TransactionTable()> load_purchases;
  std::function<analytics::Baskets()> load_baskets;
  std::function<void(CLI::App* analyze)> add_commands;  // store-only subcommands
};

// `only`, when given, names the one analysis the command line runs: the others
// are not built, which is a tenth of a small analysis's start-up.
CLI::App* add_analyze_command(CLI::App& app, const AnalyzeStoreHooks& store = {}, std::string_view only = {});

}  // namespace patron::app
