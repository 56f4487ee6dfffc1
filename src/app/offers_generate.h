#pragma once
// `patron offers generate [--campaign ID]`: generates the offers of one
// campaign, or of every live and scheduled one, as the console's Generate does.
#include <string>

#include <CLI/CLI.hpp>

#include "app/config.h"
#include "services/loyalty.h"
#include "storage/sql/database.h"

namespace patron::app {

struct OffersGenerateOptions {
  std::string campaign_id;  // empty: every live and scheduled campaign
};

void add_offers_generate_command(CLI::App* offers, OffersGenerateOptions& options);
// On a migrated database.
int run_offers_generate(const Config& config, const sql::DatabaseUrl& url, const services::ProgramSettings& program,
                        const OffersGenerateOptions& options);

}  // namespace patron::app
