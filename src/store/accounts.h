// The web application's accounts, sessions and login throttles, kept in the plan's database.
//
// Why in the database: several `traguardi serve` processes behind one reverse proxy share one
// PostgreSQL, so a session opened on one must be valid on the other and a password guesser
// must not get a fresh allowance per process. The server keeps nothing between requests.
// Secrets never reach this layer in clear: passwords arrive as argon2id strings and session
// tokens as their SHA-256 (app/auth.h), so a copy of the database opens no session.
// Times are ISO-8601 UTC text ("2026-12-01T20:30:00Z"), which orders like the instants.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace traguardi {

struct UserAccount {
  std::string username;
  std::string password_hash; // crypto_pwhash_str output (argon2id)
  std::string role;          // amministratore | controllo | responsabile | lettore
  std::string ente;          // empty: every ente (only for amministratore)
  std::string center;        // CdR code (responsabile: the subtree it may edit)
  bool disabled = false;
  std::string created;
};

struct WebSession {
  std::string token_hash; // hex SHA-256 of the cookie value
  std::string username;
  std::string csrf;    // per-session form token
  std::string expires; // ISO UTC
};

/// Failed logins counted for one key ("utente:rossi" or "ip:127.0.0.1").
struct LoginThrottle {
  int failures = 0;
  std::string window_start; // first failure of the current window
  std::string locked_until; // empty: not locked
};

/// A personal API token (issue 11): the secret is shown once; only its SHA-256 is kept.
struct ApiToken {
  std::int64_t id = 0;
  std::string token_hash;
  std::string username;
  std::string ente;    // the one ente it may open
  std::string role;    // not above the user's
  std::string expires; // last valid day, ISO "2027-06-30"; empty: no expiry
  std::string created; // ISO UTC
  bool revoked = false;
};

class Accounts {
public:
  virtual ~Accounts() = default;
  virtual std::vector<UserAccount> list_users() = 0;
  virtual std::optional<UserAccount> find_user(std::string_view username) = 0;
  /// Conflict when the username exists.
  virtual void add_user(const UserAccount& u) = 0;
  /// Replaces hash, role, ente, center and disabled; NotFound when absent.
  virtual void update_user(const UserAccount& u) = 0;

  virtual void add_session(const WebSession& s) = 0;
  virtual std::optional<WebSession> find_session(std::string_view token_hash) = 0;
  /// The session and its user in one look-up: every signed-in request needs both.
  struct SignedIn {
    WebSession session;
    UserAccount user;
  };
  virtual std::optional<SignedIn> find_signed_in(std::string_view token_hash) {
    auto s = find_session(token_hash);
    if (!s) return std::nullopt;
    auto u = find_user(s->username);
    if (!u) return std::nullopt;
    return SignedIn{*s, *u};
  }
  virtual void remove_session(std::string_view token_hash) = 0;
  virtual void remove_sessions_of(std::string_view username) = 0;
  /// Drops sessions whose `expires` is before `now`.
  virtual void remove_expired_sessions(std::string_view now) = 0;

  virtual LoginThrottle throttle(std::string_view key) = 0;
  virtual void put_throttle(std::string_view key, const LoginThrottle& t) = 0;
  virtual void clear_throttle(std::string_view key) = 0;

  /// Stores the token and returns its id.
  virtual std::int64_t add_token(const ApiToken& t) = 0;
  /// Every token (of `username` when not empty), by id.
  virtual std::vector<ApiToken> list_tokens(std::string_view username) = 0;
  virtual std::optional<ApiToken> find_token(std::string_view token_hash) = 0;
  /// The token and its user in one look-up: every API request needs both (as find_signed_in
  /// for the pages' sessions).
  struct TokenHolder {
    ApiToken token;
    UserAccount user;
  };
  virtual std::optional<TokenHolder> find_token_holder(std::string_view token_hash) {
    auto t = find_token(token_hash);
    if (!t) return std::nullopt;
    auto u = find_user(t->username);
    if (!u) return std::nullopt;
    return TokenHolder{*t, *u};
  }
  /// Marks it revoked; NotFound when no token has that id.
  virtual void revoke_token(std::int64_t id) = 0;

  /// API rate limiting shared by every server process (issue 11): adds `delta` requests of
  /// `key` (a token's hash) made through `server` in `minute` (minutes since the epoch) and
  /// returns the requests of every server for that key in minute - 1 and in minute.
  virtual std::pair<std::int64_t, std::int64_t> add_rate_count(std::string_view key,
                                                               std::string_view server,
                                                               std::int64_t minute,
                                                               std::int64_t delta) = 0;
  /// Forgets the counts of minutes before `minute`.
  virtual void prune_rate_counts(std::int64_t minute) = 0;
};

} // namespace traguardi
