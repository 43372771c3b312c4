// Matching the entities of an imported sheet to those already in the plan (persons,
// assessorati, aree, centri di responsabilità, vista) for app/sheet_merge: one real entity is
// one record whatever its spelling on each sheet, and the sheet's objectives are then remapped
// to the keys that were kept. Internal to the merge; in its own file because the merge of
// objectives and this matching of names change for different reasons.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "app/sheet_merge.h"
#include "core/model.h"
#include "importer/sheet_import.h"

namespace traguardi::app::sheet_merge_detail {

using KeyMap = std::map<std::string, std::string>;
// Called with the position of an existing objective just before it is changed.
using BeforeChange = std::function<void(std::size_t)>;

std::string area_key(const ThematicArea& a);

// Matching keys of a centre's names, computed once per centre rather than once per comparison.
struct CenterKeys {
  std::string name, short_name;
};
CenterKeys center_keys(const ResponsibilityCenter& c);

struct EntityIndex {
  std::unordered_set<std::string> vistas; // codes
  std::unordered_set<std::string> areas;  // area_key
  std::vector<CenterKeys> center_keys;    // parallel to Dataset::centers
};

// Entities of one sheet: persons, assessorati, areas, centres, vista. Keys of the sheet that
// name an existing entity are mapped to it; the objectives of the sheet are then remapped.
class EntityMerge {
public:
  EntityMerge(Dataset& d, SheetMergeReport& r, EntityIndex& index, const BeforeChange& touch)
      : d_(d), r_(r), index_(index), touch_(touch) {}

  void entities(const importer::ImportedSheet& s);
  Objective remap(Objective o) const;

private:
  static bool synthetic_code(const ResponsibilityCenter& c);
  void center(const ResponsibilityCenter& c);
  void rename_center(std::string from, std::string to);

  Dataset& d_;
  SheetMergeReport& r_;
  EntityIndex& index_;
  const BeforeChange& touch_;
  KeyMap persons_, assessorati_, centers_;
};

} // namespace traguardi::app::sheet_merge_detail
