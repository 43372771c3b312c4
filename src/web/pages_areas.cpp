// Aree tematiche of each vista in the web (/organizzazione/aree): the list every signed-in user
// reads, and forms to add one or rename it for amministratore and controllo di gestione,
// through the use case of `traguardi area set` (app/organisation.h).
#include <fmt/format.h>

#include "app/authoring_access.h"
#include "app/organisation.h"
#include "web/authoring_form.h"
#include "web/authoring_pages.h"

namespace traguardi::web {
namespace {

using FKind = FormField::Kind;
const char* kList = "/organizzazione/aree";

void list_page(Call& c) {
  auto d = plan_or_404(c);
  if (!d) return;
  const bool author = app::can_change_structure(c.user);
  std::string body;
  if (author)
    body += std::string("<p><a class=\"btn btn-primary\" href=\"") + kList +
            "/nuova\">Nuova area tematica</a></p>";
  body += "<div class=\"table-responsive\"><table class=\"table table-sm\"><caption "
          "class=\"visually-hidden\">Aree tematiche</caption><thead><tr><th "
          "scope=\"col\">Vista</th><th scope=\"col\">Numero</th><th "
          "scope=\"col\">Descrizione</th>";
  if (author) body += "<th scope=\"col\"><span class=\"visually-hidden\">Azioni</span></th>";
  body += "</tr></thead><tbody>";
  for (const auto& a : d->areas) {
    body += fmt::format("<tr><td>{}</td><th scope=\"row\">{}</th><td>{}</td>", esc(a.vista),
                        a.number, esc(a.description));
    if (author)
      body += fmt::format("<td><a class=\"btn btn-sm btn-outline-primary\" href=\"{}/{}/{}\">"
                          "Modifica<span class=\"visually-hidden\"> l'area {} della vista {}"
                          "</span></a></td>",
                          kList, esc(url_encode(a.vista)), a.number, a.number, esc(a.vista));
    body += "</tr>";
  }
  body += "</tbody></table></div>";
  PageFrame fr = frame(c, "Aree tematiche", "organizzazione", d.get());
  fr.crumbs = {{"Cruscotto", "/"}, {"Organizzazione", "/organizzazione"}, {"Aree tematiche", ""}};
  send_html(c.res, render_page(fr, body));
}

void form_page(Call& c, bool existing, bool post) {
  if (!app::can_change_structure(c.user))
    return refuse(c, "Solo l'amministratore e il controllo di gestione cambiano "
                     "l'organizzazione dell'ente.");
  auto d = plan_or_404(c);
  if (!d) return;
  std::string vista;
  int number = 0;
  Current now;
  if (existing) {
    vista = c.req.matches[1].str();
    number = std::atoi(c.req.matches[2].str().c_str());
    const ThematicArea* found = nullptr;
    for (const auto& a : d->areas)
      if (a.vista == vista && a.number == number) found = &a;
    if (!found)
      return error_page(c, 404, "Non trovato", "Nessuna area tematica con questo numero.");
    now.values = {{"descrizione", found->description}};
  }
  FormPage p;
  p.title = existing ? fmt::format("Area tematica {} della vista {}", number, vista)
                     : "Nuova area tematica";
  p.active = "organizzazione";
  p.d = d.get();
  p.crumbs = {{"Cruscotto", "/"},
              {"Organizzazione", "/organizzazione"},
              {"Aree tematiche", kList},
              {p.title, ""}};
  p.action = c.req.path;
  p.cancel = kList;
  std::vector<FormField> fields;
  if (!existing) {
    Options viste;
    for (const auto& v : d->vistas)
      viste.push_back({v.code, v.code});
    fields.push_back({"vista", "Vista", "", FKind::select, viste, "", true});
    fields.push_back({"numero",
                      "Numero",
                      "Numero dell'area nella vista, per esempio 3",
                      FKind::text,
                      {},
                      "inputmode=\"numeric\"",
                      true});
  }
  fields.push_back({"descrizione", "Descrizione", "", FKind::text, {}, "", true});
  AuthoringForm form(c, std::move(p), std::move(fields));
  if (!post) {
    if (!existing && d->vistas.size() == 1) now.values["vista"] = d->vistas.front().code;
    return form.show(now);
  }
  if (!form.read(existing ? now : Current{})) return;
  if (!existing) {
    vista = form.given("vista").value_or("");
    if (vista.empty()) return form.invalid(400, "vista", "scegliere la vista dell'area");
    auto n = app::parse_int_field(form.given("numero").value_or(""), "numero", 1, 999);
    if (!n) return form.invalid(400, "numero", n.error().message);
    number = *n;
    for (const auto& a : d->areas)
      if (a.vista == vista && a.number == number)
        return form.invalid(409, "numero", "l'area tematica esiste già: modificarla dall'elenco");
  }
  const std::string text = form.given("descrizione").value_or("");
  if (text.empty()) return form.invalid(400, "descrizione", "la descrizione è obbligatoria");
  app::Session s = form.session(d->ente.code);
  form.answer(app::set_area(s, vista, number, text), kList, [&] {
    auto again = plan_or_404(c);
    Current cur;
    for (const auto& a : again ? again->areas : std::vector<ThematicArea>{})
      if (a.vista == vista && a.number == number) cur.values = {{"descrizione", a.description}};
    return cur;
  });
}

} // namespace

void register_area_pages(httplib::Server& s, Env& env) {
  get_page(s, env, kList, list_page);
  get_page(s, env, std::string(kList) + "/nuova", [](Call& c) { form_page(c, false, false); });
  post_form(s, env, std::string(kList) + "/nuova", [](Call& c) { form_page(c, false, true); });
  const std::string one = std::string(kList) + "/([^/]+)/([0-9]{1,3})";
  get_page(s, env, one, [](Call& c) { form_page(c, true, false); });
  post_form(s, env, one, [](Call& c) { form_page(c, true, true); });
}

} // namespace traguardi::web
