// BG/NBD and Gamma-Gamma against the published CDNOW figures.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "analytics/bgnbd.h"
#include "analytics/clv.h"
#include "analytics/gamma_gamma.h"
#include "cdnow.h"
#include "test_table.h"

namespace patron::analytics {
namespace {

using testing::read_table;

BtydGroups groups_of(const CustomerSummary& s) {
  return group_by_sufficient_statistics(s.frequency, s.recency, s.age);
}

struct Fits {
  BgNbdFit bgnbd;
  GammaGammaFit gamma_gamma;
};

Fits fit_both(const CustomerSummary& for_bgnbd, const CustomerSummary& for_spend) {
  auto bg = fit_bgnbd(groups_of(for_bgnbd));
  auto gg = fit_gamma_gamma(for_spend.frequency, for_spend.mean_repeat_spend);
  if (!bg.ok() || !gg.ok()) throw std::runtime_error("CDNOW fit failed");
  return {bg.value(), gg.value()};
}

// Fitted once for the whole suite, keyed like the data column of the table.
const Fits& cdnow_fits(const std::string& data) {
  static const Fits from_summary =
      fit_both(testing::load_published_summary("cdnow_customers_summary.csv").summary,
               testing::load_published_summary("cdnow_customers_summary_with_transactions.csv").summary);
  static const Fits from_purchases =
      fit_both(testing::cdnow_summary_from_purchases(), testing::cdnow_summary_from_purchases());
  if (data == "summary") return from_summary;
  if (data == "transactions") return from_purchases;
  throw std::runtime_error("unknown data " + data);
}

double quantity(const Fits& fits, const std::string& name) {
  const std::map<std::string, double> values{
      {"bgnbd.r", fits.bgnbd.params.r},          {"bgnbd.alpha", fits.bgnbd.params.alpha},
      {"bgnbd.a", fits.bgnbd.params.a},          {"bgnbd.b", fits.bgnbd.params.b},
      {"bgnbd.log_likelihood", fits.bgnbd.log_likelihood},
      {"gamma_gamma.p", fits.gamma_gamma.params.p}, {"gamma_gamma.q", fits.gamma_gamma.params.q},
      {"gamma_gamma.gamma", fits.gamma_gamma.params.gamma}};
  return values.at(name);
}

TEST(Btyd, ReproducesThePublishedCdnowParameters) {
  const auto rows = read_table("cdnow_published.csv");
  ASSERT_EQ(rows.size(), 16u);
  for (const auto& row : rows) {
    SCOPED_TRACE(row[0] + " " + row[1] + " (" + row[4] + ")");
    EXPECT_NEAR(quantity(cdnow_fits(row[0]), row[1]), std::stod(row[2]), std::stod(row[3]));
  }
  EXPECT_EQ(cdnow_fits("summary").gamma_gamma.customers, 946u);  // customers with repeats
  EXPECT_EQ(cdnow_fits("transactions").gamma_gamma.customers, 946u);
}

TEST(Btyd, ExpectationsMatchHardiesSpreadsheet) {
  const BgNbdParams& params = cdnow_fits("summary").bgnbd.params;
  for (const auto& row : read_table("bgnbd_expectations.csv")) {
    SCOPED_TRACE("horizon " + row[0] + " x " + row[1]);
    const double expected = bgnbd_expected_purchases(params, std::stod(row[0]), std::stoul(row[1]),
                                                     std::stod(row[2]), std::stod(row[3]));
    EXPECT_NEAR(expected, std::stod(row[4]), std::stod(row[5]));
  }
}

double& component(BgNbdParams& p, int k) { return k == 0 ? p.r : k == 1 ? p.alpha : k == 2 ? p.a : p.b; }

// Every CDNOW customer's P(alive), expected purchases, expected spend and
// CLV against lifetimes 0.11.3 (an independent implementation, each with its
// own fit): data/cdnow_lifetimes_customers.csv, made by the script beside it.
TEST(Btyd, PerCustomerFiguresMatchLifetimesOnCdnow) {
  const auto& fits = cdnow_fits("summary");
  const auto rows = read_table("cdnow_lifetimes_customers.csv");
  ASSERT_EQ(rows.size(), 2357u);
  // lifetimes 0.11.3 steps a month as 4.345 weeks with freq="W" (Patron's default step is a 30-day month).
  const ClvOptions nine_months{9 * 4.345, 4.345, 0.01};
  const auto close = [](double actual, double expected) {
    return std::fabs(actual - expected) <= 1e-6 * std::max(1.0, std::fabs(expected));
  };
  int compared = 0;
  for (const auto& row : rows) {
    SCOPED_TRACE("customer " + row[0]);
    const auto x = static_cast<std::uint32_t>(std::stoul(row[1]));
    const double t_x = std::stod(row[2]), age = std::stod(row[3]), zbar = std::stod(row[4]);
    const double spend = gamma_gamma_expected_spend(fits.gamma_gamma.params, x, zbar);
    EXPECT_PRED2(close, bgnbd_p_alive(fits.bgnbd.params, x, t_x, age), std::stod(row[5]));
    EXPECT_PRED2(close, bgnbd_expected_purchases(fits.bgnbd.params, 39.0, x, t_x, age), std::stod(row[6]));
    EXPECT_PRED2(close, spend, std::stod(row[7]));
    EXPECT_PRED2(close, customer_lifetime_value(fits.bgnbd.params, x, t_x, age, spend, nine_months), std::stod(row[8]));
    ++compared;
  }
  EXPECT_EQ(compared, 2357);
}

TEST(Btyd, GradientMatchesFiniteDifferences) {
  const BtydGroups groups =
      groups_of(testing::load_published_summary("cdnow_customers_summary.csv").summary);
  for (const BgNbdParams at : {BgNbdParams{0.3, 5.0, 0.7, 2.0}, BgNbdParams{1.5, 0.8, 2.5, 0.6}}) {
    std::array<double, 4> analytic{};
    bgnbd_log_likelihood(at, groups, &analytic);
    for (int k = 0; k < 4; ++k) {
      const double h = 1e-6;
      BgNbdParams up = at, down = at;
      component(up, k) += h;
      component(down, k) -= h;
      const double numeric =
          (bgnbd_log_likelihood(up, groups) - bgnbd_log_likelihood(down, groups)) / (2 * h);
      EXPECT_NEAR(analytic[k], numeric, 1e-5 * std::max(1.0, std::fabs(numeric))) << "parameter " << k;
    }
  }
  // At the fit the gradient vanishes (relative to the customer count).
  std::array<double, 4> at_fit{};
  bgnbd_log_likelihood(cdnow_fits("summary").bgnbd.params, groups, &at_fit);
  for (double g : at_fit) EXPECT_NEAR(g / 2357.0, 0.0, 1e-5);
}

TEST(Btyd, PAliveIsOneWithoutRepeatsAndFallsWithSilence) {
  const BgNbdParams& params = cdnow_fits("summary").bgnbd.params;
  EXPECT_DOUBLE_EQ(bgnbd_p_alive(params, 0, 0, 38.86), 1.0);
  const double recent = bgnbd_p_alive(params, 5, 38.0, 38.86);
  const double silent = bgnbd_p_alive(params, 5, 5.0, 38.86);
  EXPECT_GT(recent, 0.8);
  EXPECT_LT(silent, 0.2);
}

TEST(Btyd, GroupingKeepsEveryCustomer) {
  const SummaryTable table = testing::load_published_summary("cdnow_customers_summary.csv");
  const BtydGroups groups = groups_of(table.summary);
  double customers = 0;
  for (double w : groups.weight) customers += w;
  EXPECT_EQ(customers, 2357.0);
  EXPECT_LT(groups.size(), table.summary.size());
  for (std::size_t row = 0; row < table.summary.size(); ++row) {
    const auto g = groups.group_of_row[row];
    ASSERT_EQ(groups.frequency[g], table.summary.frequency[row]);
    ASSERT_EQ(groups.recency[g], table.summary.recency[row]);
    ASSERT_EQ(groups.age[g], table.summary.age[row]);
  }
}

TEST(Btyd, ExpectedSpendShrinksTowardsThePopulationMean) {
  const GammaGammaParams& m = cdnow_fits("summary").gamma_gamma.params;
  const double population = m.p * m.gamma / (m.q - 1);
  EXPECT_NEAR(gamma_gamma_expected_spend(m, 0, 0), population, 1e-9);
  const double one = gamma_gamma_expected_spend(m, 1, 100.0);
  const double many = gamma_gamma_expected_spend(m, 20, 100.0);
  EXPECT_GT(one, population);
  EXPECT_LT(one, many);
  EXPECT_LT(many, 100.0);
}

}  // namespace
}  // namespace patron::analytics
