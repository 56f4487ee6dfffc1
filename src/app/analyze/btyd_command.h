#pragma once
// `patron analyze btyd` and `patron analyze clv`.
#include <functional>
#include <string_view>

#include <CLI/CLI.hpp>

#include "analytics/transactions.h"

namespace patron::app {

// `only`: "btyd" or "clv" to add just that one (the lean binary builds only what it runs).
void add_btyd_commands(CLI::App* analyze, const std::function<analytics::TransactionTable()>& from_store,
                       std::string_view only = {});

}  // namespace patron::app
