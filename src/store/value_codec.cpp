#include "store/value_codec.h"

#include "core/error.h"

namespace traguardi::sql {

namespace {
constexpr char kSep = '\x1f';
}

std::optional<std::int64_t> as_int(const Value& v) {
  if (auto* n = std::get_if<std::int64_t>(&v)) return *n;
  if (auto* s = std::get_if<std::string>(&v)) {
    try {
      return std::stoll(*s);
    } catch (...) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::string as_text(const Value& v) {
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  return {};
}

std::optional<Decimal> decimal_of(const Value& v) {
  auto n = as_int(v);
  if (!n) return std::nullopt;
  return Decimal::from_units(*n);
}

std::optional<Date> date_of(const Value& v) {
  if (std::holds_alternative<std::monostate>(v)) return std::nullopt;
  auto d = Date::parse_iso(as_text(v));
  if (!d) throw StoreError("data non valida nel database: " + as_text(v));
  return d;
}

std::optional<int> opt_int_of(const Value& v) {
  auto n = as_int(v);
  if (!n) return std::nullopt;
  return static_cast<int>(*n);
}

int int_of(const Value& v) {
  return static_cast<int>(as_int(v).value_or(0));
}

std::string join_list(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += kSep;
    out += items[i];
  }
  return out;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  std::size_t start = 0;
  for (std::size_t p; (p = text.find(kSep, start)) != std::string::npos; start = p + 1)
    out.push_back(text.substr(start, p - start));
  out.push_back(text.substr(start));
  return out;
}

std::int64_t run(Connection& c, const std::string& sql, std::initializer_list<Value> params) {
  Statement& st = c.prepare(sql);
  st.reset();
  int i = 1;
  for (const auto& p : params)
    st.bind(i++, p);
  while (st.step()) {
  }
  std::int64_t n = st.changes();
  st.reset();
  return n;
}

} // namespace traguardi::sql
