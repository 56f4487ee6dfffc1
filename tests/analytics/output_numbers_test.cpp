// Numbers in the analyses' output: a short decimal written by its digits must
// read exactly as std::to_chars' shortest form would have written it.
#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "app/analyze/output.h"

namespace patron::app {
namespace {

std::string written(const std::vector<double>& values) {
  std::ostringstream out;
  {
    OutputSink sink(out);
    for (const double v : values) {
      sink.put_number(v);
      sink.put('\n');
    }
  }
  return out.str();
}

std::string shortest(const std::vector<double>& values) {
  std::string text;
  for (const double v : values) {
    char digits[32];
    text.append(digits, std::to_chars(digits, digits + sizeof digits, v).ptr);
    text += '\n';
  }
  return text;
}

TEST(OutputNumbers, AreTheShortestFormWhateverTheirShape) {
  std::vector<double> values{0.0,    -0.0,      0.01,    0.001,    0.0001,     0.0099, 1.0,      10.0, 100.0,
                             1000.0, 9999.9999, 10000.0, 100000.0, 30.43,      38.86,  35.0,     -2.5, 0.1 + 0.2,
                             1e-7,   1e300,     -1e-300, 123456.7, 9999.99995, 0.015,  0.0150001};
  std::mt19937_64 random(42);
  std::uniform_int_distribution<int> cents(-1'000'000, 1'000'000);
  std::uniform_real_distribution<double> any(-2e4, 2e4);
  for (int k = 0; k < 20'000; ++k) {
    values.push_back(cents(random) / 100.0);                        // inputs with two decimals
    values.push_back(cents(random) / 10'000.0);                     // and with four
    values.push_back(any(random));                                  // and full doubles
    values.push_back(std::ldexp(any(random), cents(random) % 60));  // and any magnitude
  }
  EXPECT_EQ(written(values), shortest(values));
}

}  // namespace
}  // namespace patron::app
