#include "app/authoring_access.h"

#include "app/plan_access.h"
#include "app/references.h"
#include "app/sheet_views.h"

namespace traguardi::app {

bool can_change_structure(const Principal& p) {
  return can_author_plan(p);
}

bool can_author_objective(const Principal& p, const Dataset& d, const Objective& o) {
  return can_record_progress(p, d, o);
}

std::optional<std::string> objective_edit_refusal(const Principal& p, const Dataset& d,
                                                  const Objective& o, const ObjectiveFields& f) {
  if (!can_author_objective(p, d, o))
    return "Non è autorizzato a modificare questo obiettivo: appartiene a un altro centro di "
           "responsabilità oppure il suo ruolo consente solo la lettura.";
  if (can_change_structure(p)) return std::nullopt;
  if (f.level || f.parent)
    return "Il livello e il collegamento a un obiettivo superiore fanno parte della struttura "
           "del piano: li cambiano l'amministratore e il controllo di gestione.";
  if (f.center) {
    auto code =
        clears(f.center) ? Result<std::string>(std::string()) : center_code(d, *f.center, "cdr");
    if (code && (code->empty() || !center_within(d, *code, p.center)))
      return "Un responsabile può assegnare l'obiettivo solo al proprio centro di "
             "responsabilità o a uno dei centri che ne dipendono.";
  }
  return std::nullopt;
}

} // namespace traguardi::app
