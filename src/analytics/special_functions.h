#pragma once
// The few special functions the BTYD models need, written here so that they
// are thread-safe (std::lgamma writes the global signgam) and bounded.

namespace patron::analytics {

// psi(x) = d/dx ln Gamma(x), for x > 0.
double digamma(double x);

// Gauss hypergeometric 2F1(a, b; c; z) by its power series, for 0 <= z < 1.
// Callers pass parameters for which the series converges quickly (the BG/NBD
// code applies Euler's transformation first); the loop is bounded anyway.
double hyp2f1_series(double a, double b, double c, double z);

}  // namespace patron::analytics
