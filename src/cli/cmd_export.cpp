// `traguardi export` and `traguardi import`: the lossless JSON interchange (docs/interchange.md),
// use cases in app/interchange_io.h; `export --format csv|xlsx` writes the spreadsheet that
// `traguardi apply` reads back (docs/apply.md, app/sheet_export.h).
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "app/interchange_io.h"
#include "app/sheet_export.h"
#include "cli/commands.h"
#include "io/output_file.h"

namespace traguardi::cli {

void register_export(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("export", "Esporta i dati: JSON di interscambio, oppure il foglio "
                                           "CSV/XLSX da modificare e riapplicare con «apply»");
  add_common_options(*sub, ctx);
  static std::string format = "json", out;
  sub->add_option("--format", format, "Formato: json, csv o xlsx (foglio per «apply»)")
      ->check(CLI::IsMember({"json", "csv", "xlsx"}))
      ->capture_default_str();
  sub->add_option("--out", out, "File di destinazione (predefinito: standard output)");
  sub->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto s = session(ctx);
      if (format == "xlsx" && out.empty())
        throw_error(
            Error{ErrorKind::invalid_input, "il formato xlsx richiede --out FILE.xlsx", "--out"});
      if (format != "json") {
        if (out.empty()) {
          std::cout << take(app::export_sheet_csv(s));
          return 0;
        }
        take(app::export_sheet(s, format == "csv" ? app::SheetFormat::csv : app::SheetFormat::xlsx,
                               out));
        return 0;
      }
      std::string json = take(app::export_json(s, ctx.ente.empty()));
      if (out.empty())
        std::cout << json;
      else if (auto ok = io::write_file_atomically(out, json); !ok)
        throw_error(ok.error());
      return 0;
    });
  });
}

void register_import(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("import", "Importa un file JSON di interscambio (unisce per "
                                           "codice; --sostituisci per sostituire gli enti)");
  add_common_options(*sub, ctx, false);
  add_actor_options(*sub, ctx);
  static std::string file;
  static bool replace_whole = false;
  sub->add_option("FILE", file, "File JSON esportato da traguardi")->required();
  sub->add_flag("--sostituisci", replace_whole,
                "Sostituisce per intero gli enti del file (ciò che il file non contiene viene "
                "eliminato)");
  sub->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto s = session(ctx);
      auto out = take(app::import_json(s, file, replace_whole));
      for (const auto& e : out.details) {
        if (e.audit_restored)
          std::cout << fmt::format("Ente {}: registro delle modifiche del file ripreso ({} voci, "
                                   "catena verificata).\n",
                                   e.code, e.audit_entries);
        else if (!e.created && e.audit_entries > 0)
          std::cout << fmt::format("Ente {}: le {} voci del registro nel file non sono state "
                                   "riprese (resta il registro del database, con questa "
                                   "importazione).\n",
                                   e.code, e.audit_entries);
        if (e.created) continue;
        if (replace_whole) {
          std::cout << fmt::format("Ente {} sostituito: eliminati {} obiettivi, {} fasi, {} "
                                   "indicatori, {} centri di responsabilità, {} persone non "
                                   "presenti nel file.\n",
                                   e.code, e.removed.objectives, e.removed.phases,
                                   e.removed.indicators, e.removed.centers, e.removed.persons);
        } else {
          std::cout << fmt::format("Ente {} unito per codice: {} obiettivi nuovi, {} aggiornati, "
                                   "{} invariati; nulla è stato eliminato.\n",
                                   e.code, e.merged.added, e.merged.updated, e.merged.unchanged);
        }
      }
      std::cout << fmt::format("Importati {} enti e {} obiettivi da {}.\n", out.enti,
                               out.objectives, file);
      return 0;
    });
  });
}

} // namespace traguardi::cli
