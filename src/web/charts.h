// Server-drawn SVG charts for the dashboard and the indicator history: no chart library, no
// script, readable by screen readers (role="img", <title>, <desc>, a data table beside them).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/decimal.h"

namespace traguardi::web {

struct Bar {
  std::string label;
  std::optional<Decimal> value; // percent 0–100; empty: "n.d."
};

/// Horizontal bars on a 0–100% scale, one per row.
std::string percent_bars_svg(const std::string& id, const std::string& title,
                             const std::vector<Bar>& bars);

struct Point {
  std::string label; // x-axis label (year)
  std::optional<Decimal> value;
};

/// Vertical columns of an indicator's values over the years, with the target as a line.
std::string history_svg(const std::string& id, const std::string& title,
                        const std::vector<Point>& points, std::optional<Decimal> target);

} // namespace traguardi::web
