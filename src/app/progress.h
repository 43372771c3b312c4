// Recording progress during the year: the avanzamento of a fase and the value of an indicator.
//
// A dirigente updates one fase or one indicator at a time. Values arrive as typed (Italian
// form, "-" clears) and are validated by meaning (avanzamento 0–100, dates in order, values
// within the indicator's scale). The edit is optimistic: `version` is the one the user started
// from (printed by the previous edit and by `export`); when someone changed the record
// meanwhile the edit is refused with a Conflict naming what changed. Without `version`, the
// version read at the start of the use case is used. An edit that changes nothing writes
// nothing (no new version, no audit entry).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/edit_outcome.h"
#include "app/field_values.h"
#include "app/session.h"

namespace traguardi::app {

/// Which fase or indicator: the objective code (and vista when the code is in several).
struct ItemRef {
  std::string vista;
  std::string objective;
  int order = 0;
  std::optional<std::int64_t> version; // the version the user started from
};

struct PhaseProgress {
  ItemRef ref;
  FieldText progress;     // avanzamento, 0–100
  FieldText actual_start; // inizio effettivo
  FieldText actual_end;   // fine effettiva
  FieldText note;
};

struct IndicatorValue {
  ItemRef ref;
  FieldText actual; // valore raggiunto
  FieldText target; // valore atteso
  FieldText note;
};

Result<EditOutcome> record_phase_progress(Session& s, const PhaseProgress& in);
Result<EditOutcome> record_indicator_value(Session& s, const IndicatorValue& in);

/// The objective with that code (in `vista` when given): NotFound, or InvalidInput when the
/// code exists in several viste and none was named.
Result<const Objective*> find_objective_ref(const Dataset& d, const std::string& vista,
                                            const std::string& code);

} // namespace traguardi::app
