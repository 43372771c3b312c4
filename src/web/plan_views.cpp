#include "web/plan_views.h"

#include <fmt/format.h>

#include "core/italian.h"
#include "web/html.h"

namespace traguardi::web {

std::string objective_href(const Objective& o) {
  return "/obiettivo/" + url_encode(o.vista) + "/" + url_encode(o.code);
}

std::string percent_text(const std::optional<Decimal>& v) {
  if (v) return esc(italian::format_percent(*v));
  return "<span aria-hidden=\"true\">—</span><span class=\"visually-hidden\">non "
         "disponibile</span>";
}

std::string progress_cell(const std::optional<Decimal>& v) {
  if (!v) return percent_text(v);
  const Decimal capped = min(max(*v, Decimal()), Decimal::from_int(100));
  const long pct = static_cast<long>(capped.units() / Decimal::kScale);
  return fmt::format(
      "<div class=\"d-flex align-items-center gap-2\"><progress class=\"tg-progress\" "
      "max=\"100\" value=\"{}\" aria-hidden=\"true\"></progress><span>{}</span></div>",
      pct, esc(italian::format_percent(*v, 1)));
}

std::string center_name(const Dataset& d, const std::string& code) {
  const ResponsibilityCenter* c = find_center(d, code);
  if (!c) return code;
  return c->short_name.empty() ? c->name : c->short_name;
}

std::string person_label(const Dataset& d, const std::string& key) {
  const Person* p = find_person(d, key);
  return p ? p->name : key;
}

} // namespace traguardi::web
