#include "core/decimal.h"

#include <limits>
#include <stdexcept>

namespace traguardi {
namespace {

using i128 = __int128;

constexpr i128 kMax = std::numeric_limits<std::int64_t>::max();

// The minimum is excluded so that negation and absolute values never overflow either.
std::int64_t checked(i128 v) {
  if (v > kMax || v < -kMax) throw DecimalOverflow();
  return static_cast<std::int64_t>(v);
}

enum class Parsed { ok, malformed, too_large };

Parsed parse_units(std::string_view s, i128& out) {
  if (s.empty()) return Parsed::malformed;
  bool neg = false;
  std::size_t i = 0;
  if (s[0] == '-' || s[0] == '+') {
    neg = s[0] == '-';
    i = 1;
  }
  i128 whole = 0;
  int int_digits = 0;
  bool big = false;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    if (whole > 0 || s[i] != '0') ++int_digits;
    if (int_digits > 19) big = true; // keep scanning: the shape decides malformed first
    if (!big) whole = whole * 10 + (s[i] - '0');
  }
  bool any_int = i > (s[0] == '-' || s[0] == '+' ? 1u : 0u);
  i128 frac = 0;
  int frac_digits = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
      if (++frac_digits > Decimal::kScaleDigits) return Parsed::malformed;
      frac = frac * 10 + (s[i] - '0');
    }
    if (frac_digits == 0) return Parsed::malformed;
  }
  if (i != s.size() || !any_int) return Parsed::malformed;
  if (big) return Parsed::too_large;
  for (int k = frac_digits; k < Decimal::kScaleDigits; ++k)
    frac *= 10;
  i128 v = whole * Decimal::kScale + frac;
  if (v > kMax) return Parsed::too_large;
  out = neg ? -v : v;
  return Parsed::ok;
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

DecimalOverflow::DecimalOverflow() : InvalidInput(Decimal::too_large_message()) {}

std::string Decimal::too_large_message() {
  return "valore troppo grande (massimo 9.223.372.036.854,775807)";
}

std::optional<Decimal> Decimal::parse(std::string_view s) {
  i128 v = 0;
  if (parse_units(s, v) != Parsed::ok) return std::nullopt;
  return from_units(static_cast<std::int64_t>(v));
}

bool Decimal::too_large(std::string_view s) {
  i128 v = 0;
  return parse_units(s, v) == Parsed::too_large;
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
Decimal operator-(Decimal a) {
  return Decimal::from_units(checked(-i128(a.units_)));
}
Decimal operator*(Decimal a, Decimal b) {
  return Decimal::from_units(checked(div_round(i128(a.units_) * b.units_, Decimal::kScale)));
}
Decimal operator/(Decimal a, Decimal b) {
  if (b.units_ == 0) throw std::domain_error("divisione per zero");
  return Decimal::from_units(checked(div_round(i128(a.units_) * Decimal::kScale, b.units_)));
}

} // namespace traguardi
