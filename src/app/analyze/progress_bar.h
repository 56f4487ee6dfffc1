#pragma once
// A bar on stderr for long reads and writes; silent unless stderr is a
// terminal, so logs and tests stay clean.
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <iostream>
#include <string>

namespace patron::app {

class ProgressBar {
 public:
  ProgressBar(std::string label, std::size_t total)
      : label_(std::move(label)), total_(std::max<std::size_t>(total, 1)), shown_(isatty(STDERR_FILENO) != 0) {}
  ~ProgressBar() {
    if (shown_ && drawn_) std::cerr << "\n";
  }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(std::size_t done) {
    if (!shown_) return;
    const auto percent = static_cast<int>(std::min<std::size_t>(100, done * 100 / total_));
    if (percent == last_percent_) return;
    last_percent_ = percent;
    drawn_ = true;
    constexpr int kWidth = 40;
    const int filled = percent * kWidth / 100;
    std::cerr << "\r" << label_ << " [" << std::string(filled, '#') << std::string(kWidth - filled, ' ') << "] "
              << percent << "%" << std::flush;
  }
  void set_total(std::size_t total) { total_ = std::max<std::size_t>(total, 1); }

 private:
  std::string label_;
  std::size_t total_;
  bool shown_;
  bool drawn_ = false;
  int last_percent_ = -1;
};

}  // namespace patron::app
