#include "http/body_reader.h"

#include <chrono>
#include <cstdio>
#include <regex>

namespace patron::http {

using nlohmann::json;

Result<json> parse_object(const std::string& body) {
  auto parsed = json::parse(body, nullptr, false);
  if (parsed.is_discarded()) return Error::validation("", "the request body is not valid JSON");
  if (!parsed.is_object()) return Error::validation("", "the request body must be a JSON object");
  return parsed;
}

BodyReader BodyReader::of_body(const std::string& body) {
  auto parsed = parse_object(body);
  auto owned = std::make_shared<const json>(parsed.ok() ? std::move(parsed).value() : json::object());
  BodyReader reader(*owned);
  reader.owned_ = std::move(owned);
  if (!parsed.ok()) reader.error_ = parsed.error();
  return reader;
}

void BodyReader::fail(const std::string& key, const std::string& message) {
  if (!error_) error_ = Error::validation(path(key), message);
}

const json* BodyReader::find(const std::string& key) {
  auto it = object_->find(key);
  if (it == object_->end() || it->is_null()) return nullptr;
  return &*it;
}

const json* BodyReader::find_kind(const std::string& key, bool required, Kind is_kind, const char* wrong_kind) {
  const auto* value = find(key);
  if (!value) {
    if (required) fail(key, "is required");
    return nullptr;
  }
  if (!(value->*is_kind)()) {
    fail(key, wrong_kind);
    return nullptr;
  }
  return value;
}

std::string BodyReader::text(const std::string& key, std::size_t max_length) {
  auto value = optional_text(key, max_length);
  if (!value && ok()) fail(key, "is required");
  return value.value_or("");
}

std::optional<std::string> BodyReader::optional_text(const std::string& key, std::size_t max_length) {
  const auto* value = find_kind(key, false, &json::is_string, "must be a string");
  if (!value) return std::nullopt;
  const auto& s = value->get_ref<const std::string&>();
  if (s.size() > max_length) {
    fail(key, "must be at most " + std::to_string(max_length) + " characters");
    return std::nullopt;
  }
  return s;
}

std::int64_t BodyReader::integer(const std::string& key, std::int64_t min, std::int64_t max) {
  auto value = optional_integer(key, min, max);
  if (!value && ok()) fail(key, "is required");
  return value.value_or(0);
}

std::optional<std::int64_t> BodyReader::optional_integer(const std::string& key, std::int64_t min, std::int64_t max) {
  const auto* value = find_kind(key, false, &json::is_number_integer, "must be an integer");
  if (!value) return std::nullopt;
  if (value->is_number_unsigned() && value->get<std::uint64_t>() > static_cast<std::uint64_t>(max)) {
    fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  const auto n = value->get<std::int64_t>();
  if (n < min || n > max) {
    fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return n;
}

std::optional<bool> BodyReader::optional_flag(const std::string& key) {
  const auto* value = find_kind(key, false, &json::is_boolean, "must be true or false");
  if (!value) return std::nullopt;
  return value->get<bool>();
}

std::optional<std::int64_t> BodyReader::optional_time(const std::string& key) {
  auto value = optional_text(key, 40);
  if (!value) return std::nullopt;
  auto parsed = parse_rfc3339(*value);
  if (!parsed) fail(key, "must be an RFC 3339 time such as 2026-01-31T12:00:00Z");
  return parsed;
}

const json* BodyReader::array(const std::string& key, std::size_t max_items, bool required) {
  const auto* value = find_kind(key, required, &json::is_array, "must be an array");
  if (value && value->size() > max_items) {
    fail(key, "must have at most " + std::to_string(max_items) + " items");
    return nullptr;
  }
  return value;
}

const json* BodyReader::object(const std::string& key, bool required) {
  return find_kind(key, required, &json::is_object, "must be an object");
}

std::optional<std::int64_t> parse_rfc3339(const std::string& text) {
  static const std::regex pattern(
      R"(^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|z|([+-])(\d{2}):(\d{2}))$)");
  std::smatch m;
  if (!std::regex_match(text, m, pattern)) return std::nullopt;
  using namespace std::chrono;
  const year_month_day date{year{std::stoi(m[1])}, month{static_cast<unsigned>(std::stoi(m[2]))},
                            day{static_cast<unsigned>(std::stoi(m[3]))}};
  const int hh = std::stoi(m[4]), mm = std::stoi(m[5]), ss = std::stoi(m[6]);
  if (!date.ok() || hh > 23 || mm > 59 || ss > 60) return std::nullopt;
  std::int64_t seconds = sys_days{date}.time_since_epoch().count() * 86'400LL + hh * 3600 + mm * 60 + ss;
  if (m[9].matched) {
    const std::int64_t offset = std::stoi(m[10]) * 3600 + std::stoi(m[11]) * 60;
    seconds -= (m[9] == "+" ? offset : -offset);
  }
  return seconds;
}

std::string format_rfc3339(std::int64_t epoch_seconds) {
  using namespace std::chrono;
  const sys_seconds when{seconds{epoch_seconds}};
  const auto day_point = floor<days>(when);
  const year_month_day ymd{day_point};
  const hh_mm_ss time{when - day_point};
  char out[64];
  std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(time.hours().count()), static_cast<long>(time.minutes().count()),
                static_cast<long>(time.seconds().count()));
  return out;
}

}  // namespace patron::http
