#include "store/sql_accounts.h"

#include <fmt/format.h>

#include "core/error.h"
#include "store/value_codec.h"

namespace traguardi::sql {
namespace {

const std::string kUserColumns =
    "username, password_hash, role, ente, center, disabled, created FROM web_user";

UserAccount user_of(const Statement& st) {
  UserAccount u;
  u.username = as_text(st.column(0));
  u.password_hash = as_text(st.column(1));
  u.role = as_text(st.column(2));
  u.ente = as_text(st.column(3));
  u.center = as_text(st.column(4));
  u.disabled = as_int(st.column(5)).value_or(0) != 0;
  u.created = as_text(st.column(6));
  return u;
}

const std::string kTokenColumns =
    "id, token_hash, username, ente, role, expires, created, revoked FROM api_token";

/// The token whose kTokenColumns start at column `first`.
ApiToken token_of(const Statement& st, int first = 0) {
  ApiToken t;
  t.id = as_int(st.column(first)).value_or(0);
  t.token_hash = as_text(st.column(first + 1));
  t.username = as_text(st.column(first + 2));
  t.ente = as_text(st.column(first + 3));
  t.role = as_text(st.column(first + 4));
  t.expires = as_text(st.column(first + 5));
  t.created = as_text(st.column(first + 6));
  t.revoked = as_int(st.column(first + 7)).value_or(0) != 0;
  return t;
}

/// One statement in its own transaction unless the caller already opened one.
// One SELECT is atomic by itself; BEGIN and COMMIT around it would cost two more statements and
// a lock round on SQLite, on the path of every web and API request (session and token look-up).
template <typename F> auto single_read(Connection&, F&& f) -> decltype(f()) {
  return f();
}

template <typename F> auto atomically(Connection& c, F&& f) -> decltype(f()) {
  c.begin();
  try {
    if constexpr (std::is_void_v<decltype(f())>) {
      f();
      c.commit();
    } else {
      auto r = f();
      c.commit();
      return r;
    }
  } catch (...) {
    c.rollback();
    throw;
  }
}

} // namespace

std::vector<UserAccount> SqlAccounts::list_users() {
  return atomically(c_, [&] {
    std::vector<UserAccount> out;
    Statement& st = c_.prepare("SELECT " + kUserColumns + " ORDER BY username");
    st.reset();
    while (st.step())
      out.push_back(user_of(st));
    st.reset();
    return out;
  });
}

std::optional<UserAccount> SqlAccounts::find_user(std::string_view username) {
  return single_read(c_, [&]() -> std::optional<UserAccount> {
    Statement& st = c_.prepare("SELECT " + kUserColumns + " WHERE username = ?");
    st.reset();
    st.bind(1, std::string(username));
    std::optional<UserAccount> u;
    if (st.step()) u = user_of(st);
    st.reset();
    return u;
  });
}

void SqlAccounts::add_user(const UserAccount& u) {
  atomically(c_, [&] {
    Statement& st = c_.prepare("SELECT 1 FROM web_user WHERE username = ?");
    st.reset();
    st.bind(1, u.username);
    bool exists = st.step();
    st.reset();
    if (exists) throw Conflict(fmt::format("l'utente «{}» esiste già", u.username));
    run(c_,
        "INSERT INTO web_user (username, password_hash, role, ente, center, disabled, created) "
        "VALUES (?,?,?,?,?,?,?)",
        {val(u.username), val(u.password_hash), val(u.role), val(u.ente), val(u.center),
         val(u.disabled), val(u.created)});
  });
}

void SqlAccounts::update_user(const UserAccount& u) {
  atomically(c_, [&] {
    auto n = run(c_,
                 "UPDATE web_user SET password_hash = ?, role = ?, ente = ?, center = ?, "
                 "disabled = ? WHERE username = ?",
                 {val(u.password_hash), val(u.role), val(u.ente), val(u.center), val(u.disabled),
                  val(u.username)});
    if (n == 0) throw NotFound(fmt::format("utente «{}» non trovato", u.username));
  });
}

void SqlAccounts::add_session(const WebSession& s) {
  atomically(c_, [&] {
    run(c_, "INSERT INTO web_session (token_hash, username, csrf, expires) VALUES (?,?,?,?)",
        {val(s.token_hash), val(s.username), val(s.csrf), val(s.expires)});
  });
}

std::optional<WebSession> SqlAccounts::find_session(std::string_view token_hash) {
  return single_read(c_, [&]() -> std::optional<WebSession> {
    Statement& st = c_.prepare(
        "SELECT token_hash, username, csrf, expires FROM web_session WHERE token_hash = ?");
    st.reset();
    st.bind(1, std::string(token_hash));
    std::optional<WebSession> s;
    if (st.step())
      s = WebSession{as_text(st.column(0)), as_text(st.column(1)), as_text(st.column(2)),
                     as_text(st.column(3))};
    st.reset();
    return s;
  });
}

std::optional<Accounts::SignedIn> SqlAccounts::find_signed_in(std::string_view token_hash) {
  return single_read(c_, [&]() -> std::optional<SignedIn> {
    // The user's columns first, in user_of's order.
    Statement& st = c_.prepare(
        "SELECT u.username, u.password_hash, u.role, u.ente, u.center, u.disabled, u.created, "
        "s.csrf, s.expires FROM web_session s JOIN web_user u ON u.username = s.username "
        "WHERE s.token_hash = ?");
    st.reset();
    st.bind(1, std::string(token_hash));
    std::optional<SignedIn> out;
    if (st.step()) {
      UserAccount u = user_of(st);
      WebSession w{std::string(token_hash), u.username, as_text(st.column(7)),
                   as_text(st.column(8))};
      out = SignedIn{std::move(w), std::move(u)};
    }
    st.reset();
    return out;
  });
}

void SqlAccounts::remove_session(std::string_view token_hash) {
  atomically(c_, [&] {
    run(c_, "DELETE FROM web_session WHERE token_hash = ?", {val(std::string(token_hash))});
  });
}

void SqlAccounts::remove_sessions_of(std::string_view username) {
  atomically(c_, [&] {
    run(c_, "DELETE FROM web_session WHERE username = ?", {val(std::string(username))});
  });
}

void SqlAccounts::remove_expired_sessions(std::string_view now) {
  atomically(
      c_, [&] { run(c_, "DELETE FROM web_session WHERE expires < ?", {val(std::string(now))}); });
}

LoginThrottle SqlAccounts::throttle(std::string_view key) {
  return atomically(c_, [&] {
    Statement& st =
        c_.prepare("SELECT failures, window_start, locked_until FROM login_throttle WHERE key = ?");
    st.reset();
    st.bind(1, std::string(key));
    LoginThrottle t;
    if (st.step()) {
      t.failures = static_cast<int>(as_int(st.column(0)).value_or(0));
      t.window_start = as_text(st.column(1));
      t.locked_until = as_text(st.column(2));
    }
    st.reset();
    return t;
  });
}

void SqlAccounts::put_throttle(std::string_view key, const LoginThrottle& t) {
  atomically(c_, [&] {
    const std::string k(key);
    run(c_, "DELETE FROM login_throttle WHERE key = ?", {val(k)});
    run(c_,
        "INSERT INTO login_throttle (key, failures, window_start, locked_until) VALUES "
        "(?,?,?,?)",
        {val(k), val(t.failures), val(t.window_start), val(t.locked_until)});
  });
}

void SqlAccounts::clear_throttle(std::string_view key) {
  atomically(c_,
             [&] { run(c_, "DELETE FROM login_throttle WHERE key = ?", {val(std::string(key))}); });
}

std::int64_t SqlAccounts::add_token(const ApiToken& t) {
  return atomically(c_, [&] {
    run(c_,
        "INSERT INTO api_token (token_hash, username, ente, role, expires, created, revoked) "
        "VALUES (?,?,?,?,?,?,?)",
        {val(t.token_hash), val(t.username), val(t.ente), val(t.role), val(t.expires),
         val(t.created), val(t.revoked)});
    Statement& st = c_.prepare("SELECT id FROM api_token WHERE token_hash = ?");
    st.reset();
    st.bind(1, t.token_hash);
    std::int64_t id = st.step() ? as_int(st.column(0)).value_or(0) : 0;
    st.reset();
    return id;
  });
}

std::vector<ApiToken> SqlAccounts::list_tokens(std::string_view username) {
  return atomically(c_, [&] {
    std::vector<ApiToken> out;
    Statement& st =
        c_.prepare("SELECT " + kTokenColumns +
                   (username.empty() ? " ORDER BY id" : " WHERE username = ? ORDER BY id"));
    st.reset();
    if (!username.empty()) st.bind(1, std::string(username));
    while (st.step())
      out.push_back(token_of(st));
    st.reset();
    return out;
  });
}

std::optional<ApiToken> SqlAccounts::find_token(std::string_view token_hash) {
  return single_read(c_, [&]() -> std::optional<ApiToken> {
    Statement& st = c_.prepare("SELECT " + kTokenColumns + " WHERE token_hash = ?");
    st.reset();
    st.bind(1, std::string(token_hash));
    std::optional<ApiToken> t;
    if (st.step()) t = token_of(st);
    st.reset();
    return t;
  });
}

std::optional<Accounts::TokenHolder> SqlAccounts::find_token_holder(std::string_view token_hash) {
  return single_read(c_, [&]() -> std::optional<TokenHolder> {
    // The user's columns first, in user_of's order, then the token's in token_of's.
    Statement& st = c_.prepare(
        "SELECT u.username, u.password_hash, u.role, u.ente, u.center, u.disabled, u.created, "
        "t.id, t.token_hash, t.username, t.ente, t.role, t.expires, t.created, t.revoked "
        "FROM api_token t JOIN web_user u ON u.username = t.username WHERE t.token_hash = ?");
    st.reset();
    st.bind(1, std::string(token_hash));
    std::optional<TokenHolder> out;
    if (st.step()) out = TokenHolder{token_of(st, 7), user_of(st)};
    st.reset();
    return out;
  });
}

void SqlAccounts::revoke_token(std::int64_t id) {
  atomically(c_, [&] {
    auto n = run(c_, "UPDATE api_token SET revoked = 1 WHERE id = ?", {val(id)});
    if (n == 0) throw NotFound(fmt::format("token {} non trovato", id));
  });
}

std::pair<std::int64_t, std::int64_t> SqlAccounts::add_rate_count(std::string_view key,
                                                                  std::string_view server,
                                                                  std::int64_t minute,
                                                                  std::int64_t delta) {
  return atomically(c_, [&] {
    const std::string k(key), srv(server);
    if (delta > 0)
      run(c_,
          "INSERT INTO api_rate (key, server, minute, count) VALUES (?,?,?,?) ON CONFLICT "
          "(key, server, minute) DO UPDATE SET count = api_rate.count + excluded.count",
          {val(k), val(srv), val(minute), val(delta)});
    Statement& st =
        c_.prepare("SELECT minute, CAST(SUM(count) AS BIGINT) FROM api_rate WHERE key = ? AND "
                   "minute >= ? GROUP BY minute");
    st.reset();
    st.bind(1, k);
    st.bind(2, minute - 1);
    std::pair<std::int64_t, std::int64_t> out{0, 0};
    while (st.step()) {
      const std::int64_t m = as_int(st.column(0)).value_or(0);
      const std::int64_t n = as_int(st.column(1)).value_or(0);
      (m == minute ? out.second : out.first) += m <= minute ? n : 0;
    }
    st.reset();
    return out;
  });
}

void SqlAccounts::prune_rate_counts(std::int64_t minute) {
  atomically(c_, [&] { run(c_, "DELETE FROM api_rate WHERE minute < ?", {val(minute)}); });
}

} // namespace traguardi::sql
