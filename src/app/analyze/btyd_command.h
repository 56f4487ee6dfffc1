#pragma once
// `patron analyze btyd` and `patron analyze clv`.
#include <functional>

#include <CLI/CLI.hpp>

#include "analytics/transactions.h"

namespace patron::app {

void add_btyd_commands(CLI::App* analyze, const std::function<analytics::TransactionTable()>& from_store);

}  // namespace patron::app
