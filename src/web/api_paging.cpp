#include "web/api_paging.h"

#include <algorithm>

#include <fmt/format.h>

#include "web/problem.h"

namespace traguardi::web {
namespace {

constexpr std::size_t kDefaultLimit = 100;
constexpr std::size_t kMaxLimit = 500;

} // namespace

std::optional<std::size_t> api_limit(ApiCall& c) {
  const std::string l = c.req.get_param_value("limit");
  if (l.empty()) return kDefaultLimit;
  if (l.size() <= 4 && std::all_of(l.begin(), l.end(), ::isdigit)) {
    const auto n = std::stoul(l);
    if (n >= 1 && n <= kMaxLimit) return n;
  }
  const std::string detail = fmt::format("atteso un numero intero da 1 a {}", kMaxLimit);
  send_problem(c.res, {400, "", "parametro limit non valido", {{"", "limit", detail}}});
  return std::nullopt;
}

void api_bad_cursor(ApiCall& c) {
  send_problem(c.res, {400,
                       "",
                       "parametro cursor non valido",
                       {{"", "cursor", "usare il valore next_cursor della pagina precedente"}}});
}

std::string cursor_of_key(const std::string& key) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char ch : key) {
    out += digits[ch >> 4];
    out += digits[ch & 15];
  }
  return out;
}

std::optional<std::string> key_of_cursor(const std::string& s) {
  if (s.size() % 2 || s.size() > 4096) return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < s.size(); i += 2) {
    auto v = [](char ch) {
      return ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
    };
    const int hi = v(s[i]), lo = v(s[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
  }
  return out;
}

} // namespace traguardi::web
