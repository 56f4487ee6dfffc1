#pragma once
// An enum's names written once, as a table that serves both ways: the name of
// a value, and the value of a name. A switch for the one and a list of values
// for the other would each have to learn every new value. Where the names are
// the enumerators themselves, enumerator_names() reads them from the enum, so
// they are not written a second time at all.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

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

// The identifier of enumerator V as declared ("earn" for LedgerKind::earn),
// read from the compiler's name of this function, as magic_enum does: GCC
// writes "[with auto V = patron::LedgerKind::earn; ...]", Clang "[V = ...]".
template <auto V>
consteval std::string_view enumerator_identifier() {
  constexpr std::string_view signature = __PRETTY_FUNCTION__;
  constexpr std::size_t start = signature.find("V = ") + 4;
  constexpr std::string_view qualified = signature.substr(start, signature.find_first_of(";]", start) - start);
  return qualified.substr(qualified.rfind("::") + 2);
}

// enumerator_identifier<V>() as a NUL-terminated array with static storage,
// so that a table can hand out its address.
template <auto V>
inline constexpr auto kEnumeratorText = [] {
  constexpr std::string_view identifier = enumerator_identifier<V>();
  std::array<char, identifier.size() + 1> text{};
  for (std::size_t i = 0; i < identifier.size(); ++i) text[i] = identifier[i];
  return text;
}();

// More values than this is not an enum whose names are stored.
inline constexpr std::size_t kMaxEnumerators = 64;

// How many values a scoped enum declared without explicit values has: the
// first value that is not an enumerator.
template <typename Enum, std::size_t I = 0>
consteval std::size_t enumerator_count() {
  static_assert(std::is_enum_v<Enum> && !std::is_convertible_v<Enum, int>, "a scoped enum (enum class)");
  if constexpr (I == kMaxEnumerators || !is_named_enumerator<static_cast<Enum>(I)>()) {
    return I;
  } else {
    return enumerator_count<Enum, I + 1>();
  }
}

template <typename Enum, std::size_t... I>
consteval EnumNames<Enum, sizeof...(I)> identifiers_as_names(Enum fallback, std::index_sequence<I...>) {
  const EnumName<Enum> names[] = {{static_cast<Enum>(I), kEnumeratorText<static_cast<Enum>(I)>.data()}...};
  return EnumNames<Enum, sizeof...(I)>(names, fallback);
}

// The table that names each value of Enum by its identifier. The names are
// then stored, so renaming an enumerator renames a stored value: a migration.
template <typename Enum>
consteval auto enumerator_names(Enum fallback) {
  constexpr std::size_t count = enumerator_count<Enum>();
  static_assert(count > 0 && count < kMaxEnumerators, "an enum of 1 to 63 values, declared without explicit values");
  return identifiers_as_names(fallback, std::make_index_sequence<count>{});
}

}  // namespace patron
