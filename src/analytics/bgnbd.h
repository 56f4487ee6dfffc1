#pragma once
// BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy
// Way"): while alive a customer buys at Poisson rate lambda ~ Gamma(r, alpha)
// and after each purchase drops out with probability p ~ Beta(a, b).
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "analytics/model_fit.h"
#include "analytics/sufficient_statistics.h"
#include "domain/result.h"

namespace patron::analytics {

// The parameters the BG/NBD and the MBG/NBD share: the purchase rate
// lambda ~ Gamma(r, alpha), alpha in periods (the unit of t_x and T), and the
// dropout probability p ~ Beta(a, b). Model keeps the two models' apart.
template <typename Model>
struct BetaGeometricParams {
  double r = 1.0;
  double alpha = 1.0;
  double a = 1.0;
  double b = 1.0;
};

struct BgNbdModel;
using BgNbdParams = BetaGeometricParams<BgNbdModel>;
using BgNbdFit = ModelFit<BgNbdParams>;

struct FitOptions {
  unsigned workers = 0;  // 0 = one per hardware thread
};

// Maximum likelihood over log-parameters with the analytic gradient.
Result<BgNbdFit> fit_bgnbd(const BtydGroups& groups, const FitOptions& options = {});

// Total log-likelihood of the grouped customers under params and, when asked,
// its gradient in (r, alpha, a, b): what fit_bgnbd follows, exposed for tests.
double bgnbd_log_likelihood(const BgNbdParams& params, const BtydGroups& groups,
                            std::array<double, 4>* gradient = nullptr);

// P(alive | x, t_x, T).
double bgnbd_p_alive(const BgNbdParams& params, std::uint32_t x, double t_x, double t);

// E[purchases in (T, T + horizon] | x, t_x, T]. With x = t_x = T = 0 this is
// the unconditional E[X(horizon)] of a new customer.
double bgnbd_expected_purchases(const BgNbdParams& params, double horizon, std::uint32_t x, double t_x, double t);
// The same at several horizons (at most kMaxSeriesPoints), sharing the work
// that depends only on the customer: what a CLV's monthly steps need.
void bgnbd_expected_purchases_at(const BgNbdParams& params, std::span<const double> horizons, std::uint32_t x,
                                 double t_x, double t, std::span<double> out);

struct BgNbdPredictions {
  std::vector<double> p_alive;             // per group
  std::vector<double> expected_purchases;  // per group, over the horizon
};

BgNbdPredictions predict_bgnbd(const BgNbdParams& params, const BtydGroups& groups, double horizon,
                               const FitOptions& options = {});

}  // namespace patron::analytics
