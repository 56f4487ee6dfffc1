#include "services/stripe_client.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

#include <curl/curl.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace patron::services {
namespace {

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

bool unreserved(unsigned char c) { return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~'; }

std::string percent_encode(const std::string& text, bool keep_brackets) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    if (unreserved(c) || (keep_brackets && (c == '[' || c == ']'))) {
      out.push_back(static_cast<char>(c));
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

struct Reply {
  std::string body;
  bool truncated = false;
};

std::size_t collect(char* data, std::size_t size, std::size_t count, void* user) {
  auto* reply = static_cast<Reply*>(user);
  const auto bytes = size * count;
  if (reply->body.size() + bytes > max_stripe_reply_bytes) {
    reply->truncated = true;
    return 0;  // stops the transfer
  }
  reply->body.append(data, bytes);
  return bytes;
}

GatewayFailure transport_failure(CURLcode code, int timeout_seconds) {
  if (code == CURLE_OPERATION_TIMEDOUT) {
    return {504, "payment_provider_timeout",
            "Stripe did not answer within " + std::to_string(timeout_seconds) + " s; try again shortly"};
  }
  return {503, "payment_provider_unavailable",
          std::string("Stripe could not be reached (") + curl_easy_strerror(code) + "); try again shortly"};
}

// Stripe's error body names a type and often a code; its message can quote the
// request, so it goes to the log, not to the customer.
GatewayFailure http_failure(long status, const std::string& body) {
  auto json = nlohmann::json::parse(body, nullptr, false);
  std::string type, code, message;
  if (json.is_object() && json.contains("error") && json["error"].is_object()) {
    const auto& error = json["error"];
    type = error.value("type", "");
    code = error.value("code", "");
    message = error.value("message", "");
  }
  spdlog::warn("Stripe refused a Checkout Session: HTTP {} type={} code={} message={}", status, type, code, message);
  if (status == 429) return {503, "payment_provider_unavailable", "Stripe is busy; try again shortly"};
  if (status >= 500) {
    return {502, "payment_provider_error", "Stripe failed (HTTP " + std::to_string(status) + "); try again shortly"};
  }
  return {502, "payment_provider_error",
          "Stripe refused the checkout (HTTP " + std::to_string(status) + (type.empty() ? "" : ", " + type) +
              "); online payment is misconfigured"};
}

}  // namespace

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [key, value] : fields) {
    if (!out.empty()) out += '&';
    out += percent_encode(key, true);
    out += '=';
    out += percent_encode(value, false);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> checkout_session_fields(const CheckoutSessionRequest& request) {
  std::string currency = request.currency;
  std::transform(currency.begin(), currency.end(), currency.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::vector<std::pair<std::string, std::string>> fields = {
      {"mode", "payment"},
      {"success_url", request.success_url},
      {"cancel_url", request.cancel_url},
      {"client_reference_id", request.customer_id},
  };
  // The same metadata on the session and on its payment intent, so that the
  // webhook of either finds the checkout.
  for (const auto& [key, value] : {std::pair{"customer_id", &request.customer_id},
                                   std::pair{"checkout_id", &request.checkout_id}}) {
    fields.emplace_back(std::string("metadata[") + key + "]", *value);
    fields.emplace_back(std::string("payment_intent_data[metadata][") + key + "]", *value);
  }
  if (!request.customer_email.empty()) fields.emplace_back("customer_email", request.customer_email);
  for (std::size_t i = 0; i < request.lines.size(); ++i) {
    const auto prefix = "line_items[" + std::to_string(i) + "]";
    const auto& line = request.lines[i];
    fields.emplace_back(prefix + "[price_data][currency]", currency);
    fields.emplace_back(prefix + "[price_data][unit_amount]", std::to_string(line.unit_amount));
    fields.emplace_back(prefix + "[price_data][product_data][name]", line.name);
    fields.emplace_back(prefix + "[quantity]", std::to_string(line.quantity));
  }
  return fields;
}

StripeClient::StripeClient(StripeSettings settings) : settings_(std::move(settings)) {
  settings_.timeout_seconds = std::clamp(settings_.timeout_seconds, 1, max_stripe_timeout_seconds);
  while (!settings_.api_base.empty() && settings_.api_base.back() == '/') settings_.api_base.pop_back();
}

CheckoutSessionResult StripeClient::create_checkout_session(const CheckoutSessionRequest& request) const {
  init_curl_once();
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return GatewayFailure{503, "payment_provider_unavailable", "could not start a request to Stripe"};
  const auto url = settings_.api_base + "/v1/checkout/sessions";
  const auto body = form_encode(checkout_session_fields(request));
  curl_slist* headers = nullptr;
  for (const auto& header : {"Authorization: Bearer " + settings_.secret_key, "Idempotency-Key: " + request.idempotency_key,
                             std::string("Content-Type: application/x-www-form-urlencoded"),
                             std::string("Accept: application/json")}) {
    headers = curl_slist_append(headers, header.c_str());
  }
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_list(headers, curl_slist_free_all);
  Reply reply;
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, static_cast<long>(stripe_connect_timeout_seconds));
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(settings_.timeout_seconds));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &reply);
  curl_easy_setopt(c, CURLOPT_USERAGENT, "Patron/0.1 (libcurl)");
  const auto code = curl_easy_perform(c);
  if (reply.truncated) return GatewayFailure{502, "payment_provider_error", "Stripe's answer was too large"};
  if (code != CURLE_OK) {
    spdlog::warn("Stripe Checkout Session request failed: {}", curl_easy_strerror(code));
    return transport_failure(code, settings_.timeout_seconds);
  }
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status >= 300) return http_failure(status, reply.body);
  auto json = nlohmann::json::parse(reply.body, nullptr, false);
  if (!json.is_object() || !json.contains("id") || !json["id"].is_string() || !json.contains("url") ||
      !json["url"].is_string()) {
    spdlog::warn("Stripe answered a Checkout Session without an id and url");
    return GatewayFailure{502, "payment_provider_error", "Stripe's answer could not be read"};
  }
  return CheckoutSession{json["id"].get<std::string>(), json["url"].get<std::string>()};
}

}  // namespace patron::services
