// The Session of a signed-in web user (login, role, ente) on a store the request borrowed from
// the Workspace pool, so that front ends that hold a Principal call the same Session-taking
// use cases as the command line, with the login recorded as the declared actor of the audit.
#pragma once

#include <string>

#include "app/auth.h"
#include "app/session.h"

namespace traguardi::app {

/// `location` is only shown in messages (the pool's location without password); the store is
/// not owned: it must outlive the Session.
Session user_session(Store& store, const Principal& p, std::string ente, std::string location);

/// The Session role of a web role: amministratore → amministratore, controllo → redattore,
/// responsabile → compilatore, lettore → lettore.
Role session_role(UserRole r);

} // namespace traguardi::app
