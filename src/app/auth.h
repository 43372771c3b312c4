// Signing in to the web application: password check, sessions, CSRF tokens, login throttling.
//
// The server is stateless (issue 10, "Server"): the session, its CSRF token and the counters
// of failed logins are rows in the database (store/accounts.h), so any `serve` process behind
// a proxy can continue a session another one opened and all share one lock-out. The cookie
// carries a random token; only its SHA-256 is stored. After kMaxUserFailures wrong passwords
// for a user (or kMaxAddressFailures from one address) within the window, logins for that key
// are refused until the lock expires, even with the right password.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "app/users.h"
#include "core/error.h"
#include "store/store.h"

namespace traguardi::app {

constexpr int kMaxUserFailures = 5;
constexpr int kMaxAddressFailures = 20;
constexpr std::chrono::minutes kThrottleWindow{15};
constexpr std::chrono::minutes kLockDuration{15};
constexpr std::chrono::hours kSessionLifetime{8};

/// The signed-in user as the web layer sees it.
struct Principal {
  std::string username;
  UserRole role = UserRole::lettore;
  std::string ente;   // empty: every ente
  std::string center; // CdR code (responsabile)
  std::string csrf;   // the session's form token
  std::string token_hash;
};

struct LoginResult {
  std::string cookie_token; // goes to the browser only
  Principal principal;
};

/// Checks the password and opens a session. Errors (Italian, for the login page):
/// wrong name or password (one message for both), account disabled, locked out (with the
/// minutes to wait; ErrorKind::conflict so the page can answer 429).
Result<LoginResult> login(Store& store, std::string_view username, std::string_view password,
                          std::string_view address);
/// The session of a cookie token; nullopt when absent, expired or the user is disabled.
std::optional<Principal> resolve_session(Store& store, std::string_view cookie_token);
void logout(Store& store, std::string_view cookie_token);
/// Constant-time comparison of a submitted CSRF token with the session's.
bool csrf_matches(const Principal& p, std::string_view submitted);

/// hex SHA-256 (tokens are stored hashed).
std::string sha256_hex(std::string_view text);
/// 32 random bytes as hex.
std::string random_token();

} // namespace traguardi::app
