#pragma once
// `patron analyze rfm` and `patron analyze cohorts`.
#include <functional>

#include <CLI/CLI.hpp>

#include "analytics/transactions.h"

namespace patron::app {

void add_rfm_command(CLI::App* analyze, const std::function<analytics::TransactionTable()>& from_store);
void add_cohorts_command(CLI::App* analyze, const std::function<analytics::TransactionTable()>& from_store);

}  // namespace patron::app
