#include "app/involved_removal.h"

#include <fmt/format.h>

#include "app/plan_change.h"

namespace traguardi::app {
namespace {

/// How the audit log and the messages name one kind of involved entry.
struct Names {
  const char* action; // "rimozione struttura coinvolta"
  const char* field;  // "struttura-coinvolta", as the addition audits it
  const char* plural; // "le strutture coinvolte"
};

/// Removes entry `position` of `list` (a member of the objective) and audits its `label`.
template <typename Entry, typename Label>
Result<EditOutcome> remove_entry(Session& s, const ObjectiveRef& ref, int position,
                                 std::vector<Entry> Objective::*list, Names names, Label label) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  PlanChange c{*d, *d, names.action, "", {}, {}};
  auto o = resolve_objective(c.after, ref);
  if (!o) return tl::unexpected(o.error());
  auto& entries = (**o).*list;
  if (position < 1 || position > static_cast<int>(entries.size()))
    return fail(fmt::format("l'obiettivo non ha il numero {} tra {} ({} in tutto)", position,
                            names.plural, entries.size()),
                "numero", ErrorKind::not_found);
  const auto it = entries.begin() + (position - 1);
  c.target = (*o)->vista + "/" + (*o)->code;
  c.changes.push_back({names.field, label(*it), ""});
  entries.erase(it);
  c.objectives = {c.target};
  const std::string key = c.target;
  return commit_plan_change(s, std::move(c), key);
}

} // namespace

Result<EditOutcome> remove_involved_structure(Session& s, const ObjectiveRef& ref, int position) {
  return remove_entry(
      s, ref, position, &Objective::structures,
      {"rimozione struttura coinvolta", "struttura-coinvolta", "le strutture coinvolte"},
      [](const InvolvedStructure& x) { return x.description; });
}

Result<EditOutcome> remove_involved_person(Session& s, const ObjectiveRef& ref, int position) {
  return remove_entry(
      s, ref, position, &Objective::people,
      {"rimozione soggetto coinvolto", "soggetto-coinvolto", "i soggetti coinvolti"},
      [](const InvolvedPerson& x) { return x.person; });
}

} // namespace traguardi::app
