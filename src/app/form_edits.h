// Progress updates as the web forms submit them: typed Italian text in, a verdict out that a
// page can show next to each field (invalid), as a 409 page (stale) or as a 403 (forbidden).
//
// Each form carries the version it was loaded with and the values it showed; a submission
// whose version is no longer current is refused and the result names, field by field, what
// someone else changed meanwhile, so the page can keep what the user typed. The write itself
// is the store's optimistic update, audited with the signed-in user.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/auth.h"
#include "store/store.h"

namespace traguardi::app {

enum class EditStatus { saved, unchanged, invalid, stale, forbidden, not_found };

struct FieldIssue {
  std::string field; // form field name
  std::string message;
};

struct FieldDiff {
  std::string field, label;
  std::string shown;   // what the form showed when loaded
  std::string current; // what is stored now
};

struct EditResult {
  EditStatus status = EditStatus::saved;
  std::vector<FieldIssue> issues;   // invalid
  std::vector<FieldDiff> meanwhile; // stale: fields changed by someone else
  std::int64_t version = 0;         // current version after the call
  std::string message;              // Italian summary
};

/// Which record and the form's fields, all as typed ("45,5", "31/12/2026", "" = empty).
struct RecordForm {
  std::string ente, vista, objective;
  int order = 0;
  std::int64_t version = 0;
  std::map<std::string, std::string> values; // submitted fields
  std::map<std::string, std::string> shown;  // "orig_" fields: what the form was loaded with
};

/// Phase fields: avanzamento, inizio_effettivo, fine_effettiva, note.
EditResult edit_phase_progress(Store& store, const Principal& who, const RecordForm& f);
/// Indicator fields: valore_raggiunto, valore_atteso, note.
EditResult edit_indicator_value(Store& store, const Principal& who, const RecordForm& f);

/// The form values of a stored fase / indicator, in the same text the forms show.
std::map<std::string, std::string> phase_form_values(const Phase& p);
std::map<std::string, std::string> indicator_form_values(const Indicator& i);

} // namespace traguardi::app
