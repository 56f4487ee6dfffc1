#include "analytics/minimize.h"

#include <LBFGSB.h>
#include <Eigen/Core>

#include <cassert>
#include <cmath>
#include <exception>
#include <limits>

namespace patron::analytics {
namespace {

// The (step, gradient change) pairs L-BFGS keeps: with six, the BG/NBD fit on
// a million customers took 37 evaluations; with ten, 12 (and CDNOW 20 -> 18).
constexpr int kHistory = 10;
// The projected gradient (per customer, as the objectives are) at which the
// search has converged: below lifetimes' own tolerance (scipy's gtol 1e-5).
constexpr double kGradientTolerance = 1e-9;

// Fresh starts after the line search sticks; each must lower f to earn the next.
constexpr int kMaxRestarts = 50;

struct Abandoned {};
struct EvaluationLimit {};

// The objective as LBFGS++ calls it, counting evaluations and keeping the
// best point seen, which is the answer when the line search can go no further.
class Problem {
 public:
  Problem(const Objective& objective, const MinimizeOptions& options) : objective_(objective), options_(options) {}

  double operator()(const Eigen::VectorXd& x, Eigen::VectorXd& gradient) {
    const std::span<const double> at(x.data(), static_cast<std::size_t>(x.size()));
    if (options_.abandon_at && options_.abandon_at(at)) throw Abandoned{};
    if (evaluations_ >= options_.max_evaluations) throw EvaluationLimit{};
    ++evaluations_;
    const double value = objective_(at, {gradient.data(), static_cast<std::size_t>(gradient.size())});
    if (std::isfinite(value) && value < best_value_) {
      best_value_ = value;
      best_x_.assign(x.data(), x.data() + x.size());
    }
    return value;
  }

  int evaluations() const { return evaluations_; }
  bool found_finite() const { return std::isfinite(best_value_); }
  double best_value() const { return best_value_; }
  const std::vector<double>& best_x() const { return best_x_; }

 private:
  const Objective& objective_;
  const MinimizeOptions& options_;
  int evaluations_ = 0;
  double best_value_ = std::numeric_limits<double>::infinity();
  std::vector<double> best_x_;
};

LBFGSpp::LBFGSBParam<double> solver_settings(const MinimizeOptions& options) {
  LBFGSpp::LBFGSBParam<double> param;
  param.m = kHistory;
  param.epsilon = kGradientTolerance;
  param.epsilon_rel = kGradientTolerance;
  param.past = 1;  // also stop when f no longer changes, relatively, by more than this
  param.delta = options.relative_tolerance;
  param.max_iterations = options.max_evaluations;
  return param;
}

}  // namespace

Result<Minimum> minimize(const Objective& objective, std::vector<double> start, const MinimizeOptions& options) {
  assert(!start.empty());
  const auto n = static_cast<Eigen::Index>(start.size());
  Eigen::VectorXd x = Eigen::Map<const Eigen::VectorXd>(start.data(), n);
  const Eigen::VectorXd lower = Eigen::VectorXd::Constant(n, options.lower_bound);
  const Eigen::VectorXd upper = Eigen::VectorXd::Constant(n, options.upper_bound);
  const auto param = solver_settings(options);
  Problem problem(objective, options);
  std::string stop_reason = "roundoff limited";
  bool limit_reached = false;
  double before = std::numeric_limits<double>::infinity();
  // A search that ends with its line search stuck (the L-BFGS direction no
  // longer descends) starts again from its best point with a fresh memory,
  // as long as the restart still lowers f: on a ridge that runs off (a
  // degenerate fit) this follows it to the bounds, where the fit's checks
  // see it, instead of stopping halfway.
  for (int restart = 0; restart < kMaxRestarts; ++restart) {
    LBFGSpp::LBFGSBSolver<double> solver(param);
    double value = 0.0;
    try {
      const int iterations = solver.minimize(problem, x, value, lower, upper);
      limit_reached = iterations >= param.max_iterations;
      stop_reason = limit_reached ? "max iterations reached" : "converged";
      break;
    } catch (const Abandoned&) {
      return Error{ErrorCode::internal, "optimizer abandoned the search", {}};
    } catch (const EvaluationLimit&) {
      limit_reached = true;
      stop_reason = "max evaluations reached";
      break;
    } catch (const std::exception&) {
      // The line search could not lower f in double precision: at these
      // tolerances that is the optimum, unless a fresh start still moves.
      const bool moved =
          std::isinf(before) || problem.best_value() < before - options.relative_tolerance * std::abs(before);
      if (!problem.found_finite() || !moved) break;
      before = problem.best_value();
      x = Eigen::Map<const Eigen::VectorXd>(problem.best_x().data(), n);
    }
  }
  if (!problem.found_finite()) return Error{ErrorCode::internal, "optimizer failed: no finite value", {}};
  return Minimum{problem.best_x(), problem.best_value(), problem.evaluations(), stop_reason, limit_reached};
}

}  // namespace patron::analytics
