// The organisation of the ente in the web: centri di responsabilità, persons, assessorati and
// aree tematiche, each a list every signed-in user reads (/organizzazione/…) with forms to add
// and edit for amministratore and controllo di gestione, through the use cases of `traguardi
// cdr|person|assessorato|area` (app/organisation.h). These records have no version: a form is
// stale when a value it showed is no longer the stored one.
#include <fmt/format.h>

#include "app/authoring_access.h"
#include "app/organisation.h"
#include "web/authoring_form.h"
#include "web/authoring_pages.h"
#include "web/plan_views.h"

namespace traguardi::web {
namespace {

using FKind = FormField::Kind;

struct Row {
  std::string key;
  std::vector<std::string> cells;
};

/// One kind of organisation record: how it is listed, shown in a form and saved.
struct OrgKind {
  std::string slug;      // URL part: "cdr"
  std::string title;     // "Centri di responsabilità"
  std::string fresh;     // "nuovo" or "nuova": URL of the creation form
  std::string one;       // "centro di responsabilità", in titles
  std::string key_field; // the field a duplicate is reported next to
  std::vector<std::string> headers;
  std::function<std::vector<Row>(const Dataset&)> rows;
  std::function<std::vector<FormField>(const Dataset&, bool existing)> fields;
  std::function<std::optional<Values>(const Dataset&, const std::string& key)> values;
  std::function<Result<app::EditOutcome>(app::Session&, const AuthoringForm&, const std::string&)>
      save; // key empty: add
};

template <typename Pick> app::CenterFields center_of(Pick pick) {
  return {pick("nome"),  pick("nome-breve"),   pick("tipo"),
          pick("padre"), pick("responsabile"), pick("sigla-peg")};
}

std::vector<OrgKind> kinds() {
  std::vector<OrgKind> out;
  out.push_back(
      {"cdr",
       "Centri di responsabilità",
       "nuovo",
       "centro di responsabilità",
       "codice",
       {"Codice", "Denominazione", "Tipo", "Superiore", "Responsabile", "Sigla PEG"},
       [](const Dataset& d) {
         std::vector<Row> rows;
         for (const auto& c : d.centers)
           rows.push_back(
               {c.code, {c.code, c.name, c.kind, c.parent, person_label(d, c.head), c.peg_sigla}});
         return rows;
       },
       [](const Dataset& d, bool existing) {
         std::vector<FormField> f;
         if (!existing)
           f.push_back({"codice",
                        "Codice",
                        "Lettere, cifre, «_», «-» e «.»; non si cambia dopo",
                        FKind::text,
                        {},
                        "autocomplete=\"off\"",
                        true});
         for (FormField x : std::vector<FormField>{
                  {"nome", "Denominazione", "Per esempio SETTORE SERVIZI ALLA PERSONA"},
                  {"nome-breve", "Descrizione breve", "Al massimo 30 caratteri"},
                  {"tipo", "Tipo", "AREA, SETTORE, SERVIZIO, UNITA_ORGANIZZATIVA, …"},
                  {"padre", "Centro superiore", "", FKind::select, center_options(d)},
                  {"responsabile", "Responsabile", "", FKind::select, person_options(d)},
                  {"sigla-peg", "Sigla nei codici PEG", "Per esempio S08"}})
           f.push_back(std::move(x));
         return f;
       },
       [](const Dataset& d, const std::string& key) -> std::optional<Values> {
         const ResponsibilityCenter* c = find_center(d, key);
         if (!c) return std::nullopt;
         return Values{{"nome", c->name},         {"nome-breve", c->short_name},
                       {"tipo", c->kind},         {"padre", c->parent},
                       {"responsabile", c->head}, {"sigla-peg", c->peg_sigla}};
       },
       [](app::Session& s, const AuthoringForm& f, const std::string& key) {
         if (key.empty())
           return app::add_center(s, f.given("codice").value_or(""),
                                  center_of([&](const char* k) { return f.given(k); }));
         return app::edit_center(s, key, center_of([&](const char* k) { return f.asked(k); }));
       }});
  out.push_back({"persone",
                 "Persone",
                 "nuova",
                 "persona",
                 "nome",
                 {"Nominativo", "Nome utente"},
                 [](const Dataset& d) {
                   std::vector<Row> rows;
                   for (const auto& p : d.persons)
                     rows.push_back({p.key, {p.name, p.username}});
                   return rows;
                 },
                 [](const Dataset&, bool) {
                   return std::vector<FormField>{
                       {"nome",
                        "Nominativo",
                        "Cognome e nome, per esempio ROSSI MARIO",
                        FKind::text,
                        {},
                        "",
                        true},
                       {"nome-utente", "Nome utente", "Facoltativo: l'utenza con cui accede"}};
                 },
                 [](const Dataset& d, const std::string& key) -> std::optional<Values> {
                   const Person* p = find_person(d, key);
                   if (!p) return std::nullopt;
                   return Values{{"nome", p->name}, {"nome-utente", p->username}};
                 },
                 [](app::Session& s, const AuthoringForm& f, const std::string& key) {
                   if (key.empty())
                     return app::add_person(s, {f.given("nome"), f.given("nome-utente")});
                   return app::edit_person(s, key, {f.asked("nome"), f.asked("nome-utente")});
                 }});
  out.push_back(
      {"assessorati",
       "Assessorati",
       "nuovo",
       "assessorato",
       "descrizione",
       {"Assessorato", "Deleghe"},
       [](const Dataset& d) {
         std::vector<Row> rows;
         for (const auto& a : d.assessorati)
           rows.push_back({a.key, {a.description, a.delegations}});
         return rows;
       },
       [](const Dataset&, bool) {
         return std::vector<FormField>{{"descrizione",
                                        "Descrizione",
                                        "Per esempio Welfare e scuola",
                                        FKind::text,
                                        {},
                                        "",
                                        true},
                                       {"deleghe", "Deleghe", "", FKind::textarea}};
       },
       [](const Dataset& d, const std::string& key) -> std::optional<Values> {
         const Assessorato* a = find_assessorato(d, key);
         if (!a) return std::nullopt;
         return Values{{"descrizione", a->description}, {"deleghe", a->delegations}};
       },
       [](app::Session& s, const AuthoringForm& f, const std::string& key) {
         if (key.empty())
           return app::add_assessorato(s, {f.given("descrizione"), f.given("deleghe")});
         return app::edit_assessorato(s, key, {f.asked("descrizione"), f.asked("deleghe")});
       }});
  return out;
}

std::string list_url(const OrgKind& k) {
  return "/organizzazione/" + k.slug;
}

void list_page(Call& c, const OrgKind& k) {
  auto d = plan_or_404(c);
  if (!d) return;
  const bool author = app::can_change_structure(c.user);
  std::string body;
  if (author)
    body += "<p><a class=\"btn btn-primary\" href=\"" + list_url(k) + "/" + k.fresh + "\">" +
            esc(std::string(k.fresh == "nuova" ? "Nuova " : "Nuovo ") + k.one) + "</a></p>";
  body += "<div class=\"table-responsive\"><table class=\"table table-sm\"><caption "
          "class=\"visually-hidden\">" +
          esc(k.title) + "</caption><thead><tr>";
  for (const auto& h : k.headers)
    body += "<th scope=\"col\">" + esc(h) + "</th>";
  if (author) body += "<th scope=\"col\"><span class=\"visually-hidden\">Azioni</span></th>";
  body += "</tr></thead><tbody>";
  for (const auto& r : k.rows(*d)) {
    body += "<tr>";
    for (std::size_t i = 0; i < r.cells.size(); ++i)
      body +=
          (i == 0 ? "<th scope=\"row\">" : "<td>") + esc(r.cells[i]) + (i == 0 ? "</th>" : "</td>");
    if (author)
      body += fmt::format("<td><a class=\"btn btn-sm btn-outline-primary\" href=\"{}/{}\">"
                          "Modifica<span class=\"visually-hidden\"> {}</span></a></td>",
                          list_url(k), esc(url_encode(r.key)), esc(r.cells.front()));
    body += "</tr>";
  }
  body += "</tbody></table></div>";
  PageFrame fr = frame(c, k.title, "organizzazione", d.get());
  fr.crumbs = {{"Cruscotto", "/"}, {"Organizzazione", "/organizzazione"}, {k.title, ""}};
  send_html(c.res, render_page(fr, body));
}

void index_page(Call& c) {
  auto d = plan_or_404(c);
  if (!d) return;
  std::string body = "<ul class=\"list-unstyled\">";
  for (const auto& k : kinds())
    body += fmt::format("<li class=\"mb-2\"><a href=\"{}\">{}</a> ({})</li>", list_url(k),
                        esc(k.title), k.rows(*d).size());
  body += "<li class=\"mb-2\"><a href=\"/organizzazione/aree\">Aree tematiche</a> (" +
          std::to_string(d->areas.size()) + ")</li></ul>";
  PageFrame fr = frame(c, "Organizzazione dell'ente", "organizzazione", d.get());
  fr.crumbs = {{"Cruscotto", "/"}, {"Organizzazione", ""}};
  send_html(c.res, render_page(fr, body));
}

AuthoringForm org_form(Call& c, const OrgKind& k, const Dataset& d, const std::string& key) {
  FormPage p;
  p.title = key.empty() ? std::string(k.fresh == "nuova" ? "Nuova " : "Nuovo ") + k.one
                        : "Modifica " + k.one;
  p.active = "organizzazione";
  p.d = &d;
  p.crumbs = {{"Cruscotto", "/"},
              {"Organizzazione", "/organizzazione"},
              {k.title, list_url(k)},
              {p.title, ""}};
  if (!key.empty()) p.intro = "<p class=\"lead\">" + esc(key) + "</p>";
  p.action = c.req.path;
  p.cancel = list_url(k);
  if (key.empty()) p.submit = "Crea";
  return AuthoringForm(c, std::move(p), k.fields(d, !key.empty()));
}

void form_page(Call& c, const OrgKind& k, bool existing, bool post) {
  if (!app::can_change_structure(c.user))
    return refuse(c, "Solo l'amministratore e il controllo di gestione cambiano "
                     "l'organizzazione dell'ente.");
  auto d = plan_or_404(c);
  if (!d) return;
  const std::string key = existing ? c.req.matches[1].str() : "";
  Current now;
  if (existing) {
    auto v = k.values(*d, key);
    if (!v) return error_page(c, 404, "Non trovato", "Nessun elemento con questo codice.");
    now.values = *v;
  }
  AuthoringForm form = org_form(c, k, *d, key);
  if (!post) return form.show(now);
  if (!form.read(now)) return;
  app::Session s = form.session(d->ente.code);
  auto r = k.save(s, form, key);
  form.answer(
      r, list_url(k),
      [&] {
        auto again = plan_or_404(c);
        auto v = again ? k.values(*again, key) : std::nullopt;
        return Current{v.value_or(Values{}), std::nullopt};
      },
      existing ? "" : k.key_field);
}

} // namespace

void register_organisation_pages(httplib::Server& s, Env& env) {
  get_page(s, env, "/organizzazione", index_page);
  for (const OrgKind& k : kinds()) {
    const std::string base = list_url(k);
    get_page(s, env, base, [k](Call& c) { list_page(c, k); });
    get_page(s, env, base + "/" + k.fresh, [k](Call& c) { form_page(c, k, false, false); });
    post_form(s, env, base + "/" + k.fresh, [k](Call& c) { form_page(c, k, false, true); });
    get_page(s, env, base + "/([^/]+)", [k](Call& c) { form_page(c, k, true, false); });
    post_form(s, env, base + "/([^/]+)", [k](Call& c) { form_page(c, k, true, true); });
  }
  register_area_pages(s, env);
}

} // namespace traguardi::web
