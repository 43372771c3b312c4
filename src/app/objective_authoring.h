// Authoring the objective tree: add, edit, move (change the "collegato a" parent) and delete
// objectives at any level of a vista (mandato → missione → programma → PEG).
//
// Fields arrive as the user typed them (app/field_values.h); names of persons, CdR and
// assessorati may be given by code/key or by name. Each use case returns what changed and the
// objective's new version; warnings (weights, state) come with it. Refusals leave the plan as
// it was.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/edit_outcome.h"
#include "app/field_values.h"
#include "app/session.h"

namespace traguardi::app {

struct ObjectiveRef {
  std::string vista; // empty: the only vista holding that code
  std::string code;
  std::optional<std::int64_t> version; // the version the user started from
};

/// Every editable field of an objective; absent = unchanged ("-" clears).
struct ObjectiveFields {
  FieldText level;  // livello: mandato, missione, programma, peg
  FieldText parent; // collegato a: code of the parent objective in the same vista
  FieldText year;   // anno
  FieldText short_description, description;
  FieldText strategic_purpose, operational_purpose, implementation;
  FieldText objective_type; // tipo ("Gestionale")
  FieldText state;          // stato ("In Corso", "Concluso")
  FieldText area;           // number of the area tematica
  FieldText assessorato;    // key or description
  FieldText center;         // CdR code or name
  FieldText responsible;    // person key, name or username
  FieldText direction;      // CdR code
  FieldText director;       // person
};

/// A new objective in `vista` (created when the ente has no vista yet: then `vista` is needed).
Result<EditOutcome> add_objective(Session& s, const std::string& vista, const std::string& code,
                                  const ObjectiveFields& f);
Result<EditOutcome> edit_objective(Session& s, const ObjectiveRef& ref, const ObjectiveFields& f);
/// Links the objective to another parent (same vista); "-" unlinks.
Result<EditOutcome> move_objective(Session& s, const ObjectiveRef& ref, const std::string& parent);
/// Deletes the objective with its fasi and indicators. Objectives linked to it are refused
/// unless `with_children` (then they are deleted too, and counted in the outcome).
Result<EditOutcome> delete_objective(Session& s, const ObjectiveRef& ref, bool with_children);

/// Sets the fields of `f` on `o` as edit_objective does (references resolved in `d`, code and
/// level checked): for bulk edits (app/apply_rows.h).
Result<void> apply_objective_fields(const Dataset& d, Objective& o, const ObjectiveFields& f);
/// Field-by-field differences of two versions of an objective, with Italian names.
std::vector<FieldChange> objective_changes(const Objective& before, const Objective& after);

/// The objective named by `ref`: NotFound / InvalidInput when ambiguous; Conflict when
/// `ref.version` is not the stored one.
Result<Objective*> resolve_objective(Dataset& d, const ObjectiveRef& ref);

} // namespace traguardi::app
