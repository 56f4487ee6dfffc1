#pragma once
// An enum's names written once, as a table that serves both ways: the name of
// a value, and the value of a name. A switch for the one and a list of values
// for the other would each have to learn every new value.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace patron {

template <typename Enum>
struct EnumName {
  Enum value;
  const char* name;
};

// True when V is one of its enum's named values: GCC and Clang print any
// other value in __PRETTY_FUNCTION__ as a cast, "(Enum)7".
template <auto V>
consteval bool is_named_enumerator() {
  constexpr std::string_view signature = __PRETTY_FUNCTION__;
  return signature[signature.rfind("= ") + 2] != '(';
}

// True when `names` names each of Enum's values once: they must be 0 to N-1
// (declared without explicit values) and N must not be one. This is the check
// a switch gets from -Wswitch: the names are stored, so a new value must not
// fall back to another's name.
template <typename Enum, std::size_t N>
consteval bool names_every_value(const EnumName<Enum> (&names)[N]) {
  std::array<bool, N> seen{};
  for (const auto& entry : names) {
    const auto index = static_cast<std::size_t>(entry.value);
    if (index >= N || seen[index]) return false;
    seen[index] = true;
  }
  return !is_named_enumerator<static_cast<Enum>(N)>();
}

template <typename Enum, std::size_t N>
class EnumNames {
 public:
  // fallback: the value, one of the table's, whose name a value outside the
  // table (a stray cast) gets. A table without it, or one that leaves out a
  // value of the enum, does not compile.
  consteval EnumNames(const EnumName<Enum> (&names)[N], Enum fallback) {
    if (!names_every_value(names)) throw "the table must name every value of the enum once";
    for (std::size_t i = 0; i < N; ++i) names_[i] = names[i];
    fallback_name_ = find(fallback);
    if (fallback_name_ == nullptr) throw "the fallback is not in the table";
  }

  constexpr const char* name(Enum value) const {
    const char* found = find(value);
    return found != nullptr ? found : fallback_name_;
  }

  constexpr std::optional<Enum> parse(std::string_view text) const {
    for (const auto& entry : names_) {
      if (text == entry.name) return entry.value;
    }
    return std::nullopt;
  }

 private:
  constexpr const char* find(Enum value) const {
    for (const auto& entry : names_) {
      if (entry.value == value) return entry.name;
    }
    return nullptr;
  }

  std::array<EnumName<Enum>, N> names_{};
  const char* fallback_name_ = nullptr;
};

}  // namespace patron
