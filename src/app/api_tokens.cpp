#include "app/api_tokens.h"

#include <fmt/format.h>

#include "app/clock.h"
#include "core/italian.h"

namespace traguardi::app {
namespace {

constexpr std::string_view kPrefix = "tg_";

bool expired(const ApiToken& t) {
  return !t.expires.empty() && t.expires < today().iso();
}

} // namespace

int role_rank(UserRole r) {
  switch (r) {
  case UserRole::amministratore:
    return 0;
  case UserRole::controllo:
    return 1;
  case UserRole::responsabile:
    return 2;
  case UserRole::lettore:
    return 3;
  }
  return 3;
}

Result<CreatedApiToken> add_api_token(Store& store, const NewApiToken& in) {
  auto user = store.accounts().find_user(in.username);
  if (!user)
    return fail(fmt::format("utente «{}» non trovato", in.username), "utente",
                ErrorKind::not_found);
  if (user->disabled)
    return fail(fmt::format("l'utente «{}» è disattivato: riattivarlo prima di creare un token",
                            in.username),
                "utente");
  const UserRole user_role = user_role_from_string(user->role).value_or(UserRole::lettore);
  UserRole role = user_role;
  if (!in.role.empty()) {
    auto r = user_role_from_string(in.role);
    if (!r)
      return fail(fmt::format("ruolo «{}» non valido: atteso amministratore, controllo, "
                              "responsabile o lettore",
                              in.role),
                  "--ruolo");
    if (role_rank(*r) < role_rank(user_role))
      return fail(fmt::format("il ruolo «{}» è superiore a quello dell'utente ({}): un token "
                              "non può concedere più dell'utente",
                              in.role, user->role),
                  "--ruolo");
    role = *r;
  }
  if (role == UserRole::responsabile && user->center.empty())
    return fail("un token con ruolo responsabile richiede un utente con il suo CdR", "--ruolo");
  std::string ente = in.ente.empty() ? user->ente : in.ente;
  if (ente.empty())
    return fail("l'utente può accedere a tutti gli enti: indicare l'ente del token (--ente)",
                "--ente");
  if (!user->ente.empty() && ente != user->ente)
    return fail(fmt::format("l'utente «{}» può accedere solo all'ente {}", in.username, user->ente),
                "--ente");
  bool known = false;
  for (const auto& e : store.list_enti())
    known = known || e.code == ente;
  if (!known)
    return fail(fmt::format("ente «{}» non presente nel database", ente), "--ente",
                ErrorKind::not_found);
  std::string expires;
  if (!in.expires.empty()) {
    auto d = italian::parse_date(in.expires);
    if (!d)
      return fail(fmt::format("«{}» non è una data valida (formato gg/mm/aaaa)", in.expires),
                  "--scadenza");
    if (d->iso() < today().iso())
      return fail("la scadenza è già passata: indicare oggi o una data futura", "--scadenza");
    expires = d->iso();
  }
  CreatedApiToken out;
  out.secret = std::string(kPrefix) + random_token();
  out.token.token_hash = sha256_hex(out.secret);
  out.token.username = user->username;
  out.token.ente = ente;
  out.token.role = to_string(role);
  out.token.expires = expires;
  out.token.created = iso_now();
  out.id = out.token.id = store.accounts().add_token(out.token);
  return out;
}

std::vector<ApiToken> list_api_tokens(Store& store, std::string_view username) {
  return store.accounts().list_tokens(username);
}

Result<void> revoke_api_token(Store& store, std::int64_t id) {
  try {
    store.accounts().revoke_token(id);
  } catch (const NotFound& e) {
    return fail(e.what(), "id", ErrorKind::not_found);
  }
  return {};
}

std::string api_token_state(const ApiToken& t) {
  return t.revoked ? "revocato" : expired(t) ? "scaduto" : "attivo";
}

std::optional<Principal> resolve_api_token(Store& store, std::string_view secret) {
  if (secret.size() != kPrefix.size() + 64 || secret.substr(0, kPrefix.size()) != kPrefix)
    return std::nullopt;
  auto holder = store.accounts().find_token_holder(sha256_hex(secret));
  if (!holder) return std::nullopt;
  const ApiToken* t = &holder->token;
  const UserAccount* u = &holder->user;
  if (t->revoked || expired(*t) || u->disabled) return std::nullopt;
  auto role = user_role_from_string(t->role).value_or(UserRole::lettore);
  // A user demoted since the token was made: the token never exceeds the user's role now.
  auto user_role = user_role_from_string(u->role).value_or(UserRole::lettore);
  if (role_rank(role) < role_rank(user_role)) role = user_role;
  if (!u->ente.empty() && u->ente != t->ente) return std::nullopt;
  return Principal{u->username, role, t->ente, u->center, "", t->token_hash};
}

} // namespace traguardi::app
