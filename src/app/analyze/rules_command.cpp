#include "app/analyze/rules_command.h"

#include <algorithm>
#include <memory>
#include <sstream>

#include "analytics/association_rules.h"
#include "app/analyze/command_options.h"

namespace patron::app {
namespace {

namespace an = patron::analytics;

constexpr std::size_t kMaxRuleLength = 1000;

struct RulesCliOptions {
  std::string baskets_file;
  std::function<an::Baskets()> from_store;
  an::RuleOptions rules;
  std::size_t limit = 0;  // 0 = all rules
};

std::vector<std::string_view> sorted_names(const an::Baskets& baskets, const std::vector<std::uint32_t>& items) {
  std::vector<std::string_view> names;
  names.reserve(items.size());
  for (const auto item : items) names.emplace_back(baskets.item_names[item]);
  std::sort(names.begin(), names.end());
  return names;
}

void write_json(OutputSink& sink, bool pretty, const RulesCliOptions& options, const an::Baskets& baskets,
                const std::vector<an::AssociationRule>& rules) {
  JsonWriter json(sink, pretty);
  json.begin_object()
      .field("transactions", static_cast<std::int64_t>(baskets.size()))
      .field("items", static_cast<std::int64_t>(baskets.item_count()))
      .field("min_support", options.rules.min_support)
      .field("min_confidence", options.rules.min_confidence)
      .field("min_length", static_cast<std::int64_t>(options.rules.min_length));
  json.key("max_length");
  if (options.rules.max_length == 0) {
    json.value("none");
  } else {
    json.value(static_cast<std::int64_t>(options.rules.max_length));
  }
  json.key("rules").begin_array();
  for (const auto& rule : rules) {
    json.begin_object().key("antecedent").begin_array();
    for (const auto name : sorted_names(baskets, rule.antecedent)) json.value(name);
    json.end_array().key("consequent").begin_array().value(baskets.item_names[rule.consequent]).end_array();
    json.field("support", rule.support).field("confidence", rule.confidence).field("lift", rule.lift).end_object();
  }
  json.end_array().end_object().finish();
}

void write_csv(OutputSink& sink, const an::Baskets& baskets, const std::vector<an::AssociationRule>& rules) {
  CsvWriter csv(sink);
  csv.header({"antecedent", "consequent", "support", "confidence", "lift"});
  std::string joined;
  for (const auto& rule : rules) {
    joined.clear();
    for (const auto name : sorted_names(baskets, rule.antecedent)) {
      if (!joined.empty()) joined += ';';
      joined += name;
    }
    csv.field(joined).field(baskets.item_names[rule.consequent]);
    csv.field(rule.support).field(rule.confidence).field(rule.lift).end_row();
  }
}

void write_text(OutputSink& sink, const an::Baskets& baskets, const std::vector<an::AssociationRule>& rules) {
  std::ostringstream text;
  text << rules.size() << " rules over " << baskets.size() << " baskets and " << baskets.item_count()
       << " items, by lift:\n";
  for (const auto& rule : rules) {
    text << "{";
    const auto names = sorted_names(baskets, rule.antecedent);
    for (std::size_t k = 0; k < names.size(); ++k) text << (k ? ", " : "") << names[k];
    text << "} => {" << baskets.item_names[rule.consequent] << "}  support " << rule.support << "  confidence "
         << rule.confidence << "  lift " << rule.lift << "\n";
  }
  sink.put(text.str());
}

void run_rules(const RulesCliOptions& options, const OutputOptions& out) {
  if (options.rules.max_length != 0 && options.rules.max_length < options.rules.min_length) {
    fail("--max-length is below --min-length");
  }
  const an::Baskets baskets = load_baskets(options.baskets_file, options.from_store);
  auto rules = an::association_rules(baskets, options.rules);
  if (options.limit > 0 && rules.size() > options.limit) rules.resize(options.limit);
  write_output(out, "rules",
               {.json = [&](OutputSink& sink) { write_json(sink, out.pretty, options, baskets, rules); },
                .csv = [&](OutputSink& sink) { write_csv(sink, baskets, rules); },
                .text = [&](OutputSink& sink) { write_text(sink, baskets, rules); }});
}

}  // namespace

void add_rules_command(CLI::App* analyze, const std::function<an::Baskets()>& from_store) {
  auto options = std::make_shared<RulesCliOptions>();
  auto out = std::make_shared<OutputOptions>();
  auto* command = analyze->add_subcommand(
      "rules", "Association rules X => {y} by FP-Growth. Defaults as mlxtend's and arules': confidence >= 0.8, "
               "at least one antecedent item, no cap on length");
  options->from_store = from_store;
  auto* baskets = command->add_option("--baskets", options->baskets_file,
                                      from_store ? "One basket per line, items comma separated (default: the SQL store)"
                                                 : "One basket per line, items comma separated");
  if (!from_store) baskets->required();
  command->add_option("--min-support", options->rules.min_support, "Share of baskets holding the rule's items")
      ->capture_default_str()
      ->check(CLI::Range(1e-9, 1.0));
  command->add_option("--min-confidence", options->rules.min_confidence)->capture_default_str()->check(CLI::Range(0.0, 1.0));
  command->add_option("--min-length", options->rules.min_length,
                      "Items in a rule, at least; 1 also lists {} => {y} (arules' minlen)")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, kMaxRuleLength));
  command->add_option("--max-length", options->rules.max_length, "Items in a rule, at most (default: no cap)")
      ->check(CLI::Range(std::size_t{1}, kMaxRuleLength));
  command->add_option("--limit", options->limit, "Keep only the first N rules by lift");
  add_output_flags(command, *out);
  command->callback([options, out] { run_rules(*options, *out); });
}

}  // namespace patron::app
