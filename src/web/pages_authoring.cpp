// Objective authoring in the web: a new objective (/piano/nuovo) and every field of an existing
// one (/obiettivo/V/C/modifica), through the same use cases as `traguardi objective add|edit`
// (app/objective_authoring.h) and the rules of app/authoring_access.h.
#include <fmt/format.h>

#include "app/authoring_access.h"
#include "app/objective_authoring.h"
#include "web/authoring_form.h"
#include "web/authoring_pages.h"
#include "web/plan_views.h"

namespace traguardi::web {
namespace {

using Kind = FormField::Kind;

Options level_options() {
  return {
      {"mandato", "Mandato"}, {"missione", "Missione"}, {"programma", "Programma"}, {"peg", "PEG"}};
}

/// The objective's fields; `vista` empty for a new objective (choices of every vista).
std::vector<FormField> objective_fields(const Dataset& d, const std::string& vista,
                                        const app::Principal& who) {
  const bool structure = app::can_change_structure(who);
  const std::string fixed = structure ? ""
                                      : "Lo cambiano l'amministratore e il controllo di "
                                        "gestione";
  return {
      {"livello", "Livello", fixed, Kind::select, level_options(), "", false, !structure},
      {"collegato-a", "Collegato a (obiettivo superiore)", fixed, Kind::select,
       parent_options(d, vista), "", false, !structure},
      {"anno",
       "Anno",
       "Per gli obiettivi di PEG, per esempio 2025",
       Kind::text,
       {},
       "inputmode=\"numeric\""},
      {"descrizione-sintetica", "Descrizione sintetica", "Al massimo 120 caratteri"},
      {"descrizione", "Descrizione", "", Kind::textarea},
      {"finalita-strategica", "Finalità: obiettivo strategico", "", Kind::textarea},
      {"finalita-operativa", "Finalità: obiettivo operativo", "", Kind::textarea},
      {"modalita-attuazione", "Modalità di attuazione", "", Kind::textarea},
      {"tipo", "Tipo di obiettivo", "Per esempio Gestionale"},
      {"stato", "Stato", "Per esempio In corso, Concluso"},
      {"area", "Area tematica", "", Kind::select, area_options(d, vista)},
      {"assessorato", "Assessorato", "", Kind::select, assessorato_options(d)},
      {"cdr", "Centro di responsabilità", "", Kind::select,
       center_options(d, structure ? "" : who.center)},
      {"responsabile", "Responsabile", "", Kind::select, person_options(d)},
      {"direzione", "Direzione", "", Kind::select, center_options(d)},
      {"direttore", "Direttore", "", Kind::select, person_options(d)},
  };
}

Current objective_values(const Objective& o) {
  return {{{"livello", to_string(o.level)},
           {"collegato-a", o.parent},
           {"anno", o.year ? std::to_string(*o.year) : ""},
           {"descrizione-sintetica", o.short_description},
           {"descrizione", o.description},
           {"finalita-strategica", o.strategic_purpose},
           {"finalita-operativa", o.operational_purpose},
           {"modalita-attuazione", o.implementation},
           {"tipo", o.objective_type},
           {"stato", o.state},
           {"area", o.area ? std::to_string(*o.area) : ""},
           {"assessorato", o.assessorato},
           {"cdr", o.center},
           {"responsabile", o.responsible},
           {"direzione", o.direction},
           {"direttore", o.director}},
          o.version};
}

template <typename Pick> app::ObjectiveFields fields_of(Pick pick) {
  app::ObjectiveFields f;
  f.level = pick("livello");
  f.parent = pick("collegato-a");
  f.year = pick("anno");
  f.short_description = pick("descrizione-sintetica");
  f.description = pick("descrizione");
  f.strategic_purpose = pick("finalita-strategica");
  f.operational_purpose = pick("finalita-operativa");
  f.implementation = pick("modalita-attuazione");
  f.objective_type = pick("tipo");
  f.state = pick("stato");
  f.area = pick("area");
  f.assessorato = pick("assessorato");
  f.center = pick("cdr");
  f.responsible = pick("responsabile");
  f.direction = pick("direzione");
  f.director = pick("direttore");
  return f;
}

// --- edit -------------------------------------------------------------------------------

struct Located {
  std::shared_ptr<const Dataset> d;
  const Objective* o = nullptr;
};

AuthoringForm edit_form(Call& c, const Located& t) {
  FormPage p;
  p.title = "Modifica l'obiettivo " + t.o->code;
  p.d = t.d.get();
  p.crumbs = {{"Cruscotto", "/"},
              {"Piano degli obiettivi", "/piano"},
              {t.o->code, objective_href(*t.o)},
              {"Modifica", ""}};
  p.intro = "<p class=\"lead\">Vista " + esc(t.o->vista) +
            ". I campi lasciati come sono non vengono toccati; un campo svuotato viene tolto.</p>";
  p.action = objective_href(*t.o) + "/modifica";
  p.cancel = objective_href(*t.o);
  p.after = removal_links(c.user, *t.o, nullptr, nullptr);
  return AuthoringForm(c, std::move(p), objective_fields(*t.d, t.o->vista, c.user));
}

bool locate(Call& c, Located& t) {
  t.d = plan_or_404(c);
  if (!t.d) return false;
  t.o = find_objective(*t.d, c.req.matches[1].str(), c.req.matches[2].str());
  if (!t.o) {
    error_page(c, 404, "Obiettivo non trovato", "Nessun obiettivo con questo codice.");
    return false;
  }
  if (!app::can_author_objective(c.user, *t.d, *t.o)) {
    refuse(c, "Non è autorizzato a modificare questo obiettivo: appartiene a un altro centro di "
              "responsabilità oppure il suo ruolo consente solo la lettura.");
    return false;
  }
  return true;
}

void get_edit(Call& c) {
  Located t;
  if (locate(c, t)) edit_form(c, t).show(objective_values(*t.o));
}

void post_edit(Call& c) {
  Located t;
  if (!locate(c, t)) return;
  AuthoringForm form = edit_form(c, t);
  if (!form.read(objective_values(*t.o))) return;
  auto f = fields_of([&](const char* k) { return form.asked(k); });
  if (auto why = app::objective_edit_refusal(c.user, *t.d, *t.o, f)) return refuse(c, *why);
  app::Session s = form.session(t.d->ente.code);
  const std::string vista = t.o->vista, code = t.o->code;
  auto r = app::edit_objective(s, {vista, code, form.submission().version}, f);
  form.answer(r, objective_href(*t.o), [&] {
    auto now = plan_or_404(c);
    const Objective* o = now ? find_objective(*now, vista, code) : nullptr;
    return o ? objective_values(*o) : Current{};
  });
}

// --- create -----------------------------------------------------------------------------

AuthoringForm create_form(Call& c, const Dataset& d) {
  FormPage p;
  p.title = "Nuovo obiettivo";
  p.d = &d;
  p.crumbs = {{"Cruscotto", "/"}, {"Piano degli obiettivi", "/piano"}, {"Nuovo obiettivo", ""}};
  p.intro = "<p class=\"lead\">Il codice identifica l'obiettivo nella vista e non si cambia "
            "dopo.</p>";
  p.action = "/piano/nuovo";
  p.cancel = "/piano";
  p.submit = "Crea l'obiettivo";
  Options viste;
  for (const auto& v : d.vistas)
    viste.push_back({v.code, v.description.empty() || v.description == v.code
                                 ? v.code
                                 : v.code + " – " + v.description});
  std::vector<FormField> fields{
      {"vista", "Vista", "La vista (DUP) dell'obiettivo", Kind::select, viste, "", true},
      {"codice",
       "Codice",
       "Per esempio 2025_S01_03; senza spazi né «/»",
       Kind::text,
       {},
       "autocomplete=\"off\"",
       true}};
  for (auto& f : objective_fields(d, "", c.user))
    fields.push_back(std::move(f));
  return AuthoringForm(c, std::move(p), std::move(fields));
}

bool may_create(Call& c) {
  if (app::can_change_structure(c.user)) return true;
  refuse(c, "Solo l'amministratore e il controllo di gestione creano nuovi obiettivi.");
  return false;
}

void get_create(Call& c) {
  if (!may_create(c)) return;
  auto d = plan_or_404(c);
  if (!d) return;
  Current prefill; // "Nuovo obiettivo collegato" from an objective page
  for (const char* k : {"vista", "collegato-a", "livello", "cdr"})
    if (c.req.has_param(k)) prefill.values[k] = c.req.get_param_value(k);
  if (!prefill.values.count("vista") && d->vistas.size() == 1)
    prefill.values["vista"] = d->vistas.front().code;
  AuthoringForm form = create_form(c, *d);
  form.show(prefill);
}

void post_create(Call& c) {
  if (!may_create(c)) return;
  auto d = plan_or_404(c);
  if (!d) return;
  AuthoringForm form = create_form(c, *d);
  form.read({});
  const std::string vista = form.given("vista").value_or("");
  const std::string code = form.given("codice").value_or("");
  if (code.empty()) return form.invalid(400, "codice", "il codice dell'obiettivo è obbligatorio");
  auto f = fields_of([&](const char* k) { return form.given(k); });
  app::Session s = form.session(d->ente.code);
  auto r = app::add_objective(s, vista, code, f);
  std::string done = "/piano";
  if (r) { // target: "vista/code", the vista chosen by the use case when only one exists
    const auto slash = r->target.find('/');
    done = "/obiettivo/" + url_encode(r->target.substr(0, slash)) + "/" +
           url_encode(r->target.substr(slash + 1));
  }
  form.answer(
      r, done, [] { return Current{}; }, "codice");
}

} // namespace

void register_objective_authoring(httplib::Server& s, Env& env) {
  get_page(s, env, "/piano/nuovo", get_create);
  post_form(s, env, "/piano/nuovo", post_create);
  get_page(s, env, "/obiettivo/([^/]+)/([^/]+)/modifica", get_edit);
  post_form(s, env, "/obiettivo/([^/]+)/([^/]+)/modifica", post_edit);
}

} // namespace traguardi::web
