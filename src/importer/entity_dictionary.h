// One entity per real person, centre, assessorato or area, whatever its printed spelling.
//
// Sheets print the same name with different case, spacing, apostrophes and OCR slips
// (seed-spec Q15, Q37): "caruso gianluca" / "CARUSO GIANLUCA", "lntegrazione" / "Integrazione",
// "Famiglie" / "Famiglia". Matching goes through traguardi::matching_key plus a small edit
// distance for long names; the first printed form is kept as the name, the others as aliases.
// The same rules serve the importer (within one sheet) and the merge (against stored data).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model.h"

namespace traguardi::importer {

/// Equal keys, or long keys (>= 20 characters) at edit distance <= 2.
bool same_entity(std::string_view key_a, std::string_view key_b);
/// Adds `raw` to `aliases` unless it equals `name` or an alias already.
void add_alias(std::vector<std::string>& aliases, const std::string& name, const std::string& raw);

class EntityDictionary {
public:
  /// Key of the person printed as `raw` (created on first sight); empty for an empty name.
  std::string person(const std::string& raw);
  /// Key of the assessorato; `delegations` is stored when given.
  std::string assessorato(const std::string& raw, const std::string& delegations = {});
  /// Area tematica "4. PRIMA LA NOSTRA GENTE" -> number 4 (nullopt when not numbered).
  std::optional<int> area(const std::string& vista, const std::string& raw);
  /// Centre known by code (cover filter): creates or completes it; returns the code.
  std::string center_with_code(const std::string& code, const std::string& short_name,
                               const std::string& name);
  /// Centre known by its long name (objective header); `fallback_code` when new (PEG sigla).
  std::string center_by_name(const std::string& name, const std::string& fallback_code,
                             const std::string& sigla);
  /// Centre known by its short name (phase rows); `parent` is the objective's centre.
  std::string center_by_short_name(const std::string& short_name, const std::string& parent);
  /// Words of a known short name starting at words[i] (for splitting phase rows), or 0.
  std::size_t known_short_name(const std::vector<std::string_view>& words, std::size_t i) const;

  ResponsibilityCenter* find_center(const std::string& code);
  /// matching_key(text), remembered for the dictionary's lifetime.
  const std::string& key_of(const std::string& text) const;

  std::vector<Person> persons;
  std::vector<Assessorato> assessorati;
  std::vector<ThematicArea> areas;
  std::vector<ResponsibilityCenter> centers;

private:
  // matching_key of names already seen: every phase row compares its centre with every known
  // centre, and building the same keys again dominated the import time.
  /// key_of for the name (0) or short name (1) of centers[index], remembered per centre.
  const std::string& center_key(std::size_t index, int which, const std::string& text) const;
  mutable std::unordered_map<std::string, std::string> keys_;
  struct CenterKey {
    std::string text, key;
    bool set = false;
  };
  mutable std::vector<std::array<CenterKey, 2>> center_keys_;
};

/// Centre kind from the first word of its name: SETTORE, SERVIZIO, AREA, CORPO, ...
std::string center_kind(const std::string& name);

} // namespace traguardi::importer
