// Exact decimal numbers for values, weights and percentages.
//
// Public administration figures are printed with two decimals and must add up to the cent, so
// binary floating point is never used for them. A Decimal is a signed 64-bit count of
// micro-units (scale 10^-6): two printed decimals plus four guard digits for ratios and
// weighted means, with 128-bit intermediates so that products never overflow silently.
// Every path that could leave the range (parsing, +, -, *, /, rounding) checks it and fails
// with DecimalOverflow, whose message says "valore troppo grande (massimo …)": a value never
// wraps around to another number.
// Parsing and printing here use the neutral form ("1134.5"); Italian formats live in italian.h.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace traguardi {

/// A value or a result outside the range of Decimal; an InvalidInput (exit 2), because only
/// input can bring such numbers in.
struct DecimalOverflow : InvalidInput {
  DecimalOverflow();
};

class Decimal {
public:
  static constexpr int kScaleDigits = 6;
  static constexpr std::int64_t kScale = 1'000'000;

  constexpr Decimal() = default;
  static constexpr Decimal from_units(std::int64_t micro) {
    Decimal d;
    d.units_ = micro;
    return d;
  }
  static constexpr Decimal from_int(std::int64_t v) {
    if (v > INT64_MAX / kScale || v < -(INT64_MAX / kScale)) throw DecimalOverflow();
    return from_units(v * kScale);
  }

  /// Parses "-12", "3.5", "0.000001"; at most 6 decimals, no exponent, no grouping.
  /// nullopt when malformed or out of range (`too_large` tells the two apart).
  static std::optional<Decimal> parse(std::string_view text);
  /// True when `text` is a well-formed number whose magnitude exceeds the range.
  static bool too_large(std::string_view text);
  static constexpr Decimal max() { return from_units(INT64_MAX); }
  /// "valore troppo grande (massimo 9.223.372.036.854,775807)"
  static std::string too_large_message();

  constexpr std::int64_t units() const { return units_; }
  constexpr bool is_zero() const { return units_ == 0; }
  constexpr bool is_negative() const { return units_ < 0; }

  /// Neutral text with exactly `decimals` digits after the point (rounded half away from zero).
  std::string to_string(int decimals = 2) const;
  /// Shortest neutral text that is exact ("1134.5", "100", "0.333333").
  std::string to_plain_string() const;

  Decimal rounded(int decimals) const;

  friend constexpr auto operator<=>(Decimal, Decimal) = default;
  friend Decimal operator+(Decimal a, Decimal b);
  friend Decimal operator-(Decimal a, Decimal b);
  friend Decimal operator-(Decimal a);
  /// Product rounded half away from zero to 6 decimals.
  friend Decimal operator*(Decimal a, Decimal b);
  /// Quotient rounded half away from zero to 6 decimals; throws std::domain_error on zero.
  friend Decimal operator/(Decimal a, Decimal b);
  Decimal& operator+=(Decimal b) { return *this = *this + b; }
  Decimal& operator-=(Decimal b) { return *this = *this - b; }

private:
  std::int64_t units_ = 0;
};

inline Decimal min(Decimal a, Decimal b) {
  return a < b ? a : b;
}
inline Decimal max(Decimal a, Decimal b) {
  return a < b ? b : a;
}

} // namespace traguardi
