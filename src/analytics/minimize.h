#pragma once
// One wrapper around NLopt's L-BFGS shared by every maximum-likelihood fit, so
// tolerances, bounds and the handling of NLopt's result codes live in one place.
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "domain/result.h"

namespace patron::analytics {

// value(x, gradient) returns f(x) and writes df/dx into gradient.
using Objective = std::function<double(std::span<const double> x, std::span<double> gradient)>;

struct MinimizeOptions {
  double relative_tolerance = 1e-12;  // on f and on x
  int max_evaluations = 2000;
  double lower_bound = -30.0;  // fits work in log-parameters: e^-30 .. e^30
  double upper_bound = 30.0;
  // Without a gradient (the objective may leave it unwritten) the search is
  // BOBYQA's, with this first step in each coordinate.
  bool use_gradient = true;
  double initial_step = 0.5;
  // When set and true at a point about to be evaluated, the search ends
  // there with an error (a caller's "this is running off, stop paying").
  std::function<bool(std::span<const double> x)> abandon_at;
};

struct Minimum {
  std::vector<double> x;
  double value = 0.0;
  int evaluations = 0;
  std::string stop_reason;
  bool evaluation_limit_reached = false;  // stopped by max_evaluations: not converged
};

Result<Minimum> minimize(const Objective& objective, std::vector<double> start,
                         const MinimizeOptions& options = {});

}  // namespace patron::analytics
