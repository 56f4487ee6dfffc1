#pragma once
// Outgoing e-mail over SMTP (libcurl): the adapter for password reset links.
// send_mail blocks for at most the timeouts; MailOutbox sends from a thread of
// its own so that no HTTP or writer thread waits on a mail server.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "domain/result.h"

namespace patron::services {

struct MailSettings {
  std::string smtp_url;  // smtp://host:port or smtps://user:pass@host:port; empty: no mail is sent
  std::string from = "Patron <no-reply@patron.local>";
  std::chrono::seconds connect_timeout{5};
  std::chrono::seconds total_timeout{20};
};

struct MailMessage {
  std::string to;  // a validated address
  std::string subject;
  std::string text;  // plain text, UTF-8
};

// The message as RFC 5322 text (CRLF lines), headers first.
std::string format_mail(const MailSettings& settings, const MailMessage& message, std::int64_t now);
// The address inside "Name <address>", or the text itself.
std::string mail_address(const std::string& from);
// Sends one message; an error value when the server refused it or did not answer in time.
Status send_mail(const MailSettings& settings, const MailMessage& message);

class MailOutbox {
 public:
  static constexpr std::size_t max_queued = 1'000;

  explicit MailOutbox(MailSettings settings);
  ~MailOutbox();
  MailOutbox(const MailOutbox&) = delete;
  MailOutbox& operator=(const MailOutbox&) = delete;

  bool configured() const { return !settings_.smtp_url.empty(); }
  // Queues the message; false when no SMTP server is configured or the queue is full.
  bool enqueue(MailMessage message);

 private:
  void run();

  MailSettings settings_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<MailMessage> queue_;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace patron::services
