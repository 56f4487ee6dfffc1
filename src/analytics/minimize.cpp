#include "analytics/minimize.h"

#include <nlopt.h>

#include <cassert>
#include <cmath>
#include <memory>

namespace patron::analytics {
namespace {

constexpr int kFallbackEvaluationsFactor = 5;

struct Call {
  const Objective* objective;
  int evaluations;
  const MinimizeOptions* options;
  nlopt_opt current = nullptr;
  bool abandoned = false;
};

double trampoline(unsigned n, const double* x, double* gradient, void* data) {
  auto* call = static_cast<Call*>(data);
  if (call->options->abandon_at && call->options->abandon_at({x, n})) {
    call->abandoned = true;
    nlopt_force_stop(call->current);
    return HUGE_VAL;
  }
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

// One optimizer run from x (updated in place to the best point found).
nlopt_result run_optimizer(nlopt_algorithm algorithm, Call& call, std::vector<double>& x, double& value,
                           const MinimizeOptions& options, int max_evaluations) {
  const auto n = static_cast<unsigned>(x.size());
  std::unique_ptr<nlopt_opt_s, decltype(&nlopt_destroy)> opt(nlopt_create(algorithm, n), &nlopt_destroy);
  if (!opt) return NLOPT_OUT_OF_MEMORY;
  call.current = opt.get();
  nlopt_set_min_objective(opt.get(), &trampoline, &call);
  nlopt_set_lower_bounds1(opt.get(), options.lower_bound);
  nlopt_set_upper_bounds1(opt.get(), options.upper_bound);
  nlopt_set_ftol_rel(opt.get(), options.relative_tolerance);
  nlopt_set_xtol_rel(opt.get(), options.relative_tolerance);
  nlopt_set_maxeval(opt.get(), max_evaluations);
  if (algorithm == NLOPT_LN_BOBYQA && !options.use_gradient) nlopt_set_initial_step1(opt.get(), options.initial_step);
  return nlopt_optimize(opt.get(), x.data(), &value);
}

// Round-off limited means the optimizer cannot improve f in double precision:
// at these tolerances that is the optimum, not a failure.
bool usable(nlopt_result result, double value) {
  return (result > 0 || result == NLOPT_ROUNDOFF_LIMITED) && std::isfinite(value);
}

}  // namespace

Result<Minimum> minimize(const Objective& objective, std::vector<double> start,
                         const MinimizeOptions& options) {
  assert(!start.empty());
  Call call{&objective, 0, &options};
  double value = 0.0;
  nlopt_result result = NLOPT_FAILURE;
  if (options.use_gradient) {
    result = run_optimizer(NLOPT_LD_LBFGS, call, start, value, options, options.max_evaluations);
  }
  if (call.abandoned) return Error{ErrorCode::internal, "optimizer abandoned the search", {}};
  if (!usable(result, value) && result != NLOPT_OUT_OF_MEMORY) {
    // L-BFGS gives up with a bare NLOPT_FAILURE on some likelihood surfaces
    // (flat ridges where a parameter runs to its bound: histories with little
    // churn). BOBYQA, derivative-free and bound-aware, continues from the
    // best point L-BFGS reached and settles it.
    result = run_optimizer(NLOPT_LN_BOBYQA, call, start, value, options, kFallbackEvaluationsFactor *
                                                                             options.max_evaluations);
  }
  if (call.abandoned) return Error{ErrorCode::internal, "optimizer abandoned the search", {}};
  if (!usable(result, value)) {
    return Error{ErrorCode::internal, std::string("optimizer failed: ") + describe(result), {}};
  }
  return Minimum{std::move(start), value, call.evaluations, describe(result),
                 result == NLOPT_MAXEVAL_REACHED};
}

}  // namespace patron::analytics
