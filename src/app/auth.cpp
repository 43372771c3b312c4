#include "app/auth.h"

#include <sodium.h>

#include <fmt/format.h>

#include "app/clock.h"

namespace traguardi::app {
namespace {

std::string hex(const unsigned char* data, std::size_t n) {
  std::string out(n * 2, '0');
  sodium_bin2hex(out.data(), out.size() + 1, data, n);
  return out;
}

bool locked(const LoginThrottle& t, const std::string& now) {
  return !t.locked_until.empty() && t.locked_until > now;
}

/// Counts one failure for `key`; locks it when the window holds `limit` failures.
void count_failure(Accounts& acc, const std::string& key, int limit, const std::string& now) {
  LoginThrottle t = acc.throttle(key);
  const std::string window_open =
      iso_now(-std::chrono::duration_cast<std::chrono::seconds>(kThrottleWindow));
  if (t.window_start.empty() || t.window_start < window_open) t = LoginThrottle{0, now, ""};
  t.failures += 1;
  if (t.failures >= limit)
    t.locked_until = iso_now(std::chrono::duration_cast<std::chrono::seconds>(kLockDuration));
  acc.put_throttle(key, t);
}

std::string lock_message(const LoginThrottle& t) {
  return fmt::format("troppi tentativi di accesso non riusciti: l'accesso è bloccato per {} "
                     "minuti (fino alle {} UTC). Riprovare più tardi o rivolgersi "
                     "all'amministratore.",
                     kLockDuration.count(), t.locked_until.substr(11, 5));
}

} // namespace

std::string sha256_hex(std::string_view text) {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  return hex(out, sizeof out);
}

std::string random_token() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium non inizializzabile");
  unsigned char buf[32];
  randombytes_buf(buf, sizeof buf);
  return hex(buf, sizeof buf);
}

Result<LoginResult> login(Store& store, std::string_view username, std::string_view password,
                          std::string_view address) {
  Accounts& acc = store.accounts();
  const std::string now = iso_now();
  const std::string user_key = "utente:" + std::string(username.substr(0, 64));
  const std::string addr_key = "ip:" + std::string(address);
  for (const auto& key : {user_key, addr_key})
    if (auto t = acc.throttle(key); locked(t, now))
      return fail(lock_message(t), "nome", ErrorKind::conflict);

  auto user = acc.find_user(username);
  // Verify even for unknown users, so timing does not tell which names exist.
  static const std::string dummy = hash_password("password-di-confronto");
  bool ok = password_matches(user ? user->password_hash : dummy, password) && user;
  if (!ok) {
    count_failure(acc, user_key, kMaxUserFailures, now);
    count_failure(acc, addr_key, kMaxAddressFailures, now);
    if (auto t = acc.throttle(user_key); locked(t, now))
      return fail(lock_message(t), "nome", ErrorKind::conflict);
    return fail("nome utente o password non corretti", "nome");
  }
  if (user->disabled) return fail("l'utenza è disattivata: rivolgersi all'amministratore", "nome");
  acc.clear_throttle(user_key);
  acc.remove_expired_sessions(now);

  LoginResult r;
  r.cookie_token = random_token();
  WebSession s;
  s.token_hash = sha256_hex(r.cookie_token);
  s.username = user->username;
  s.csrf = random_token();
  s.expires = iso_now(std::chrono::duration_cast<std::chrono::seconds>(kSessionLifetime));
  acc.add_session(s);
  r.principal =
      Principal{user->username, user_role_from_string(user->role).value_or(UserRole::lettore),
                user->ente,     user->center,
                s.csrf,         s.token_hash};
  return r;
}

std::optional<Principal> resolve_session(Store& store, std::string_view cookie_token) {
  if (cookie_token.size() != 64) return std::nullopt;
  Accounts& acc = store.accounts();
  auto found = acc.find_signed_in(sha256_hex(cookie_token));
  if (!found || found->session.expires < iso_now() || found->user.disabled) return std::nullopt;
  const auto* s = &found->session;
  const auto* u = &found->user;
  return Principal{u->username, user_role_from_string(u->role).value_or(UserRole::lettore),
                   u->ente,     u->center,
                   s->csrf,     s->token_hash};
}

void logout(Store& store, std::string_view cookie_token) {
  store.accounts().remove_session(sha256_hex(cookie_token));
}

bool csrf_matches(const Principal& p, std::string_view submitted) {
  return submitted.size() == p.csrf.size() && !p.csrf.empty() &&
         sodium_memcmp(submitted.data(), p.csrf.data(), p.csrf.size()) == 0;
}

} // namespace traguardi::app
