#include "core/decimal.h"

#include <limits>
#include <stdexcept>

namespace traguardi {
namespace {

using i128 = __int128;

std::int64_t checked(i128 v) {
  if (v > std::numeric_limits<std::int64_t>::max() || v < std::numeric_limits<std::int64_t>::min())
    throw std::overflow_error("valore decimale fuori intervallo");
  return static_cast<std::int64_t>(v);
}

// Division rounding half away from zero: the rule Italian accounting sheets use.
i128 div_round(i128 num, i128 den) {
  bool neg = (num < 0) != (den < 0);
  i128 n = num < 0 ? -num : num;
  i128 d = den < 0 ? -den : den;
  i128 q = n / d;
  if ((n % d) * 2 >= d) ++q;
  return neg ? -q : q;
}

} // namespace

std::optional<Decimal> Decimal::parse(std::string_view s) {
  if (s.empty()) return std::nullopt;
  bool neg = false;
  std::size_t i = 0;
  if (s[0] == '-' || s[0] == '+') {
    neg = s[0] == '-';
    i = 1;
  }
  i128 whole = 0;
  int int_digits = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    whole = whole * 10 + (s[i] - '0');
    if (++int_digits > 13) return std::nullopt;
  }
  i128 frac = 0;
  int frac_digits = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
      if (++frac_digits > kScaleDigits) return std::nullopt;
      frac = frac * 10 + (s[i] - '0');
    }
    if (frac_digits == 0) return std::nullopt;
  }
  if (i != s.size() || int_digits == 0) return std::nullopt;
  for (int k = frac_digits; k < kScaleDigits; ++k)
    frac *= 10;
  i128 v = whole * kScale + frac;
  return from_units(static_cast<std::int64_t>(neg ? -v : v));
}

Decimal Decimal::rounded(int decimals) const {
  if (decimals >= kScaleDigits) return *this;
  i128 step = 1;
  for (int k = decimals; k < kScaleDigits; ++k)
    step *= 10;
  return from_units(checked(div_round(units_, step) * step));
}

std::string Decimal::to_string(int decimals) const {
  if (decimals > kScaleDigits) decimals = kScaleDigits;
  if (decimals < 0) decimals = 0;
  i128 step = 1;
  for (int k = decimals; k < kScaleDigits; ++k)
    step *= 10;
  i128 v = div_round(units_, step);
  bool neg = v < 0;
  if (neg) v = -v;
  i128 pow = 1;
  for (int k = 0; k < decimals; ++k)
    pow *= 10;
  std::string whole = std::to_string(static_cast<long long>(v / pow));
  std::string out = neg ? "-" + whole : whole;
  if (decimals > 0) {
    std::string frac = std::to_string(static_cast<long long>(v % pow));
    out += '.';
    out.append(decimals - frac.size(), '0');
    out += frac;
  }
  return out;
}

std::string Decimal::to_plain_string() const {
  std::string s = to_string(kScaleDigits);
  while (s.back() == '0')
    s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

Decimal operator+(Decimal a, Decimal b) {
  return Decimal::from_units(checked(i128(a.units_) + b.units_));
}
Decimal operator-(Decimal a, Decimal b) {
  return Decimal::from_units(checked(i128(a.units_) - b.units_));
}
Decimal operator*(Decimal a, Decimal b) {
  return Decimal::from_units(checked(div_round(i128(a.units_) * b.units_, Decimal::kScale)));
}
Decimal operator/(Decimal a, Decimal b) {
  if (b.units_ == 0) throw std::domain_error("divisione per zero");
  return Decimal::from_units(checked(div_round(i128(a.units_) * Decimal::kScale, b.units_)));
}

} // namespace traguardi
