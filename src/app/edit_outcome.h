// What an authoring or progress use case reports back: which fields changed, from what to
// what, and the record's new version.
//
// Front ends print it ("peso: 30 → 40") or return it as JSON; nothing is printed by the use
// case. An outcome without changes means the edit asked for values already stored: nothing was
// written and no audit entry was added (issue 15, defect 14).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/validation.h"
#include "store/store.h"

namespace traguardi::app {

/// field: Italian name, as the flag ("avanzamento", "fine-effettiva"); before/after: Italian
/// display form, empty when absent. The same shape the store writes into the audit log.
using FieldChange = ChangedField;

struct EditOutcome {
  std::string ente;
  std::string target;       // "DUP_2025_2027/2025_S01_01/fase 2"
  std::string action;       // "modifica fase", "nuovo obiettivo", ...
  std::int64_t version = 0; // version after the edit (unchanged when nothing changed)
  std::vector<FieldChange> changes;
  std::vector<Finding> warnings; // allowed but worth a look (weights not summing to 100, ...)
  bool changed() const { return !changes.empty(); }
};

} // namespace traguardi::app
