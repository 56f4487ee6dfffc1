#pragma once
// One HTTP request and its (single) reply. Handlers may reply later from
// another thread (the write queue's), so an Exchange is shared and the reply
// function is set by the server, keeping restinio out of every other file.
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/result.h"

namespace patron::http {

using Json = nlohmann::json;

struct Principal {
  std::string user_id;   // empty for a store API key
  std::string role;      // customer | staff | admin | store
  std::string store_id;  // for store API keys
  std::string api_key_id;
  std::string actor() const { return user_id.empty() ? "key:" + api_key_id : user_id; }
};

struct Reply {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
};

class Exchange {
 public:
  std::string method;
  std::string path;
  std::string body;
  std::string client_address;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> params;  // from the route pattern
  std::string route;                          // the matched pattern, for metrics
  bool malformed_query = false;
  Principal principal;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();

  std::function<void(Reply)> send;  // set by the server; called exactly once

  void reply(Reply reply);
  bool replied() const { return !send; }
  void json(int status, const Json& body);
  void no_content();
  void fail(const Error& error);
  void fail_with_retry(const Error& error, int retry_after_seconds);

  std::optional<std::string> header(const std::string& lower_name) const;
  std::string query_or(const std::string& name, const std::string& fallback) const;
};

using ExchangePtr = std::shared_ptr<Exchange>;

int status_for(ErrorCode code);
Json error_body(const Error& error);

}  // namespace patron::http
