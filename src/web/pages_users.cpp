// User administration (amministratore only): the list of accounts of the ente, a form to add
// one, and disabling/enabling. The same use cases as `traguardi user`.
#include <fmt/format.h>

#include "app/plan_access.h"
#include "app/users.h"
#include "web/routes.h"

namespace traguardi::web {
namespace {

bool allowed(Call& c) {
  if (app::can_manage_users(c.user)) return true;
  error_page(c, 403, "Accesso negato", "Solo un amministratore gestisce le utenze.");
  return false;
}

/// Users an amministratore of an ente may see: those of the same ente.
bool visible(const app::Principal& admin, const UserAccount& u) {
  return admin.ente.empty() || u.ente == admin.ente;
}

std::string role_select(const std::string& chosen, const std::string& error) {
  std::string out =
      "<div class=\"select-wrapper mb-4\"><label for=\"f-ruolo\">Ruolo</label>"
      "<select id=\"f-ruolo\" name=\"ruolo\"" +
      std::string(error.empty() ? "" : " aria-invalid=\"true\" aria-describedby=\"e-ruolo\"") + ">";
  for (auto r : {app::UserRole::lettore, app::UserRole::responsabile, app::UserRole::controllo,
                 app::UserRole::amministratore})
    out += fmt::format("<option value=\"{}\"{}>{}</option>", app::to_string(r),
                       chosen == app::to_string(r) ? " selected" : "", app::user_role_label(r));
  out += "</select>";
  if (!error.empty())
    out += "<div id=\"e-ruolo\" class=\"invalid-feedback d-block\">" + esc(error) + "</div>";
  return out + "</div>";
}

void users_page(Call& c, const app::NewUser& typed, const std::string& field,
                const std::string& error, const std::string& notice, int status) {
  std::string body;
  if (!notice.empty()) body += alert("success", notice);
  if (!error.empty()) body += alert("danger", "Utenza non creata: " + error + ".");
  body += "<div class=\"table-responsive\"><table class=\"table\"><caption "
          "class=\"visually-hidden\">Utenze</caption><thead><tr><th scope=\"col\">Utente</th><th "
          "scope=\"col\">Ruolo</th><th scope=\"col\">Ente</th><th scope=\"col\">CdR</th><th "
          "scope=\"col\">Stato</th><th scope=\"col\"><span "
          "class=\"visually-hidden\">Azioni</span></th></tr></thead><tbody>";
  for (const auto& u : app::list_users(c.store)) {
    if (!visible(c.user, u)) continue;
    auto role = app::user_role_from_string(u.role).value_or(app::UserRole::lettore);
    std::string action;
    if (u.username != c.user.username)
      action =
          fmt::format("<form method=\"post\" action=\"/utenti/{}/{}\">{}<button "
                      "type=\"submit\" class=\"btn btn-sm btn-outline-primary\">{}<span "
                      "class=\"visually-hidden\"> {}</span></button></form>",
                      esc(url_encode(u.username)), u.disabled ? "riattiva" : "disattiva",
                      csrf_field(c.user), u.disabled ? "Riattiva" : "Disattiva", esc(u.username));
    body += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                        "</tr>",
                        esc(u.username), app::user_role_label(role),
                        esc(u.ente.empty() ? "tutti" : u.ente), esc(u.center),
                        u.disabled ? "disattivata" : "attiva", action);
  }
  body += "</tbody></table></div><h2 class=\"h4 mt-5\">Nuova utenza</h2><div class=\"row\"><div "
          "class=\"col-lg-8\"><form method=\"post\" action=\"/utenti\" novalidate>" +
          csrf_field(c.user);
  auto err = [&](const char* f) { return field == f ? error : std::string(); };
  body += input_field({"nome", "Nome utente", typed.username, err("nome"),
                       "Da 2 a 64 caratteri: lettere minuscole, cifre, punto, trattini", "text",
                       "autocomplete=\"off\" autocapitalize=\"none\""});
  body += role_select(typed.role.empty() ? "lettore" : typed.role, err("ruolo"));
  body += input_field({"cdr", "Centro di responsabilità (per il responsabile)", typed.center,
                       err("cdr"), "Codice del CdR, per esempio un codice di settore", "text", ""});
  body += input_field({"password", "Password iniziale", "", err("password"),
                       "Almeno 10 caratteri; l'utente la comunica solo a voce", "password",
                       "autocomplete=\"new-password\""});
  body +=
      "<button type=\"submit\" class=\"btn btn-primary\">Crea utenza</button></form></div></div>";
  send_html(c.res, render_page(frame(c, "Utenti", "utenti"), body), status);
}

void add_user(Call& c) {
  if (!allowed(c)) return;
  app::NewUser u{c.req.get_param_value("nome"), c.req.get_param_value("password"),
                 c.req.get_param_value("ruolo"), c.user.ente, c.req.get_param_value("cdr")};
  if (u.ente.empty()) {
    auto enti = app::visible_enti(c.store, c.user);
    if (!enti.empty()) u.ente = enti.front().code;
  }
  auto r = app::add_user(c.store, u);
  if (!r) return users_page(c, u, r.error().where, r.error().message, "", 400);
  users_page(c, {}, "", "", "Utenza " + u.username + " creata.", 200);
}

void toggle_user(Call& c) {
  if (!allowed(c)) return;
  const std::string name = c.req.matches[1];
  const bool disable = c.req.matches[2] == "disattiva";
  auto users = app::list_users(c.store);
  auto it = std::find_if(users.begin(), users.end(), [&](auto& u) { return u.username == name; });
  if (it == users.end() || !visible(c.user, *it))
    return error_page(c, 404, "Utente non trovato", "Nessuna utenza con questo nome.");
  auto r = app::set_disabled(c.store, name, disable);
  if (!r) return error_page(c, 400, "Operazione non riuscita", r.error().message);
  redirect(c.res, "/utenti");
}

} // namespace

void register_user_pages(httplib::Server& s, Env& env) {
  get_page(s, env, "/utenti", [](Call& c) {
    if (allowed(c)) users_page(c, {}, "", "", "", 200);
  });
  post_form(s, env, "/utenti", add_user);
  post_form(s, env, "/utenti/([a-z0-9._-]{2,64})/(disattiva|riattiva)", toggle_user);
}

} // namespace traguardi::web
