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

template <typename Fit>
struct LifetimesModel {
  using Params = decltype(Fit::params);
  const char* name;                            // its rows in data/lifetimes_cdnow_models.csv
  std::array<double Params::*, 4> parameters;  // in lifetimes' order
  Result<Fit> (*fit)(const BtydGroups&, const FitOptions&);
  double (*log_likelihood)(const Params&, const BtydGroups&);
  double (*p_alive)(const Params&, std::uint32_t x, double t_x, double t);
  double (*expected_purchases)(const Params&, double horizon, std::uint32_t x, double t_x, double t);

  Params params_at(const std::array<double, 4>& values) const {
    Params params;
    for (std::size_t k = 0; k < values.size(); ++k) params.*parameters[k] = values[k];
    return params;
  }
};

inline constexpr LifetimesModel<MbgNbdFit> kMbgNbd{
    "mbgnbd",
    {&MbgNbdParams::r, &MbgNbdParams::alpha, &MbgNbdParams::a, &MbgNbdParams::b},
    fit_mbgnbd,
    [](const MbgNbdParams& params, const BtydGroups& groups) { return mbgnbd_log_likelihood(params, groups); },
    mbgnbd_p_alive,
    mbgnbd_expected_purchases};

inline constexpr LifetimesModel<ParetoNbdFit> kParetoNbd{
    "pareto_nbd",
    {&ParetoNbdParams::r, &ParetoNbdParams::alpha, &ParetoNbdParams::s, &ParetoNbdParams::beta},
    fit_pareto_nbd,
    [](const ParetoNbdParams& params, const BtydGroups& groups) { return pareto_nbd_log_likelihood(params, groups); },
    pareto_nbd_p_alive,
    pareto_nbd_expected_purchases};

// The model fitted to the CDNOW summary, once per test binary.
template <typename Fit>
const Fit& cdnow_fit(const LifetimesModel<Fit>& model) {
  static const Fit fit = value_or_throw(model.fit(cdnow_groups(), {}));
  return fit;
}

// The central difference of the model's log-likelihood on the CDNOW summary
// at `at`, in its k-th parameter, with step h.
template <typename Fit, typename Params = decltype(Fit::params)>
double cdnow_central_difference(const LifetimesModel<Fit>& model, const Params& at, std::size_t k, double h) {
  Params up = at, down = at;
  up.*model.parameters[k] += h;
  down.*model.parameters[k] -= h;
  return (model.log_likelihood(up, cdnow_groups()) - model.log_likelihood(down, cdnow_groups())) / (2 * h);
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
