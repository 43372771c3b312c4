// Login and logout. The login form has no session yet, so its CSRF token is a double-submit
// pair: a random value in a SameSite=Strict cookie and the same value in the form.
#include <fmt/format.h>

#include "app/auth.h"
#include "web/routes.h"

namespace traguardi::web {
namespace {

constexpr const char* kLoginCookie = "tg_accesso";

std::string cookie_attributes(const httplib::Request& req, long max_age) {
  return fmt::format("; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}", max_age,
                     secure_request(req) ? "; Secure" : "");
}

std::string safe_next(const std::string& next) {
  if (next.empty() || next[0] != '/' || next.rfind("//", 0) == 0 ||
      next.find('\\') != std::string::npos)
    return "/";
  return next;
}

void login_form(const httplib::Request& req, httplib::Response& res, const std::string& name,
                const std::string& error, int status) {
  const std::string token = app::random_token();
  res.set_header("Set-Cookie",
                 std::string(kLoginCookie) + "=" + token + cookie_attributes(req, 3600));
  std::string body = "<div class=\"row\"><div class=\"col-12 col-md-8 col-lg-6\">";
  if (!error.empty()) body += alert("danger", error);
  body += fmt::format("<form method=\"post\" action=\"/accesso\" novalidate>"
                      "<input type=\"hidden\" name=\"csrf\" value=\"{}\">"
                      "<input type=\"hidden\" name=\"dopo\" value=\"{}\">",
                      token, esc(safe_next(req.get_param_value("dopo"))));
  body += input_field({"nome", "Nome utente", name, "", "", "text",
                       "autocomplete=\"username\" required autocapitalize=\"none\""});
  body += input_field({"password", "Password", "", "", "", "password",
                       "autocomplete=\"current-password\" required"});
  body += "<button type=\"submit\" class=\"btn btn-primary\">Accedi</button></form>"
          "<p class=\"mt-4\">Le credenziali sono rilasciate dall'amministratore dell'ente.</p>"
          "</div></div>";
  send_html(res, render_page({"Accesso", nullptr, "", "", {}}, body), status);
}

} // namespace

void register_auth_pages(httplib::Server& s, Env& env) {
  s.Get("/accesso", [](const httplib::Request& req, httplib::Response& res) {
    login_form(req, res, "", "", 200);
  });
  s.Post("/accesso", [&env](const httplib::Request& req, httplib::Response& res) {
    const std::string name = req.get_param_value("nome");
    const std::string expected = cookie(req, kLoginCookie);
    if (expected.empty() || expected != req.get_param_value("csrf")) {
      login_form(req, res, name, "Il modulo di accesso è scaduto o non è valido: riprovare.", 403);
      return;
    }
    auto r = env.ws.with_store([&](Store& st) {
      return app::login(st, name, req.get_param_value("password"), req.remote_addr);
    });
    if (!r) {
      login_form(req, res, name, r.error().message,
                 r.error().kind == ErrorKind::conflict ? 429 : 401);
      return;
    }
    res.set_header("Set-Cookie", std::string(kSessionCookie) + "=" + r->cookie_token +
                                     cookie_attributes(req, 8 * 3600));
    redirect(res, safe_next(req.get_param_value("dopo")));
  });
  post_form(s, env, "/esci", [](Call& c) {
    app::logout(c.store, cookie(c.req, kSessionCookie));
    c.res.set_header("Set-Cookie", std::string(kSessionCookie) + "=" + cookie_attributes(c.req, 0));
    redirect(c.res, "/accesso");
  });
}

} // namespace traguardi::web
