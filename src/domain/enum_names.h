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

template <typename Enum, std::size_t N>
class EnumNames {
 public:
  // fallback: the value, one of the table's, whose name a value outside the
  // table (a stray cast) gets. A table without it does not compile.
  consteval EnumNames(const EnumName<Enum> (&names)[N], Enum fallback) {
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
