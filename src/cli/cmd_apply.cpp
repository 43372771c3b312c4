// `traguardi apply FILE.csv|FILE.xlsx`: bulk edits from the spreadsheet written by
// `export --format csv|xlsx` (app/apply_rows.h, docs/apply.md). Prints the per-row report.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/apply_rows.h"
#include "cli/commands.h"

namespace traguardi::cli {
namespace {

std::string shown(const app::RowProblem& p, const std::string& file) {
  return fmt::format("{}:{}: {}{}{}", file, p.row, p.field.empty() ? "" : p.field,
                     p.field.empty() ? "" : ": ", p.message);
}

void print_json(const app::ApplyOutcome& out) {
  nlohmann::ordered_json j{{"file", out.file},
                           {"ente", out.ente},
                           {"righe", out.rows},
                           {"applicato", out.written},
                           {"righe_modificate", out.changed_rows},
                           {"campi_modificati", out.fields},
                           {"problemi", nlohmann::ordered_json::array()},
                           {"avvisi", nlohmann::ordered_json::array()}};
  for (const auto& p : out.problems)
    j["problemi"].push_back(
        {{"riga", p.row}, {"campo", p.field}, {"messaggio", p.message}, {"conflitto", p.conflict}});
  for (const auto& w : out.warnings)
    j["avvisi"].push_back(
        {{"codice", w.code}, {"obiettivo", w.objective}, {"messaggio", w.message}});
  std::cout << j.dump(2) << "\n";
}

void print_text(const app::ApplyOutcome& out) {
  for (const auto& p : out.problems)
    std::cerr << shown(p, out.file) << "\n";
  if (!out.problems.empty() && !out.partial) {
    std::cerr << fmt::format("Nessuna modifica applicata: {} righe da correggere su {} (oppure "
                             "--parziale per applicare le righe valide).\n",
                             out.problems.size(), out.rows);
    return;
  }
  if (!out.written && out.problems.empty())
    std::cout << fmt::format("Nessuna modifica: le {} righe di {} corrispondono ai dati di {}.\n",
                             out.rows, out.file, out.ente);
  else if (!out.written)
    std::cout << fmt::format(
        "Nessuna modifica: le righe valide di {} corrispondono ai dati di {}.\n", out.file,
        out.ente);
  else
    std::cout << fmt::format("Applicate {} righe su {} a {}: {} campi modificati.\n",
                             out.changed_rows, out.rows, out.ente, out.fields);
  if (out.partial && !out.problems.empty())
    std::cout << fmt::format("Righe scartate (--parziale): {}; vedere l'elenco sopra.\n",
                             out.problems.size());
  constexpr std::size_t shown_warnings = 20; // the rest via `traguardi check`
  for (std::size_t i = 0; i < out.warnings.size() && i < shown_warnings; ++i)
    std::cout << fmt::format("AVVISO [{}] {}: {}\n", out.warnings[i].code,
                             out.warnings[i].objective, out.warnings[i].message);
  if (out.warnings.size() > shown_warnings)
    std::cout << fmt::format("... e altri {} avvisi sugli obiettivi modificati (traguardi check).\n",
                             out.warnings.size() - shown_warnings);
}

} // namespace

void register_apply(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("apply", "Applica le modifiche di un foglio CSV o XLSX esportato "
                                          "con «export --format csv|xlsx»");
  add_common_options(*sub, ctx);
  add_actor_options(*sub, ctx);
  static std::string file;
  static bool partial = false, json = false;
  sub->add_option("FILE", file, "Foglio .csv o .xlsx")->required();
  sub->add_flag("--parziale", partial,
                "Applica le righe valide ed elenca le altre (senza: nulla se una riga è errata)");
  sub->add_flag("--json", json, "Resoconto in JSON");
  sub->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto s = session(ctx);
      auto out = take(app::apply_sheet(s, file, partial));
      if (json)
        print_json(out);
      else
        print_text(out);
      return out.exit_code();
    });
  });
}

} // namespace traguardi::cli
