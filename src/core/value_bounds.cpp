#include "core/value_bounds.h"

#include <fmt/format.h>

#include "core/italian.h"

namespace traguardi {
namespace {

const Decimal kMaxPercent = Decimal::from_int(1'000);
const Decimal kMaxIndicator = Decimal::from_int(1'000'000'000'000);

struct Collector {
  std::vector<OutOfBounds> out;
  void check(Quantity q, const std::optional<Decimal>& v, const std::string& path) {
    if (!v) return;
    if (auto p = bound_problem(q, *v)) out.push_back({path, *p});
  }
};

} // namespace

std::optional<std::string> bound_problem(Quantity q, Decimal v) {
  const Decimal limit = q == Quantity::percent ? kMaxPercent : kMaxIndicator;
  if (v > limit || v < -limit)
    return fmt::format("valore {} fuori intervallo (al massimo {} in valore assoluto)",
                       italian::format_number(v), italian::format_number(limit));
  return std::nullopt;
}

std::vector<OutOfBounds> out_of_bounds(const Dataset& d, const std::string& root) {
  Collector c;
  for (std::size_t i = 0; i < d.objectives.size(); ++i) {
    const Objective& o = d.objectives[i];
    const std::string op = fmt::format("{}.objectives[{}]", root, i);
    for (std::size_t k = 0; k < o.structures.size(); ++k)
      c.check(Quantity::percent, o.structures[k].share_pct,
              fmt::format("{}.structures[{}].share_pct", op, k));
    for (std::size_t k = 0; k < o.people.size(); ++k)
      c.check(Quantity::percent, o.people[k].effort_pct,
              fmt::format("{}.people[{}].effort_pct", op, k));
    for (std::size_t k = 0; k < o.phases.size(); ++k) {
      const std::string pp = fmt::format("{}.phases[{}]", op, k);
      c.check(Quantity::percent, o.phases[k].weight, pp + ".weight");
      c.check(Quantity::percent, o.phases[k].progress, pp + ".progress");
    }
    for (std::size_t k = 0; k < o.indicators.size(); ++k) {
      const Indicator& ind = o.indicators[k];
      const std::string ip = fmt::format("{}.indicators[{}]", op, k);
      c.check(Quantity::indicator_value, ind.target, ip + ".target");
      c.check(Quantity::indicator_value, ind.actual, ip + ".actual");
      for (std::size_t h = 0; h < ind.history.size(); ++h)
        c.check(Quantity::indicator_value, ind.history[h].value,
                fmt::format("{}.history[{}].value", ip, h));
    }
  }
  return std::move(c.out);
}

} // namespace traguardi
