#pragma once
// `patron analyze rules`: association rules by FP-Growth.
#include <functional>

#include <CLI/CLI.hpp>

#include "analytics/baskets.h"

namespace patron::app {

void add_rules_command(CLI::App* analyze, const std::function<analytics::Baskets()>& from_store);

}  // namespace patron::app
