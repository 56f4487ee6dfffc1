#include "app/analyze/rfm_command.h"

#include <memory>
#include <sstream>

#include "analytics/cohorts.h"
#include "analytics/rfm.h"
#include "app/analyze/command_options.h"

namespace patron::app {
namespace {

namespace an = patron::analytics;

struct RfmRun {
  const std::vector<std::string_view>& ids;
  const an::RfmTable& rfm;
  an::Day as_of;
};

std::vector<std::size_t> per_segment(const an::RfmTable& rfm) {
  std::vector<std::size_t> counts(an::kSegmentCount, 0);
  for (const auto segment : rfm.segment) ++counts[static_cast<std::size_t>(segment)];
  return counts;
}

void write_rfm_json(OutputSink& sink, bool pretty, const RfmRun& run) {
  JsonWriter json(sink, pretty);
  json.begin_object().field("as_of", an::format_date(run.as_of)).key("segments").begin_object();
  const auto counts = per_segment(run.rfm);
  for (std::size_t s = 0; s < an::kSegmentCount; ++s) {
    json.field(an::segment_name(static_cast<an::Segment>(s)), static_cast<std::int64_t>(counts[s]));
  }
  json.end_object().key("customers").begin_array();
  const auto& rfm = run.rfm;
  for (std::size_t i = 0; i < rfm.size(); ++i) {
    json.begin_object().field("id", run.ids[rfm.customer_index[i]]);
    json.field("recency_days", rfm.recency_days[i]).field("frequency", rfm.frequency[i]);
    json.field("monetary_minor", rfm.monetary_minor[i]).field("r", int{rfm.r_score[i]});
    json.field("f", int{rfm.f_score[i]}).field("m", int{rfm.m_score[i]});
    json.field("segment", an::segment_name(rfm.segment[i])).end_object();
  }
  json.end_array().end_object().finish();
}

void write_rfm_csv(OutputSink& sink, const RfmRun& run) {
  CsvWriter csv(sink);
  csv.comment("as_of: " + an::format_date(run.as_of));
  csv.header({"id", "recency_days", "frequency", "monetary_minor", "r", "f", "m", "segment"});
  const auto& rfm = run.rfm;
  for (std::size_t i = 0; i < rfm.size(); ++i) {
    csv.field(run.ids[rfm.customer_index[i]]).field(rfm.recency_days[i]).field(rfm.frequency[i]);
    csv.field(rfm.monetary_minor[i]).field(int{rfm.r_score[i]}).field(int{rfm.f_score[i]}).field(int{rfm.m_score[i]});
    csv.field(an::segment_name(rfm.segment[i])).end_row();
  }
}

void write_rfm_text(OutputSink& sink, const RfmRun& run) {
  std::ostringstream text;
  text << "RFM of " << run.rfm.size() << " customers as of " << an::format_date(run.as_of) << "\n";
  const auto counts = per_segment(run.rfm);
  for (std::size_t s = 0; s < an::kSegmentCount; ++s) {
    text << "  " << an::segment_name(static_cast<an::Segment>(s)) << ": " << counts[s] << "\n";
  }
  sink.put(text.str());
}

void run_rfm(const TransactionOptions& options, const std::string& as_of_text, const OutputOptions& out) {
  const RfmInput input = load_rfm_input(options);
  const an::Day as_of = as_of_text.empty() ? input.totals.last_day + 1 : parse_day_option(as_of_text, "--as-of");
  const an::RfmTable rfm = an::score_rfm(input.totals.totals, {as_of, 0});
  if (rfm.size() == 0) fail("no customer bought on or before --as-of " + an::format_date(as_of));
  const RfmRun run{input.totals.ids, rfm, as_of};
  write_output(out, "rfm",
               {.json = [&](OutputSink& sink) { write_rfm_json(sink, out.pretty, run); },
                .csv = [&](OutputSink& sink) { write_rfm_csv(sink, run); },
                .text = [&](OutputSink& sink) { write_rfm_text(sink, run); }});
}

void write_cohorts(const std::vector<an::Cohort>& cohorts, const OutputOptions& out) {
  OutputTarget target(out, "cohorts");
  if (out.format() == OutputFormat::json) {
    JsonWriter json(target.sink(), out.pretty);
    json.begin_object().key("cohorts").begin_array();
    for (const auto& cohort : cohorts) {
      json.begin_object().field("month", an::format_month(cohort.first_month)).field("customers", cohort.customers);
      json.key("active").begin_array();
      for (const auto active : cohort.active) json.value(active);
      json.end_array().key("retention").begin_array();
      for (std::size_t k = 0; k < cohort.active.size(); ++k) json.value(cohort.retention(k));
      json.end_array().end_object();
    }
    json.end_array().end_object().finish();
  } else if (out.format() == OutputFormat::csv) {
    CsvWriter csv(target.sink());
    csv.header({"first_month", "customers", "months_after", "active", "retention"});
    for (const auto& cohort : cohorts) {
      for (std::size_t k = 0; k < cohort.active.size(); ++k) {
        csv.field(an::format_month(cohort.first_month)).field(cohort.customers).field(static_cast<std::int64_t>(k));
        csv.field(cohort.active[k]).field(cohort.retention(k)).end_row();
      }
    }
  } else {
    std::ostringstream text;
    text.precision(3);
    for (const auto& cohort : cohorts) {
      text << an::format_month(cohort.first_month) << "  " << cohort.customers << " customers:";
      for (std::size_t k = 0; k < cohort.active.size(); ++k) text << " " << cohort.retention(k);
      text << "\n";
    }
    target.sink().put(text.str());
  }
  target.close();
}

}  // namespace

void add_rfm_command(CLI::App* analyze, const std::function<an::TransactionTable()>& from_store) {
  auto options = std::make_shared<TransactionOptions>();
  auto as_of = std::make_shared<std::string>();
  auto out = std::make_shared<OutputOptions>();
  auto* command = analyze->add_subcommand("rfm", "RFM quintile scores and segments");
  options->from_store = from_store;
  add_transaction_options(command, *options);
  command->add_option("--as-of", *as_of, "Day recency is counted to (default: the day after the last purchase)");
  add_output_flags(command, *out);
  command->callback([options, as_of, out] { run_rfm(*options, *as_of, *out); });
}

void add_cohorts_command(CLI::App* analyze, const std::function<an::TransactionTable()>& from_store) {
  auto options = std::make_shared<TransactionOptions>();
  auto out = std::make_shared<OutputOptions>();
  auto* command = analyze->add_subcommand("cohorts", "Retention by first-purchase month");
  options->from_store = from_store;
  add_transaction_options(command, *options);
  add_output_flags(command, *out);
  command->callback([options, out] {
    const an::TransactionTable table = load_transactions(*options);
    write_cohorts(an::cohort_retention(table.purchases, table.customer_count()), *out);
  });
}

}  // namespace patron::app
