// The objectives of an ente as a tree, for the API's tree view (issue 11): vista → mandato →
// missione → programma → PEG, and for a Piano di Zona vista its own configured levels (area →
// macro-obiettivo → azione, and the annual strategic objectives).
//
// The flat list's filters (app/sheet_views.h) pick the matching nodes; their ancestors come
// along, marked as not matching, so every match is reached from its vista. District items are
// not objectives of the comune tree (core/district.h): only the text and level filters apply
// to them, and any other filter leaves them out.
#pragma once

#include <string>
#include <vector>

#include "app/sheet_views.h"
#include "core/model.h"

namespace traguardi::app {

struct TreeNode {
  std::string level;      // "vista", "mandato" … "peg", or a district level key ("area")
  std::string level_name; // as users read it: "Programma", "Macro-obiettivo"
  std::string code;
  std::string title;
  const Objective* objective = nullptr; // a comune objective; null for vistas and district items
  bool match = false;                   // matches the filter (false: an ancestor shown for context)
  std::vector<TreeNode> children;
};

struct ObjectiveTree {
  std::vector<TreeNode> vistas;
  int matches = 0;
};

/// Level keys a tree filter accepts: the four comune levels and the district ones.
bool is_tree_level(const Dataset& d, const std::string& key);

ObjectiveTree objective_tree(const Dataset& d, const PlanFilter& f);

} // namespace traguardi::app
