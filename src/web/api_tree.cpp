// /api/v1 objectives as a tree (app/objective_tree.h): vistas at the top, each objective with
// the same item as the flat list, district items with their level, code and title.
//
// Paged like the flat list (api_paging.h): the tree is counted in pre-order (vistas, context
// ancestors and matches alike) and a page holds `limit` nodes from the cursor on. So that
// every page is itself a tree, a page whose first node sits below nodes of earlier pages
// repeats those ancestors, marked `continued` and not counted.
#include "app/objective_tree.h"
#include "core/figures.h"
#include "web/api_json.h"
#include "web/api_paging.h"
#include "web/api_routes.h"

namespace traguardi::web {
namespace {

/// One node in pre-order, with the key its cursor names and the size of its subtree.
struct Placed {
  const app::TreeNode* node;
  std::string key;
  std::size_t size = 1;
};

void place(const app::TreeNode& n, const std::string& parent_key, std::vector<Placed>& out) {
  const std::size_t at = out.size();
  std::string key = (parent_key.empty() ? "" : parent_key + "\n") + n.level + ":" + n.code;
  out.push_back({&n, key});
  for (const auto& child : n.children)
    place(child, key, out);
  out[at].size = out.size() - at;
}

Json node_fields(const app::TreeNode& n) {
  Json out{{"level", n.level},
           {"level_name", n.level_name},
           {"code", n.code},
           {"title", n.title},
           {"match", n.match}};
  if (n.objective)
    out["objective"] = objective_item_json(*n.objective, compute_figures(*n.objective));
  return out;
}

struct Window {
  std::size_t start, end;
  bool touches(std::size_t at, std::size_t size) const { return at < end && at + size > start; }
};

/// The nodes among `siblings` (the first at pre-order index `at`) whose subtree touches `w`.
Json nodes_in(const std::vector<app::TreeNode>& siblings, std::size_t at,
              const std::vector<Placed>& all, Window w) {
  Json out = Json::array();
  for (const auto& n : siblings) {
    const std::size_t size = all[at].size;
    if (w.touches(at, size)) {
      Json node = node_fields(n);
      if (at < w.start) node["continued"] = true;
      node["children"] = nodes_in(n.children, at + 1, all, w);
      out.push_back(std::move(node));
    }
    at += size;
  }
  return out;
}

void get_tree(ApiCall& c) {
  auto limit = api_limit(c);
  if (!limit) return;
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
  std::vector<Placed> all;
  for (const auto& v : tree.vistas)
    place(v, "", all);
  Window w{0, 0};
  if (c.req.has_param("cursor")) {
    auto key = key_of_cursor(c.req.get_param_value("cursor"));
    auto it =
        std::find_if(all.begin(), all.end(), [&](const Placed& p) { return key && p.key == *key; });
    if (it == all.end()) return api_bad_cursor(c);
    w.start = static_cast<std::size_t>(it - all.begin()) + 1;
  }
  w.end = std::min(all.size(), w.start + *limit);
  const bool more = w.end < all.size() && w.end > w.start;
  send_json(c,
            Json{{"items", nodes_in(tree.vistas, 0, all, w)},
                 {"matches", tree.matches},
                 {"total", all.size()},
                 {"next_cursor", more ? Json(cursor_of_key(all[w.end - 1].key)) : Json(nullptr)}});
}

} // namespace

void register_api_tree(httplib::Server& s, Env& env, const std::string& ente_pattern) {
  api_get(s, env, ente_pattern + "/objective-tree", get_tree);
}

} // namespace traguardi::web
