// Personal API tokens from the web (issue 11): every signed-in user lists, creates and revokes
// their own tokens; an amministratore also those of the users of their ente. The same use cases
// as `traguardi token add|list|revoke` (app/api_tokens.h): a new token's secret is shown once,
// on the answer to the form that created it, and never again (only its SHA-256 is stored).
#include <fmt/format.h>

#include "app/api_tokens.h"
#include "app/plan_access.h"
#include "app/users.h"
#include "core/date.h"
#include "core/italian.h"
#include "web/routes.h"

namespace traguardi::web {
namespace {

/// Whose tokens the user may see and manage: their own; an amministratore those of the users
/// of their ente (every user for an amministratore of every ente).
bool manages(const app::Principal& p, const UserAccount& u) {
  if (u.username == p.username) return true;
  return app::can_manage_users(p) && (p.ente.empty() || u.ente == p.ente);
}

std::vector<UserAccount> managed_users(Call& c) {
  std::vector<UserAccount> out;
  for (auto& u : app::list_users(c.store))
    if (manages(c.user, u)) out.push_back(std::move(u));
  return out;
}

std::string date_text(const std::string& iso) {
  auto d = Date::parse_iso(iso.substr(0, 10));
  return d ? italian::format_date(*d) : iso;
}

std::string select_field(const std::string& name, const std::string& label,
                         const std::vector<std::pair<std::string, std::string>>& options,
                         const std::string& chosen, const std::string& error) {
  std::string out = fmt::format(
      "<div class=\"select-wrapper mb-4\"><label for=\"f-{0}\">{1}"
      "</label><select id=\"f-{0}\" name=\"{0}\"{2}>",
      name, esc(label),
      error.empty() ? "" : " aria-invalid=\"true\" aria-describedby=\"e-" + name + "\"");
  for (const auto& [value, text] : options)
    out += fmt::format("<option value=\"{}\"{}>{}</option>", esc(value),
                       value == chosen ? " selected" : "", esc(text));
  out += "</select>";
  if (!error.empty())
    out += fmt::format("<div id=\"e-{}\" class=\"invalid-feedback d-block\">{}</div>", name,
                       esc(error));
  return out + "</div>";
}

std::string token_table(Call& c, const std::vector<UserAccount>& users) {
  const bool others = users.size() > 1;
  std::string out = "<div class=\"table-responsive\"><table class=\"table\"><caption "
                    "class=\"visually-hidden\">Token API</caption><thead><tr><th "
                    "scope=\"col\">N.</th>";
  if (others) out += "<th scope=\"col\">Utente</th>";
  out += "<th scope=\"col\">Ente</th><th scope=\"col\">Ruolo</th><th scope=\"col\">Creato "
         "il</th><th scope=\"col\">Scadenza</th><th scope=\"col\">Stato</th><th "
         "scope=\"col\"><span class=\"visually-hidden\">Azioni</span></th></tr></thead><tbody>";
  int rows = 0;
  for (const auto& u : users)
    for (const auto& t : app::list_api_tokens(c.store, u.username)) {
      const std::string state = app::api_token_state(t);
      std::string action;
      if (state == "attivo")
        action = fmt::format("<form method=\"post\" action=\"/token/{}/revoca\">{}<button "
                             "type=\"submit\" class=\"btn btn-sm btn-outline-danger\">Revoca"
                             "<span class=\"visually-hidden\"> il token {}</span></button>"
                             "</form>",
                             t.id, csrf_field(c.user), t.id);
      auto role = app::user_role_from_string(t.role).value_or(app::UserRole::lettore);
      out += fmt::format("<tr><td>{}</td>", t.id);
      if (others) out += "<td>" + esc(t.username) + "</td>";
      out += fmt::format("<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                         "</tr>",
                         esc(t.ente), app::user_role_label(role), esc(date_text(t.created)),
                         t.expires.empty() ? "nessuna" : esc(date_text(t.expires)), state, action);
      ++rows;
    }
  if (!rows) out += fmt::format("<tr><td colspan=\"{}\">Nessun token.</td></tr>", others ? 8 : 7);
  return out + "</tbody></table></div>";
}

struct Typed {
  app::NewApiToken token;
  std::string field, error;
};

void tokens_page(Call& c, const Typed& typed, const std::string& secret, int status) {
  const auto users = managed_users(c);
  std::string body;
  if (!secret.empty())
    body += "<div class=\"alert alert-success\" role=\"alert\"><p>Token creato. Copiarlo ora: "
            "non sarà più mostrato.</p><p class=\"mb-0\"><code id=\"nuovo-token\">" +
            esc(secret) + "</code></p></div>";
  if (!typed.error.empty()) body += alert("danger", "Token non creato: " + typed.error + ".");
  body += "<p>I token permettono ai programmi (contabilità, personale, strumenti della regione) "
          "di usare l'<a href=\"/api/v1/openapi.json\">API JSON</a> con "
          "«Authorization: Bearer …», con il ruolo e sull'ente scelti qui.</p>";
  body += token_table(c, users);
  body += "<h2 class=\"h4 mt-5\">Nuovo token</h2><div class=\"row\"><div class=\"col-lg-8\">"
          "<form method=\"post\" action=\"/token\" novalidate>" +
          csrf_field(c.user);
  auto err = [&](const char* f) { return typed.field == f ? typed.error : std::string(); };
  if (users.size() > 1) {
    std::vector<std::pair<std::string, std::string>> names;
    for (const auto& u : users)
      names.push_back({u.username, u.username});
    body += select_field("utente", "Utente", names,
                         typed.token.username.empty() ? c.user.username : typed.token.username,
                         err("utente"));
  }
  if (c.user.ente.empty()) {
    std::vector<std::pair<std::string, std::string>> enti;
    for (const auto& e : app::visible_enti(c.store, c.user))
      enti.push_back({e.code, e.name.empty() ? e.code : e.name});
    body += select_field("ente", "Ente", enti, typed.token.ente, err("ente"));
  }
  std::vector<std::pair<std::string, std::string>> roles{{"", "Lo stesso dell'utente"}};
  for (auto r : {app::UserRole::lettore, app::UserRole::responsabile, app::UserRole::controllo,
                 app::UserRole::amministratore})
    roles.push_back({app::to_string(r), app::user_role_label(r)});
  body += select_field("ruolo", "Ruolo del token", roles, typed.token.role, err("ruolo"));
  body += input_field({"scadenza", "Scadenza (ultimo giorno di validità)", typed.token.expires,
                       err("scadenza"), "gg/mm/aaaa; vuoto: nessuna scadenza", "text",
                       "autocomplete=\"off\" inputmode=\"numeric\""});
  body += "<button type=\"submit\" class=\"btn btn-primary\">Crea token</button></form></div>"
          "</div>";
  send_html(c.res, render_page(frame(c, "Token API", "token"), body), status);
}

void add_token(Call& c) {
  Typed typed;
  app::NewApiToken& t = typed.token;
  t.username = c.req.get_param_value("utente");
  if (t.username.empty()) t.username = c.user.username;
  t.ente = c.user.ente.empty() ? c.req.get_param_value("ente") : c.user.ente;
  t.role = c.req.get_param_value("ruolo");
  t.expires = c.req.get_param_value("scadenza");
  const auto users = managed_users(c);
  if (std::none_of(users.begin(), users.end(),
                   [&](const UserAccount& u) { return u.username == t.username; })) {
    typed.field = "utente";
    typed.error = "utente non trovato fra quelli che può gestire";
    return tokens_page(c, typed, "", 400);
  }
  // A token never has a role above the one of who creates it.
  if (auto r = app::user_role_from_string(t.role);
      r && app::role_rank(*r) < app::role_rank(c.user.role)) {
    typed.field = "ruolo";
    typed.error = "il ruolo del token non può essere superiore al proprio";
    return tokens_page(c, typed, "", 400);
  }
  auto made = app::add_api_token(c.store, t);
  if (!made) {
    const std::string& where = made.error().where;
    typed.field = where.find("scadenza") != std::string::npos ? "scadenza"
                  : where.find("ruolo") != std::string::npos  ? "ruolo"
                  : where.find("ente") != std::string::npos   ? "ente"
                                                              : "utente";
    typed.error = made.error().message;
    return tokens_page(c, typed, "", 400);
  }
  tokens_page(c, {}, made->secret, 200);
}

void revoke_token(Call& c) {
  const std::int64_t id = std::stoll(c.req.matches[1].str());
  for (const auto& u : managed_users(c))
    for (const auto& t : app::list_api_tokens(c.store, u.username))
      if (t.id == id) {
        auto r = app::revoke_api_token(c.store, id);
        if (!r) return error_page(c, 400, "Revoca non riuscita", r.error().message);
        return redirect(c.res, "/token");
      }
  error_page(c, 404, "Token non trovato", "Nessun token con questo numero fra i suoi.");
}

} // namespace

void register_token_pages(httplib::Server& s, Env& env) {
  get_page(s, env, "/token", [](Call& c) { tokens_page(c, {}, "", 200); });
  post_form(s, env, "/token", add_token);
  post_form(s, env, "/token/([0-9]{1,12})/revoca", revoke_token);
}

} // namespace traguardi::web
