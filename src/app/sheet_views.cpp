#include "app/sheet_views.h"

#include "app/report_bytes.h"
#include "core/figures.h"
#include "core/normalize.h"
#include "report/html_renderer.h"
#include "report/scheda_builder.h"
#include "report/scheda_parts.h"
#include "report/svg_gantt.h"
#include "report/text_rules.h"

namespace traguardi::app {
namespace {

bool contains_folded(const std::string& hay, const std::string& needle) {
  return matching_key(hay).find(matching_key(needle)) != std::string::npos;
}

} // namespace

TextTable computed_figures(const Dataset& d, const Objective& o) {
  std::vector<RollupFigure> rollups;
  const RollupFigure* rollup = nullptr;
  if (o.level != Level::peg && o.phases.empty()) {
    rollups = compute_rollups(d, compute_all(d));
    const std::string key = o.vista + "/" + o.code;
    for (const auto& r : rollups)
      if (r.key == key && r.axis == to_string(o.level)) rollup = &r;
  }
  report::Table t = report::figures_table(o, rollup);
  TextTable out;
  for (const auto& c : t.columns)
    out.headers.push_back(c.header);
  for (const auto& row : t.rows) {
    out.rows.emplace_back();
    for (const auto& cell : row)
      out.rows.back().push_back(cell.text);
  }
  return out;
}

std::string gantt_svg(const Objective& o, const std::string& id) {
  if (o.phases.empty()) return {};
  report::Gantt g = report::phases_gantt(o, report::production_date());
  return report::render_svg_gantt(g, "GANTT dell'obiettivo " + o.code, id);
}

std::string gantt_stylesheet() {
  std::string out;
  std::string_view all = report::html_stylesheet();
  std::size_t pos = 0;
  while (pos < all.size()) {
    std::size_t end = all.find('\n', pos);
    if (end == std::string_view::npos) end = all.size();
    std::string_view line = all.substr(pos, end - pos);
    if (line.rfind(".tg-g", 0) == 0) out.append(line).append("\n");
    pos = end + 1;
  }
  return out;
}

bool center_within(const Dataset& d, const std::string& center, const std::string& root) {
  std::string c = center;
  for (int guard = 0; guard < 64 && !c.empty(); ++guard) {
    if (c == root) return true;
    const ResponsibilityCenter* rc = find_center(d, c);
    if (!rc) return false;
    c = rc->parent;
  }
  return false;
}

std::vector<const Objective*> filter_objectives(const Dataset& d, const PlanFilter& f) {
  std::vector<const Objective*> out;
  for (const auto& o : d.objectives) {
    if (!f.vista.empty() && o.vista != f.vista) continue;
    if (!f.level.empty() && to_string(o.level) != f.level) continue;
    if (!f.center.empty() && !center_within(d, o.center, f.center)) continue;
    if (!f.responsible.empty() && o.responsible != f.responsible) continue;
    if (!f.assessorato.empty() && o.assessorato != f.assessorato) continue;
    if (!f.state.empty() && o.state != f.state) continue;
    if (f.year && o.year != f.year) continue;
    if (!f.text.empty() && !contains_folded(o.code, f.text) &&
        !contains_folded(o.short_description, f.text) && !contains_folded(o.description, f.text))
      continue;
    out.push_back(&o);
  }
  return out;
}

Result<SheetFile> render_sheet(const Dataset& d, const std::vector<const Objective*>& objectives,
                               const std::string& format, const std::string& name) {
  if (objectives.empty()) return fail("nessun obiettivo da stampare", "obiettivi");
  bool all_peg = true;
  for (const Objective* o : objectives)
    all_peg = all_peg && o->level == Level::peg;
  const auto kind = all_peg ? report::ReportKind::scheda_peg_rendicontazione
                            : report::ReportKind::scheda_obiettivi;
  report::SelectedObjectives sel;
  sel.objectives = objectives;
  sel.level = objectives.front()->level;
  sel.vista = find_vista(d, objectives.front()->vista);
  report::Document doc = report::build_scheda(d, kind, sel, report::production_date());
  return document_file(doc, format, name);
}

} // namespace traguardi::app
