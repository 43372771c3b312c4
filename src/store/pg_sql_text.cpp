#include "store/pg_sql_text.h"

#include <cctype>

namespace traguardi::sql {

std::string number_placeholders(std::string_view sql, int* count) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    char ch = sql[i];
    if (ch == '\'' || ch == '"') { // quoted literal or identifier; '' and "" escape themselves
      std::size_t end = sql.find(ch, i + 1);
      if (end == std::string_view::npos) end = sql.size() - 1;
      out.append(sql.substr(i, end - i + 1));
      i = end;
    } else if (ch == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      std::size_t end = sql.find('\n', i);
      if (end == std::string_view::npos) end = sql.size() - 1;
      out.append(sql.substr(i, end - i + 1));
      i = end;
    } else if (ch == '?') {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += ch;
    }
  }
  if (count) *count = n;
  return out;
}

std::string redact_postgres_url(std::string_view url) {
  std::string s(url);
  auto scheme = s.find("://");
  if (scheme == std::string::npos) return s;
  // The last '@' before the query: a password with a raw '@' or '/' is hidden whole (it is
  // better to hide too much of a malformed URL than a piece of a password).
  auto query = s.find('?', scheme + 3);
  auto at = s.rfind('@', query == std::string::npos ? s.npos : query);
  if (at != std::string::npos && at > scheme + 3) {
    auto colon = s.find(':', scheme + 3);
    if (colon != std::string::npos && colon < at) s.replace(colon + 1, at - colon - 1, "***");
  }
  // A password can also travel as a query parameter.
  for (auto p = s.find("password="); p != std::string::npos; p = s.find("password=", p + 1)) {
    auto end = s.find('&', p);
    s.replace(p + 9, (end == std::string::npos ? s.size() : end) - p - 9, "***");
  }
  return s;
}

std::optional<PlainInsert> parse_plain_insert(std::string_view sql) {
  constexpr std::string_view head = "INSERT INTO ";
  if (sql.substr(0, head.size()) != head) return std::nullopt;
  std::size_t open = sql.find('(', head.size());
  std::size_t close = sql.find(')', open == std::string_view::npos ? 0 : open);
  if (open == std::string_view::npos || close == std::string_view::npos) return std::nullopt;
  PlainInsert out;
  out.table = std::string(sql.substr(head.size(), open - head.size()));
  while (!out.table.empty() && out.table.back() == ' ')
    out.table.pop_back();
  for (char c : out.table)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return std::nullopt;
  out.columns = std::string(sql.substr(open + 1, close - open - 1));
  std::string_view rest = sql.substr(close + 1);
  constexpr std::string_view values = " VALUES (";
  if (rest.substr(0, values.size()) != values) return std::nullopt;
  rest.remove_prefix(values.size());
  bool closed = false;
  for (char c : rest) {
    if (closed) return std::nullopt; // RETURNING, ON CONFLICT, a second row: not plain
    if (c == '?')
      ++out.params;
    else if (c == ')')
      closed = true;
    else if (c != ',' && c != ' ')
      return std::nullopt;
  }
  int commas = 1;
  for (char c : out.columns)
    commas += c == ',';
  if (!closed || out.params == 0 || commas != out.params) return std::nullopt;
  return out;
}

void append_copy_field(std::string& out, const Value& v) {
  if (std::holds_alternative<std::monostate>(v)) {
    out += "\\N";
  } else if (auto* n = std::get_if<std::int64_t>(&v)) {
    out += std::to_string(*n);
  } else {
    for (char c : std::get<std::string>(v)) {
      switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += c;
      }
    }
  }
}

} // namespace traguardi::sql
