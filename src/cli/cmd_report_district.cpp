// The Piano di Zona reports of `traguardi report`: the ambito comes from the store, and so do
// the member comuni whose PEG objectives macro-obiettivi are linked to (their figures are
// computed in core/district_links.h); the report layer never sees the store.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "core/district_links.h"
#include "report/csv_renderer.h"
#include "report/district_builder.h"
#include "report/html_renderer.h"
#include "report/pdf_renderer.h"
#include "report/text_rules.h"
#include "report/xlsx_renderer.h"

namespace traguardi::cli {

bool is_district_report(const std::string& kind) {
  return report::district_report_from_string(kind).has_value();
}

int run_district_report(Context& ctx, const std::string& kind, const std::string& vista,
                        const std::string& format, const std::string& out) {
  auto store = open_db(ctx, OpenMode::existing);
  const Dataset d = load_ente(*store, ctx);
  if (!vista.empty() && d.district && d.district->vista != vista)
    throw InvalidInput(fmt::format("vista «{}» non trovata per il Piano di Zona dell'ente {} "
                                   "(vista del piano: {})",
                                   vista, d.ente.code, d.district->vista));
  std::vector<Dataset> comuni;
  if (d.district)
    for (const auto& m : d.district->macro_objectives)
      for (const auto& l : m.links) {
        bool loaded = false;
        for (const auto& c : comuni)
          loaded = loaded || c.ente.code == l.ente;
        if (!loaded)
          if (auto c = store->load(l.ente)) comuni.push_back(std::move(*c));
      }
  auto links = summarize_links(d, comuni);
  auto doc = report::build_district_report(d, *report::district_report_from_string(kind), links,
                                           report::production_date());
  if (!doc) {
    std::cerr << "traguardi: errore: " << doc.error().full() << "\n";
    return error_kind_exit_code(doc.error().kind);
  }
  Result<void> ok;
  if (format == "pdf")
    ok = report::write_pdf(*doc, out);
  else if (format == "html")
    ok = report::write_html(*doc, out);
  else if (format == "xlsx")
    ok = report::write_xlsx(*doc, out);
  else if (auto files = report::write_csv(*doc, out); !files)
    ok = tl::make_unexpected(files.error());
  if (!ok) {
    std::cerr << "traguardi: errore: " << ok.error().message << "\n";
    return error_kind_exit_code(ok.error().kind);
  }
  std::cout << fmt::format("Scritto {}: {}, {} sezioni.\n", out, doc->title, doc->sections.size());
  return 0;
}

} // namespace traguardi::cli
