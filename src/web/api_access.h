// Who is calling /api/v1 and how often: the rules every API handler shares, applied once.
//
// A request is signed in with `Authorization: Bearer <token>` (app/api_tokens.h) or with the
// web login's session cookie, so the pages' own scripts can call the API; with the cookie an
// unsafe method also needs the session's CSRF token in `X-CSRF-Token`, since a browser sends
// cookies on cross-site requests. Each token (or session) gets a budget of requests per minute
// shared by every server process (app/api_rate_limit.h): past it the answer is 429 with
// Retry-After. Errors of handlers become problem+json with the status of core/error.h's kind
// (routes.h).
#pragma once

#include <functional>
#include <string>

#include <httplib.h>

#include "app/api_rate_limit.h"
#include "app/auth.h"
#include "web/json_body.h"
#include "web/routes.h"

namespace traguardi::web {

struct ApiCall {
  const httplib::Request& req;
  httplib::Response& res;
  Env& env;
  Store& store;
  app::Principal user;
};

using ApiHandler = std::function<void(ApiCall&)>;

void api_get(httplib::Server& s, Env& env, const std::string& pattern, ApiHandler h);
void api_patch(httplib::Server& s, Env& env, const std::string& pattern, ApiHandler h);
void api_post(httplib::Server& s, Env& env, const std::string& pattern, ApiHandler h);
void api_put(httplib::Server& s, Env& env, const std::string& pattern, ApiHandler h);
void api_delete(httplib::Server& s, Env& env, const std::string& pattern, ApiHandler h);

/// 200 with a JSON body (and the ETag when not empty); answers 304 to a matching If-None-Match.
void send_json(ApiCall& c, const Json& body, const std::string& etag = {});
/// Same, for a body already written as JSON text.
void send_json_text(ApiCall& c, std::string body, const std::string& etag = {});
/// "\"42\"" for version 42.
std::string etag_of(std::int64_t version);
/// The ETag of a document that has no version of its own (a roll-up over a plan, or over
/// several enti's plans): a digest of its text, so it moves exactly when the document does.
std::string etag_of_text(std::string_view body);

} // namespace traguardi::web
