// Authoring the ente itself and its organisation: the ente, centri di responsabilità (tree of
// code, long and short name, parent, responsabile), persons, assessorati with deleghe, aree
// tematiche of a vista; and the narrative parts of an objective: stato di attuazione per year
// and date, strutture and soggetti coinvolti with their percentage.
//
// Same contract as the other authoring use cases: text in, validated by meaning, the whole
// change checked against the ente as read, an EditOutcome out, every change audited.
#pragma once

#include "app/objective_authoring.h"

namespace traguardi::app {

/// A new, empty ente (code: letters, digits, "_"); Conflict when it exists.
Result<EditOutcome> create_ente(Session& s, const std::string& code, const std::string& name,
                                const std::string& kind);

struct CenterFields {
  FieldText name, short_name, kind, parent, head, peg_sigla;
};
Result<EditOutcome> add_center(Session& s, const std::string& code, const CenterFields& f);
Result<EditOutcome> edit_center(Session& s, const std::string& code, const CenterFields& f);

struct PersonFields {
  FieldText name, username;
};
/// The key is derived from the name (core/normalize.h); Conflict when the name is known.
Result<EditOutcome> add_person(Session& s, const PersonFields& f);
Result<EditOutcome> edit_person(Session& s, const std::string& person, const PersonFields& f);

struct AssessoratoFields {
  FieldText description, delegations;
};
Result<EditOutcome> add_assessorato(Session& s, const AssessoratoFields& f);
Result<EditOutcome> edit_assessorato(Session& s, const std::string& assessorato,
                                     const AssessoratoFields& f);

/// Area tematica `number` of `vista`: added or its description changed.
Result<EditOutcome> set_area(Session& s, const std::string& vista, int number,
                             const std::string& description);

/// Stato di attuazione of an objective for a year (and as-of date): replaces the text of the
/// same year and date, or adds it; an empty text removes it.
Result<EditOutcome> set_status(Session& s, const ObjectiveRef& ref, const FieldText& year,
                               const FieldText& as_of, const std::string& text);

struct InvolvedStructureFields {
  std::string description;
  FieldText relation, mission, programme, share; // share: percent 0–100
};
Result<EditOutcome> add_involved_structure(Session& s, const ObjectiveRef& ref,
                                           const InvolvedStructureFields& f);
struct InvolvedPersonFields {
  std::string person;
  FieldText relation, effort; // effort: percent 0–100
};
Result<EditOutcome> add_involved_person(Session& s, const ObjectiveRef& ref,
                                        const InvolvedPersonFields& f);

} // namespace traguardi::app
