#pragma once
// What makes a finished maximum-likelihood fit usable: finite parameters and
// log-likelihood, and no parameter run off towards 0 or infinity (the data do
// not identify the model there: a 3-customer file "fits" a = b = 1e8). Like
// lifetimes' ConvergenceError, such a fit is an error, never numbers.
#include <cstddef>
#include <functional>
#include <initializer_list>
#include <span>
#include <string_view>

#include "analytics/minimize.h"
#include "domain/result.h"

namespace patron::analytics {

// A dimensionless shape parameter must lie in [kMinShape, kMaxShape]; a time
// or money scale, divided by the data's own scale (mean age, mean spend), too.
inline constexpr double kMinShape = 1e-6;
inline constexpr double kMaxShape = 1e6;

struct FittedParameter {
  const char* name;
  double value;
  double data_scale = 1.0;  // 1 for shapes; the mean age or mean spend for scales
};

// Error (validation_failed, field = model) naming the offending parameter.
Status check_fit(std::string_view model, const Minimum& minimum,
                 std::initializer_list<FittedParameter> parameters, double log_likelihood);

// A ridge to infinity: two parameters that grow together (r and alpha: every
// customer buys at the same rate; a and b, s and beta: the same dropout) with
// the likelihood flat or rising, so the optimizer stops wherever its
// tolerance runs out. The fit is degenerate when multiplying a pair by 10
// costs less than kFlatLogLikelihood.
inline constexpr double kFlatLogLikelihood = 0.01;
inline constexpr double kRidgeStep = 10.0;

struct Ridge {
  std::size_t first, second;  // indexes into the parameters
};

using LogLikelihoodAt = std::function<double(std::span<const double> parameters)>;

Status check_ridges(std::string_view model, const LogLikelihoodAt& log_likelihood_at,
                    std::span<const double> parameters, std::span<const char* const> names,
                    std::initializer_list<Ridge> ridges, double log_likelihood);

}  // namespace patron::analytics
