#include "app/users.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <stdexcept>

#include <fmt/format.h>
#include <sodium.h>

#include "app/clock.h"

namespace traguardi::app {
namespace {

void ensure_sodium() {
  static const int ok = sodium_init();
  if (ok < 0) throw std::runtime_error("libsodium non inizializzabile");
}

bool valid_username(std::string_view u) {
  if (u.size() < 2 || u.size() > 64) return false;
  return std::all_of(u.begin(), u.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

Result<void> check_password(std::string_view p) {
  if (p.size() < kMinPasswordLength)
    return fail(fmt::format("la password deve avere almeno {} caratteri", kMinPasswordLength),
                "password");
  if (p.size() > 1024)
    return fail("la password è troppo lunga (massimo 1024 caratteri)", "password");
  return {};
}

/// Does the ente exist and, when given, the CdR inside it?
Result<void> check_scope(Store& store, UserRole role, const std::string& ente,
                         const std::string& center) {
  if (ente.empty()) {
    if (role != UserRole::amministratore)
      return fail("indicare l'ente (--ente): solo un amministratore può non averne", "ente");
    if (!center.empty()) return fail("un CdR richiede anche l'ente", "cdr");
    return {};
  }
  auto d = store.load(ente);
  if (!d) {
    std::string codes;
    for (const auto& e : store.list_enti())
      codes += (codes.empty() ? "" : ", ") + e.code;
    return fail(fmt::format("ente «{}» non presente nel database; enti disponibili: {}", ente,
                            codes.empty() ? "nessuno" : codes),
                "ente", ErrorKind::not_found);
  }
  if (role == UserRole::responsabile && center.empty())
    return fail("un responsabile richiede il suo centro di responsabilità (--cdr)", "cdr");
  if (!center.empty() && !find_center(*d, center))
    return fail(fmt::format("CdR «{}» non presente nell'ente {}", center, ente), "cdr",
                ErrorKind::not_found);
  return {};
}

} // namespace

const char* to_string(UserRole r) {
  switch (r) {
  case UserRole::amministratore:
    return "amministratore";
  case UserRole::controllo:
    return "controllo";
  case UserRole::responsabile:
    return "responsabile";
  case UserRole::lettore:
    return "lettore";
  }
  return "lettore";
}

std::optional<UserRole> user_role_from_string(std::string_view s) {
  for (auto r :
       {UserRole::amministratore, UserRole::controllo, UserRole::responsabile, UserRole::lettore})
    if (s == to_string(r)) return r;
  return std::nullopt;
}

const char* user_role_label(UserRole r) {
  switch (r) {
  case UserRole::amministratore:
    return "Amministratore";
  case UserRole::controllo:
    return "Controllo di gestione";
  case UserRole::responsabile:
    return "Responsabile";
  case UserRole::lettore:
    return "Lettore";
  }
  return "Lettore";
}

std::string hash_password(std::string_view password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw std::runtime_error("memoria insufficiente per calcolare l'hash della password");
  return out;
}

bool password_matches(const std::string& hash, std::string_view password) {
  ensure_sodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

Result<void> add_user(Store& store, const NewUser& in) {
  if (!valid_username(in.username))
    return fail("nome utente non valido: da 2 a 64 caratteri tra a-z, 0-9, punto, trattino e "
                "trattino basso",
                "nome");
  auto role = user_role_from_string(in.role);
  if (!role)
    return fail(fmt::format("ruolo «{}» non valido: atteso amministratore, controllo, "
                            "responsabile o lettore",
                            in.role),
                "ruolo");
  if (auto ok = check_password(in.password); !ok) return ok;
  if (auto ok = check_scope(store, *role, in.ente, in.center); !ok) return ok;
  if (store.accounts().find_user(in.username))
    return fail(fmt::format("l'utente «{}» esiste già", in.username), "nome", ErrorKind::conflict);
  UserAccount u;
  u.username = in.username;
  u.password_hash = hash_password(in.password);
  u.role = to_string(*role);
  u.ente = in.ente;
  u.center = in.center;
  u.created = iso_now();
  store.accounts().add_user(u);
  return {};
}

Result<void> set_password(Store& store, std::string_view username, std::string_view password) {
  auto u = store.accounts().find_user(username);
  if (!u)
    return fail(fmt::format("utente «{}» non trovato", username), "nome", ErrorKind::not_found);
  if (auto ok = check_password(password); !ok) return ok;
  u->password_hash = hash_password(password);
  store.accounts().update_user(*u);
  store.accounts().remove_sessions_of(username);
  return {};
}

Result<void> set_disabled(Store& store, std::string_view username, bool disabled) {
  auto u = store.accounts().find_user(username);
  if (!u)
    return fail(fmt::format("utente «{}» non trovato", username), "nome", ErrorKind::not_found);
  u->disabled = disabled;
  store.accounts().update_user(*u);
  if (disabled) store.accounts().remove_sessions_of(username);
  return {};
}

std::vector<UserAccount> list_users(Store& store) {
  return store.accounts().list_users();
}

} // namespace traguardi::app
