#include "core/italian.h"

#include <cstdio>

namespace traguardi::italian {

std::string format_number(Decimal value, int decimals) {
  std::string neutral = value.to_string(decimals);
  bool neg = !neutral.empty() && neutral[0] == '-';
  if (neg) neutral.erase(0, 1);
  auto dot = neutral.find('.');
  std::string whole = neutral.substr(0, dot);
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += '.';
    grouped += whole[i];
  }
  if (dot != std::string::npos) grouped += "," + neutral.substr(dot + 1);
  return neg && grouped.find_first_not_of("0,.") != std::string::npos ? "-" + grouped : grouped;
}

std::string format_percent(Decimal value, int decimals) {
  return format_number(value, decimals) + "%";
}

namespace {

// "1.134,50" -> "1134.50"; nullopt when the grouping is wrong.
std::optional<std::string> neutral_form(std::string_view s) {
  while (!s.empty() && s.front() == ' ')
    s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ')
    s.remove_suffix(1);
  if (s.empty()) return std::nullopt;
  std::string neutral;
  std::size_t i = 0;
  if (s[0] == '-' || s[0] == '+') {
    if (s[0] == '-') neutral += '-';
    i = 1;
  }
  auto comma = s.find(',', i);
  std::string_view whole = s.substr(i, comma == std::string_view::npos ? s.npos : comma - i);
  // Grouping dots must split the integer part in groups of exactly three digits.
  if (whole.find('.') != std::string_view::npos) {
    std::size_t first = whole.find('.');
    if (first == 0 || first > 3) return std::nullopt;
    for (std::size_t k = first; k < whole.size(); k += 4)
      if (whole[k] != '.' || k + 4 > whole.size()) return std::nullopt;
  }
  for (char c : whole)
    if (c != '.') neutral += c;
  if (comma != std::string_view::npos) neutral += "." + std::string(s.substr(comma + 1));
  return neutral;
}

} // namespace

std::optional<Decimal> parse_number(std::string_view s) {
  auto neutral = neutral_form(s);
  if (!neutral) return std::nullopt;
  return Decimal::parse(*neutral);
}

bool number_too_large(std::string_view s) {
  auto neutral = neutral_form(s);
  return neutral && Decimal::too_large(*neutral);
}

std::string format_date(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
  return buf;
}

std::optional<Date> parse_date(std::string_view s) {
  int parts[3] = {0, 0, 0};
  int digits[3] = {0, 0, 0};
  int k = 0;
  for (char c : s) {
    if (c == '/') {
      if (++k > 2) return std::nullopt;
    } else if (c >= '0' && c <= '9') {
      parts[k] = parts[k] * 10 + (c - '0');
      if (++digits[k] > 4) return std::nullopt;
    } else {
      return std::nullopt;
    }
  }
  if (k != 2 || digits[0] == 0 || digits[0] > 2 || digits[1] == 0 || digits[1] > 2 ||
      digits[2] != 4)
    return std::nullopt;
  return Date::make(parts[2], parts[1], parts[0]);
}

} // namespace traguardi::italian
