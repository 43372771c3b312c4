// Personal API tokens (issue 11): how integrations (accounting, HR, the region's tools) sign
// in to /api/v1 without a password.
//
// A token is created by an amministratore or its user (`traguardi token add`), shown once and
// stored as its SHA-256 only, like session cookies (app/auth.h). It is bound to one ente and a
// role not above its user's, so a token given to an accounting system can be narrower than the
// person who made it; it may carry a last day of validity. A token stops working when revoked,
// expired, or when its user is disabled; the user's CdR still limits a responsabile's token.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/auth.h"
#include "app/session.h"
#include "core/error.h"
#include "store/store.h"

namespace traguardi::app {

struct NewApiToken {
  std::string username;
  std::string ente;    // empty: the user's ente (required for a user of every ente)
  std::string role;    // empty: the user's role
  std::string expires; // gg/mm/aaaa, last valid day; empty: no expiry
};

struct CreatedApiToken {
  std::int64_t id = 0;
  std::string secret; // "tg_" + 64 hex: shown once, never stored
  ApiToken token;
};

/// Validates scope and expiry (InvalidInput naming the option; NotFound for an unknown user
/// or ente) and stores the token hashed.
Result<CreatedApiToken> add_api_token(Store& store, const NewApiToken& in);
/// Tokens of `username` (every user's when empty), without secrets.
std::vector<ApiToken> list_api_tokens(Store& store, std::string_view username);
Result<void> revoke_api_token(Store& store, std::int64_t id);
/// The same on the session's database, for the command line.
inline Result<CreatedApiToken> add_api_token(Session& s, const NewApiToken& in) {
  return add_api_token(s.store(), in);
}
inline std::vector<ApiToken> list_api_tokens(Session& s, std::string_view username) {
  return list_api_tokens(s.store(), username);
}
inline Result<void> revoke_api_token(Session& s, std::int64_t id) {
  return revoke_api_token(s.store(), id);
}
/// "attivo", "revocato" or "scaduto" as of today.
std::string api_token_state(const ApiToken& t);

/// The principal a bearer token acts as; nullopt when unknown, revoked, expired or its user
/// disabled. `token_hash` of the principal identifies the token (for rate limiting).
std::optional<Principal> resolve_api_token(Store& store, std::string_view secret);

/// Roles from most to least powerful: amministratore 0 … lettore 3.
int role_rank(UserRole r);

} // namespace traguardi::app
