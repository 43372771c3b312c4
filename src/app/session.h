// Who is acting, on which database and ente: the context every use case of src/app receives.
//
// Front ends (the `traguardi` command, the web application) never open the store or pick an
// ente themselves: they fill a Session (location, ente code, acting user, role, reason) and
// pass it to a use case. The acting user is recorded in three separate parts (issue 15,
// defect 6) because they are trusted differently:
//   - `declared`: the name the user gave (`--utente`, later the web login). Anyone running
//     the command can declare any name; it says who claims to act.
//   - `os_user`: the operating-system account that runs the process (SQLite mode). Only the
//     machine's administrator can forge it.
//   - `db_role`: the role PostgreSQL authenticated (server mode), read from the server with
//     `current_user`, so it cannot be forged by the client process.
// The audit log stores all three (docs/authoring.md, "Chi ha fatto cosa").
#pragma once

#include <memory>
#include <string>

#include "core/error.h"
#include "core/model.h"
#include "store/store.h"

namespace traguardi::app {

/// What a user may do. The command line acts as `amministratore`; the web maps its logins.
enum class Role { lettore, compilatore, redattore, amministratore };
const char* to_string(Role);

struct Actor {
  std::string declared; // --utente or the web login; empty when not given
  std::string os_user;  // the account running the process
  std::string db_role;  // PostgreSQL current_user; empty on SQLite
  /// "declared (os: u, db: r)" as stored in the audit log.
  std::string label() const;
};

class Session {
public:
  /// `location`: SQLite file or postgresql:// URL; `ente`: code, or empty for "the only one".
  explicit Session(std::string location, std::string ente = {});

  std::string location;
  std::string ente;
  Actor actor;
  Role role = Role::amministratore;
  std::string reason; // motivo of the change (--motivo), stored with every audit entry

  /// The store, opened on first use (created and migrated with OpenMode::create). Fills
  /// `actor.db_role` on PostgreSQL. Throws StoreError when it cannot be opened.
  Store& store(OpenMode mode = OpenMode::existing);
  /// Gives the session an already open store (a web request borrowing a pooled one).
  void adopt(std::shared_ptr<Store> store);
  bool has_store() const { return static_cast<bool>(store_); }
  /// Who and why, as the audit log stores it.
  ChangeAuthor author() const;
  /// The location as messages may show it (no password).
  std::string shown_location() const;

private:
  std::shared_ptr<Store> store_;
};

/// The OS account running this process ($USER, else the passwd entry, else "sconosciuto").
std::string current_os_user();

/// The ente of the session: the one named, or the only one stored. NotFound lists the stored
/// enti; more than one without a choice is InvalidInput.
Result<Dataset> load_ente(Session& s);
/// Only the code, same rules (no full load when the session names the ente).
Result<std::string> ente_code(Session& s);

/// Throws the typed exception of `e` (core/error.h): for callers that cannot go on.
[[noreturn]] void raise(const Error& e);

} // namespace traguardi::app
