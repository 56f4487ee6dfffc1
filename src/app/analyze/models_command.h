#pragma once
// `patron analyze models`: BG/NBD, MBG/NBD and Pareto/NBD fitted on a
// calibration period and scored on the purchases that followed it.
#include <functional>

#include <CLI/CLI.hpp>

#include "analytics/model_comparison.h"
#include "analytics/transactions.h"

namespace patron::app {

void add_models_command(CLI::App* analyze, const std::function<analytics::TransactionTable()>& from_store);

}  // namespace patron::app
