// The sign-off block of the sheets (`report --firme`), as each ente words it.
//
// Offices sign with their own titles ("Il Dirigente del Settore", "Visto: Ufficio Controllo di
// gestione", "Il Nucleo di valutazione"), so the three labels are stored per ente
// (store/sign_off_store.h) and changed through this audited use case. An ente that never set
// them prints the default labels of report::SignOff; an empty label drops its box.
#pragma once

#include "app/edit_outcome.h"
#include "app/field_values.h"
#include "app/session.h"
#include "report/document.h"

namespace traguardi::app {

/// Absent = unchanged; "-" = empty (the box is not printed).
struct SignOffFields {
  FieldText responsible; // firma del responsabile
  FieldText control;     // visto del controllo di gestione
  FieldText oiv;         // validazione dell'OIV / Nucleo di valutazione
};

struct SignOffView {
  std::string ente;
  report::SignOff labels;
  bool configured = false; // false: the default labels
};

/// The labels `report --firme` prints for the session's ente.
Result<SignOffView> show_sign_off(Session& s);
/// Changes the given labels (the others keep their current text), audited; nothing written
/// when nothing changes.
Result<EditOutcome> set_sign_off(Session& s, const SignOffFields& f);
/// Back to the default labels, audited.
Result<EditOutcome> reset_sign_off(Session& s);

} // namespace traguardi::app
