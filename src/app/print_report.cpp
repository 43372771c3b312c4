#include "app/print_report.h"

#include <fmt/format.h>

#include "report/csv_renderer.h"
#include "report/html_renderer.h"
#include "report/pdf_renderer.h"
#include "report/scheda_builder.h"
#include "report/text_rules.h"
#include "report/xlsx_renderer.h"

namespace traguardi::app {
namespace {

Result<void> write(const report::Document& doc, const std::string& format, const std::string& out) {
  if (format == "pdf") return report::write_pdf(doc, out);
  if (format == "html") return report::write_html(doc, out);
  if (format == "xlsx") return report::write_xlsx(doc, out);
  if (format == "csv") {
    auto files = report::write_csv(doc, out);
    if (!files) return tl::unexpected(files.error());
    return {};
  }
  return fail(fmt::format("formato «{}» non previsto: pdf, html, xlsx o csv", format), "format");
}

} // namespace

Result<ReportOutcome> print_report(Session& s, const ReportRequest& r) {
  auto kind = report::report_kind_from_string(r.kind);
  if (!kind)
    return fail(fmt::format("scheda «{}» non prevista: scheda-obiettivi oppure "
                            "scheda-peg-rendicontazione",
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
  const report::Document doc =
      report::build_scheda(*d, *kind, *selected, report::production_date());
  if (auto ok = write(doc, r.format, r.out); !ok)
    return fail(ok.error().message, {}, ok.error().kind);
  out.title = doc.title;
  out.objectives = doc.sections.size();
  return out;
}

} // namespace traguardi::app
