// What every page handler receives, and the registration of each group of pages.
//
// Handlers are plain functions over (Call&): the request, the response, the database through
// app::Workspace and the signed-in user. Helpers here enforce the rules every handler shares —
// sign-in required, CSRF on unsafe methods, errors mapped to HTTP statuses — so a page cannot
// forget them.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include <httplib.h>

#include "app/auth.h"
#include "app/sheet_views.h"
#include "app/workspace.h"
#include "core/error.h"
#include "web/html.h"

namespace traguardi::app {
class ApiRateLimiter;
}

namespace traguardi::web {

class Assets;

struct Env {
  app::Workspace& ws;
  const Assets& assets;
  app::ApiRateLimiter* api_limiter = nullptr; // requests per token per minute of /api/v1
};

struct Call {
  const httplib::Request& req;
  httplib::Response& res;
  Env& env;
  Store& store;
  app::Principal user;
  /// The user may open several enti (app/ente_choice.h); `user.ente` then holds the one chosen
  /// with the picker, when any.
  bool several_enti = false;
};

using Page = std::function<void(Call&)>;

/// GET page for signed-in users; anonymous visitors are sent to the login page.
void get_page(httplib::Server& s, Env& env, const std::string& pattern, Page page);
/// POST form for signed-in users; CSRF token checked first (403 and nothing done when wrong).
void post_form(httplib::Server& s, Env& env, const std::string& pattern, Page page);

/// The plan filters of a query string (vista, livello, cdr, responsabile, assessorato, stato,
/// q, anno), shared by the plan page, its downloads and the API's objective list.
app::PlanFilter plan_filter_of(const httplib::Request& req);

/// The HTTP status of an error kind (core/error.h), for pages and the API alike.
int http_status(ErrorKind k);

/// Writes a complete error page with its status.
void error_page(Call& c, int status, const std::string& title, const std::string& message);
void send_html(httplib::Response& res, const std::string& html, int status = 200);
/// 303 See Other to a local path.
void redirect(httplib::Response& res, const std::string& to);
/// The request came over TLS, directly (--tls-cert) or through a proxy that says so
/// (X-Forwarded-Proto: https): cookies then get `Secure`.
bool secure_request(const httplib::Request& req);
/// The session cookie value from the request, when present.
std::string cookie(const httplib::Request& req, const std::string& name);
/// The frame (title, user, ente) of a page of the signed-in user.
PageFrame frame(const Call& c, std::string title, std::string active, const Dataset* d = nullptr);

void register_auth_pages(httplib::Server& s, Env& env);
void register_dashboard(httplib::Server& s, Env& env);
void register_plan_pages(httplib::Server& s, Env& env);
void register_objective_pages(httplib::Server& s, Env& env);
void register_user_pages(httplib::Server& s, Env& env);
void register_audit_pages(httplib::Server& s, Env& env);
void register_district_pages(httplib::Server& s, Env& env);
void register_upload_pages(httplib::Server& s, Env& env);
void register_ente_picker(httplib::Server& s, Env& env);
void register_api(httplib::Server& s, Env& env);
void register_token_pages(httplib::Server& s, Env& env);

constexpr const char* kSessionCookie = "tg_sessione";
/// The ente chosen with the picker (not a secret: it only narrows what the session may see).
constexpr const char* kEnteCookie = "tg_ente";

} // namespace traguardi::web
