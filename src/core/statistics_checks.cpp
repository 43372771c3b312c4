#include "core/statistics_checks.h"

#include <fmt/format.h>

#include "core/italian.h"

namespace traguardi {
namespace {

std::string shown(const std::optional<Decimal>& v) {
  return v ? italian::format_number(*v, 2) : "non calcolabile";
}

/// Per-territory printed values of one measure/dimension at one table.
std::vector<std::pair<std::string, Decimal>> printed_values(const Dataset& d,
                                                            const std::vector<std::string>& terr,
                                                            const std::string& measure,
                                                            const std::string& dimension) {
  std::vector<std::pair<std::string, Decimal>> out;
  std::string table;
  for (const auto& t : terr)
    for (const auto& s : d.statistics)
      if (s.territory == t && s.measure == measure && s.dimension == dimension && s.value &&
          s.origin == StatOrigin::printed && (table.empty() || s.table == table)) {
        table = s.table;
        out.emplace_back(t, *s.value);
        break;
      }
  return out;
}

/// Base reference dates of `measure`, the closest before (or at) `reference` first, then the
/// later ones; the first one where `complete` holds for every territory wins.
template <typename P>
std::string base_reference(const Dataset& d, const std::string& measure,
                           const std::string& reference, P complete) {
  auto refs = references_of(d.statistics, measure);
  std::vector<std::string> order;
  for (auto it = refs.rbegin(); it != refs.rend(); ++it)
    if (reference.empty() || it->substr(0, 4) <= reference.substr(0, 4)) order.push_back(*it);
  for (const auto& r : refs)
    if (!reference.empty() && r.substr(0, 4) > reference.substr(0, 4)) order.push_back(r);
  for (const auto& r : order)
    if (complete(r)) return r;
  return order.empty() ? std::string() : order.front();
}

void settle(StatCheck& c) {
  for (const auto& k : c.computed)
    if (k.value && matches_printed(c.printed, *k.value)) {
      c.matched_rule = k.rule;
      return;
    }
}

StatCheck district_check(const Dataset& d, const StatValue& s,
                         const std::vector<std::string>& terr) {
  StatCheck c;
  c.territory = s.territory;
  c.table = s.table;
  c.printed = *s.value;
  c.where = s.provenance;
  std::string ref = population_reference(d, terr, s.reference);
  const FormulaIndicator* f = find_formula(s.measure, s.dimension);
  std::string formula_ref = ref;
  if (f)
    formula_ref =
        base_reference(d, f->numerator.front().measure, s.reference, [&](const std::string& r) {
          for (const auto& t : terr)
            if (!compute_formula(d.statistics, *f, t, r).value) return false;
          return true;
        });
  c.subject = f ? f->name : s.measure + (s.dimension.empty() ? "" : " " + s.dimension);
  if (s.measure == "popolazione") {
    auto band = s.dimension;
    StatTerm t{"popolazione", -1, -1, ""};
    if (!band.empty()) {
      // "eta=0-18", "eta=65+"
      std::string eta = dimension_value(band, "eta");
      auto dash = eta.find('-');
      if (eta.back() == '+') {
        t.age_from = std::stoi(eta.substr(0, eta.size() - 1));
      } else if (dash != std::string::npos) {
        t.age_from = std::stoi(eta.substr(0, dash));
        t.age_to = std::stoi(eta.substr(dash + 1));
      }
      c.subject = "Popolazione " + eta;
    } else {
      c.subject = "Popolazione residente";
    }
    ref = base_reference(d, "popolazione", s.reference, [&](const std::string& r) {
      for (const auto& name : terr)
        if (!sum_term(d.statistics, name, r, t)) return false;
      return true;
    });
    std::optional<Decimal> sum = Decimal();
    for (const auto& name : terr) {
      auto v = sum_term(d.statistics, name, ref, t);
      if (!v) {
        sum.reset();
        break;
      }
      *sum += *v;
    }
    c.computed.push_back({fmt::format("somma dei comuni al {}", ref), sum});
    settle(c);
    return c;
  }
  auto per_comune = printed_values(d, terr, s.measure, s.dimension);
  for (const auto& a : aggregate(d.statistics, per_comune, terr, ref, f, formula_ref)) {
    std::string rule = aggregation_label(a.aggregation);
    if (a.aggregation == Aggregation::ratio_of_sums)
      rule += fmt::format(" ({}, dati di base al {})", f->formula, formula_ref);
    else
      rule += " (valori stampati per comune)";
    c.computed.push_back({rule, a.value});
  }
  settle(c);
  if (!c.agrees()) c.note = "nessuna regola di aggregazione riproduce il valore stampato";
  return c;
}

/// The printed "0-19" incidence per comune against the ratio of the sums (§6.3.4).
void band_incidence_checks(const Dataset& d, const std::vector<std::string>& terr,
                           std::vector<StatCheck>& out) {
  const FormulaIndicator* f = find_formula("incidenza_stranieri", "eta=0-19");
  for (const auto& s : d.statistics) {
    if (s.origin != StatOrigin::printed || s.measure != "incidenza_stranieri" ||
        s.dimension != "eta=0-19" || !s.value)
      continue;
    StatCheck c;
    c.subject = f->name;
    c.territory = s.territory;
    c.table = s.table;
    c.printed = *s.value;
    c.where = s.provenance;
    auto refs = references_of(d.statistics, "stranieri");
    std::string ref = refs.empty() ? "" : refs.back();
    c.computed.push_back({fmt::format("formula: {} (al {})", f->formula, ref),
                          compute_formula(d.statistics, *f, s.territory, ref).value});
    settle(c);
    // The document adds the two band percentages: say so when that is what it did.
    auto a = printed_values(d, {s.territory}, "incidenza_stranieri", "eta=0-14");
    auto b = printed_values(d, {s.territory}, "incidenza_stranieri", "eta=15-19");
    if (!c.agrees() && !a.empty() && !b.empty() &&
        matches_printed(c.printed, a[0].second + b[0].second))
      c.note =
          fmt::format("il valore stampato è la somma delle due percentuali ({} + {}), "
                      "metodologicamente errata",
                      italian::format_number(a[0].second), italian::format_number(b[0].second));
    out.push_back(std::move(c));
    (void)terr;
  }
}

} // namespace

std::string population_reference(const Dataset& d, const std::vector<std::string>& terr,
                                 const std::string& reference) {
  return base_reference(d, "popolazione", reference, [&](const std::string& r) {
    for (const auto& t : terr)
      if (!sum_term(d.statistics, t, r, {"popolazione", -1, -1, ""})) return false;
    return true;
  });
}

std::vector<std::string> member_territories(const Dataset& d) {
  std::vector<std::string> out;
  if (d.district)
    for (const auto& c : d.district->comuni)
      out.push_back(c.name);
  return out;
}

std::vector<StatCheck> check_statistics(const Dataset& d) {
  std::vector<StatCheck> out;
  auto terr = member_territories(d);
  if (terr.empty()) return out;
  for (const auto& s : d.statistics)
    if (s.origin == StatOrigin::printed && s.territory == d.ente.name && s.value)
      out.push_back(district_check(d, s, terr));
  band_incidence_checks(d, terr, out);
  return out;
}

std::vector<Finding> statistics_findings(const Dataset& d) {
  std::vector<Finding> out;
  for (const auto& c : check_statistics(d)) {
    if (c.agrees()) continue;
    std::string computed;
    for (const auto& k : c.computed)
      computed += fmt::format("; {}: {}", k.rule, shown(k.value));
    Finding f;
    f.severity = Severity::warning;
    f.code = "statistica_discordante";
    f.field = c.table;
    std::string where = c.where.document.empty()
                            ? ""
                            : fmt::format(" ({}:{})", c.where.document, c.where.line_from);
    f.message = fmt::format("{} – {}: stampato {}{}{}{}", c.subject, c.territory,
                            italian::format_number(c.printed, 2), where, computed,
                            c.note.empty() ? "" : "; " + c.note);
    out.push_back(std::move(f));
  }
  return out;
}

} // namespace traguardi
