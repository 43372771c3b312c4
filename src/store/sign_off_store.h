// The labels of the sign-off block an ente words for its sheets (`report --firme`, issue 14).
//
// They are a setting of the ente, not part of the plan: kept in their own table
// (ente_sign_off, schema step 6) beside the plan, which `replace` rewrites whole without
// touching them, like the per-ente counters. Reading and writing go through their own
// connection to the same database, and a change appends to the ente's audit chain in the same
// transaction, so `traguardi audit` shows who changed a label and why.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace traguardi {

struct SignOffLabels {
  std::string responsible; // firma del responsabile
  std::string control;     // visto del controllo di gestione
  std::string oiv;         // validazione dell'OIV / Nucleo di valutazione
  bool operator==(const SignOffLabels&) const = default;
};

/// The ente's own labels; nullopt when it never set them. `location` as for open_store.
std::optional<SignOffLabels> read_sign_off(const std::string& location, const std::string& ente);

/// Stores `labels` (nullopt: removes them, back to the defaults) and appends one audit entry
/// per change (`action`, target "firme"), in one transaction. NotFound for an unknown ente.
void write_sign_off(const std::string& location, const std::string& ente,
                    const std::optional<SignOffLabels>& labels,
                    const std::vector<ChangedField>& changes, const std::string& action,
                    const ChangeAuthor& author);

} // namespace traguardi
