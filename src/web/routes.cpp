#include "web/routes.h"

#include <fmt/format.h>

#include "app/ente_choice.h"
#include "core/error.h"

namespace traguardi::web {

// The one mapping of error kinds to statuses lives in core (beside the exit codes).
int http_status(ErrorKind k) {
  return error_kind_http_status(k);
}

namespace {

/// Runs `page` with the signed-in user, or answers for the anonymous visitor.
void with_user(const httplib::Request& req, httplib::Response& res, Env& env, const Page& page,
               bool unsafe) {
  env.ws.with_store([&](Store& store) {
    auto user = app::resolve_session(store, cookie(req, kSessionCookie));
    if (!user) {
      if (unsafe) {
        send_html(res,
                  render_page({"Sessione scaduta", nullptr, "", "", {}},
                              alert("warning", "La sessione è scaduta o non è valida: accedere "
                                               "di nuovo. Nessuna modifica è stata salvata.") +
                                  "<p><a href=\"/accesso\">Vai all'accesso</a></p>"),
                  403);
      } else {
        redirect(res, "/accesso?dopo=" + url_encode(req.path));
      }
      return;
    }
    Call c{req, res, env, store, std::move(*user)};
    if (app::may_switch_ente(store, c.user)) {
      c.several_enti = true;
      app::choose_ente(store, c.user, cookie(req, kEnteCookie));
    }
    // A multipart form (file upload) carries its token as a part, not as a parameter.
    const std::string submitted = req.has_param("csrf") || !req.has_file("csrf")
                                      ? req.get_param_value("csrf")
                                      : req.get_file_value("csrf").content;
    if (unsafe && !app::csrf_matches(c.user, submitted)) {
      error_page(c, 403, "Richiesta rifiutata",
                 "Il modulo non porta un codice di sicurezza valido (CSRF): ricaricare la "
                 "pagina e riprovare. Nessuna modifica è stata salvata.");
      return;
    }
    try {
      page(c);
    } catch (const TraguardiError& e) {
      error_page(c, http_status(e.kind()), "Operazione non riuscita", e.what());
    }
  });
}

} // namespace

void get_page(httplib::Server& s, Env& env, const std::string& pattern, Page page) {
  s.Get(pattern, [&env, page](const httplib::Request& req, httplib::Response& res) {
    with_user(req, res, env, page, false);
  });
}

void post_form(httplib::Server& s, Env& env, const std::string& pattern, Page page) {
  s.Post(pattern, [&env, page](const httplib::Request& req, httplib::Response& res) {
    if (!req.is_multipart_form_data()) return with_user(req, res, env, page, true);
    // The pages post multipart because Debian's cpp-httplib refuses url-encoded bodies over
    // 8 KB (compiled in): a long stato di attuazione, sent twice (value and original), passes
    // that. Text parts become parameters, so every handler reads one kind of form.
    httplib::Request form = req;
    for (const auto& [name, part] : req.files)
      if (part.filename.empty() && !form.has_param(name)) form.params.emplace(name, part.content);
    with_user(form, res, env, page, true);
  });
}

void send_html(httplib::Response& res, const std::string& html, int status) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(html, "text/html; charset=utf-8");
}

void redirect(httplib::Response& res, const std::string& to) {
  res.status = 303;
  res.set_header("Location", to.empty() || to[0] != '/' || to.rfind("//", 0) == 0 ? "/" : to);
}

bool secure_request(const httplib::Request& req) {
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
  if (req.ssl) return true;
#endif
  return req.get_header_value("X-Forwarded-Proto") == "https";
}

std::string cookie(const httplib::Request& req, const std::string& name) {
  const std::string header = req.get_header_value("Cookie");
  std::size_t pos = 0;
  while (pos < header.size()) {
    std::size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string_view part(header.data() + pos, end - pos);
    while (!part.empty() && part.front() == ' ')
      part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name &&
        part[name.size()] == '=')
      return std::string(part.substr(name.size() + 1));
    pos = end + 1;
  }
  return {};
}

PageFrame frame(const Call& c, std::string title, std::string active, const Dataset* d) {
  PageFrame f;
  f.title = std::move(title);
  f.user = &c.user;
  f.active = std::move(active);
  f.ente_switch = c.several_enti;
  if (d) f.ente_name = d->ente.name;
  if (d && d->district) // national users reach another ente through ?ente=
    f.district_href =
        "/distretto" + (c.user.ente.empty() ? "?ente=" + url_encode(d->ente.code) : "");
  return f;
}

void error_page(Call& c, int status, const std::string& title, const std::string& message) {
  PageFrame f = frame(c, title, "");
  send_html(
      c.res,
      render_page(f, alert("danger", message) + "<p><a href=\"/\">Torna al cruscotto</a></p>"),
      status);
}

} // namespace traguardi::web
