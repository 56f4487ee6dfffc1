#pragma once
// What a maximum-likelihood fit reports, whatever the model: the parameters,
// the log-likelihood there, and how many evaluations the optimizer spent.

namespace patron::analytics {

template <typename Params>
struct ModelFit {
  Params params;
  double log_likelihood = 0.0;
  int evaluations = 0;
};

}  // namespace patron::analytics
