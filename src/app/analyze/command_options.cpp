#include "app/analyze/command_options.h"

namespace patron::app {

void add_output_flags(CLI::App* command, OutputOptions& out) {
  auto* json = command->add_flag("--json", out.json, "JSON output (compact; add --pretty to indent)");
  auto* csv = command->add_flag("--csv", out.csv, "CSV output");
  json->excludes(csv);
  command->add_flag("--pretty", out.pretty, "Indent the JSON for reading");
  command->add_option("--out", out.out_dir, "Write the result into this directory instead of stdout");
}

void add_transaction_options(CLI::App* command, TransactionOptions& options, bool other_input_possible) {
  const bool has_store = static_cast<bool>(options.from_store);
  auto* file = command->add_option("--transactions", options.file,
                                   has_store ? "Purchases file (default: the SQL store)" : "Purchases file");
  if (!has_store && !other_input_possible) file->required();
  command->add_option("--format", options.format, "generic, cdnow or online-retail")
      ->capture_default_str()
      ->check(CLI::IsMember({"generic", "cdnow", "online-retail"}));
}

}  // namespace patron::app
