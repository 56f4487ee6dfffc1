#include "analytics/fit_check.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace patron::analytics {
namespace {

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", value);
  return text;
}

Error not_usable(std::string_view model, std::string what) {
  return Error{ErrorCode::validation_failed,
               std::string(model) + " fit did not converge: " + std::move(what), std::string(model)};
}

}  // namespace

Status check_fit(std::string_view model, const Minimum& minimum,
                 std::initializer_list<FittedParameter> parameters, double log_likelihood) {
  if (minimum.evaluation_limit_reached) {
    return not_usable(model, "the optimizer stopped at its limit of " +
                                 std::to_string(minimum.evaluations) + " evaluations");
  }
  if (!std::isfinite(log_likelihood)) {
    return not_usable(model, "the log-likelihood is " + number(log_likelihood));
  }
  for (const FittedParameter& parameter : parameters) {
    if (!std::isfinite(parameter.value) || !(parameter.value > 0)) {
      return not_usable(model, std::string(parameter.name) + " = " + number(parameter.value));
    }
    const double relative = parameter.value / parameter.data_scale;
    if (relative > kMaxShape || relative < kMinShape) {
      return not_usable(
          model, std::string(parameter.name) + " ran off to " + number(parameter.value) +
                     " (a degenerate optimum: the data do not identify the model; it needs "
                     "more customers, more of them with repeat purchases, or another model)");
    }
  }
  return ok_status();
}

Status check_ridges(std::string_view model, const LogLikelihoodAt& log_likelihood_at,
                    std::span<const double> parameters, std::span<const char* const> names,
                    std::initializer_list<Ridge> ridges, double log_likelihood) {
  for (const Ridge& ridge : ridges) {
    std::vector<double> further(parameters.begin(), parameters.end());
    further[ridge.first] *= kRidgeStep;
    further[ridge.second] *= kRidgeStep;
    const double there = log_likelihood_at(further);
    if (std::isfinite(there) && there > log_likelihood - kFlatLogLikelihood) {
      return not_usable(model, std::string(names[ridge.first]) + " and " + names[ridge.second] +
                                   " run off together to infinity (" + names[ridge.first] + " = " +
                                   number(parameters[ridge.first]) +
                                   ": a degenerate optimum; the data do not identify the model, it needs "
                                   "more customers, more of them with repeat purchases, or another model)");
    }
  }
  return ok_status();
}

}  // namespace patron::analytics
