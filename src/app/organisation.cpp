#include "app/organisation.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "app/plan_change.h"
#include "app/references.h"
#include "core/classification.h"
#include "core/italian.h"
#include "core/normalize.h"

namespace traguardi::app {
namespace {

EditOutcome unchanged(const Dataset& d, std::string target, std::string action) {
  EditOutcome out;
  out.ente = d.ente.code;
  out.target = std::move(target);
  out.action = std::move(action);
  return out;
}

void text_change(std::vector<FieldChange>& changes, const char* field, const FieldText& t,
                 std::string& slot) {
  if (!t) return;
  std::string v = clears(t) ? "" : *t;
  if (v != slot) changes.push_back({field, slot, v});
  slot = v;
}

Result<void> center_fields(const Dataset& d, ResponsibilityCenter& c, const CenterFields& f,
                           std::vector<FieldChange>& ch) {
  if (f.short_name && f.short_name->size() > 30)
    return field_error("nome-breve", "troppo lungo (al massimo 30 caratteri)");
  text_change(ch, "nome", f.name, c.name);
  text_change(ch, "nome-breve", f.short_name, c.short_name);
  text_change(ch, "tipo", f.kind, c.kind);
  text_change(ch, "sigla-peg", f.peg_sigla, c.peg_sigla);
  if (f.parent) {
    std::string parent;
    if (!clears(f.parent)) {
      auto code = center_code(d, *f.parent, "padre");
      if (!code) return tl::unexpected(code.error());
      for (std::string p = *code; !p.empty();) {
        if (p == c.code)
          return field_error("padre", fmt::format("{} è sotto {}: il collegamento creerebbe un "
                                                  "ciclo",
                                                  *code, c.code));
        const ResponsibilityCenter* up = find_center(d, p);
        p = up ? up->parent : "";
      }
      parent = *code;
    }
    text_change(ch, "padre", FieldText(parent.empty() ? "-" : parent), c.parent);
  }
  if (f.head) {
    std::string head;
    if (!clears(f.head)) {
      auto k = person_key(d, *f.head, "responsabile");
      if (!k) return tl::unexpected(k.error());
      head = *k;
    }
    text_change(ch, "responsabile", FieldText(head.empty() ? "-" : head), c.head);
  }
  return {};
}

bool valid_code(const std::string& code) {
  if (code.empty() || code.size() > 64) return false;
  return std::all_of(code.begin(), code.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '_' || c == '-' || c == '.';
  });
}

} // namespace

Result<EditOutcome> create_ente(Session& s, const std::string& code, const std::string& name,
                                const std::string& kind) {
  if (!valid_code(code))
    return field_error("codice", fmt::format("«{}»: il codice dell'ente è fatto di lettere, "
                                             "cifre e _ (al massimo 64)",
                                             code));
  if (name.empty()) return field_error("nome", "la denominazione dell'ente è obbligatoria");
  auto k = ente_kind_from_string(kind.empty() ? "comune" : kind);
  if (!k) return field_error("tipo", "comune, unione, ambito o altro");
  Store& store = s.store(OpenMode::create);
  for (const auto& e : store.list_enti())
    if (e.code == code)
      return fail(fmt::format("l'ente {} esiste già", code), {}, ErrorKind::conflict);
  Dataset d;
  d.ente = {code, name, *k};
  store.replace(d, s.author());
  EditOutcome out = unchanged(d, code, "nuovo ente");
  out.changes = {{"ente", "", name}};
  return out;
}

Result<EditOutcome> add_center(Session& s, const std::string& code, const CenterFields& f) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  if (!valid_code(code)) return field_error("codice", fmt::format("«{}»: codice non valido", code));
  if (find_center(*d, code))
    return fail(fmt::format("il centro di responsabilità {} esiste già", code), {},
                ErrorKind::conflict);
  PlanChange c{*d, *d, "nuovo centro di responsabilità", "cdr " + code, {}, {}};
  ResponsibilityCenter r;
  r.code = code;
  c.changes.push_back({"cdr", "", code});
  if (auto ok = center_fields(c.after, r, f, c.changes); !ok) return tl::unexpected(ok.error());
  if (r.name.empty()) r.name = code;
  c.after.centers.push_back(std::move(r));
  return commit_plan_change(s, std::move(c));
}

Result<EditOutcome> edit_center(Session& s, const std::string& text, const CenterFields& f) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  auto code = center_code(*d, text, "cdr");
  if (!code) return fail(code.error().message, {}, ErrorKind::not_found);
  PlanChange c{*d, *d, "modifica centro di responsabilità", "cdr " + *code, {}, {}};
  auto it = std::find_if(c.after.centers.begin(), c.after.centers.end(),
                         [&](const auto& r) { return r.code == *code; });
  ResponsibilityCenter r = *it;
  if (auto ok = center_fields(c.after, r, f, c.changes); !ok) return tl::unexpected(ok.error());
  if (c.changes.empty()) return unchanged(*d, c.target, c.action);
  *it = std::move(r);
  return commit_plan_change(s, std::move(c));
}

Result<EditOutcome> add_person(Session& s, const PersonFields& f) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  if (!f.name || f.name->empty() || clears(f.name))
    return field_error("nome", "il nominativo è obbligatorio");
  Person p;
  p.name = *f.name;
  p.key = matching_key(p.name);
  if (f.username) p.username = *f.username;
  if (find_person(*d, p.key))
    return fail(fmt::format("la persona «{}» esiste già", p.name), {}, ErrorKind::conflict);
  PlanChange c{*d, *d, "nuova persona", "persona " + p.key, {{"nome", "", p.name}}, {}};
  if (!p.username.empty()) c.changes.push_back({"utente", "", p.username});
  c.after.persons.push_back(std::move(p));
  return commit_plan_change(s, std::move(c));
}

Result<EditOutcome> edit_person(Session& s, const std::string& text, const PersonFields& f) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  auto key = person_key(*d, text, "persona");
  if (!key) return fail(key.error().message, {}, ErrorKind::not_found);
  PlanChange c{*d, *d, "modifica persona", "persona " + *key, {}, {}};
  auto it = std::find_if(c.after.persons.begin(), c.after.persons.end(),
                         [&](const auto& p) { return p.key == *key; });
  if (f.name && clears(f.name)) return field_error("nome", "il nominativo è obbligatorio");
  // The key stays: objectives and fasi refer to it. The old name becomes an alias.
  const std::string old_name = it->name;
  text_change(c.changes, "nome", f.name, it->name);
  text_change(c.changes, "utente", f.username, it->username);
  if (it->name != old_name &&
      std::find(it->aliases.begin(), it->aliases.end(), old_name) == it->aliases.end())
    it->aliases.push_back(old_name);
  if (c.changes.empty()) return unchanged(*d, c.target, c.action);
  return commit_plan_change(s, std::move(c));
}

Result<EditOutcome> add_assessorato(Session& s, const AssessoratoFields& f) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  if (!f.description || f.description->empty())
    return field_error("descrizione", "la descrizione dell'assessorato è obbligatoria");
  Assessorato a;
  a.description = *f.description;
  a.key = matching_key(a.description);
  if (f.delegations) a.delegations = *f.delegations;
  if (find_assessorato(*d, a.key))
    return fail(fmt::format("l'assessorato «{}» esiste già", a.description), {},
                ErrorKind::conflict);
  PlanChange c{
      *d, *d, "nuovo assessorato", "assessorato " + a.key, {{"descrizione", "", a.description}},
      {}};
  if (!a.delegations.empty()) c.changes.push_back({"deleghe", "", a.delegations});
  c.after.assessorati.push_back(std::move(a));
  return commit_plan_change(s, std::move(c));
}

Result<EditOutcome> edit_assessorato(Session& s, const std::string& text,
                                     const AssessoratoFields& f) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  auto key = assessorato_key(*d, text, "assessorato");
  if (!key) return fail(key.error().message, {}, ErrorKind::not_found);
  PlanChange c{*d, *d, "modifica assessorato", "assessorato " + *key, {}, {}};
  auto it = std::find_if(c.after.assessorati.begin(), c.after.assessorati.end(),
                         [&](const auto& a) { return a.key == *key; });
  text_change(c.changes, "descrizione", f.description, it->description);
  text_change(c.changes, "deleghe", f.delegations, it->delegations);
  if (c.changes.empty()) return unchanged(*d, c.target, c.action);
  return commit_plan_change(s, std::move(c));
}

Result<EditOutcome> set_area(Session& s, const std::string& vista, int number,
                             const std::string& description) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  if (!find_vista(*d, vista))
    return fail(fmt::format("la vista {} non esiste", vista), "vista", ErrorKind::not_found);
  if (number < 1) return field_error("numero", "deve essere un numero positivo");
  PlanChange c{*d, *d, "area tematica", fmt::format("{}/area {}", vista, number), {}, {}};
  auto it = std::find_if(c.after.areas.begin(), c.after.areas.end(),
                         [&](const auto& a) { return a.vista == vista && a.number == number; });
  if (it == c.after.areas.end()) {
    c.after.areas.push_back({vista, number, description});
    c.changes.push_back({"descrizione", "", description});
  } else {
    text_change(c.changes, "descrizione", FieldText(description), it->description);
  }
  if (c.changes.empty()) return unchanged(*d, c.target, c.action);
  return commit_plan_change(s, std::move(c));
}

Result<EditOutcome> set_status(Session& s, const ObjectiveRef& ref, const FieldText& year,
                               const FieldText& as_of, const std::string& text) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  PlanChange c{*d, *d, "stato di attuazione", "", {}, {}};
  auto o = resolve_objective(c.after, ref);
  if (!o) return tl::unexpected(o.error());
  StatusReport r;
  if (year) {
    auto y = parse_int_field(*year, "anno", 1900, 2999);
    if (!y) return tl::unexpected(y.error());
    r.year = *y;
  }
  if (as_of) {
    auto v = parse_date_field(*as_of, "al");
    if (!v) return tl::unexpected(v.error());
    r.as_of = *v;
  }
  if (!r.year && r.as_of) r.year = r.as_of->year;
  if (!r.year) return field_error("anno", "indicare l'anno dello stato di attuazione");
  r.text = text;
  c.target = (*o)->vista + "/" + (*o)->code;
  const std::string field = fmt::format("stato-attuazione {}{}", *r.year,
                                        r.as_of ? " al " + italian::format_date(*r.as_of) : "");
  auto& list = (*o)->status;
  auto it = std::find_if(list.begin(), list.end(), [&](const StatusReport& x) {
    return x.year == r.year && x.as_of == r.as_of;
  });
  if (it != list.end()) {
    if (it->text == text) return unchanged(*d, c.target, c.action);
    c.changes.push_back({field, it->text, text});
    if (text.empty())
      list.erase(it);
    else
      it->text = text;
  } else {
    if (text.empty()) return unchanged(*d, c.target, c.action);
    c.changes.push_back({field, "", text});
    list.push_back(std::move(r));
  }
  c.objectives = {c.target};
  const std::string key = c.target;
  return commit_plan_change(s, std::move(c), key);
}

Result<EditOutcome> add_involved_structure(Session& s, const ObjectiveRef& ref,
                                           const InvolvedStructureFields& f) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  PlanChange c{*d, *d, "struttura coinvolta", "", {}, {}};
  auto o = resolve_objective(c.after, ref);
  if (!o) return tl::unexpected(o.error());
  if (f.description.empty())
    return field_error("descrizione", "la descrizione della struttura coinvolta è obbligatoria");
  InvolvedStructure x;
  x.description = f.description;
  if (f.relation) x.relation = *f.relation;
  if (f.mission) x.mission = *f.mission;
  if (f.programme) x.programme = *f.programme;
  if (!x.mission.empty() && !find_budget_programme(x.mission, x.programme))
    return field_error("programma", fmt::format("il programma di bilancio {}.{} non esiste nella "
                                                "classificazione nazionale (D.Lgs. 118/2011)",
                                                x.mission, x.programme));
  if (f.share) {
    auto v = parse_percent_field(*f.share, "quota");
    if (!v) return tl::unexpected(v.error());
    x.share_pct = *v;
  }
  c.target = (*o)->vista + "/" + (*o)->code;
  c.changes.push_back({"struttura-coinvolta", "", x.description});
  (*o)->structures.push_back(std::move(x));
  c.objectives = {c.target};
  const std::string key = c.target;
  return commit_plan_change(s, std::move(c), key);
}

Result<EditOutcome> add_involved_person(Session& s, const ObjectiveRef& ref,
                                        const InvolvedPersonFields& f) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  PlanChange c{*d, *d, "soggetto coinvolto", "", {}, {}};
  auto o = resolve_objective(c.after, ref);
  if (!o) return tl::unexpected(o.error());
  InvolvedPerson x;
  auto key = person_key(c.after, f.person, "persona");
  if (!key) return tl::unexpected(key.error());
  x.person = *key;
  if (f.relation) x.relation = *f.relation;
  if (f.effort) {
    auto v = parse_percent_field(*f.effort, "impegno");
    if (!v) return tl::unexpected(v.error());
    x.effort_pct = *v;
  }
  c.target = (*o)->vista + "/" + (*o)->code;
  c.changes.push_back({"soggetto-coinvolto", "", x.person});
  (*o)->people.push_back(std::move(x));
  c.objectives = {c.target};
  const std::string key2 = c.target;
  return commit_plan_change(s, std::move(c), key2);
}

} // namespace traguardi::app
