#include "app/offers_generate.h"

#include <chrono>
#include <iostream>

#include "services/offers.h"
#include "storage/sql/write_queue.h"

namespace patron::app {
namespace {

constexpr int max_campaigns_per_run = 1'000;

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// The campaigns to run: the one named, or every live and scheduled one.
std::vector<std::string> campaigns_to_generate(soci::session& session, const std::string& only) {
  if (!only.empty()) return {only};
  std::vector<std::string> ids;
  auto& campaigns = services::Session(session).stores().offers();
  std::string after;
  do {
    auto page = campaigns.list_campaigns(200, after);
    for (const auto& c : page.items) {
      if (c.status == offers::CampaignStatus::live || c.status == offers::CampaignStatus::scheduled)
        ids.push_back(c.id);
    }
    after = page.next_cursor.value_or("");
  } while (!after.empty() && ids.size() < max_campaigns_per_run);
  return ids;
}

}  // namespace

void add_offers_generate_command(CLI::App* offers, OffersGenerateOptions& options) {
  auto* generate = offers->add_subcommand("generate", "Generate campaigns' personalized offers (idempotent per run)");
  generate->add_option("--campaign", options.campaign_id, "Only this campaign (default: every live and scheduled one)");
}

int run_offers_generate(const Config& config, const sql::DatabaseUrl& url, const services::ProgramSettings& program,
                        const OffersGenerateOptions& options) {
  auto store = documents::open_document_store(config.document_store);
  services::FavoriteCategories favorites;
  if (store.ok()) {
    favorites = services::favorites_from(store->get());
  } else {
    std::cerr << "note: the behaviour store is unavailable (" << store.error().message
              << "); stated preferences are left out\n";
  }
  sql::WriteQueue writes(url);
  auto ids = writes.run<std::vector<std::string>>([&](soci::session& s) -> Result<std::vector<std::string>> {
    return campaigns_to_generate(s, options.campaign_id);
  });
  if (!ids.ok()) return std::cerr << "error: " << ids.error().message << "\n", 1;
  if (ids->empty()) std::cout << "no live or scheduled campaign to generate\n";
  for (const auto& id : *ids) {
    const auto started = std::chrono::steady_clock::now();
    auto report = writes.run<services::GenerationReport>([&](soci::session& s) -> Result<services::GenerationReport> {
      return services::Offers(s, program).generate(id, favorites, now_seconds());
    });
    if (!report.ok()) {
      std::cerr << "error: campaign " << id << ": " << report.error().message << "\n";
      return 1;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "campaign " << id << ": " << report->offers_created << " offers, " << report->treatment_size
              << " treated, " << report->control_group_size << " in the control group (" << seconds << " s)\n";
  }
  return 0;
}

}  // namespace patron::app
