#pragma once
// What the SOCI repositories repeat around their statements: preparing a
// SELECT that reads into a row type, reading one text column, paging by
// fetching one row more than asked, and searching with LIKE portably.
#include <soci/soci.h>
#include <cstddef>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "storage/sql/records.h"

namespace patron::sql {

// The records' std::int64_t fields (times, money, points) are bound directly:
// SOCI exchanges them as its 64-bit integer on every platform it builds on.
static_assert(static_cast<int>(soci::details::exchange_traits<std::int64_t>::x_type) ==
              static_cast<int>(soci::details::x_long_long));

// A column bound together with its NULL indicator, for into_columns and
// use_values.
template <class T>
struct WithIndicator {
  T& value;
  soci::indicator& indicator;
};
template <class T>
WithIndicator<T> with_indicator(T& value, soci::indicator& indicator) {
  return {value, indicator};
}

namespace queries_detail {
template <class T>
inline constexpr bool has_indicator = false;
template <class T>
inline constexpr bool has_indicator<WithIndicator<T>> = true;

// One column's into (kInto) or use, with its indicator when it has one. Each
// is exchanged in the expression that makes it: soci's into() and use() hold
// a reference to a temporary (their name argument).
template <bool kInto, class Column>
void exchange_column(soci::statement& st, Column& column) {
  constexpr bool nullable = has_indicator<std::remove_cv_t<Column>>;
  if constexpr (nullable && kInto) {
    st.exchange(soci::into(column.value, column.indicator));
  } else if constexpr (nullable) {
    st.exchange(soci::use(column.value, column.indicator));
  } else if constexpr (kInto) {
    st.exchange(soci::into(column));
  } else {
    st.exchange(soci::use(column));
  }
}
}  // namespace queries_detail

// Adds an into for each column, in the SELECT's order: what a row type's
// bind() does. Bound by reference: the columns must outlive the statement.
template <class... Columns>
void into_columns(soci::statement& st, Columns&&... columns) {
  (queries_detail::exchange_column<true>(st, columns), ...);
}

// Adds a use for each value, in placeholder order; bound by reference too.
template <class... Values>
void use_values(soci::statement& st, Values&&... values) {
  (queries_detail::exchange_column<false>(st, values), ...);
}

// A statement bound first by `bound` (its bind(soci::statement&) adds the
// intos of a row type in column order, or the uses of the first placeholders)
// and then by `params`, one placeholder each, in order. Everything is bound
// by reference, so lvalues only: they must outlive the statement.
template <class Bound, class... Params>
soci::statement prepare_with(soci::session& session, Bound& bound, const std::string& sql, Params&... params) {
  soci::statement st(session);
  bound.bind(st);
  use_values(st, params...);
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  return st;
}

// Every row of a SELECT whose intos point at the fields of `row`, copied out
// in order.
template <class Row>
std::vector<Row> fetch_all(soci::statement st, Row& row) {
  std::vector<Row> rows;
  st.execute();
  while (st.fetch()) rows.push_back(row);
  return rows;
}

// Every row's single text column, in the statement's order.
template <class... Params>
std::vector<std::string> select_texts(soci::session& session, const std::string& sql, Params&... params) {
  std::string text;
  struct TextColumn {
    std::string& text;
    void bind(soci::statement& st) { st.exchange(soci::into(text)); }
  } column{text};
  return fetch_all(prepare_with(session, column, sql, params...), text);
}

// Runs a SELECT as prepare_with does and makes an item of every row
// (Row::finish()).
template <class Row, class... Params>
Page<decltype(std::declval<Row&>().finish())> select_page(soci::session& session, Row& row, const std::string& sql,
                                                          Params&... params) {
  soci::statement st = prepare_with(session, row, sql, params...);
  st.execute();
  Page<decltype(row.finish())> page;
  while (st.fetch()) page.items.push_back(row.finish());
  return page;
}

// Lists fetch limit + 1 rows: the extra one only says that a next page
// exists. Drops it and points the cursor at the last row kept.
template <class T, class CursorOf>
void cut_to_limit(Page<T>& page, int limit, CursorOf cursor_of) {
  if (page.items.size() <= static_cast<std::size_t>(limit)) return;
  page.items.pop_back();
  page.next_cursor = cursor_of(page.items.back());
}

// The same for lists ordered by id, whose cursor is the last id.
template <class T>
void cut_to_limit(Page<T>& page, int limit) {
  cut_to_limit(page, limit, [](const T& last) { return last.id; });
}

// `%query%` for `LOWER(column) LIKE :p ESCAPE '!'`: the query's LIKE
// wildcards are literal characters to the person searching, and '!' escapes
// them because backslash means different things per dialect. Both sides are
// lowered: SQLite's LIKE ignores ASCII case, PostgreSQL's and MySQL's
// (binary collation) do not.
inline std::string like_pattern(const std::string& query) {
  std::string escaped;
  for (char c : query) {
    if (c == '%' || c == '_' || c == '!') escaped += '!';
    escaped += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return "%" + escaped + "%";
}

}  // namespace patron::sql
