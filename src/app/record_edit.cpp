#include "app/record_edit.h"

#include <fmt/format.h>

#include "core/italian.h"

namespace traguardi::app {
namespace {

std::string shown(const std::optional<Decimal>& d) {
  return d ? italian::format_number(*d) : std::string();
}
std::string shown(const std::optional<Date>& d) {
  return d ? italian::format_date(*d) : std::string();
}
std::string shown(const std::optional<int>& n) {
  return n ? std::to_string(*n) : std::string();
}
const std::string& shown(const std::string& s) {
  return s;
}

struct Differ {
  std::vector<FieldChange> out;
  template <typename T> void operator()(const char* field, const T& a, const T& b) {
    if (!(a == b)) out.push_back({field, shown(a), shown(b)});
  }
};

} // namespace

std::vector<FieldChange> phase_changes(const Phase& a, const Phase& b) {
  Differ d;
  d("descrizione", a.description, b.description);
  d("peso", a.weight, b.weight);
  d("avanzamento", a.progress, b.progress);
  d("inizio-previsto", a.planned_start, b.planned_start);
  d("fine-prevista", a.planned_end, b.planned_end);
  d("inizio-effettivo", a.actual_start, b.actual_start);
  d("fine-effettiva", a.actual_end, b.actual_end);
  d("responsabile", a.responsible, b.responsible);
  d("cdr", a.center, b.center);
  d("note", a.note, b.note);
  return std::move(d.out);
}

std::vector<FieldChange> indicator_changes(const Indicator& a, const Indicator& b) {
  Differ d;
  d("descrizione", a.description, b.description);
  d("tipo", std::string(to_string(a.type)), std::string(to_string(b.type)));
  d("scala", std::string(to_string(a.scale)), std::string(to_string(b.scale)));
  d("direzione", std::string(to_string(a.polarity)), std::string(to_string(b.polarity)));
  d("anno", a.reference_year, b.reference_year);
  d("atteso", a.target, b.target);
  d("raggiunto", a.actual, b.actual);
  d("note", a.note, b.note);
  return std::move(d.out);
}

void copy_field(Phase& to, const Phase& from, const std::string& f) {
  if (f == "descrizione")
    to.description = from.description;
  else if (f == "peso")
    to.weight = from.weight;
  else if (f == "avanzamento")
    to.progress = from.progress;
  else if (f == "inizio-previsto")
    to.planned_start = from.planned_start;
  else if (f == "fine-prevista")
    to.planned_end = from.planned_end;
  else if (f == "inizio-effettivo")
    to.actual_start = from.actual_start;
  else if (f == "fine-effettiva")
    to.actual_end = from.actual_end;
  else if (f == "responsabile")
    to.responsible = from.responsible;
  else if (f == "cdr")
    to.center = from.center;
  else if (f == "note")
    to.note = from.note;
}

void copy_field(Indicator& to, const Indicator& from, const std::string& f) {
  if (f == "descrizione")
    to.description = from.description;
  else if (f == "tipo")
    to.type = from.type;
  else if (f == "scala")
    to.scale = from.scale;
  else if (f == "direzione")
    to.polarity = from.polarity;
  else if (f == "anno")
    to.reference_year = from.reference_year;
  else if (f == "atteso")
    to.target = from.target;
  else if (f == "raggiunto")
    to.actual = from.actual;
  else if (f == "note")
    to.note = from.note;
}

namespace {

template <typename T, typename Write>
Result<EditOutcome> edit_record(const std::string& ente, const std::string& target,
                                const char* action, const T& before,
                                std::vector<FieldChange> changes,
                                std::optional<std::int64_t> base_version, Write write) {
  EditOutcome out;
  out.ente = ente;
  out.target = target;
  out.action = action;
  out.version = before.version;
  const std::int64_t base = base_version.value_or(before.version);
  if (changes.empty()) {
    if (base != before.version)
      return fail(fmt::format("modifica rifiutata: {} è stato modificato da altri (versione "
                              "attuale {}, versione di partenza {})",
                              target, before.version, base),
                  {}, ErrorKind::conflict);
    return out; // nothing to write, nothing to audit
  }
  out.version = write(base, changes);
  out.changes = std::move(changes);
  return out;
}

} // namespace

Result<EditOutcome> edit_phase(Session& s, const std::string& ente, const Objective& o,
                               const Phase& before, const Phase& after,
                               std::optional<std::int64_t> base_version) {
  const std::string target = fmt::format("{}/{}/fase {}", o.vista, o.code, before.order);
  return edit_record(ente, target, "modifica fase", before, phase_changes(before, after),
                     base_version, [&](std::int64_t base, const std::vector<FieldChange>& c) {
                       return s.store().update_phase(ente, o.vista, o.code, before.order, base,
                                                     after, c, s.author());
                     });
}

Result<EditOutcome> edit_indicator(Session& s, const std::string& ente, const Objective& o,
                                   const Indicator& before, const Indicator& after,
                                   std::optional<std::int64_t> base_version) {
  const std::string target = fmt::format("{}/{}/indicatore {}", o.vista, o.code, before.order);
  return edit_record(ente, target, "modifica indicatore", before, indicator_changes(before, after),
                     base_version, [&](std::int64_t base, const std::vector<FieldChange>& c) {
                       return s.store().update_indicator(ente, o.vista, o.code, before.order, base,
                                                         after, c, s.author());
                     });
}

} // namespace traguardi::app
