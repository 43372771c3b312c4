// Writing the demo data (app/demo.h) into the session's database as a use case: one
// transaction for all the enti, generated one at a time so national-scale runs stay in memory.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "app/demo.h"
#include "app/session.h"

namespace traguardi::app {

struct DemoOutcome {
  int enti = 0;
  long objectives = 0;
  std::string district;           // code of the demo ambito, when asked for
  std::size_t comuni = 0;         // its member comuni
  std::size_t district_enti = 0;  // enti with a PEG linked to the ambito
  std::size_t district_links = 0; // macro-obiettivo → PEG objective links
  std::size_t linked_comuni = 0;  // comuni whose PEG objectives are linked
  long district_objectives = 0;   // objectives of those enti
};

/// `on_ente(done)` is called after each generated ente (for a progress line).
/// With `district`, also the fictional ambito (Piano di Zona) and its comuni; its
/// macro-obiettivi are linked to PEG objectives of the comuni written (Valdora included).
DemoOutcome write_demo(Session& s, const demo::Options& opt,
                       const std::function<void(int)>& on_ente = {}, bool district = false);

} // namespace traguardi::app
