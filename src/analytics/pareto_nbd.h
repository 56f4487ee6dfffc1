#pragma once
// Pareto/NBD model (Schmittlein, Morrison & Colombo 1987): while alive a
// customer buys at Poisson rate lambda ~ Gamma(r, alpha) and lives an
// exponential lifetime of rate mu ~ Gamma(s, beta). Formulas as in Hardie's
// note "Deriving an Expression for P(X(t) = x) under the Pareto/NBD Model"
// (2005) and lifetimes' ParetoNBDFitter.
#include <cstdint>
#include <vector>

#include "analytics/bgnbd.h"
#include "analytics/model_fit.h"
#include "analytics/sufficient_statistics.h"
#include "domain/result.h"

namespace patron::analytics {

struct ParetoNbdParams {
  double r = 1.0;
  double alpha = 1.0;  // periods
  double s = 1.0;
  double beta = 1.0;  // periods
};

using ParetoNbdFit = ModelFit<ParetoNbdParams>;

// Maximum likelihood over log-parameters (L-BFGS with the analytic gradient
// of pareto_nbd_gradient.h, restarted where its line search stalls). Errors when the
// optimizer fails or the optimum is degenerate (see fit_check.h), e.g. s and
// beta running off together when every customer has the same dropout rate.
Result<ParetoNbdFit> fit_pareto_nbd(const BtydGroups& groups, const FitOptions& options = {});

double pareto_nbd_log_likelihood(const ParetoNbdParams& params, const BtydGroups& groups,
                                 const FitOptions& options = {});

// Log-likelihood of one history.
double pareto_nbd_customer_log_likelihood(const ParetoNbdParams& params, std::uint32_t x,
                                          double t_x, double t);

// P(alive | x, t_x, T): Hardie (2005) eqs. (36)-(37).
double pareto_nbd_p_alive(const ParetoNbdParams& params, std::uint32_t x, double t_x, double t);

// E[purchases in (T, T + horizon] | x, t_x, T]: eq. (41).
double pareto_nbd_expected_purchases(const ParetoNbdParams& params, double horizon,
                                     std::uint32_t x, double t_x, double t);

// E[purchases in (T, T + horizon] | alive at T, x, T]: the expected purchases
// are P(alive) times this (a CLV sum over steps needs P(alive) once).
double pareto_nbd_expected_purchases_if_alive(const ParetoNbdParams& params, double horizon,
                                              std::uint32_t x, double t);

BgNbdPredictions predict_pareto_nbd(const ParetoNbdParams& params, const BtydGroups& groups,
                                    double horizon, const FitOptions& options = {});

}  // namespace patron::analytics
