#pragma once
// MBG/NBD model (Batislam, Denizel & Filiztekin 2007; Wagner & Hoppe 2008):
// BG/NBD where a customer may also drop out at the first purchase, so a
// one-time buyer's P(alive) is below 1 and falls with time since purchase.
// The same as lifetimes' ModifiedBetaGeoFitter.
#include <array>
#include <cstdint>
#include <vector>

#include "analytics/bgnbd.h"
#include "analytics/model_fit.h"
#include "analytics/sufficient_statistics.h"
#include "domain/result.h"

namespace patron::analytics {

struct MbgNbdModel;
using MbgNbdParams = BetaGeometricParams<MbgNbdModel>;
using MbgNbdFit = ModelFit<MbgNbdParams>;

// Maximum likelihood (analytic gradient, L-BFGS over log-parameters). Errors
// when the optimizer fails or the optimum is degenerate (see fit_check.h).
Result<MbgNbdFit> fit_mbgnbd(const BtydGroups& groups, const FitOptions& options = {});

// Total log-likelihood and, when asked, its gradient in (r, alpha, a, b).
double mbgnbd_log_likelihood(const MbgNbdParams& params, const BtydGroups& groups,
                             std::array<double, 4>* gradient = nullptr);

// P(alive | x, t_x, T): Batislam et al. (2007) appendix, eq. (5).
double mbgnbd_p_alive(const MbgNbdParams& params, std::uint32_t x, double t_x, double t);

// E[purchases in (T, T + horizon] | x, t_x, T] (Wagner & Hoppe 2008).
double mbgnbd_expected_purchases(const MbgNbdParams& params, double horizon, std::uint32_t x,
                                 double t_x, double t);

// Per group, in parallel; the same struct as BG/NBD's.
BgNbdPredictions predict_mbgnbd(const MbgNbdParams& params, const BtydGroups& groups,
                                double horizon, const FitOptions& options = {});

}  // namespace patron::analytics
