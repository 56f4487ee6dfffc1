#pragma once
// Expected failures travel as values (LevelDB's Status idea): a domain or
// storage operation returns Result<T>; the HTTP layer maps ErrorCode to a
// status in one place. Exceptions are kept for bugs and startup failures.
#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace patron {

enum class ErrorCode {
  validation_failed,
  unauthorized,
  forbidden,
  not_found,
  conflict,
  insufficient_points,
  limit_exceeded,        // a named bound (amount, points, balance) would be passed
  unsupported_currency,  // no exchange rate to the program's base currency
  account_closed,        // the account was erased or disabled
  rate_limited,
  payload_too_large,
  unavailable,
  internal,
};

const char* to_string(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message;
  std::string field;  // dotted path of the offending input, empty when none

  static Error validation(std::string field_path, std::string text) {
    return {ErrorCode::validation_failed, std::move(text), std::move(field_path)};
  }
  static Error not_found(std::string text) { return {ErrorCode::not_found, std::move(text), {}}; }
  static Error conflict(std::string text) { return {ErrorCode::conflict, std::move(text), {}}; }
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<T>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(state_));
  }
  const Error& error() const {
    assert(!ok());
    return std::get<Error>(state_);
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Error> state_;
};

struct Unit {};
using Status = Result<Unit>;
inline Status ok_status() { return Unit{}; }

}  // namespace patron
