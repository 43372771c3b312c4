#include "web/api_memo.h"

#include "core/figures.h"
#include "web/api_json.h"
#include "web/json_text.h"

namespace traguardi::web {

std::string memo_objective_json(ApiCall& c, const std::shared_ptr<const Dataset>& d,
                                const Objective& o) {
  return c.env.ws.views().text(d, "api/objective/" + o.vista + "/" + o.code, [&] {
    return objective_json(o, compute_figures(o))
        .dump(-1, ' ', false, Json::error_handler_t::replace);
  });
}

std::string memo_objective_item(ApiCall& c, const std::shared_ptr<const Dataset>& d,
                                const Objective& o) {
  return c.env.ws.views().text(d, "api/item/" + o.vista + "/" + o.code, [&] {
    JsonText out;
    write_objective_item(out, o, compute_figures(o));
    return out.take();
  });
}

} // namespace traguardi::web
