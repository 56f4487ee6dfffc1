#pragma once
// One wrapper around L-BFGS-B (LBFGS++, header-only over Eigen) shared by every
// maximum-likelihood fit, so tolerances, bounds and the ways a search ends
// live in one place. Header-only matters: the lean `patron` binary links
// statically, which halves its start-up, and Debian ships no static NLopt.
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
