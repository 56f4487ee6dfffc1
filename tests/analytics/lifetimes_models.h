#pragma once
// Our four-parameter repeat-purchase models that lifetimes 0.11.3 also fits
// (MBG/NBD, Pareto/NBD), described alike so that one typed test compares each
// with lifetimes on the CDNOW summary (lifetimes_models_test.cpp), and what
// lifetimes found for them (data/lifetimes_cdnow_models.csv).
#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "analytics/mbgnbd.h"
#include "analytics/pareto_nbd.h"
#include "cdnow.h"
#include "test_table.h"

namespace patron::analytics::testing {

// `LikelihoodOption` is the last argument of the model's log-likelihood (a
// gradient to fill, or options), always left at its default here.
template <typename Fit, typename LikelihoodOption>
struct LifetimesModel {
  using Params = decltype(Fit::params);
  const char* name;                            // its rows in data/lifetimes_cdnow_models.csv
  std::array<double Params::*, 4> parameters;  // in lifetimes' order
  Result<Fit> (*fit)(const BtydGroups&, const FitOptions&);
  double (*log_likelihood)(const Params&, const BtydGroups&, LikelihoodOption);
  double (*p_alive)(const Params&, std::uint32_t x, double t_x, double t);
  double (*expected_purchases)(const Params&, double horizon, std::uint32_t x, double t_x, double t);

  Params params_at(const std::array<double, 4>& values) const {
    Params params;
    for (std::size_t k = 0; k < values.size(); ++k) params.*parameters[k] = values[k];
    return params;
  }
  double cdnow_log_likelihood(const Params& params) const { return log_likelihood(params, cdnow_groups(), {}); }
  // Its central difference at `at` in the k-th parameter, with step h.
  double cdnow_central_difference(const Params& at, std::size_t k, double h) const {
    Params up = at, down = at;
    up.*parameters[k] += h;
    down.*parameters[k] -= h;
    return (cdnow_log_likelihood(up) - cdnow_log_likelihood(down)) / (2 * h);
  }
};

inline constexpr LifetimesModel<MbgNbdFit, std::array<double, 4>*> kMbgNbd{
    "mbgnbd",       {&MbgNbdParams::r, &MbgNbdParams::alpha, &MbgNbdParams::a, &MbgNbdParams::b},
    fit_mbgnbd,     mbgnbd_log_likelihood,
    mbgnbd_p_alive, mbgnbd_expected_purchases};

inline constexpr LifetimesModel<ParetoNbdFit, const FitOptions&> kParetoNbd{
    "pareto_nbd",       {&ParetoNbdParams::r, &ParetoNbdParams::alpha, &ParetoNbdParams::s, &ParetoNbdParams::beta},
    fit_pareto_nbd,     pareto_nbd_log_likelihood,
    pareto_nbd_p_alive, pareto_nbd_expected_purchases};

// The model fitted to the CDNOW summary, once per test binary.
template <typename Fit, typename LikelihoodOption>
const Fit& cdnow_fit(const LifetimesModel<Fit, LikelihoodOption>& model) {
  static const Fit fit = value_or_throw(model.fit(cdnow_groups(), {}));
  return fit;
}

struct LifetimesCustomer {
  std::uint32_t x;
  double t_x, t, p_alive, expected_39;
};

struct LifetimesFigures {
  std::array<double, 4> params;
  double log_likelihood = 0.0;
  std::vector<LifetimesCustomer> customers;
};

inline LifetimesFigures lifetimes_figures(const std::string& model) {
  LifetimesFigures figures;
  for (const Row& row : read_table("lifetimes_cdnow_models.csv")) {
    if (row.at(0) != model) continue;
    if (row.at(1) == "fit") {
      for (std::size_t k = 0; k < figures.params.size(); ++k) figures.params[k] = std::stod(row.at(2 + k));
      figures.log_likelihood = std::stod(row.at(6));
    } else {
      figures.customers.push_back({static_cast<std::uint32_t>(std::stoul(row.at(2))), std::stod(row.at(3)),
                                   std::stod(row.at(4)), std::stod(row.at(5)), std::stod(row.at(6))});
    }
  }
  if (figures.customers.empty()) throw std::runtime_error("no lifetimes figures for " + model);
  return figures;
}

}  // namespace patron::analytics::testing
