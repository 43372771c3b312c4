#include "app/session.h"

#include <cstdlib>
#include <pwd.h>
#include <unistd.h>

#include <fmt/format.h>

namespace traguardi::app {

const char* to_string(Role r) {
  switch (r) {
  case Role::lettore:
    return "lettore";
  case Role::compilatore:
    return "compilatore";
  case Role::redattore:
    return "redattore";
  case Role::amministratore:
    return "amministratore";
  }
  return "lettore";
}

std::string Actor::label() const {
  std::string who = declared.empty() ? os_user : declared;
  std::string extra;
  if (!declared.empty() && !os_user.empty()) extra = "os: " + os_user;
  if (!db_role.empty()) extra += (extra.empty() ? "" : ", ") + std::string("db: ") + db_role;
  return extra.empty() ? who : fmt::format("{} ({})", who, extra);
}

std::string current_os_user() {
  if (const char* u = std::getenv("USER"); u && *u) return u;
  if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name) return pw->pw_name;
  return "sconosciuto";
}

Session::Session(std::string loc, std::string e) : location(std::move(loc)), ente(std::move(e)) {
  actor.os_user = current_os_user();
}

Store& Session::store(OpenMode mode) {
  if (!store_) {
    store_ = open_store(location, mode);
    actor.db_role = store_->authenticated_role();
  }
  return *store_;
}

void Session::adopt(std::shared_ptr<Store> store) {
  store_ = std::move(store);
  if (store_) actor.db_role = store_->authenticated_role();
}

ChangeAuthor Session::author() const {
  return {actor.declared.empty() ? actor.os_user : actor.declared, actor.os_user, actor.db_role,
          reason};
}

std::string Session::shown_location() const {
  return traguardi::shown_location(location);
}

namespace {

std::string some_codes(const std::vector<Ente>& enti, std::size_t max) {
  std::string codes;
  for (std::size_t i = 0; i < enti.size() && i < max; ++i)
    codes += (i ? ", " : "") + enti[i].code;
  if (enti.size() > max) codes += fmt::format(" e altri {}", enti.size() - max);
  return codes;
}

} // namespace

Result<std::string> ente_code(Session& s) {
  Store& store = s.store();
  auto enti = store.list_enti();
  if (!s.ente.empty()) {
    for (const auto& e : enti)
      if (e.code == s.ente) return s.ente;
    return fail(fmt::format("ente «{}» non presente nel database; enti disponibili: {}", s.ente,
                            enti.empty() ? "nessuno" : some_codes(enti, 20)),
                {}, ErrorKind::not_found);
  }
  if (enti.empty())
    return fail("il database non contiene enti; crearli con «traguardi demo» o «traguardi "
                "import»",
                {}, ErrorKind::not_found);
  if (enti.size() > 1)
    return fail(fmt::format("il database contiene {} enti: indicare quale con --ente ({})",
                            enti.size(), some_codes(enti, 10)));
  return enti.front().code;
}

Result<Dataset> load_ente(Session& s) {
  if (!s.ente.empty())
    if (auto d = s.store().load(s.ente)) return std::move(*d);
  auto code = ente_code(s); // explains why there is no (single) ente
  if (!code) return tl::unexpected(code.error());
  if (auto d = s.store().load(*code)) return std::move(*d);
  return fail(fmt::format("ente «{}» non presente nel database", *code), {}, ErrorKind::not_found);
}

void raise(const Error& e) {
  throw_error(e); // the one mapping of error kinds to exceptions (core/error.h)
}

} // namespace traguardi::app
