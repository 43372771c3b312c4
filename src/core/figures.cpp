#include "core/figures.h"

#include <unordered_map>

namespace traguardi {
namespace {

const Decimal kHundred = Decimal::from_int(100);
const Decimal kOne = Decimal::from_int(1);

struct Mean {
  Decimal sum;
  int n = 0;
  bool out_of_range = false; // a roll-up of out-of-range figures has no value either
  void add(Decimal v) {
    try {
      sum += v;
    } catch (const DecimalOverflow&) {
      out_of_range = true;
    }
    ++n;
  }
  std::optional<Decimal> value() const {
    if (n == 0 || out_of_range) return std::nullopt;
    return sum / Decimal::from_int(n);
  }
};

} // namespace

namespace {

// The arithmetic of progress, shared by the explained figure and the bare value.
struct ProgressSums {
  Decimal weight_sum, weighted_sum, reported_weight, reported_weighted;
  int without_weight = 0, without_progress = 0;
  bool any_weight = false;
};

ProgressSums progress_sums(const Objective& o) {
  ProgressSums s;
  for (const auto& p : o.phases)
    if (p.weight) s.any_weight = true;
  for (const auto& p : o.phases) {
    Decimal w = s.any_weight ? p.weight.value_or(Decimal{}) : kOne;
    if (!p.weight) ++s.without_weight;
    if (!p.progress) ++s.without_progress;
    Decimal a = p.progress.value_or(Decimal{});
    s.weight_sum += w;
    s.weighted_sum += w * a;
    if (p.progress) {
      s.reported_weight += w;
      s.reported_weighted += w * a;
    }
  }
  return s;
}

} // namespace

std::optional<Decimal> progress_value_unchecked(const Objective& o) {
  if (o.phases.empty()) return std::nullopt;
  ProgressSums s = progress_sums(o);
  if (s.weight_sum.is_zero()) return std::nullopt;
  return s.weighted_sum / s.weight_sum;
}

ProgressFigure compute_progress_unchecked(const Objective& o) {
  ProgressFigure f;
  f.phases = static_cast<int>(o.phases.size());
  if (o.phases.empty()) {
    f.rule = "nessuna fase: avanzamento non calcolabile";
    return f;
  }
  ProgressSums s = progress_sums(o);
  f.equal_weights = !s.any_weight;
  f.phases_without_weight = s.without_weight;
  f.phases_without_progress = s.without_progress;
  f.weight_sum = s.weight_sum;
  f.weighted_sum = s.weighted_sum;
  if (f.weight_sum.is_zero()) {
    f.rule = "somma dei pesi pari a zero: avanzamento non calcolabile";
    return f;
  }
  f.value = f.weighted_sum / f.weight_sum;
  f.coverage = s.reported_weight * kHundred / f.weight_sum;
  if (!s.reported_weight.is_zero()) f.reported_only = s.reported_weighted / s.reported_weight;
  if (f.equal_weights)
    f.rule = "media semplice dell'avanzamento delle fasi (nessuna fase ha un peso)";
  else
    f.rule = "Σ(peso × avanzamento) / Σ(peso)";
  if (f.phases_without_progress > 0) f.rule += "; fasi senza avanzamento contate come 0";
  if (!f.equal_weights && f.weight_sum != kHundred) f.rule += "; pesi normalizzati (somma ≠ 100)";
  return f;
}

namespace {

// The raw ratio of an indicator and the rule that gave it (or why there is none).
std::optional<Decimal> achievement_ratio(const Indicator& i, const char*& rule) {
  if (!i.actual) {
    rule = "valore raggiunto non rilevato";
    return std::nullopt;
  }
  if (!i.target) {
    rule = "valore atteso assente";
    return std::nullopt;
  }
  const Decimal t = *i.target, a = *i.actual;
  if (i.scale == Scale::boolean) {
    rule = "indicatore si/no: raggiunto se valore raggiunto ≥ atteso";
    return a >= t ? kOne : Decimal{};
  }
  if (i.polarity == Polarity::lower_is_better) {
    rule = "minore è meglio: 1 se raggiunto ≤ atteso, altrimenti atteso / raggiunto";
    return a <= t ? kOne : t / a;
  }
  if (t.is_zero()) {
    rule = "valore atteso pari a zero: rapporto non calcolabile";
    return std::nullopt;
  }
  rule = "maggiore è meglio: raggiunto / atteso";
  return a / t;
}

Decimal capped(const Decimal& ratio) {
  Decimal c = min(ratio, kOne);
  return c.is_negative() ? Decimal{} : c;
}

} // namespace

AchievementFigure compute_achievement_unchecked(const Indicator& i) {
  AchievementFigure f;
  const char* rule = "";
  f.ratio = achievement_ratio(i, rule);
  f.rule = rule;
  if (!f.ratio) return f;
  f.capped = capped(*f.ratio);
  f.met = *f.ratio >= kOne;
  return f;
}

std::optional<Decimal> achievement_value_unchecked(const Objective& o) {
  Mean m;
  const char* rule = "";
  for (const auto& i : o.indicators)
    if (auto r = achievement_ratio(i, rule)) m.add(capped(*r));
  if (auto v = m.value()) return *v * kHundred;
  return std::nullopt;
}

ObjectiveAchievement compute_objective_achievement(const std::vector<AchievementFigure>& figs) {
  ObjectiveAchievement r;
  r.indicators = static_cast<int>(figs.size());
  Mean m;
  for (const auto& f : figs)
    if (f.capped) m.add(*f.capped);
  r.defined = m.n;
  if (auto v = m.value()) r.value = *v * kHundred;
  r.rule = r.defined == 0 ? "nessun indicatore con valore raggiunto"
                          : "media dei gradi di raggiungimento (limitati a 100%) degli indicatori";
  return r;
}

ObjectiveFigures compute_figures(const Objective& o) {
  ObjectiveFigures f;
  f.vista = o.vista;
  f.code = o.code;
  f.level = o.level;
  f.progress = compute_progress(o);
  for (const auto& i : o.indicators)
    f.indicators.push_back(compute_achievement(i));
  f.achievement = compute_objective_achievement(f.indicators);
  return f;
}

std::vector<ObjectiveFigures> compute_all(const Dataset& d) {
  std::vector<ObjectiveFigures> out;
  out.reserve(d.objectives.size());
  for (const auto& o : d.objectives)
    out.push_back(compute_figures(o));
  return out;
}

std::vector<RollupFigure> compute_rollups(const Dataset& d,
                                          const std::vector<ObjectiveFigures>& figs) {
  struct Acc {
    std::string axis, key;
    int objectives = 0;
    Mean progress, achievement;
    std::vector<std::string> inputs;
  };
  std::vector<Acc> accs;
  std::unordered_map<std::string, std::size_t> index;
  auto add = [&](const std::string& axis, const std::string& key, const ObjectiveFigures& f) {
    auto [it, inserted] = index.try_emplace(axis + "\x1f" + key, accs.size());
    if (inserted) accs.push_back(Acc{axis, key, 0, {}, {}, {}});
    Acc& a = accs[it->second];
    ++a.objectives;
    a.inputs.push_back(f.code);
    if (f.progress.value) a.progress.add(*f.progress.value);
    if (f.achievement.value) a.achievement.add(*f.achievement.value);
  };
  std::unordered_map<std::string, const Objective*> by_key;
  for (const auto& o : d.objectives)
    by_key[o.vista + "\x1f" + o.code] = &o;
  for (std::size_t i = 0; i < d.objectives.size(); ++i) {
    const Objective& o = d.objectives[i];
    const ObjectiveFigures& f = figs[i];
    // Objective tree: PEG objectives feed every ancestor.
    if (o.level == Level::peg) {
      const Objective* cur = &o;
      int guard = 0;
      while (!cur->parent.empty() && guard++ < 8) {
        auto it = by_key.find(o.vista + "\x1f" + cur->parent);
        if (it == by_key.end()) break;
        cur = it->second;
        add(to_string(cur->level), o.vista + "/" + cur->code, f);
      }
    }
    // Owner axes count PEG objectives only: a programma owned by the same CdR already averages
    // those PEG objectives, and counting both would weigh them twice.
    if (o.level != Level::peg) continue;
    if (!o.center.empty()) add("cdr", o.center, f);
    if (!o.responsible.empty()) add("responsabile", o.responsible, f);
    if (!o.assessorato.empty()) add("assessorato", o.assessorato, f);
  }
  std::vector<RollupFigure> out;
  out.reserve(accs.size());
  for (auto& a : accs) {
    RollupFigure r;
    r.axis = a.axis;
    r.key = a.key;
    r.objectives = a.objectives;
    r.with_progress = a.progress.n;
    r.with_achievement = a.achievement.n;
    r.progress = a.progress.value();
    r.achievement = a.achievement.value();
    r.inputs = std::move(a.inputs);
    out.push_back(std::move(r));
  }
  return out;
}

// An objective whose numbers exceed what a figure can hold gets no figure and says so, instead
// of failing the summary of the whole database (stored values are bounded: value_bounds.h, but
// older databases may hold larger ones).
namespace {
constexpr const char* kOutOfRange =
    "valori fuori intervallo: cifra non calcolabile (correggere i valori dell'obiettivo)";
} // namespace

std::optional<Decimal> progress_value(const Objective& o) {
  try {
    return progress_value_unchecked(o);
  } catch (const DecimalOverflow&) {
    return std::nullopt;
  }
}

ProgressFigure compute_progress(const Objective& o) {
  try {
    return compute_progress_unchecked(o);
  } catch (const DecimalOverflow&) {
    ProgressFigure f;
    f.phases = static_cast<int>(o.phases.size());
    f.rule = kOutOfRange;
    return f;
  }
}

AchievementFigure compute_achievement(const Indicator& i) {
  try {
    return compute_achievement_unchecked(i);
  } catch (const DecimalOverflow&) {
    AchievementFigure f;
    f.rule = kOutOfRange;
    return f;
  }
}

std::optional<Decimal> achievement_value(const Objective& o) {
  try {
    return achievement_value_unchecked(o);
  } catch (const DecimalOverflow&) {
    return std::nullopt;
  }
}

} // namespace traguardi
