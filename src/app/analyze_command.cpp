#include "app/analyze_command.h"

namespace patron::app {

void add_analyze_command(CLI::App& app) {
  auto* analyze = app.add_subcommand("analyze", "Customer analytics: RFM, BTYD, CLV, rules, cohorts");
  analyze->require_subcommand(1);
}

}  // namespace patron::app
