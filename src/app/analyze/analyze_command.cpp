#include "app/analyze/analyze_command.h"

#include <algorithm>
#include <initializer_list>

#include "app/analyze/btyd_command.h"
#include "app/analyze/models_command.h"
#include "app/analyze/rfm_command.h"
#include "app/analyze/rules_command.h"

namespace patron::app {

CLI::App* add_analyze_command(CLI::App& app, const AnalyzeStoreHooks& store, std::string_view only) {
  auto* analyze = app.add_subcommand("analyze",
                                     "Customer analytics on files or the SQL store: RFM, BTYD, CLV, "
                                     "model comparison, rules, cohorts, affinity");
  analyze->require_subcommand(1);
  const auto wanted = [only](std::initializer_list<std::string_view> names) {
    return only.empty() || std::find(names.begin(), names.end(), only) != names.end();
  };
  if (wanted({"btyd", "clv"})) add_btyd_commands(analyze, store.load_purchases, only);
  if (wanted({"models"})) add_models_command(analyze, store.load_purchases);
  if (wanted({"rules"})) add_rules_command(analyze, store.load_baskets);
  if (wanted({"rfm"})) add_rfm_command(analyze, store.load_purchases);
  if (wanted({"cohorts"})) add_cohorts_command(analyze, store.load_purchases);
  if (store.add_commands) store.add_commands(analyze);
  return analyze;
}

}  // namespace patron::app
