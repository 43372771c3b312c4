#include "app/item_authoring.h"

#include <algorithm>

#include <fmt/format.h>

#include "app/plan_change.h"
#include "app/record_edit.h"
#include "app/references.h"
#include "core/value_rules.h"

namespace traguardi::app {
namespace {

std::string key_of(const Objective& o) {
  return o.vista + "/" + o.code;
}

Result<void> set_percent(const FieldText& t, const char* field, std::optional<Decimal>& slot) {
  if (!t) return {};
  if (clears(t)) {
    slot.reset();
    return {};
  }
  auto v = parse_percent_field(*t, field);
  if (!v) return tl::unexpected(v.error());
  slot = *v;
  return {};
}

Result<void> set_date(const FieldText& t, const char* field, std::optional<Date>& slot) {
  if (!t) return {};
  auto v = parse_date_field(*t, field);
  if (!v) return tl::unexpected(v.error());
  slot = *v;
  return {};
}

Result<void> apply_phase(const Dataset& d, Phase& p, const PhaseFields& f) {
  if (f.description) p.description = clears(f.description) ? "" : *f.description;
  if (f.note) p.note = clears(f.note) ? "" : *f.note;
  for (auto r :
       {set_percent(f.weight, "peso", p.weight), set_percent(f.progress, "avanzamento", p.progress),
        set_date(f.planned_start, "inizio-previsto", p.planned_start),
        set_date(f.planned_end, "fine-prevista", p.planned_end),
        set_date(f.actual_start, "inizio-effettivo", p.actual_start),
        set_date(f.actual_end, "fine-effettiva", p.actual_end)})
    if (!r) return r;
  if (auto e = date_order_problem(p.planned_start, p.planned_end, "prevista"))
    return field_error("fine-prevista", *e);
  if (auto e = date_order_problem(p.actual_start, p.actual_end, "effettiva"))
    return field_error("fine-effettiva", *e);
  if (f.responsible) {
    if (clears(f.responsible)) {
      p.responsible.clear();
    } else {
      auto k = person_key(d, *f.responsible, "responsabile");
      if (!k) return tl::unexpected(k.error());
      p.responsible = *k;
    }
  }
  if (f.center) {
    if (clears(f.center)) {
      p.center.clear();
    } else {
      auto k = center_code(d, *f.center, "cdr");
      if (!k) return tl::unexpected(k.error());
      p.center = *k;
    }
  }
  return {};
}

Result<void> apply_indicator(Indicator& i, const IndicatorFields& f) {
  if (f.description) i.description = clears(f.description) ? "" : *f.description;
  if (f.note) i.note = clears(f.note) ? "" : *f.note;
  if (f.type) {
    auto t = indicator_type_from_string(*f.type == "qualità" ? "qualita" : *f.type);
    if (!t)
      return field_error("tipo", fmt::format("«{}»: tipi previsti efficacia, efficienza, "
                                             "quantitativo, qualita, altro",
                                             *f.type));
    i.type = *t;
  }
  if (f.scale) {
    auto sc = scale_from_italian(*f.scale);
    if (!sc)
      return field_error("scala", fmt::format("«{}»: scale previste numero, percentuale, si-no, "
                                              "euro, indice, altro",
                                              *f.scale));
    i.scale = *sc;
  }
  if (f.polarity) {
    if (*f.polarity == "crescente" || *f.polarity == "higher_is_better")
      i.polarity = Polarity::higher_is_better;
    else if (*f.polarity == "decrescente" || *f.polarity == "lower_is_better")
      i.polarity = Polarity::lower_is_better;
    else
      return field_error("direzione", fmt::format("«{}»: crescente (più alto è meglio) o "
                                                  "decrescente (più basso è meglio)",
                                                  *f.polarity));
  }
  if (f.year) {
    if (clears(f.year)) {
      i.reference_year.reset();
    } else {
      auto y = parse_int_field(*f.year, "anno", 1900, 2999);
      if (!y) return tl::unexpected(y.error());
      i.reference_year = *y;
    }
  }
  auto value = [&](const FieldText& t, const char* field,
                   std::optional<Decimal>& slot) -> Result<void> {
    if (!t) return {};
    if (clears(t)) {
      slot.reset();
      return {};
    }
    auto v = parse_number_field(*t, field);
    if (!v) return tl::unexpected(v.error());
    slot = *v;
    return {};
  };
  if (auto r = value(f.target, "atteso", i.target); !r) return r;
  if (auto r = value(f.actual, "raggiunto", i.actual); !r) return r;
  // Values are checked against the scale they end up with (a new scale re-checks old values).
  if (i.target)
    if (auto p = indicator_value_problem(i, *i.target)) return field_error("atteso", *p);
  if (i.actual)
    if (auto p = indicator_value_problem(i, *i.actual)) return field_error("raggiunto", *p);
  return {};
}

template <typename T> T* item(std::vector<T>& items, int order) {
  for (auto& x : items)
    if (x.order == order) return &x;
  return nullptr;
}

Result<Objective*> objective_for(Dataset& d, const ItemRef& ref) {
  return resolve_objective(d, ObjectiveRef{ref.vista, ref.objective, {}});
}

tl::unexpected<Error> missing(const Objective& o, const char* what, int order, std::size_t n,
                              const char* plural) {
  return fail(fmt::format("l'obiettivo {} non ha {} {} ({}: {})", o.code, what, order, plural, n),
              {}, ErrorKind::not_found);
}

template <typename T> void renumber(std::vector<T>& items) {
  int n = 1;
  for (auto& x : items)
    x.order = n++;
}

} // namespace

Result<void> apply_phase_fields(const Dataset& d, Phase& p, const PhaseFields& f) {
  return apply_phase(d, p, f);
}

Result<void> apply_indicator_fields(Indicator& i, const IndicatorFields& f) {
  return apply_indicator(i, f);
}

std::optional<Scale> scale_from_italian(const std::string& text) {
  if (text == "numero" || text == "conteggio") return Scale::count;
  if (text == "percentuale" || text == "%") return Scale::percent;
  if (text == "si-no" || text == "sì-no" || text == "si/no") return Scale::boolean;
  if (text == "indice") return Scale::index;
  if (text == "altro") return Scale::other;
  return scale_from_string(text);
}

Result<EditOutcome> add_phase(Session& s, const ObjectiveRef& ref, const PhaseFields& f,
                              std::optional<int> position) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  PlanChange c{*d, *d, "nuova fase", "", {}, {}};
  auto o = resolve_objective(c.after, ref);
  if (!o) return tl::unexpected(o.error());
  Objective& obj = **o;
  const int n = static_cast<int>(obj.phases.size());
  const int at = position.value_or(n + 1);
  if (at < 1 || at > n + 1)
    return field_error("posizione", fmt::format("deve essere compresa tra 1 e {}", n + 1));
  Phase p;
  if (auto ok = apply_phase(c.after, p, f); !ok) return tl::unexpected(ok.error());
  renumber(obj.phases);
  obj.phases.insert(obj.phases.begin() + (at - 1), p);
  renumber(obj.phases);
  c.target = fmt::format("{}/fase {}", key_of(obj), at);
  c.changes = phase_changes(Phase{}, obj.phases[at - 1]);
  c.changes.insert(c.changes.begin(), {"fase", "", "nuova"});
  c.objectives = {key_of(obj)};
  const std::string key = key_of(obj);
  return commit_plan_change(s, std::move(c), key);
}

namespace {

/// How messages and the audit name a kind of item.
struct ItemWords {
  const char* noun;    // "fase"
  const char* the;     // "la fase"
  const char* plural;  // "fasi"
  const char* removed; // "eliminata"
};

/// Removes item `ref.order` (a fase or an indicator) of its objective as one audited change.
template <typename T>
Result<EditOutcome> delete_item(Session& s, const ItemRef& ref, std::vector<T> Objective::*list,
                                const ItemWords& w, bool renumbered) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  PlanChange c{*d, *d, fmt::format("eliminazione {}", w.noun), "", {}, {}};
  auto o = objective_for(c.after, ref);
  if (!o) return tl::unexpected(o.error());
  auto& items = (**o).*list;
  auto it =
      std::find_if(items.begin(), items.end(), [&](const T& x) { return x.order == ref.order; });
  if (it == items.end()) return missing(**o, w.the, ref.order, items.size(), w.plural);
  c.target = fmt::format("{}/{} {}", key_of(**o), w.noun, ref.order);
  c.changes.push_back({w.noun, it->description, w.removed});
  items.erase(it);
  if (renumbered) renumber(items);
  const std::string key = key_of(**o);
  c.objectives = {key};
  return commit_plan_change(s, std::move(c), key);
}

} // namespace

Result<EditOutcome> edit_phase(Session& s, const ItemRef& ref, const PhaseFields& f) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  auto o = objective_for(*d, ref);
  if (!o) return tl::unexpected(o.error());
  Phase* current = item((*o)->phases, ref.order);
  if (!current) return missing(**o, "la fase", ref.order, (*o)->phases.size(), "fasi");
  Phase next = *current;
  if (auto ok = apply_phase(*d, next, f); !ok) return tl::unexpected(ok.error());
  auto out = edit_phase(s, d->ente.code, **o, *current, next, ref.version);
  if (out && out->changed()) {
    *current = next;
    out->warnings = objective_findings(*d, key_of(**o));
  }
  return out;
}

Result<EditOutcome> move_phase(Session& s, const ItemRef& ref, int position) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  PlanChange c{*d, *d, "spostamento fase", "", {}, {}};
  auto o = objective_for(c.after, ref);
  if (!o) return tl::unexpected(o.error());
  auto& phases = (*o)->phases;
  auto it = std::find_if(phases.begin(), phases.end(),
                         [&](const Phase& p) { return p.order == ref.order; });
  if (it == phases.end()) return missing(**o, "la fase", ref.order, phases.size(), "fasi");
  if (ref.version && *ref.version != it->version)
    return fail(fmt::format("modifica rifiutata: la fase {} di {} è stata modificata da altri "
                            "(versione attuale {}, versione di partenza {})",
                            ref.order, (*o)->code, it->version, *ref.version),
                {}, ErrorKind::conflict);
  const int n = static_cast<int>(phases.size());
  if (position < 1 || position > n)
    return field_error("posizione", fmt::format("deve essere compresa tra 1 e {}", n));
  Phase moved = *it;
  phases.erase(it);
  phases.insert(phases.begin() + (position - 1), moved);
  renumber(phases);
  c.target = fmt::format("{}/fase {}", key_of(**o), ref.order);
  if (position != ref.order)
    c.changes.push_back({"posizione", std::to_string(ref.order), std::to_string(position)});
  c.objectives = {key_of(**o)};
  const std::string key = key_of(**o);
  return commit_plan_change(s, std::move(c), key);
}

Result<EditOutcome> delete_phase(Session& s, const ItemRef& ref) {
  return delete_item(s, ref, &Objective::phases, {"fase", "la fase", "fasi", "eliminata"}, true);
}

Result<EditOutcome> add_indicator(Session& s, const ObjectiveRef& ref, const IndicatorFields& f) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  PlanChange c{*d, *d, "nuovo indicatore", "", {}, {}};
  auto o = resolve_objective(c.after, ref);
  if (!o) return tl::unexpected(o.error());
  Indicator i;
  if (auto ok = apply_indicator(i, f); !ok) return tl::unexpected(ok.error());
  i.order = 1;
  for (const auto& x : (*o)->indicators)
    i.order = std::max(i.order, x.order + 1);
  c.target = fmt::format("{}/indicatore {}", key_of(**o), i.order);
  c.changes = indicator_changes(Indicator{}, i);
  c.changes.insert(c.changes.begin(), {"indicatore", "", "nuovo"});
  (*o)->indicators.push_back(std::move(i));
  c.objectives = {key_of(**o)};
  const std::string key = key_of(**o);
  return commit_plan_change(s, std::move(c), key);
}

Result<EditOutcome> edit_indicator(Session& s, const ItemRef& ref, const IndicatorFields& f) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  auto o = objective_for(*d, ref);
  if (!o) return tl::unexpected(o.error());
  Indicator* current = item((*o)->indicators, ref.order);
  if (!current)
    return missing(**o, "l'indicatore", ref.order, (*o)->indicators.size(), "indicatori");
  Indicator next = *current;
  if (auto ok = apply_indicator(next, f); !ok) return tl::unexpected(ok.error());
  return edit_indicator(s, d->ente.code, **o, *current, next, ref.version);
}

Result<EditOutcome> delete_indicator(Session& s, const ItemRef& ref) {
  // Indicators keep their numbers: a series across years is matched by them.
  return delete_item(s, ref, &Objective::indicators,
                     {"indicatore", "l'indicatore", "indicatori", "eliminato"}, false);
}

} // namespace traguardi::app
