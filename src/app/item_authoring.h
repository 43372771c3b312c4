// Authoring the fasi and indicators of an objective: add, edit every field, reorder, delete.
//
// Editing goes through the same targeted, versioned write as progress recording
// (app/record_edit.h): only the changed fields are written, against the version the user read.
// Adding, moving and deleting change the objective's list and are checked against the whole
// objective as read (app/plan_change.h).
#pragma once

#include "app/objective_authoring.h"
#include "app/progress.h"

namespace traguardi::app {

/// Every editable field of a fase; absent = unchanged ("-" clears).
struct PhaseFields {
  FieldText description;
  FieldText weight;   // peso, 0–100
  FieldText progress; // avanzamento, 0–100
  FieldText planned_start, planned_end, actual_start, actual_end;
  FieldText responsible; // person key, name or username
  FieldText center;      // CdR code or name
  FieldText note;
};

/// Every editable field of an indicator.
struct IndicatorFields {
  FieldText description;
  FieldText type;     // efficacia, efficienza, quantitativo, qualita, altro
  FieldText scale;    // numero, percentuale, si-no, euro, indice, altro
  FieldText polarity; // crescente (più è meglio) o decrescente
  FieldText year;     // anno di riferimento
  FieldText target;   // valore atteso
  FieldText actual;   // valore raggiunto
  FieldText note;
};

/// Adds a fase at `position` (1-based; default last): later fasi move down by one.
Result<EditOutcome> add_phase(Session& s, const ObjectiveRef& ref, const PhaseFields& f,
                              std::optional<int> position = {});
Result<EditOutcome> edit_phase(Session& s, const ItemRef& ref, const PhaseFields& f);
/// Moves fase `ref.order` to `position`; the others are renumbered.
Result<EditOutcome> move_phase(Session& s, const ItemRef& ref, int position);
Result<EditOutcome> delete_phase(Session& s, const ItemRef& ref);

Result<EditOutcome> add_indicator(Session& s, const ObjectiveRef& ref, const IndicatorFields& f);
Result<EditOutcome> edit_indicator(Session& s, const ItemRef& ref, const IndicatorFields& f);
Result<EditOutcome> delete_indicator(Session& s, const ItemRef& ref);

/// Sets the fields of `f` on `p` as edit_phase does (names resolved in `d`, dates in order):
/// for bulk edits (app/apply_rows.h) that build the whole plan before writing it once.
Result<void> apply_phase_fields(const Dataset& d, Phase& p, const PhaseFields& f);
/// Same for an indicator (values checked against the scale they end up with).
Result<void> apply_indicator_fields(Indicator& i, const IndicatorFields& f);

/// "percentuale" → Scale::percent, also the stored English names; nullopt when unknown.
std::optional<Scale> scale_from_italian(const std::string& text);

} // namespace traguardi::app
