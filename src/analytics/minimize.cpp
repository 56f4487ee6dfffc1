#include "analytics/minimize.h"

#include <nlopt.h>

#include <cassert>
#include <cmath>
#include <memory>

namespace patron::analytics {
namespace {

struct Call {
  const Objective* objective;
  int evaluations;
};

double trampoline(unsigned n, const double* x, double* gradient, void* data) {
  auto* call = static_cast<Call*>(data);
  ++call->evaluations;
  std::vector<double> scratch;
  std::span<double> gradient_span;
  if (gradient != nullptr) {
    gradient_span = {gradient, n};
  } else {
    scratch.resize(n);
    gradient_span = scratch;
  }
  return (*call->objective)({x, n}, gradient_span);
}

const char* describe(nlopt_result result) {
  switch (result) {
    case NLOPT_SUCCESS: return "success";
    case NLOPT_STOPVAL_REACHED: return "stopval reached";
    case NLOPT_FTOL_REACHED: return "ftol reached";
    case NLOPT_XTOL_REACHED: return "xtol reached";
    case NLOPT_MAXEVAL_REACHED: return "max evaluations reached";
    case NLOPT_MAXTIME_REACHED: return "max time reached";
    case NLOPT_ROUNDOFF_LIMITED: return "roundoff limited";
    default: return "failure";
  }
}

}  // namespace

Result<Minimum> minimize(const Objective& objective, std::vector<double> start,
                         const MinimizeOptions& options) {
  assert(!start.empty());
  const auto n = static_cast<unsigned>(start.size());
  std::unique_ptr<nlopt_opt_s, decltype(&nlopt_destroy)> opt(nlopt_create(NLOPT_LD_LBFGS, n),
                                                              &nlopt_destroy);
  if (!opt) return Error{ErrorCode::internal, "cannot create the NLopt optimizer", {}};
  Call call{&objective, 0};
  nlopt_set_min_objective(opt.get(), &trampoline, &call);
  nlopt_set_lower_bounds1(opt.get(), options.lower_bound);
  nlopt_set_upper_bounds1(opt.get(), options.upper_bound);
  nlopt_set_ftol_rel(opt.get(), options.relative_tolerance);
  nlopt_set_xtol_rel(opt.get(), options.relative_tolerance);
  nlopt_set_maxeval(opt.get(), options.max_evaluations);

  double value = 0.0;
  const nlopt_result result = nlopt_optimize(opt.get(), start.data(), &value);
  // Round-off limited means L-BFGS cannot improve f in double precision: at
  // these tolerances that is the optimum, not a failure.
  const bool usable = result > 0 || result == NLOPT_ROUNDOFF_LIMITED;
  if (!usable || !std::isfinite(value)) {
    return Error{ErrorCode::internal, std::string("optimizer failed: ") + describe(result), {}};
  }
  return Minimum{std::move(start), value, call.evaluations, describe(result)};
}

}  // namespace patron::analytics
