#include "app/ente_choice.h"

#include "app/plan_access.h"

namespace traguardi::app {

bool may_switch_ente(Store& store, const Principal& p) {
  return p.ente.empty() && visible_enti(store, p).size() > 1;
}

bool choose_ente(Store& store, Principal& p, std::string_view code) {
  if (!p.ente.empty() || code.empty()) return false;
  for (const auto& e : visible_enti(store, p))
    if (e.code == code) {
      p.ente = e.code;
      return true;
    }
  return false;
}

} // namespace traguardi::app
