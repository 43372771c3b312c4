#include "report/gantt_layout.h"

#include <algorithm>

#include "core/italian.h"

namespace traguardi::report {
namespace {

constexpr const char* kMonths[] = {"gen", "feb", "mar", "apr", "mag", "giu",
                                   "lug", "ago", "set", "ott", "nov", "dic"};

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

Date month_after(const Date& d) {
  return d.month == 12 ? Date{d.year + 1, 1, 1} : Date{d.year, d.month + 1, 1};
}

std::optional<BarSpan> span(const std::optional<Date>& start, const std::optional<Date>& end,
                            const Gantt& g, const TimeScale& s) {
  if (!start || s.empty) return std::nullopt;
  BarSpan b;
  b.x0 = s.at(*start);
  if (end && *end >= *start) {
    b.x1 = s.after(*end);
  } else {
    b.open_end = true;
    b.x1 = g.reference && *g.reference >= *start ? s.after(*g.reference) : 1.0;
  }
  if (b.x1 < b.x0) b.x1 = b.x0;
  return b;
}

} // namespace

double TimeScale::at(const Date& d) const {
  const double total = static_cast<double>(to.days() + 1 - from.days());
  return std::clamp(static_cast<double>(d.days() - from.days()) / total, 0.0, 1.0);
}

double TimeScale::after(const Date& d) const {
  return at(Date::from_days(d.days() + 1));
}

TimeScale make_time_scale(const Gantt& g) {
  TimeScale s;
  std::optional<Date> lo, hi;
  auto see = [&](const std::optional<Date>& d) {
    if (!d) return;
    if (!lo || *d < *lo) lo = d;
    if (!hi || *d > *hi) hi = d;
  };
  for (const auto& p : g.phases) {
    see(p.planned_start), see(p.planned_end), see(p.actual_start), see(p.actual_end);
  }
  if (!lo) return s;
  see(g.reference);
  s.empty = false;
  s.from = Date{lo->year, lo->month, 1};
  s.to = Date{hi->year, hi->month, days_in_month(hi->year, hi->month)};
  const int months = (s.to.year - s.from.year) * 12 + s.to.month - s.from.month + 1;
  for (int y = s.from.year; y <= s.to.year; ++y) {
    Date a = std::max(s.from, Date{y, 1, 1}), b = std::min(s.to, Date{y, 12, 31});
    s.years.push_back({s.at(a), s.after(b), std::to_string(y)});
  }
  if (months <= 30) {
    for (Date m = s.from; m <= s.to; m = month_after(m))
      s.units.push_back({s.at(m), s.at(month_after(m)), kMonths[m.month - 1]});
  } else if (months <= 96) {
    for (Date m = Date{s.from.year, (s.from.month - 1) / 3 * 3 + 1, 1}; m <= s.to;) {
      Date next = m;
      for (int k = 0; k < 3; ++k)
        next = month_after(next);
      s.units.push_back(
          {s.at(std::max(m, s.from)), s.at(next), "T" + std::to_string((m.month - 1) / 3 + 1)});
      m = next;
    }
  }
  return s;
}

std::optional<BarSpan> planned_span(const GanttPhase& p, const Gantt& g, const TimeScale& s) {
  return span(p.planned_start, p.planned_end, g, s);
}

std::optional<BarSpan> actual_span(const GanttPhase& p, const Gantt& g, const TimeScale& s) {
  return span(p.actual_start, p.actual_end, g, s);
}

std::string reference_label(const Gantt& g) {
  return g.reference ? "Data di riferimento " + italian::format_date(*g.reference) : "";
}

} // namespace traguardi::report
