#pragma once
// The few special functions the BTYD models need, written here so that they
// are thread-safe (std::lgamma writes the global signgam) and bounded.

#include <cstddef>
#include <span>

namespace patron::analytics {

// psi(x) = d/dx ln Gamma(x), for x > 0.
double digamma(double x);

// Gauss hypergeometric 2F1(a, b; c; z) by its power series, for 0 <= z < 1.
// Callers pass parameters for which the series converges quickly (the BG/NBD
// code applies Euler's transformation first); the loop is bounded anyway.
double hyp2f1_series(double a, double b, double c, double z);

// The same series at several z at once (at most kMaxSeriesPoints): the term
// ratios depend only on a, b and c, so each is computed once for all of them
// (a customer's CLV needs the series at every month of the horizon).
inline constexpr std::size_t kMaxSeriesPoints = 16;
void hyp2f1_series_at(double a, double b, double c, std::span<const double> z, std::span<double> out);

// ln Gamma(x) for x > 0, thread-safe (lgamma_r; std::lgamma writes signgam).
double log_gamma(double x);

// ln 2F1(a, b; a + 1; z) for a > 0, b > 0, a + 1 - b > 0 and 0 <= z < 1: the
// function in the Pareto/NBD likelihood (Hardie 2005, eqs. 19-20). Accurate
// to about 1e-13 for z up to 1 - 1e-12, computed in logs so it does not
// overflow where the value itself exceeds double range ((1-z)^(1-b) with a
// large b). NaN when the preconditions fail.
double log_hyp2f1_a_a1(double a, double b, double z);

// The same function without its singular factor: G = (1-z)^(b-1) 2F1(a, b; a+1; z),
// between 1 and 1/(1-z) for b >= 1 (what the Pareto/NBD likelihood multiplies
// by, saving two logarithms per customer). Same preconditions.
double hyp2f1_a_a1_scaled(double a, double b, double z);

// G and its partial derivatives in a, b and z (for the Pareto/NBD gradient):
// summed with the series where that is used, by central differences of the
// connection formula near z = 1.
struct ScaledHyp2f1 {
  double value, d_a, d_b, d_z;
};
ScaledHyp2f1 hyp2f1_a_a1_scaled_derivatives(double a, double b, double z);

}  // namespace patron::analytics
