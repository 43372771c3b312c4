// /api/v1 objectives as a tree (app/objective_tree.h): vistas at the top, each objective with
// the same item as the flat list, district items with their level, code and title.
#include "app/objective_tree.h"
#include "core/figures.h"
#include "web/api_json.h"
#include "web/api_routes.h"

namespace traguardi::web {
namespace {

Json node_json(const app::TreeNode& n) {
  Json children = Json::array();
  for (const auto& c : n.children)
    children.push_back(node_json(c));
  Json out{{"level", n.level},
           {"level_name", n.level_name},
           {"code", n.code},
           {"title", n.title},
           {"match", n.match}};
  if (n.objective)
    out["objective"] = objective_item_json(*n.objective, compute_figures(*n.objective));
  out["children"] = std::move(children);
  return out;
}

void get_tree(ApiCall& c) {
  auto d = api_plan(c);
  const app::PlanFilter f = plan_filter_of(c.req);
  if (!f.level.empty() && !app::is_tree_level(*d, f.level))
    return send_problem(c.res, {400,
                                "",
                                "parametro livello non valido",
                                {{"", "livello",
                                  "atteso mandato, missione, programma, peg o un livello del "
                                  "Piano di Zona (area, macro_obiettivo, azione, "
                                  "obiettivo_strategico)"}}});
  const app::ObjectiveTree tree = app::objective_tree(*d, f);
  Json items = Json::array();
  for (const auto& v : tree.vistas)
    items.push_back(node_json(v));
  send_json(c, Json{{"items", std::move(items)}, {"matches", tree.matches}});
}

} // namespace

void register_api_tree(httplib::Server& s, Env& env, const std::string& ente_pattern) {
  api_get(s, env, ente_pattern + "/objective-tree", get_tree);
}

} // namespace traguardi::web
