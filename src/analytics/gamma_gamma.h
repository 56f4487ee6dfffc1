#pragma once
// Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM
// and CLV"; Hardie 2013, "The Gamma-Gamma Model of Monetary Value"): each
// purchase value ~ Gamma(p, nu) with nu ~ Gamma(q, gamma) across customers.
#include <cstdint>
#include <span>

#include "analytics/model_fit.h"
#include "domain/result.h"

namespace patron::analytics {

struct GammaGammaParams {
  double p = 1.0;
  double q = 1.0;
  double gamma = 1.0;
};

struct GammaGammaFit : ModelFit<GammaGammaParams> {
  std::size_t customers = 0;  // those with x > 0 and positive mean spend
};

// Fits on the customers with repeat purchases (x > 0) and positive mean
// repeat spend zbar; the others carry no information about spend.
Result<GammaGammaFit> fit_gamma_gamma(std::span<const std::uint32_t> frequency,
                                      std::span<const double> mean_spend);

// E[spend per transaction | x, zbar]; for x = 0 the population mean p*gamma/(q-1).
double gamma_gamma_expected_spend(const GammaGammaParams& params, std::uint32_t x, double zbar);

}  // namespace patron::analytics
