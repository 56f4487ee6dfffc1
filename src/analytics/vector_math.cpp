// Compiled with -ffast-math (see CMakeLists.txt): that is what makes glibc
// declare the vector variants of these functions. The loops hold nothing but
// the calls, so no other arithmetic is reassociated.
#include "analytics/vector_math.h"

#include <cmath>

namespace patron::analytics {

__attribute__((target_clones("avx2", "default"))) void log_each(const double* in, double* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = std::log(in[i]);
}

__attribute__((target_clones("avx2", "default"))) void log1p_each(const double* in, double* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = std::log1p(in[i]);
}

__attribute__((target_clones("avx2", "default"))) void exp_each(const double* in, double* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = std::exp(in[i]);
}

}  // namespace patron::analytics
