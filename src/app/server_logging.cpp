#include "app/server_logging.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

namespace patron::app {
namespace {

constexpr std::size_t flush_threshold = 64 * 1024;

void write_all(const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const auto wrote = ::write(STDOUT_FILENO, bytes.data() + done, bytes.size() - done);
    if (wrote <= 0) return;  // nowhere to log to; the server goes on
    done += static_cast<std::size_t>(wrote);
  }
}

class BufferedStdoutSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  ~BufferedStdoutSink() override {
    std::lock_guard lock(mutex_);
    write_all(pending_);
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t formatted;
    formatter_->format(msg, formatted);
    pending_.append(formatted.data(), formatted.size());
    if (pending_.size() >= flush_threshold) flush_();
  }
  void flush_() override {
    write_all(pending_);
    pending_.clear();
  }

 private:
  std::string pending_;
};

}  // namespace

void configure_server_logging() {
  if (::isatty(STDOUT_FILENO)) return;
  auto logger = std::make_shared<spdlog::logger>("", std::make_shared<BufferedStdoutSink>());
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(std::move(logger));
  spdlog::flush_every(std::chrono::seconds(1));
}

std::string redact_url_credentials(std::string_view text) {
  constexpr std::string_view scheme_end = "://";
  constexpr std::string_view authority_end = "/?# \t\n\"'";
  std::string out;
  out.reserve(text.size());
  std::size_t done = 0;
  // Each "://" is looked at once, so the loop ends within the text's length.
  for (auto at = text.find(scheme_end); at != std::string_view::npos; at = text.find(scheme_end, done)) {
    const auto authority = at + scheme_end.size();
    const auto end = std::min(text.find_first_of(authority_end, authority), text.size());
    const auto at_sign = text.rfind('@', end == authority ? authority : end - 1);
    const auto colon = text.find(':', authority);
    out.append(text.substr(done, authority - done));
    done = authority;
    if (at_sign == std::string_view::npos || at_sign < authority || at_sign >= end) continue;
    if (colon != std::string_view::npos && colon < at_sign) {
      out.append(text.substr(authority, colon + 1 - authority)).append("***");
      done = at_sign;
    }
  }
  out.append(text.substr(done));
  return out;
}

}  // namespace patron::app
