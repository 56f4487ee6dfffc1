#pragma once
// Reads a JSON request body field by field against explicit bounds and keeps
// the first problem with its field path, so every handler answers bad input
// with the same 400 shape instead of throwing on a wrong type.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "domain/result.h"

namespace patron::http {

inline constexpr std::size_t max_body_bytes = 1024 * 1024;
inline constexpr std::size_t default_text_limit = 1000;

// The body as a JSON object, or a validation error naming what is wrong.
Result<nlohmann::json> parse_object(const std::string& body);

class BodyReader {
 public:
  explicit BodyReader(const nlohmann::json& object, std::string prefix = "")
      : object_(&object), prefix_(std::move(prefix)) {}
  // A reader over a request body, which must be a JSON object (else the
  // reader starts failed with that error and every read finds nothing).
  static BodyReader of_body(const std::string& body);

  std::string text(const std::string& key, std::size_t max_length = default_text_limit);
  std::optional<std::string> optional_text(const std::string& key, std::size_t max_length = default_text_limit);
  std::int64_t integer(const std::string& key, std::int64_t min, std::int64_t max);
  std::optional<std::int64_t> optional_integer(const std::string& key, std::int64_t min, std::int64_t max);
  std::optional<bool> optional_flag(const std::string& key);
  // An RFC 3339 UTC time as epoch seconds.
  std::optional<std::int64_t> optional_time(const std::string& key);
  const nlohmann::json* array(const std::string& key, std::size_t max_items, bool required = true);
  const nlohmann::json* object(const std::string& key, bool required = true);

  bool ok() const { return !error_.has_value(); }
  const Error& error() const { return *error_; }
  std::string path(const std::string& key) const { return prefix_.empty() ? key : prefix_ + "." + key; }
  void fail(const std::string& key, const std::string& message);

 private:
  const nlohmann::json* find(const std::string& key);
  // The value under `key` if it is of the kind `is_kind` tests for; a missing
  // value fails only when required, one of another kind always.
  using Kind = bool (nlohmann::json::*)() const noexcept;
  const nlohmann::json* find_kind(const std::string& key, bool required, Kind is_kind, const char* wrong_kind);

  std::shared_ptr<const nlohmann::json> owned_;  // the body of_body parsed; object_ points into it
  const nlohmann::json* object_;
  std::string prefix_;
  std::optional<Error> error_;
};

std::optional<std::int64_t> parse_rfc3339(const std::string& text);
std::string format_rfc3339(std::int64_t epoch_seconds);

}  // namespace patron::http
