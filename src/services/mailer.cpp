#include "services/mailer.h"

#include <cstring>
#include <ctime>
#include <mutex>

#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include "services/secrets.h"

namespace patron::services {
namespace {

// Header values never carry a line break (no header injection).
std::string one_line(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) out.push_back(c == '\r' || c == '\n' ? ' ' : c);
  return out;
}

// Bare LFs become CRLF, as SMTP wants; libcurl escapes lines starting with a dot.
std::string crlf_lines(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 40);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out.push_back('\r');
    out.push_back(text[i]);
  }
  return out;
}

std::string rfc5322_date(std::int64_t now) {
  const std::time_t t = static_cast<std::time_t>(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buffer;
}

struct UploadCursor {
  const std::string* text;
  std::size_t offset = 0;
};

std::size_t read_upload(char* out, std::size_t size, std::size_t count, void* user) {
  auto* cursor = static_cast<UploadCursor*>(user);
  const std::size_t room = size * count;
  const std::size_t left = cursor->text->size() - cursor->offset;
  const std::size_t n = left < room ? left : room;
  std::memcpy(out, cursor->text->data() + cursor->offset, n);
  cursor->offset += n;
  return n;
}

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

std::string mail_address(const std::string& from) {
  const auto open = from.find('<');
  const auto close = from.rfind('>');
  if (open != std::string::npos && close != std::string::npos && close > open) {
    return from.substr(open + 1, close - open - 1);
  }
  return from;
}

std::string format_mail(const MailSettings& settings, const MailMessage& message, std::int64_t now) {
  std::string out;
  out += "Date: " + rfc5322_date(now) + "\r\n";
  out += "To: <" + one_line(message.to) + ">\r\n";
  out += "From: " + one_line(settings.from) + "\r\n";
  out += "Subject: " + one_line(message.subject) + "\r\n";
  out += "Message-ID: <" + random_token() + "@patron>\r\n";
  out += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
  out += crlf_lines(message.text);
  if (out.size() < 2 || out.compare(out.size() - 2, 2, "\r\n") != 0) out += "\r\n";
  return out;
}

Status send_mail(const MailSettings& settings, const MailMessage& message) {
  init_curl_once();
  CURL* curl = curl_easy_init();
  if (!curl) return Error{ErrorCode::unavailable, "could not start an SMTP session", {}};
  const std::string text = format_mail(settings, message, static_cast<std::int64_t>(std::time(nullptr)));
  const std::string from = "<" + one_line(mail_address(settings.from)) + ">";
  const std::string to = "<" + one_line(message.to) + ">";
  curl_slist* recipients = curl_slist_append(nullptr, to.c_str());
  UploadCursor cursor{&text};
  curl_easy_setopt(curl, CURLOPT_URL, settings.smtp_url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(curl, CURLOPT_READDATA, &cursor);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(settings.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(settings.total_timeout.count()));
  const CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(recipients);
  curl_easy_cleanup(curl);
  if (code != CURLE_OK) {
    return Error{ErrorCode::unavailable, std::string("SMTP: ") + curl_easy_strerror(code), {}};
  }
  return ok_status();
}

MailOutbox::MailOutbox(MailSettings settings) : settings_(std::move(settings)) {
  if (configured()) {
    init_curl_once();
    worker_ = std::thread([this] { run(); });
  }
}

MailOutbox::~MailOutbox() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

bool MailOutbox::enqueue(MailMessage message) {
  if (!configured()) return false;
  {
    std::lock_guard lock(mutex_);
    if (queue_.size() >= max_queued) return false;
    queue_.push_back(std::move(message));
  }
  wake_.notify_one();
  return true;
}

void MailOutbox::run() {
  for (;;) {
    MailMessage message;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;  // queued mail is dropped at shutdown: a reset link can be asked for again
      message = std::move(queue_.front());
      queue_.pop_front();
    }
    if (auto sent = send_mail(settings_, message); !sent.ok()) {
      spdlog::warn("mail to a user could not be sent: {}", sent.error().message);
    }
  }
}

}  // namespace patron::services
