// The last step of every structural edit (adding, moving or deleting objectives, fasi and
// indicators; editing objectives and the organisation): validate the changed plan by meaning
// and store it only if the ente is still as it was read.
//
// A change may not introduce a new error finding (core/validation.h) for the objectives it
// touches: a missione code outside D.Lgs. 118/2011, a link to a missing objective, weights out
// of range... Warnings (weights not summing to 100, "Concluso" below 100 %) are returned with
// the outcome so that every front end shows them beside the objective.
#pragma once

#include <string>
#include <vector>

#include "app/edit_outcome.h"
#include "app/session.h"

namespace traguardi::app {

struct PlanChange {
  Dataset before;     // as read at the start of the use case
  Dataset after;      // with the change applied
  std::string action; // "nuovo obiettivo", "spostamento fase", ...
  std::string target; // "DUP_2025_2027/2025_S01_01"
  std::vector<FieldChange> changes;
  std::vector<std::string> objectives; // "vista/code" of the objectives concerned (validation)
};

/// Validates and stores; the outcome's version is the one of `version_of` after the change
/// (an objective "vista/code", or empty for records without versions).
Result<EditOutcome> commit_plan_change(Session& s, PlanChange change,
                                       const std::string& version_of = {});

/// The error findings of `after` about the objectives `concerned` ("vista/code") that `before`
/// did not have: what a change may not introduce.
std::vector<Finding> new_errors(const Dataset& before, const Dataset& after,
                                const std::vector<std::string>& concerned);

/// Warnings and infos about one objective of `d` ("vista/code"), for display after an edit.
std::vector<Finding> objective_findings(const Dataset& d, const std::string& key,
                                        Severity at_least = Severity::warning);

} // namespace traguardi::app
