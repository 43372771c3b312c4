// Who may sign in to the web application, with which role and on which ente and CdR.
//
// Users are created from the command line (`traguardi user add`, the first amministratore) and
// from the web's user administration; both call these use cases, which validate the role, the
// ente and the CdR against the stored plan and hash the password with argon2id (libsodium
// `crypto_pwhash_str`). A password never leaves this file in clear.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/session.h"
#include "core/error.h"
#include "store/store.h"

namespace traguardi::app {

/// What a signed-in user may do (issue 10, "Roles and security"):
/// amministratore: everything, users; controllo: plan structure and all objectives;
/// responsabile: objectives and fasi of their CdR and its sub-centres; lettore: read only.
enum class UserRole { amministratore, controllo, responsabile, lettore };
const char* to_string(UserRole);
std::optional<UserRole> user_role_from_string(std::string_view);
/// "Amministratore", "Controllo di gestione", "Responsabile", "Lettore".
const char* user_role_label(UserRole);

struct NewUser {
  std::string username;
  std::string password;
  std::string role;   // as typed: amministratore | controllo | responsabile | lettore
  std::string ente;   // empty: every ente (amministratore only)
  std::string center; // required for responsabile
};

/// Minimum password length accepted.
constexpr std::size_t kMinPasswordLength = 10;

/// Validates and stores a new user. InvalidInput names the field; Conflict when it exists.
Result<void> add_user(Store& store, const NewUser& u);
Result<void> set_password(Store& store, std::string_view username, std::string_view password);
/// Disabled users cannot sign in and lose their open sessions.
Result<void> set_disabled(Store& store, std::string_view username, bool disabled);
std::vector<UserAccount> list_users(Store& store);

/// The same on the session's database: what the command line calls (front ends do not hold a
/// Store; the web passes the pooled one it borrowed).
inline Result<void> add_user(Session& s, const NewUser& u) {
  return add_user(s.store(), u);
}
inline Result<void> set_password(Session& s, std::string_view username, std::string_view password) {
  return set_password(s.store(), username, password);
}
inline Result<void> set_disabled(Session& s, std::string_view username, bool disabled) {
  return set_disabled(s.store(), username, disabled);
}
inline std::vector<UserAccount> list_users(Session& s) {
  return list_users(s.store());
}

/// argon2id hash (libsodium, INTERACTIVE limits) and its check.
std::string hash_password(std::string_view password);
bool password_matches(const std::string& hash, std::string_view password);

} // namespace traguardi::app
