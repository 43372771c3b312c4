#include "core/statistics.h"

#include <cctype>

namespace traguardi {

const char* to_string(StatOrigin o) {
  return o == StatOrigin::printed ? "printed" : "base";
}

std::optional<StatOrigin> stat_origin_from_string(std::string_view s) {
  if (s == "base") return StatOrigin::base;
  if (s == "printed") return StatOrigin::printed;
  return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> dimension_parts(std::string_view d) {
  std::vector<std::pair<std::string, std::string>> out;
  while (!d.empty()) {
    auto semi = d.find(';');
    std::string_view part = d.substr(0, semi);
    auto eq = part.find('=');
    if (eq != std::string_view::npos && eq > 0)
      out.emplace_back(std::string(part.substr(0, eq)), std::string(part.substr(eq + 1)));
    if (semi == std::string_view::npos) break;
    d.remove_prefix(semi + 1);
  }
  return out;
}

std::string dimension_value(std::string_view dimension, std::string_view key) {
  for (auto& [k, v] : dimension_parts(dimension))
    if (k == key) return v;
  return {};
}

bool valid_reference(std::string_view r) {
  auto digits = [&](std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i)
      if (!std::isdigit(static_cast<unsigned char>(r[i]))) return false;
    return true;
  };
  if (r.size() == 4) return digits(0, 4);
  if (r.size() != 10 || r[4] != '-' || r[7] != '-') return false;
  if (!digits(0, 4) || !digits(5, 2) || !digits(8, 2)) return false;
  int m = (r[5] - '0') * 10 + (r[6] - '0'), d = (r[8] - '0') * 10 + (r[9] - '0');
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

} // namespace traguardi
