#include "app/form_edits.h"

#include <fmt/format.h>

#include "app/plan_access.h"
#include "app/record_edit.h"
#include "app/session.h"
#include "core/italian.h"

namespace traguardi::app {
namespace {

std::string num_text(const std::optional<Decimal>& d) {
  return d ? italian::format_number(*d, 2) : "";
}
std::string date_text(const std::optional<Date>& d) {
  return d ? italian::format_date(*d) : "";
}

const std::map<std::string, std::string> kLabels{
    {"avanzamento", "Avanzamento %"},         {"inizio_effettivo", "Inizio effettivo"},
    {"fine_effettiva", "Fine effettiva"},     {"note", "Note"},
    {"valore_raggiunto", "Valore raggiunto"}, {"valore_atteso", "Valore atteso"}};

std::string value_of(const RecordForm& f, const std::string& k) {
  auto it = f.values.find(k);
  return it == f.values.end() ? std::string() : it->second;
}

std::optional<Decimal> number(const RecordForm& f, const std::string& k,
                              std::vector<FieldIssue>& issues) {
  const std::string t = value_of(f, k);
  if (t.empty()) return std::nullopt;
  auto d = italian::parse_number(t);
  if (!d) issues.push_back({k, "non è un numero valido (esempio: 1.234,56)"});
  return d;
}

std::optional<Date> date(const RecordForm& f, const std::string& k,
                         std::vector<FieldIssue>& issues) {
  const std::string t = value_of(f, k);
  if (t.empty()) return std::nullopt;
  auto d = italian::parse_date(t);
  if (!d) issues.push_back({k, "non è una data valida (formato gg/mm/aaaa)"});
  return d;
}

/// Loads the record's objective and checks the user may change it.
template <typename Record>
EditResult locate(Store& store, const Principal& who, const RecordForm& f, Dataset& d,
                  const Record*& record, std::vector<Record> Objective::*items) {
  EditResult r;
  auto plan = load_plan(store, who, f.ente);
  const Objective* o = plan ? find_objective(*plan, f.vista, f.objective) : nullptr;
  if (o)
    for (const auto& item : o->*items)
      if (item.order == f.order) record = &item;
  if (!record) {
    r.status = EditStatus::not_found;
    r.message = "elemento non trovato";
    return r;
  }
  if (!can_record_progress(who, *plan, *o)) {
    r.status = EditStatus::forbidden;
    r.message = "non è autorizzato a modificare questo obiettivo";
    return r;
  }
  d = std::move(*plan);
  // `record` pointed into the moved-from plan's vector storage, which moved with it.
  return r;
}

EditResult stale(const RecordForm& f, const std::map<std::string, std::string>& now,
                 std::int64_t version) {
  EditResult r;
  r.status = EditStatus::stale;
  r.version = version;
  for (const auto& [k, current] : now) {
    auto shown = f.shown.find(k);
    if (shown != f.shown.end() && shown->second != current)
      r.meanwhile.push_back({k, kLabels.at(k), shown->second, current});
  }
  r.message = fmt::format("qualcun altro ha modificato questo elemento dopo che il modulo è stato "
                          "aperto (versione {} invece di {}): nessuna modifica è stata salvata",
                          version, f.version);
  return r;
}

} // namespace

std::map<std::string, std::string> phase_form_values(const Phase& p) {
  return {{"avanzamento", num_text(p.progress)},
          {"inizio_effettivo", date_text(p.actual_start)},
          {"fine_effettiva", date_text(p.actual_end)},
          {"note", p.note}};
}

std::map<std::string, std::string> indicator_form_values(const Indicator& i) {
  return {{"valore_raggiunto", num_text(i.actual)},
          {"valore_atteso", num_text(i.target)},
          {"note", i.note}};
}

EditResult edit_phase_progress(Store& store, const Principal& who, const RecordForm& f) {
  Dataset d;
  const Phase* before = nullptr;
  EditResult r = locate(store, who, f, d, before, &Objective::phases);
  if (!before) return r;
  if (r.status != EditStatus::saved) return r;
  if (before->version != f.version) return stale(f, phase_form_values(*before), before->version);
  Phase after = *before;
  after.progress = number(f, "avanzamento", r.issues);
  if (after.progress && (*after.progress < Decimal() || *after.progress > Decimal::from_int(100)))
    r.issues.push_back({"avanzamento", "deve essere compreso tra 0 e 100"});
  after.actual_start = date(f, "inizio_effettivo", r.issues);
  after.actual_end = date(f, "fine_effettiva", r.issues);
  if (after.actual_start && after.actual_end && *after.actual_end < *after.actual_start)
    r.issues.push_back({"fine_effettiva", "non può precedere l'inizio effettivo"});
  after.note = value_of(f, "note");
  if (after.note.size() > 4000) r.issues.push_back({"note", "al massimo 4000 caratteri"});
  if (!r.issues.empty()) {
    r.status = EditStatus::invalid;
    r.message = "alcuni campi non sono validi: nessuna modifica è stata salvata";
    r.version = before->version;
    return r;
  }
  if (phase_form_values(after) == phase_form_values(*before)) {
    r.status = EditStatus::unchanged;
    r.version = before->version;
    r.message = "nessun valore è cambiato: niente da salvare";
    return r;
  }
  try {
    // Only the changed fields are written, each audited with the web login as declared
    // actor and the process's OS user (app/session.h).
    r.version = store.update_phase(
        d.ente.code, f.vista, f.objective, f.order, f.version, after, phase_changes(*before, after),
        ChangeAuthor{who.username, current_os_user(), store.authenticated_role(), ""});
  } catch (const Conflict&) {
    auto again = load_plan(store, who, d.ente.code);
    const Objective* o = again ? find_objective(*again, f.vista, f.objective) : nullptr;
    for (const auto& p : o ? o->phases : std::vector<Phase>{})
      if (p.order == f.order) return stale(f, phase_form_values(p), p.version);
    throw;
  }
  r.message = "fase aggiornata";
  return r;
}

EditResult edit_indicator_value(Store& store, const Principal& who, const RecordForm& f) {
  Dataset d;
  const Indicator* before = nullptr;
  EditResult r = locate(store, who, f, d, before, &Objective::indicators);
  if (!before) return r;
  if (r.status != EditStatus::saved) return r;
  if (before->version != f.version)
    return stale(f, indicator_form_values(*before), before->version);
  Indicator after = *before;
  after.actual = number(f, "valore_raggiunto", r.issues);
  after.target = number(f, "valore_atteso", r.issues);
  after.note = value_of(f, "note");
  if (after.note.size() > 4000) r.issues.push_back({"note", "al massimo 4000 caratteri"});
  if (!r.issues.empty()) {
    r.status = EditStatus::invalid;
    r.message = "alcuni campi non sono validi: nessuna modifica è stata salvata";
    r.version = before->version;
    return r;
  }
  if (indicator_form_values(after) == indicator_form_values(*before)) {
    r.status = EditStatus::unchanged;
    r.version = before->version;
    r.message = "nessun valore è cambiato: niente da salvare";
    return r;
  }
  try {
    r.version = store.update_indicator(
        d.ente.code, f.vista, f.objective, f.order, f.version, after,
        indicator_changes(*before, after),
        ChangeAuthor{who.username, current_os_user(), store.authenticated_role(), ""});
  } catch (const Conflict&) {
    auto again = load_plan(store, who, d.ente.code);
    const Objective* o = again ? find_objective(*again, f.vista, f.objective) : nullptr;
    for (const auto& i : o ? o->indicators : std::vector<Indicator>{})
      if (i.order == f.order) return stale(f, indicator_form_values(i), i.version);
    throw;
  }
  r.message = "indicatore aggiornato";
  return r;
}

} // namespace traguardi::app
