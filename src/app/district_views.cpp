#include "app/district_views.h"

#include <algorithm>

#include <fmt/format.h>

#include "app/plan_access.h"
#include "app/report_bytes.h"
#include "report/district_builder.h"
#include "report/text_rules.h"

namespace traguardi::app {
namespace {

/// Each member comune whose PEG objectives are linked, loaded once (from the cache).
std::vector<Dataset> linked_comuni(Store& store, const Dataset& d, PlanCache& cache) {
  std::vector<Dataset> comuni;
  for (const auto& m : d.district->macro_objectives)
    for (const auto& l : m.links) {
      bool loaded = std::any_of(comuni.begin(), comuni.end(),
                                [&](const Dataset& c) { return c.ente.code == l.ente; });
      if (!loaded)
        if (auto c = cache.get(store, l.ente)) comuni.push_back(*c);
    }
  return comuni;
}

bool starts_with(const std::string& s, std::string_view prefix) {
  return s.rfind(prefix, 0) == 0;
}

// The report's text bars ("████") would be read out character by character: the page leaves
// that column out and keeps the numbers.
TextBlock text_block(const report::Table& t) {
  TextBlock b;
  b.heading = t.heading;
  std::vector<bool> keep;
  for (const auto& c : t.columns) {
    keep.push_back(!starts_with(c.header, "Grafico"));
    if (keep.back()) b.table.headers.push_back(c.header);
  }
  for (const auto& row : t.rows) {
    std::vector<std::string> cells;
    for (std::size_t i = 0; i < row.size(); ++i)
      if (i >= keep.size() || keep[i]) cells.push_back(row[i].text);
    b.district_rows.push_back(!cells.empty() && starts_with(cells.front(), "Ambito – "));
    b.table.rows.push_back(std::move(cells));
  }
  return b;
}

} // namespace

bool may_open_ente(const Principal& p, std::string_view requested) {
  return p.ente.empty() || requested.empty() || requested == p.ente;
}

Result<DistrictView> district_view(Store& store, const Principal& p, std::string_view requested,
                                   PlanCache& cache) {
  auto plan = shared_plan(store, p, requested, cache);
  if (!plan) return tl::unexpected(plan.error());
  if (!(*plan)->district)
    return fail(fmt::format("l'ente {} non è un ambito con un Piano di Zona", (*plan)->ente.code),
                "ente", ErrorKind::not_found);
  DistrictView v;
  v.ambito = *plan;
  v.links = summarize_links(*v.ambito, linked_comuni(store, *v.ambito, cache));
  return v;
}

std::vector<TextSection> statistics_sections(const Dataset& ambito) {
  const report::Document doc = report::build_statistics_report(ambito, report::production_date());
  std::vector<TextSection> out;
  for (const auto& s : doc.sections) {
    if (s.code == "Controlli") continue; // the page shows the checks from core, both numbers
    TextSection t;
    t.title = s.code;
    for (const auto& row : s.header.rows)
      for (const auto& f : row)
        t.fields.emplace_back(f.label, f.value);
    for (const auto& b : s.blocks) {
      if (const auto* table = std::get_if<report::Table>(&b))
        t.blocks.push_back(text_block(*table));
      if (const auto* para = std::get_if<report::Paragraph>(&b)) {
        TextBlock p;
        p.lead = para->lead;
        p.text = para->text;
        t.blocks.push_back(std::move(p));
      }
    }
    out.push_back(std::move(t));
  }
  return out;
}

Result<SheetFile> district_report_file(const DistrictView& v, const std::string& kind,
                                       const std::string& format) {
  auto which = report::district_report_from_string(kind);
  if (!which)
    return fail(fmt::format("rapporto «{}» non previsto: valutazione-esiti, "
                            "statistiche-territoriali o piano-di-zona",
                            kind),
                "rapporto");
  auto doc = report::build_district_report(*v.ambito, *which, v.links, report::production_date());
  if (!doc) return tl::unexpected(doc.error());
  return document_file(*doc, format, kind, true);
}

} // namespace traguardi::app
