#include "app/plan_change.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace traguardi::app {

std::vector<Finding> objective_findings(const Dataset& d, const std::string& key,
                                        Severity at_least) {
  std::vector<Finding> out;
  for (auto& f : validate(d))
    if (f.vista + "/" + f.objective == key && f.severity >= at_least) out.push_back(std::move(f));
  return out;
}

namespace {

std::set<std::string> error_keys(const std::vector<Finding>& findings,
                                 const std::set<std::string>& concerned) {
  std::set<std::string> out;
  for (const auto& f : findings)
    if (f.severity == Severity::error && concerned.count(f.vista + "/" + f.objective))
      out.insert(f.vista + "/" + f.objective + "|" + f.code + "|" + f.field);
  return out;
}

} // namespace

std::vector<Finding> new_errors(const Dataset& before, const Dataset& after,
                                const std::vector<std::string>& concerned_keys) {
  const std::set<std::string> concerned(concerned_keys.begin(), concerned_keys.end());
  const auto old_errors = error_keys(validate(before), concerned);
  std::vector<Finding> out;
  for (auto& f : validate(after)) {
    const std::string key = f.vista + "/" + f.objective;
    if (f.severity != Severity::error || !concerned.count(key)) continue;
    if (!old_errors.count(key + "|" + f.code + "|" + f.field)) out.push_back(std::move(f));
  }
  return out;
}

Result<EditOutcome> commit_plan_change(Session& s, PlanChange c, const std::string& version_of) {
  EditOutcome out;
  out.ente = c.after.ente.code;
  out.action = c.action;
  out.target = c.target;
  if (c.changes.empty()) return out; // nothing asked that is not already so
  if (auto errors = new_errors(c.before, c.after, c.objectives); !errors.empty())
    return fail(errors.front().message);
  std::vector<AuditEntry> entries;
  for (const auto& ch : c.changes) {
    AuditEntry e;
    e.action = c.action;
    e.target = c.target;
    e.field = ch.field;
    e.before = ch.before;
    e.after = ch.after;
    entries.push_back(std::move(e));
  }
  Dataset stored = s.store().replace_checked(c.before, c.after, entries, s.author());
  if (!version_of.empty()) {
    auto slash = version_of.find('/');
    if (const Objective* o =
            find_objective(stored, version_of.substr(0, slash), version_of.substr(slash + 1)))
      out.version = o->version;
  }
  for (const auto& key : c.objectives)
    for (auto& f : objective_findings(stored, key))
      out.warnings.push_back(std::move(f));
  out.changes = std::move(c.changes);
  return out;
}

} // namespace traguardi::app
