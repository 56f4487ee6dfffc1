#include "analytics/repeat_model.h"

#include <algorithm>
#include <cmath>

#include "domain/enum_names.h"

namespace patron::analytics {
namespace {

// A horizon of more steps than this is a unit mistake (days passed as weeks).
constexpr int kMaxClvSteps = 10'000;

constexpr auto kModelNames = enumerator_names(RepeatModel::bgnbd);
constexpr EnumNames kModelTitles({{RepeatModel::bgnbd, "BG/NBD"},
                                  {RepeatModel::mbgnbd, "MBG/NBD"},
                                  {RepeatModel::pareto_nbd, "Pareto/NBD"}},
                                 RepeatModel::bgnbd);

template <typename Params>
Params unpack(const RepeatModelFit& fit) {
  return {fit.params[0], fit.params[1], fit.params[2], fit.params[3]};
}

template <typename Fit>
RepeatModelFit pack(RepeatModel model, const Fit& fit) {
  const auto& p = fit.params;
  RepeatModelFit out;
  out.model = model;
  if constexpr (requires { p.s; }) {
    out.params = {p.r, p.alpha, p.s, p.beta};
  } else {
    out.params = {p.r, p.alpha, p.a, p.b};
  }
  out.log_likelihood = fit.log_likelihood;
  out.evaluations = fit.evaluations;
  return out;
}

}  // namespace

const char* model_name(RepeatModel model) { return kModelNames.name(model); }
const char* model_title(RepeatModel model) { return kModelTitles.name(model); }
std::optional<RepeatModel> parse_model(std::string_view name) { return kModelNames.parse(name); }

std::array<const char*, 4> parameter_names(RepeatModel model) {
  if (model == RepeatModel::pareto_nbd) return {"r", "alpha", "s", "beta"};
  return {"r", "alpha", "a", "b"};
}

Result<RepeatModelFit> fit_repeat_model(RepeatModel model, const BtydGroups& groups,
                                        const FitOptions& options) {
  switch (model) {
    case RepeatModel::mbgnbd: {
      auto fit = fit_mbgnbd(groups, options);
      if (!fit.ok()) return fit.error();
      return pack(model, *fit);
    }
    case RepeatModel::pareto_nbd: {
      auto fit = fit_pareto_nbd(groups, options);
      if (!fit.ok()) return fit.error();
      return pack(model, *fit);
    }
    case RepeatModel::bgnbd: break;
  }
  auto fit = fit_bgnbd(groups, options);
  if (!fit.ok()) return fit.error();
  return pack(RepeatModel::bgnbd, *fit);
}

double repeat_p_alive(const RepeatModelFit& fit, std::uint32_t x, double t_x, double t) {
  switch (fit.model) {
    case RepeatModel::mbgnbd: return mbgnbd_p_alive(unpack<MbgNbdParams>(fit), x, t_x, t);
    case RepeatModel::pareto_nbd: return pareto_nbd_p_alive(unpack<ParetoNbdParams>(fit), x, t_x, t);
    case RepeatModel::bgnbd: break;
  }
  return bgnbd_p_alive(unpack<BgNbdParams>(fit), x, t_x, t);
}

double repeat_expected_purchases(const RepeatModelFit& fit, double horizon, std::uint32_t x,
                                 double t_x, double t) {
  switch (fit.model) {
    case RepeatModel::mbgnbd:
      return mbgnbd_expected_purchases(unpack<MbgNbdParams>(fit), horizon, x, t_x, t);
    case RepeatModel::pareto_nbd:
      return pareto_nbd_expected_purchases(unpack<ParetoNbdParams>(fit), horizon, x, t_x, t);
    case RepeatModel::bgnbd: break;
  }
  return bgnbd_expected_purchases(unpack<BgNbdParams>(fit), horizon, x, t_x, t);
}

BgNbdPredictions predict_repeat_model(const RepeatModelFit& fit, const BtydGroups& groups,
                                      double horizon, const FitOptions& options) {
  switch (fit.model) {
    case RepeatModel::mbgnbd: return predict_mbgnbd(unpack<MbgNbdParams>(fit), groups, horizon, options);
    case RepeatModel::pareto_nbd:
      return predict_pareto_nbd(unpack<ParetoNbdParams>(fit), groups, horizon, options);
    case RepeatModel::bgnbd: break;
  }
  return predict_bgnbd(unpack<BgNbdParams>(fit), groups, horizon, options);
}

double repeat_discounted_expected_purchases(const RepeatModelFit& fit, std::uint32_t x,
                                            double t_x, double t, const ClvOptions& options) {
  if (fit.model == RepeatModel::bgnbd) {
    return discounted_expected_purchases(unpack<BgNbdParams>(fit), x, t_x, t, options);
  }
  // The same sum as clv.cpp: expected purchases in each step, discounted.
  // Pareto/NBD's are P(alive) times a closed form: P(alive) once.
  const bool pareto = fit.model == RepeatModel::pareto_nbd;
  const ParetoNbdParams pareto_params = unpack<ParetoNbdParams>(fit);
  const double alive = pareto ? pareto_nbd_p_alive(pareto_params, x, t_x, t) : 1.0;
  const int steps = std::min(kMaxClvSteps, static_cast<int>(std::ceil(options.horizon_periods /
                                                                        options.step_periods - 1e-9)));
  double value = 0.0, purchases_before = 0.0, discount = 1.0;
  for (int step = 1; step <= steps; ++step) {
    const double until = std::min(options.horizon_periods, step * options.step_periods);
    const double purchases = pareto ? alive * pareto_nbd_expected_purchases_if_alive(pareto_params, until, x, t)
                                    : repeat_expected_purchases(fit, until, x, t_x, t);
    discount /= 1.0 + options.discount_rate_per_step;
    value += (purchases - purchases_before) * discount;
    purchases_before = purchases;
  }
  return value;
}

}  // namespace patron::analytics
