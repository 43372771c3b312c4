#include "app/objective_authoring.h"

#include <algorithm>

#include <fmt/format.h>

#include "app/plan_change.h"
#include "app/progress.h"
#include "app/references.h"
#include "core/codes.h"

namespace traguardi::app {
namespace {

#define TRY(expr)                                                                                  \
  do {                                                                                             \
    if (auto _r = (expr); !_r) return tl::unexpected(_r.error());                                  \
  } while (0)

std::string key_of(const Objective& o) {
  return o.vista + "/" + o.code;
}

std::string shown(const std::optional<int>& n) {
  return n ? std::to_string(*n) : std::string();
}

std::vector<FieldChange> changes_between(const Objective& a, const Objective& b) {
  std::vector<FieldChange> out;
  auto d = [&](const char* field, const std::string& x, const std::string& y) {
    if (x != y) out.push_back({field, x, y});
  };
  d("livello", to_string(a.level), to_string(b.level));
  d("collegato-a", a.parent, b.parent);
  d("anno", shown(a.year), shown(b.year));
  d("descrizione-sintetica", a.short_description, b.short_description);
  d("descrizione", a.description, b.description);
  d("finalita-strategica", a.strategic_purpose, b.strategic_purpose);
  d("finalita-operativa", a.operational_purpose, b.operational_purpose);
  d("modalita-attuazione", a.implementation, b.implementation);
  d("tipo", a.objective_type, b.objective_type);
  d("stato", a.state, b.state);
  d("area", shown(a.area), shown(b.area));
  d("assessorato", a.assessorato, b.assessorato);
  d("cdr", a.center, b.center);
  d("responsabile", a.responsible, b.responsible);
  d("direzione", a.direction, b.direction);
  d("direttore", a.director, b.director);
  return out;
}

Result<void> set_text(const FieldText& t, std::string& slot) {
  if (t) slot = clears(t) ? "" : *t;
  return {};
}

template <typename Resolve>
Result<void> set_ref(const FieldText& t, std::string& slot, Resolve resolve) {
  if (!t) return {};
  if (clears(t)) {
    slot.clear();
    return {};
  }
  auto key = resolve(*t);
  if (!key) return tl::unexpected(key.error());
  slot = *key;
  return {};
}

Result<void> apply_fields(const Dataset& d, Objective& o, const ObjectiveFields& f) {
  if (f.level) {
    auto l = level_from_string(*f.level);
    if (!l)
      return field_error("livello", fmt::format("«{}» non è un livello: mandato, "
                                                "missione, programma o peg",
                                                *f.level));
    o.level = *l;
  }
  if (f.parent) {
    if (clears(f.parent)) {
      o.parent.clear();
    } else {
      if (*f.parent == o.code)
        return field_error("collegato-a", "un obiettivo non può essere collegato a sé stesso");
      if (!find_objective(d, o.vista, *f.parent))
        return field_error("collegato-a", fmt::format("l'obiettivo {} non esiste nella vista {}",
                                                      *f.parent, o.vista));
      // No cycles: the new parent must not descend from this objective.
      for (const Objective* p = find_objective(d, o.vista, *f.parent); p;
           p = p->parent.empty() ? nullptr : find_objective(d, o.vista, p->parent))
        if (p->code == o.code)
          return field_error("collegato-a", fmt::format("{} discende da {}: il collegamento "
                                                        "creerebbe un ciclo",
                                                        *f.parent, o.code));
      o.parent = *f.parent;
    }
  }
  if (f.year) {
    if (clears(f.year)) {
      o.year.reset();
    } else {
      auto y = parse_int_field(*f.year, "anno", 1900, 2999);
      if (!y) return tl::unexpected(y.error());
      o.year = *y;
    }
  }
  if (f.area) {
    if (clears(f.area)) {
      o.area.reset();
    } else {
      auto n = parse_int_field(*f.area, "area", 1, 999);
      if (!n) return tl::unexpected(n.error());
      bool known = false;
      for (const auto& a : d.areas)
        known = known || (a.vista == o.vista && a.number == *n);
      if (!known)
        return field_error(
            "area", fmt::format("l'area tematica {} non esiste nella vista {}", *n, o.vista));
      o.area = *n;
    }
  }
  if (f.short_description && f.short_description->size() > 120)
    return field_error("descrizione-sintetica", "troppo lunga (al massimo 120 caratteri)");
  TRY(set_text(f.short_description, o.short_description));
  TRY(set_text(f.description, o.description));
  TRY(set_text(f.strategic_purpose, o.strategic_purpose));
  TRY(set_text(f.operational_purpose, o.operational_purpose));
  TRY(set_text(f.implementation, o.implementation));
  TRY(set_text(f.objective_type, o.objective_type));
  TRY(set_text(f.state, o.state));
  auto person = [&](const char* field) {
    return [&d, field](const std::string& t) { return person_key(d, t, field); };
  };
  auto center = [&](const char* field) {
    return [&d, field](const std::string& t) { return center_code(d, t, field); };
  };
  TRY(set_ref(f.assessorato, o.assessorato,
              [&](const std::string& t) { return assessorato_key(d, t, "assessorato"); }));
  TRY(set_ref(f.center, o.center, center("cdr")));
  TRY(set_ref(f.responsible, o.responsible, person("responsabile")));
  TRY(set_ref(f.direction, o.direction, center("direzione")));
  TRY(set_ref(f.director, o.director, person("direttore")));
  return {};
}

Result<void> check_code(const Objective& o) {
  if (o.code.empty()) return field_error("codice", "il codice dell'obiettivo è obbligatorio");
  for (unsigned char c : o.code)
    if (c <= ' ' || c == '/' || c == 0x7f)
      return field_error("codice", fmt::format("«{}»: il codice non può contenere spazi, «/» o "
                                               "caratteri di controllo",
                                               o.code));
  if (auto l = level_of_code(o.code); l && *l != o.level)
    return field_error("livello", fmt::format("il codice {} è di un obiettivo di livello {}, non "
                                              "{}",
                                              o.code, to_string(*l), to_string(o.level)));
  return {};
}

} // namespace

Result<void> apply_objective_fields(const Dataset& d, Objective& o, const ObjectiveFields& f) {
  TRY(apply_fields(d, o, f));
  return check_code(o);
}

std::vector<FieldChange> objective_changes(const Objective& before, const Objective& after) {
  return changes_between(before, after);
}

Result<Objective*> resolve_objective(Dataset& d, const ObjectiveRef& ref) {
  auto found = find_objective_ref(d, ref.vista, ref.code);
  if (!found) return tl::unexpected(found.error());
  auto* o = const_cast<Objective*>(*found);
  if (ref.version && *ref.version != o->version)
    return fail(fmt::format("modifica rifiutata: l'obiettivo {} è stato modificato da altri "
                            "(versione attuale {}, versione di partenza {}); vedere «traguardi "
                            "audit list --obiettivo {}»",
                            o->code, o->version, *ref.version, o->code),
                {}, ErrorKind::conflict);
  return o;
}

Result<EditOutcome> add_objective(Session& s, const std::string& vista_code,
                                  const std::string& code, const ObjectiveFields& f) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  PlanChange c{*d, *d, "nuovo obiettivo", "", {}, {}};
  std::string vista = vista_code;
  if (vista.empty()) {
    if (c.after.vistas.size() != 1)
      return field_error("vista", c.after.vistas.empty()
                                      ? "l'ente non ha viste: indicare --vista per crearne una"
                                      : "l'ente ha più viste: indicare quale con --vista");
    vista = c.after.vistas.front().code;
  }
  if (!find_vista(c.after, vista)) {
    Vista v;
    v.code = vista;
    v.description = vista;
    c.after.vistas.push_back(v);
    c.changes.push_back({"vista", "", vista});
  }
  if (find_objective(c.after, vista, code))
    return fail(fmt::format("l'obiettivo {} esiste già nella vista {}", code, vista), {},
                ErrorKind::conflict);
  Objective o;
  o.vista = vista;
  o.code = code;
  if (auto l = level_of_code(code)) o.level = *l;
  if (auto ok = apply_fields(c.after, o, f); !ok) return tl::unexpected(ok.error());
  if (auto ok = check_code(o); !ok) return tl::unexpected(ok.error());
  c.target = key_of(o);
  auto changes = changes_between(Objective{}, o);
  for (auto& ch : changes)
    ch.before.clear(); // a new objective had no previous values
  c.changes.insert(c.changes.begin(), {"obiettivo", "", "nuovo"});
  c.changes.insert(c.changes.end(), changes.begin(), changes.end());
  c.objectives = {key_of(o)};
  c.after.objectives.push_back(std::move(o));
  const std::string key = c.target;
  return commit_plan_change(s, std::move(c), key);
}

Result<EditOutcome> edit_objective(Session& s, const ObjectiveRef& ref, const ObjectiveFields& f) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  PlanChange c{*d, *d, "modifica obiettivo", "", {}, {}};
  auto o = resolve_objective(c.after, ref);
  if (!o) return tl::unexpected(o.error());
  const Objective before = **o;
  if (auto ok = apply_fields(c.after, **o, f); !ok) return tl::unexpected(ok.error());
  if (auto ok = check_code(**o); !ok) return tl::unexpected(ok.error());
  c.target = key_of(**o);
  c.changes = changes_between(before, **o);
  c.objectives = {c.target};
  if (c.changes.empty()) {
    EditOutcome out;
    out.ente = c.after.ente.code;
    out.target = c.target;
    out.action = c.action;
    out.version = before.version;
    return out;
  }
  const std::string key = c.target;
  return commit_plan_change(s, std::move(c), key);
}

Result<EditOutcome> move_objective(Session& s, const ObjectiveRef& ref, const std::string& parent) {
  ObjectiveFields f;
  f.parent = parent;
  auto out = edit_objective(s, ref, f);
  if (out) out->action = "spostamento obiettivo";
  return out;
}

Result<EditOutcome> delete_objective(Session& s, const ObjectiveRef& ref, bool with_children) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  PlanChange c{*d, *d, "eliminazione obiettivo", "", {}, {}};
  auto o = resolve_objective(c.after, ref);
  if (!o) return tl::unexpected(o.error());
  const std::string vista = (*o)->vista;
  c.target = key_of(**o);
  // The objective and, when asked, everything below it.
  std::vector<std::string> doomed{(*o)->code};
  for (std::size_t i = 0; i < doomed.size(); ++i)
    for (const auto& other : c.after.objectives)
      if (other.vista == vista && other.parent == doomed[i]) {
        if (!with_children)
          return fail(fmt::format("l'obiettivo {} ha obiettivi collegati (ad esempio {}): "
                                  "spostarli prima, oppure usare --con-collegati",
                                  doomed[i], other.code));
        doomed.push_back(other.code);
      }
  for (const auto& code : doomed) {
    const Objective* x = find_objective(c.after, vista, code);
    c.changes.push_back({"obiettivo", vista + "/" + code,
                         fmt::format("eliminato ({} fasi, {} indicatori)", x->phases.size(),
                                     x->indicators.size())});
  }
  std::erase_if(c.after.objectives, [&](const Objective& x) {
    return x.vista == vista && std::find(doomed.begin(), doomed.end(), x.code) != doomed.end();
  });
  return commit_plan_change(s, std::move(c));
}

} // namespace traguardi::app
