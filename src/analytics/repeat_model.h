#pragma once
// The three buy-till-you-die purchase models behind one door, so callers
// (analyze btyd|all, the model comparison) fit, predict and value customers
// the same way whichever model was chosen.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "analytics/bgnbd.h"
#include "analytics/clv.h"
#include "analytics/mbgnbd.h"
#include "analytics/pareto_nbd.h"
#include "analytics/sufficient_statistics.h"
#include "domain/result.h"

namespace patron::analytics {

enum class RepeatModel { bgnbd, mbgnbd, pareto_nbd };
inline constexpr std::array<RepeatModel, 3> kRepeatModels{RepeatModel::bgnbd, RepeatModel::mbgnbd,
                                                           RepeatModel::pareto_nbd};

const char* model_name(RepeatModel model);  // "bgnbd", "mbgnbd", "pareto_nbd"
const char* model_title(RepeatModel model);  // "BG/NBD", "MBG/NBD", "Pareto/NBD"
std::optional<RepeatModel> parse_model(std::string_view name);  // the model_name spellings

// bgnbd, mbgnbd: r, alpha, a, b; pareto_nbd: r, alpha, s, beta.
std::array<const char*, 4> parameter_names(RepeatModel model);

struct RepeatModelFit {
  RepeatModel model = RepeatModel::bgnbd;
  std::array<double, 4> params{};  // in the order of parameter_names; alpha, beta in periods
  double log_likelihood = 0.0;
  int evaluations = 0;
};

Result<RepeatModelFit> fit_repeat_model(RepeatModel model, const BtydGroups& groups,
                                        const FitOptions& options = {});

double repeat_p_alive(const RepeatModelFit& fit, std::uint32_t x, double t_x, double t);
double repeat_expected_purchases(const RepeatModelFit& fit, double horizon, std::uint32_t x,
                                 double t_x, double t);
// Per group, in parallel.
BgNbdPredictions predict_repeat_model(const RepeatModelFit& fit, const BtydGroups& groups,
                                      double horizon, const FitOptions& options = {});

// CLV of a customer whose every purchase is worth 1, as clv.h defines it for
// BG/NBD, under any of the models; times Gamma-Gamma's expected spend = CLV.
double repeat_discounted_expected_purchases(const RepeatModelFit& fit, std::uint32_t x,
                                            double t_x, double t, const ClvOptions& options);

}  // namespace patron::analytics
