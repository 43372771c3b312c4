#include "app/progress.h"

#include <fmt/format.h>

#include "app/record_edit.h"
#include "core/italian.h"
#include "core/value_rules.h"

namespace traguardi::app {

Result<const Objective*> find_objective_ref(const Dataset& d, const std::string& vista,
                                            const std::string& code) {
  const Objective* found = nullptr;
  int matches = 0;
  for (const auto& o : d.objectives)
    if (o.code == code && (vista.empty() || o.vista == vista)) {
      found = &o;
      ++matches;
    }
  if (!found)
    return fail(fmt::format("obiettivo {} non trovato{}", code,
                            vista.empty() ? "" : " nella vista " + vista),
                {}, ErrorKind::not_found);
  if (matches > 1)
    return fail(fmt::format("l'obiettivo {} esiste in più viste: indicare --vista", code));
  return found;
}

namespace {

template <typename T>
Result<const T*> by_order(const std::vector<T>& items, int order, const std::string& objective,
                          const char* what, const char* plural) {
  for (const auto& item : items)
    if (item.order == order) return &item;
  return fail(fmt::format("l'obiettivo {} non ha {} {} ({}: {})", objective, what, order, plural,
                          items.size()),
              {}, ErrorKind::not_found);
}

} // namespace

Result<EditOutcome> record_phase_progress(Session& s, const PhaseProgress& in) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  auto o = find_objective_ref(*d, in.ref.vista, in.ref.objective);
  if (!o) return tl::unexpected(o.error());
  auto current = by_order((*o)->phases, in.ref.order, (*o)->code, "la fase", "fasi");
  if (!current) return tl::unexpected(current.error());
  Phase next = **current;
  if (in.progress) {
    if (clears(in.progress)) {
      next.progress.reset();
    } else {
      auto v = parse_percent_field(*in.progress, "avanzamento");
      if (!v) return tl::unexpected(v.error());
      next.progress = *v;
    }
  }
  if (in.actual_start) {
    auto v = parse_date_field(*in.actual_start, "inizio-effettivo");
    if (!v) return tl::unexpected(v.error());
    next.actual_start = *v;
  }
  if (in.actual_end) {
    auto v = parse_date_field(*in.actual_end, "fine-effettiva");
    if (!v) return tl::unexpected(v.error());
    next.actual_end = *v;
  }
  if (auto p = date_order_problem(next.actual_start, next.actual_end, "effettiva"))
    return field_error(in.actual_end ? "fine-effettiva" : "inizio-effettivo", *p);
  if (in.note) next.note = clears(in.note) ? "" : *in.note;
  return edit_phase(s, d->ente.code, **o, **current, next, in.ref.version);
}

Result<EditOutcome> record_indicator_value(Session& s, const IndicatorValue& in) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  auto o = find_objective_ref(*d, in.ref.vista, in.ref.objective);
  if (!o) return tl::unexpected(o.error());
  auto current = by_order((*o)->indicators, in.ref.order, (*o)->code, "l'indicatore", "indicatori");
  if (!current) return tl::unexpected(current.error());
  Indicator next = **current;
  auto value = [&](const FieldText& text, const char* field,
                   std::optional<Decimal>& slot) -> Result<void> {
    if (!text) return {};
    if (clears(text)) {
      slot.reset();
      return {};
    }
    auto v = parse_number_field(*text, field);
    if (!v) return tl::unexpected(v.error());
    if (auto p = indicator_value_problem(next, *v)) return field_error(field, *p);
    slot = *v;
    return {};
  };
  if (auto ok = value(in.actual, "raggiunto", next.actual); !ok) return tl::unexpected(ok.error());
  if (auto ok = value(in.target, "atteso", next.target); !ok) return tl::unexpected(ok.error());
  if (in.note) next.note = clears(in.note) ? "" : *in.note;
  return edit_indicator(s, d->ente.code, **o, **current, next, in.ref.version);
}

} // namespace traguardi::app
