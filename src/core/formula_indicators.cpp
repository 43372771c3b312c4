#include "core/formula_indicators.h"

#include <algorithm>
#include <map>
#include <set>

namespace traguardi {
namespace {

Decimal num(int v) {
  return Decimal::from_int(v);
}

StatTerm pop(int from, int to, std::string sex = {}) {
  return {"popolazione", from, to, std::move(sex)};
}

struct Band {
  int from, to; // to = -1: open
};

std::optional<Band> band_of(const std::string& dimension) {
  std::string eta = dimension_value(dimension, "eta");
  if (eta.empty()) return std::nullopt;
  try {
    if (eta.back() == '+') return Band{std::stoi(eta.substr(0, eta.size() - 1)), -1};
    auto dash = eta.find('-');
    if (dash == std::string::npos) {
      int a = std::stoi(eta);
      return Band{a, a};
    }
    return Band{std::stoi(eta.substr(0, dash)), std::stoi(eta.substr(dash + 1))};
  } catch (const std::exception&) {
    return Band{-2, -2}; // unreadable: never used
  }
}

} // namespace

const std::vector<FormulaIndicator>& formula_indicators() {
  static const std::vector<FormulaIndicator> all{
      {"indice_vecchiaia",
       "Indice di vecchiaia",
       "popolazione 65+ / popolazione 0-14 × 100",
       {pop(65, -1)},
       {pop(0, 14)},
       num(100),
       "indice",
       ""},
      {"indice_dipendenza_strutturale",
       "Indice di dipendenza strutturale",
       "(popolazione 0-14 + popolazione 65+) / popolazione 15-64 × 100",
       {pop(0, 14), pop(65, -1)},
       {pop(15, 64)},
       num(100),
       "indice",
       ""},
      {"indice_carico_figli",
       "Indice di carico di figli per donna",
       "bambini 0-4 / donne 15-49 × 100",
       {pop(0, 4)},
       {pop(15, 49, "F")},
       num(100),
       "indice",
       ""},
      {"indice_natalita",
       "Indice di natalità",
       "nati nell'anno / popolazione × 1000",
       {{"nati", -1, -1, ""}},
       {pop(-1, -1)},
       num(1000),
       "per mille",
       ""},
      {"incidenza_stranieri",
       "Incidenza stranieri",
       "stranieri residenti / popolazione × 100",
       {{"stranieri", -1, -1, ""}},
       {pop(-1, -1)},
       num(100),
       "%",
       ""},
      {"incidenza_stranieri",
       "Incidenza stranieri 0-14",
       "stranieri 0-14 / popolazione 0-14 × 100",
       {{"stranieri", 0, 14, ""}},
       {pop(0, 14)},
       num(100),
       "%",
       "eta=0-14"},
      {"incidenza_stranieri",
       "Incidenza stranieri 15-19",
       "stranieri 15-19 / popolazione 15-19 × 100",
       {{"stranieri", 15, 19, ""}},
       {pop(15, 19)},
       num(100),
       "%",
       "eta=15-19"},
      {"incidenza_stranieri",
       "Incidenza stranieri 0-19",
       "(stranieri 0-14 + 15-19) / (popolazione 0-14 + 15-19) × 100",
       {{"stranieri", 0, 14, ""}, {"stranieri", 15, 19, ""}},
       {pop(0, 14), pop(15, 19)},
       num(100),
       "%",
       "eta=0-19"},
      {"quota_popolazione",
       "Quota popolazione 0-3",
       "popolazione 0-3 / popolazione × 100",
       {pop(0, 3)},
       {pop(-1, -1)},
       num(100),
       "%",
       "eta=0-3"},
      {"quota_popolazione",
       "Quota popolazione 0-18",
       "popolazione 0-18 / popolazione × 100",
       {pop(0, 18)},
       {pop(-1, -1)},
       num(100),
       "%",
       "eta=0-18"},
      {"quota_popolazione",
       "Quota popolazione 19-64",
       "popolazione 19-64 / popolazione × 100",
       {pop(19, 64)},
       {pop(-1, -1)},
       num(100),
       "%",
       "eta=19-64"},
      {"quota_popolazione",
       "Quota popolazione 65+",
       "popolazione 65+ / popolazione × 100",
       {pop(65, -1)},
       {pop(-1, -1)},
       num(100),
       "%",
       "eta=65+"},
      {"quota_popolazione",
       "Quota popolazione over 80",
       "popolazione 80+ / popolazione × 100",
       {pop(80, -1)},
       {pop(-1, -1)},
       num(100),
       "%",
       "eta=80+"},
      {"quota_popolazione",
       "Quota popolazione over 85",
       "popolazione 86+ / popolazione × 100",
       {pop(86, -1)},
       {pop(-1, -1)},
       num(100),
       "%",
       "eta=86+"},
  };
  return all;
}

const FormulaIndicator* find_formula(const std::string& code, const std::string& dimension) {
  for (const auto& f : formula_indicators())
    if (f.code == code && f.dimension == dimension) return &f;
  return nullptr;
}

const char* aggregation_label(Aggregation a) {
  switch (a) {
  case Aggregation::simple_mean:
    return "media semplice dei comuni";
  case Aggregation::weighted_mean:
    return "media ponderata per popolazione";
  case Aggregation::ratio_of_sums:
    return "rapporto delle somme";
  }
  return "?";
}

std::optional<Decimal> sum_term(const std::vector<StatValue>& stats, const std::string& territory,
                                const std::string& reference, const StatTerm& term) {
  // Value per band: a row without sex (or sesso=T) wins, otherwise M + F, or the asked sex.
  struct Parts {
    std::optional<Decimal> total, male, female;
  };
  std::map<std::pair<int, int>, Parts> bands;
  std::optional<Decimal> overall;
  for (const auto& s : stats) {
    if (s.origin != StatOrigin::base || !s.value || s.territory != territory ||
        s.measure != term.measure || s.reference != reference)
      continue;
    std::string sex = dimension_value(s.dimension, "sesso");
    auto band = band_of(s.dimension);
    if (!band) {
      if (sex.empty() || sex == "T") overall = *s.value;
      continue;
    }
    auto& p = bands[{band->from, band->to}];
    if (sex.empty() || sex == "T")
      p.total = *s.value;
    else if (sex == "M")
      p.male = *s.value;
    else if (sex == "F")
      p.female = *s.value;
  }
  auto value_of = [&](const Parts& p) -> std::optional<Decimal> {
    if (term.sex == "F") return p.female;
    if (term.sex == "M") return p.male;
    if (p.total) return p.total;
    if (p.male && p.female) return *p.male + *p.female;
    return std::nullopt;
  };
  if (term.age_from < 0 && term.sex.empty() && overall) return overall;
  // Cover [from, to] with consecutive bands, the widest band that fits first.
  int at = std::max(term.age_from, 0);
  Decimal sum;
  for (int guard = 0; guard < 200; ++guard) {
    std::optional<std::pair<int, int>> best;
    for (const auto& [range, parts] : bands) {
      if (range.first != at || !value_of(parts)) continue;
      bool fits = term.age_to < 0 ? true : (range.second >= 0 && range.second <= term.age_to);
      if (!fits) continue;
      if (!best || (range.second < 0) || (best->second >= 0 && range.second > best->second))
        best = range;
    }
    if (!best) return std::nullopt;
    sum += *value_of(bands[*best]);
    if (best->second < 0) return term.age_to < 0 ? std::optional(sum) : std::nullopt;
    if (best->second == term.age_to) return sum;
    at = best->second + 1;
  }
  return std::nullopt;
}

ComputedFigure compute_formula(const std::vector<StatValue>& stats, const FormulaIndicator& f,
                               const std::string& territory, const std::string& reference) {
  ComputedFigure out;
  for (const auto& t : f.numerator) {
    auto v = sum_term(stats, territory, reference, t);
    if (!v) return out;
    out.numerator += *v;
  }
  for (const auto& t : f.denominator) {
    auto v = sum_term(stats, territory, reference, t);
    if (!v) return out;
    out.denominator += *v;
  }
  if (out.denominator.is_zero()) return out;
  out.value = out.numerator * f.multiplier / out.denominator;
  return out;
}

std::vector<DistrictFigure> aggregate(const std::vector<StatValue>& stats,
                                      const std::vector<std::pair<std::string, Decimal>>& values,
                                      const std::vector<std::string>& territories,
                                      const std::string& weight_reference,
                                      const FormulaIndicator* f, const std::string& reference) {
  std::vector<DistrictFigure> out;
  Decimal sum, weighted, weights;
  int n = 0;
  bool all_weights = true;
  for (const auto& [territory, v] : values) {
    sum += v;
    ++n;
    auto w = sum_term(stats, territory, weight_reference, pop(-1, -1));
    if (!w) {
      all_weights = false;
      continue;
    }
    weighted += v * *w;
    weights += *w;
  }
  out.push_back(
      {Aggregation::simple_mean, n ? std::optional(sum / Decimal::from_int(n)) : std::nullopt});
  out.push_back({Aggregation::weighted_mean, all_weights && !weights.is_zero()
                                                 ? std::optional(weighted / weights)
                                                 : std::nullopt});
  if (f) {
    ComputedFigure total;
    bool complete = true;
    for (const auto& t : territories) {
      auto c = compute_formula(stats, *f, t, reference);
      if (!c.value) {
        complete = false;
        break;
      }
      total.numerator += c.numerator;
      total.denominator += c.denominator;
    }
    std::optional<Decimal> v;
    if (complete && !total.denominator.is_zero())
      v = total.numerator * f->multiplier / total.denominator;
    out.push_back({Aggregation::ratio_of_sums, v});
  }
  return out;
}

std::vector<std::string> references_of(const std::vector<StatValue>& stats,
                                       const std::string& measure) {
  std::set<std::string> refs;
  for (const auto& s : stats)
    if (s.origin == StatOrigin::base && s.measure == measure && !s.reference.empty())
      refs.insert(s.reference);
  return {refs.begin(), refs.end()};
}

bool matches_printed(Decimal printed, Decimal computed) {
  std::string p = printed.to_plain_string();
  auto dot = p.find('.');
  int decimals = dot == std::string::npos ? 0 : static_cast<int>(p.size() - dot - 1);
  if (computed.rounded(decimals) == printed) return true;
  // Truncation: drop the digits beyond the printed ones.
  std::int64_t unit = 1;
  for (int i = decimals; i < Decimal::kScaleDigits; ++i)
    unit *= 10;
  auto truncated = Decimal::from_units(computed.units() / unit * unit);
  return truncated == printed;
}

} // namespace traguardi
