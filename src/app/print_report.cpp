#include "app/print_report.h"

#include "app/sign_off.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/district_links.h"
#include "report/csv_renderer.h"
#include "report/district_builder.h"
#include "report/html_renderer.h"
#include "report/pdf_renderer.h"
#include "report/scheda_builder.h"
#include "report/text_rules.h"
#include "report/xlsx_renderer.h"

namespace traguardi::app {
namespace {

Result<std::vector<std::string>> write(const report::Document& doc, const std::string& format,
                                       const std::string& out) {
  Result<void> ok;
  if (format == "pdf")
    ok = report::write_pdf(doc, out);
  else if (format == "html")
    ok = report::write_html(doc, out);
  else if (format == "xlsx")
    ok = report::write_xlsx(doc, out);
  else if (format == "csv")
    return report::write_csv(doc, out);
  else
    return fail(fmt::format("formato «{}» non previsto: pdf, html, xlsx o csv", format), "format");
  if (!ok) return tl::unexpected(ok.error());
  return std::vector<std::string>{out};
}

// The member comuni whose PEG objectives the macro-obiettivi are linked to, each loaded once.
std::vector<Dataset> linked_comuni(Store& store, const Dataset& d) {
  std::vector<Dataset> comuni;
  if (!d.district) return comuni;
  for (const auto& m : d.district->macro_objectives)
    for (const auto& l : m.links) {
      bool loaded = std::any_of(comuni.begin(), comuni.end(),
                                [&](const Dataset& c) { return c.ente.code == l.ente; });
      if (!loaded)
        if (auto c = store.load(l.ente)) comuni.push_back(std::move(*c));
    }
  return comuni;
}

Result<ReportOutcome> print_district(Session& s, const ReportRequest& r) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  if (!r.vista.empty() && d->district && d->district->vista != r.vista)
    return fail(fmt::format("vista «{}» non trovata per il Piano di Zona dell'ente {} (vista del "
                            "piano: {})",
                            r.vista, d->ente.code, d->district->vista),
                "vista");
  auto links = summarize_links(*d, linked_comuni(s.store(), *d));
  auto doc = report::build_district_report(*d, *report::district_report_from_string(r.kind), links,
                                           r.produced.value_or(report::production_date()));
  if (!doc) return tl::unexpected(doc.error());
  auto files = write(*doc, r.format, r.out);
  if (!files) return tl::unexpected(files.error());
  ReportOutcome out;
  out.title = doc->title;
  out.sections = doc->sections.size();
  out.files = std::move(*files);
  return out;
}

} // namespace

bool is_district_report(const std::string& kind) {
  return report::district_report_from_string(kind).has_value();
}

Result<ReportOutcome> print_report(Session& s, const ReportRequest& r) {
  if (is_district_report(r.kind)) return print_district(s, r);
  auto kind = report::report_kind_from_string(r.kind);
  if (!kind)
    return fail(fmt::format("scheda «{}» non prevista: scheda-obiettivi, "
                            "scheda-peg-rendicontazione, valutazione-esiti, "
                            "statistiche-territoriali o piano-di-zona",
                            r.kind));
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  report::Selection sel{
      r.vista, r.level, r.center, r.responsible, r.assessorato, r.short_description, r.year};
  auto selected = report::select_objectives(*d, *kind, sel);
  if (!selected) return fail(selected.error().message, {}, selected.error().kind);
  ReportOutcome out;
  if (selected->objectives.empty()) {
    out.empty = true;
    out.message = report::empty_selection_message(*selected);
    return out;
  }
  report::SheetOptions sheet;
  sheet.produced = r.produced.value_or(report::production_date());
  sheet.as_of = r.as_of;
  sheet.draft = r.draft;
  sheet.sign_off = r.sign_off;
  report::Document doc = report::build_scheda(*d, *kind, *selected, sheet);
  // The ente's own wording of the signatures (app/sign_off.h), else the defaults.
  if (doc.sign_off) {
    auto v = show_sign_off(s);
    if (!v) return tl::unexpected(v.error());
    doc.sign_off = v->labels;
  }
  auto files = write(doc, r.format, r.out);
  if (!files) return fail(files.error().message, {}, files.error().kind);
  out.title = doc.title;
  out.sections = doc.sections.size();
  out.files = std::move(*files);
  return out;
}

} // namespace traguardi::app
