#include "app/user_session.h"

namespace traguardi::app {

Role session_role(UserRole r) {
  switch (r) {
  case UserRole::amministratore:
    return Role::amministratore;
  case UserRole::controllo:
    return Role::redattore;
  case UserRole::responsabile:
    return Role::compilatore;
  case UserRole::lettore:
    return Role::lettore;
  }
  return Role::lettore;
}

Session user_session(Store& store, const Principal& p, std::string ente, std::string location) {
  Session s(std::move(location), std::move(ente));
  s.actor.declared = p.username;
  s.role = session_role(p.role);
  s.adopt(std::shared_ptr<Store>(&store, [](Store*) {}));
  return s;
}

} // namespace traguardi::app
