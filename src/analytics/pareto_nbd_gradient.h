#pragma once
// The Pareto/NBD log-likelihood with its analytic gradient, so the fit can
// follow L-BFGS (about 20 evaluations) instead of a derivative-free search
// (about 100).
#include <array>

#include "analytics/pareto_nbd.h"

namespace patron::analytics {

// Sum over the groups, weighted; gradient in (r, alpha, s, beta).
double pareto_nbd_log_likelihood_gradient(const ParetoNbdParams& params, const BtydGroups& groups,
                                          unsigned workers, std::array<double, 4>& gradient);

}  // namespace patron::analytics
