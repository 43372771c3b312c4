#include "web/authoring_pages.h"

#include <fmt/format.h>

#include "app/authoring_access.h"
#include "web/plan_views.h"

namespace traguardi::web {

void register_authoring_pages(httplib::Server& s, Env& env) {
  register_objective_authoring(s, env);
  register_item_authoring(s, env);
  register_narrative_authoring(s, env);
  register_organisation_pages(s, env);
  register_removal_pages(s, env);
}

std::string objective_authoring_links(const app::Principal& who, const Dataset& d,
                                      const Objective& o) {
  if (!app::can_author_objective(who, d, o)) return {};
  const std::string base = objective_href(o);
  auto link = [](const std::string& href, const char* label) {
    return "<li><a class=\"btn btn-sm btn-outline-primary\" href=\"" + esc(href) + "\">" +
           esc(label) + "</a></li>";
  };
  std::string out = "<nav aria-label=\"Modifiche dell'obiettivo\"><ul class=\"list-inline "
                    "tg-actions d-flex flex-wrap gap-2 mb-4\">";
  out += link(base + "/modifica", "Modifica l'obiettivo");
  out += link(base + "/fase/nuova", "Aggiungi una fase");
  out += link(base + "/indicatore/nuovo", "Aggiungi un indicatore");
  out += link(base + "/stato", "Stato di attuazione");
  out += link(base + "/struttura/nuova", "Aggiungi una struttura coinvolta");
  out += link(base + "/soggetto/nuovo", "Aggiungi un soggetto coinvolto");
  if (app::can_change_structure(who) && o.level != Level::peg)
    out += link("/piano/nuovo?vista=" + url_encode(o.vista) + "&collegato-a=" + url_encode(o.code),
                "Nuovo obiettivo collegato");
  return out + "</ul></nav>";
}

} // namespace traguardi::web
