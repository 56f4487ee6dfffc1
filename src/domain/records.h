#pragma once
// Records as the stores hand them out and the services and views take them:
// plain structs in the domain's words, with no database type in them. The SQL
// repositories (storage/sql) read and write them; storage/sql/records.h names
// them in its own namespace as well.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/money.h"

namespace patron {

struct UserRecord {
  std::string id;
  std::string email;
  std::string password_hash;
  std::string name;
  std::string phone;
  std::string role;         // customer | staff | admin
  std::string card_number;  // empty for staff
  bool marketing_opt_in = false;
  std::string status = "active";
  std::int64_t created_at = 0;
};

struct AccountRecord {
  std::string customer_id;
  Points points_balance = 0;
  std::string tier_code;
  std::int64_t tier_anniversary_at = 0;
  std::int64_t entry_count = 0;
};

// An account with its owner's role and status, read (and locked) in one statement.
struct CustomerAccount {
  std::string role, status;
  AccountRecord account;
};

struct LedgerEntryRecord {
  std::string id;
  std::string customer_id;
  std::int64_t seq = 0;
  std::int64_t occurred_at = 0;
  std::string kind;
  Points points = 0;
  Points balance_after = 0;
  std::string reference;
  std::string reason;
  std::string created_by;
  std::string reward_name;  // read back for a redemption: the reward it bought; else empty
};

struct TransactionLineRecord {
  std::int64_t line_no = 0;
  std::string sku;
  std::string name;
  std::string category;
  std::int64_t quantity = 0;
  MinorUnits unit_price_minor = 0;
  std::int64_t returned_quantity = 0;
};

struct TransactionRecord {
  std::string id;
  std::string customer_id;
  std::string store_id;
  std::string external_id;
  std::int64_t occurred_at = 0;
  std::string currency;  // the program's base currency: every amount below is in it
  MinorUnits total_minor = 0;
  MinorUnits returned_minor = 0;
  // A purchase the till sent in another currency: that currency, its total
  // there (when every line was priced in it) and the rate that converted it.
  std::string original_currency;
  std::optional<MinorUnits> original_total_minor;
  std::optional<RateNano> fx_rate_nano;
  Points points_earned = 0;
  Points points_reversed = 0;
  std::string earn_entry_id;
  std::string status = "completed";
  std::string channel = "pos";
  std::vector<TransactionLineRecord> lines;
};

struct RedemptionRecord {
  std::string id;
  std::string customer_id;
  std::string reward_id;
  std::string reward_name;
  Points points = 0;
  std::string code;
  std::string ledger_entry_id;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> expires_at;  // none: issued before vouchers expired, valid until used
};

struct ProductRecord {
  std::string id;
  std::string sku;
  std::string name;
  std::string category;
  std::string brand;
  MinorUnits price_minor = 0;
  std::string currency;
};

struct StoredResponse {
  std::string request_hash;
  int status_code = 0;
  std::string body;
};

// A keyset page: items newer-first and the cursor that continues after them.
template <typename T>
struct Page {
  std::vector<T> items;
  std::optional<std::string> next_cursor;
};

// Credentials other than passwords, as stored: a refresh token (its family
// groups the tokens of one sign-in, for reuse detection) and a store API key.
struct RefreshTokenRecord {
  std::string id;
  std::string user_id;
  std::string family_id;
  std::int64_t expires_at = 0;
  bool spent = false;
  bool revoked = false;
};

struct ApiKeyRecord {
  std::string id;
  std::string store_id;
  std::string prefix;
  std::string name;
  bool revoked = false;
  std::int64_t created_at = 0;
};

// ISO 4217 has fewer codes than this; the bound keeps every read of the rates finite.
inline constexpr int max_currency_rates = 400;

// One analytics run, as the staff views list it (its scores are separate).
struct AnalyticsRunRecord {
  long long id = 0;
  std::int64_t started_at = 0;
  std::int64_t finished_at = 0;
  std::string status;
  std::string as_of_day;   // YYYY-MM-DD
  std::string parameters;  // JSON text
  std::string summary;     // JSON text
  long long customers = 0;
  long long purchases = 0;
};

// A currency's rate to the program currency, and who set it when.
struct CurrencyRateRecord {
  std::string currency;
  RateNano rate_nano = 0;
  std::int64_t updated_at = 0;
  std::string updated_by;
};

// A scored customer of an analytics run: RFM, the chosen purchase model's
// P(alive) and expected purchases, Gamma-Gamma spend and CLV, affinities.
struct CustomerScoreRecord {
  std::string customer_id;
  long long recency_days = 0, frequency = 0, monetary_minor = 0;
  int r_score = 0, f_score = 0, m_score = 0;
  std::string segment;
  std::optional<double> p_alive, expected_purchases, expected_avg_spend, clv;
  std::string top_category, top_brand, categories, brands;
};

// An association rule of a run, its SKUs as JSON arrays.
struct RuleRecord {
  std::string antecedent;  // JSON array of SKUs
  std::string consequent;
  double support = 0, confidence = 0, lift = 0;
};

// One cell of a run's cohort table: customers first seen in a month, and how
// many of them bought again `months_after` later.
struct CohortCellRecord {
  std::string first_month;  // YYYY-MM
  long long months_after = 0, customers = 0, active = 0;
};

// An online checkout (Stripe) and what became of it.
struct CheckoutRecord {
  std::string id;          // chk_…: also the Idempotency-Key of the Stripe call
  std::string session_id;  // Stripe's cs_…
  std::string customer_id;
  std::string currency;
  MinorUnits amount_total_minor = 0;
  std::string lines_json;  // [{sku, name, quantity, unit_price_minor}] as charged
  std::string status = "open";  // open | paid | failed
  std::string payment_intent;
  std::string transaction_id;
  Points points_earned = 0;
  MinorUnits refunded_minor = 0;  // Stripe's cumulative amount_refunded applied so far
  std::string failure;            // why a paid session could not be recorded
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};
}  // namespace patron
