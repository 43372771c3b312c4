#include "web/api_access.h"

#include <fmt/format.h>

#include "app/api_tokens.h"

namespace traguardi::web {
namespace {

std::optional<app::Principal> authenticate(const httplib::Request& req, httplib::Response& res,
                                           bool unsafe, Store& store) {
  const std::string auth = req.get_header_value("Authorization");
  if (!auth.empty()) {
    const std::string scheme = "Bearer ";
    auto p = auth.rfind(scheme, 0) == 0 ? app::resolve_api_token(store, auth.substr(scheme.size()))
                                        : std::nullopt;
    if (!p) {
      res.set_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      send_problem(res, {401, "", "token mancante, non valido, scaduto o revocato", {}});
    }
    return p;
  }
  auto p = app::resolve_session(store, cookie(req, kSessionCookie));
  if (!p) {
    res.set_header("WWW-Authenticate", "Bearer");
    send_problem(res, {401,
                       "",
                       "autenticarsi con «Authorization: Bearer <token>» (traguardi token add) "
                       "o con la sessione dell'applicazione web",
                       {}});
    return p;
  }
  if (unsafe && !app::csrf_matches(*p, req.get_header_value("X-CSRF-Token"))) {
    send_problem(res, {403,
                       "Richiesta rifiutata",
                       "con la sessione web le modifiche richiedono l'intestazione X-CSRF-Token "
                       "della sessione",
                       {}});
    return std::nullopt;
  }
  return p;
}

void with_api_user(const httplib::Request& req, httplib::Response& res, Env& env,
                   const ApiHandler& h, bool unsafe) {
  env.ws.with_store([&](Store& store) {
    auto user = authenticate(req, res, unsafe, store);
    if (!user) return;
    if (env.api_limiter)
      if (int wait = env.api_limiter->acquire(store, user->token_hash); wait > 0) {
        res.set_header("Retry-After", std::to_string(wait));
        return send_problem(res, {429,
                                  "",
                                  fmt::format("troppe richieste con questo token: riprovare tra "
                                              "{} secondi",
                                              wait),
                                  {}});
      }
    ApiCall c{req, res, env, store, std::move(*user)};
    try {
      h(c);
    } catch (const TraguardiError& e) {
      send_problem(res, problem_of(e.kind(), e.what()));
    }
  });
}

} // namespace

void api_get(httplib::Server& s, Env& env, const std::string& pattern, ApiHandler h) {
  s.Get(pattern, [&env, h](const httplib::Request& req, httplib::Response& res) {
    with_api_user(req, res, env, h, false);
  });
}

void api_patch(httplib::Server& s, Env& env, const std::string& pattern, ApiHandler h) {
  s.Patch(pattern, [&env, h](const httplib::Request& req, httplib::Response& res) {
    with_api_user(req, res, env, h, true);
  });
}

void api_post(httplib::Server& s, Env& env, const std::string& pattern, ApiHandler h) {
  s.Post(pattern, [&env, h](const httplib::Request& req, httplib::Response& res) {
    with_api_user(req, res, env, h, true);
  });
}

void api_put(httplib::Server& s, Env& env, const std::string& pattern, ApiHandler h) {
  s.Put(pattern, [&env, h](const httplib::Request& req, httplib::Response& res) {
    with_api_user(req, res, env, h, true);
  });
}

void api_delete(httplib::Server& s, Env& env, const std::string& pattern, ApiHandler h) {
  s.Delete(pattern, [&env, h](const httplib::Request& req, httplib::Response& res) {
    with_api_user(req, res, env, h, true);
  });
}

std::string etag_of(std::int64_t version) {
  return "\"" + std::to_string(version) + "\"";
}

std::string etag_of_text(std::string_view body) {
  return "\"" + app::sha256_hex(body).substr(0, 32) + "\"";
}

void send_json_text(ApiCall& c, std::string body, const std::string& etag) {
  c.res.set_header("Cache-Control", "private, no-cache");
  if (!etag.empty()) {
    c.res.set_header("ETag", etag);
    if (c.req.get_header_value("If-None-Match") == etag) {
      c.res.status = 304;
      return;
    }
  }
  c.res.status = 200;
  c.res.body = std::move(body); // what set_content does, without copying a long page
  c.res.set_header("Content-Type", "application/json");
}

void send_json(ApiCall& c, const Json& body, const std::string& etag) {
  send_json_text(c, body.dump(-1, ' ', false, Json::error_handler_t::replace), etag);
}

} // namespace traguardi::web
