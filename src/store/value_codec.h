// Conversions between model values and SQL values, shared by the dataset reader and writer.
//
// Decimals travel as integer micro-units, dates as ISO text, optionals as NULL, string lists
// (aliases, levels) as text joined by a unit separator that never occurs in printed names.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/decimal.h"
#include "store/sql_connection.h"

namespace traguardi::sql {

inline Value val(const std::string& s) {
  return s;
}
inline Value val(std::int64_t n) {
  return n;
}
inline Value val(int n) {
  return static_cast<std::int64_t>(n);
}
inline Value val(bool b) {
  return static_cast<std::int64_t>(b ? 1 : 0);
}
inline Value val(const std::optional<int>& n) {
  return n ? Value(static_cast<std::int64_t>(*n)) : Value();
}
inline Value val(const std::optional<Decimal>& d) {
  return d ? Value(d->units()) : Value();
}
inline Value val(const std::optional<Date>& d) {
  return d ? Value(d->iso()) : Value();
}

std::optional<Decimal> decimal_of(const Value& v);
std::optional<Date> date_of(const Value& v);
std::optional<int> opt_int_of(const Value& v);
int int_of(const Value& v);

std::string join_list(const std::vector<std::string>& items);
std::vector<std::string> split_list(const std::string& text);

/// Binds the values in order and runs the statement to completion; returns rows changed.
std::int64_t run(Connection& c, const std::string& sql, std::initializer_list<Value> params);

} // namespace traguardi::sql
