// The ente picker: GET /enti lists the enti the signed-in user may open, POST /enti chooses one
// (a cookie the next requests read; app/ente_choice.h narrows the session to it) or, with no
// ente, goes back to the default. A user bound to one ente sees only it and cannot choose
// another: the choice never widens what a session may reach.
#include <fmt/format.h>

#include "app/ente_choice.h"
#include "app/plan_access.h"
#include "web/routes.h"

namespace traguardi::web {
namespace {

/// The principal before the picker narrowed it.
app::Principal unscoped(const Call& c) {
  app::Principal p = c.user;
  if (c.several_enti) p.ente.clear();
  return p;
}

std::string ente_cookie(const httplib::Request& req, const std::string& value, long max_age) {
  return fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}", kEnteCookie, value,
                     max_age, secure_request(req) ? "; Secure" : "");
}

void picker(Call& c) {
  const auto enti = app::visible_enti(c.store, unscoped(c));
  std::string body = "<p>Enti che può consultare con la sua utenza. La scelta vale per le pagine "
                     "che apre da ora in questo browser.</p>";
  if (!c.several_enti)
    body += alert("info", "La sua utenza è abilitata a un solo ente: non ci sono altri enti da "
                          "scegliere.");
  body += "<div class=\"table-responsive\"><table class=\"table\"><caption "
          "class=\"visually-hidden\">Enti</caption><thead><tr><th scope=\"col\">Codice</th><th "
          "scope=\"col\">Ente</th><th scope=\"col\"><span "
          "class=\"visually-hidden\">Azioni</span></th></tr></thead><tbody>";
  for (const auto& e : enti) {
    const bool current = e.code == c.user.ente;
    std::string action = current ? "<span class=\"badge bg-primary\">ente attuale</span>" : "";
    if (c.several_enti && !current)
      action = fmt::format("<form method=\"post\" action=\"/enti\">{}<input type=\"hidden\" "
                           "name=\"ente\" value=\"{}\"><button type=\"submit\" class=\"btn "
                           "btn-sm btn-outline-primary\">Apri<span class=\"visually-hidden\"> "
                           "{}</span></button></form>",
                           csrf_field(c.user), esc(e.code), esc(e.name));
    body +=
        fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>", esc(e.code), esc(e.name), action);
  }
  body += "</tbody></table></div>";
  PageFrame fr = frame(c, "Scegli l'ente", "");
  fr.crumbs = {{"Cruscotto", "/"}, {"Scegli l'ente", ""}};
  if (!c.user.ente.empty())
    for (const auto& e : enti)
      if (e.code == c.user.ente) fr.ente_name = e.name;
  send_html(c.res, render_page(fr, body));
}

void choose(Call& c) {
  const std::string code = c.req.get_param_value("ente");
  if (!c.several_enti)
    return error_page(c, code.empty() || code == c.user.ente ? 403 : 404, "Ente non disponibile",
                      "La sua utenza è abilitata a un solo ente.");
  if (code.empty()) {
    c.res.set_header("Set-Cookie", ente_cookie(c.req, "", 0));
    return redirect(c.res, "/");
  }
  app::Principal p = unscoped(c);
  if (!app::choose_ente(c.store, p, code))
    return error_page(c, 404, "Ente non trovato", "Nessun ente con questo codice tra i suoi.");
  c.res.set_header("Set-Cookie", ente_cookie(c.req, p.ente, 8 * 3600));
  redirect(c.res, "/");
}

} // namespace

void register_ente_picker(httplib::Server& s, Env& env) {
  get_page(s, env, "/enti", picker);
  post_form(s, env, "/enti", choose);
}

} // namespace traguardi::web
