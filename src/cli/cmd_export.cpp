// `traguardi export` and `traguardi import`: the lossless JSON interchange (docs/interchange.md).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <utility>

#include <fmt/format.h>

#include "cli/commands.h"
#include "core/error.h"
#include "interchange/json_format.h"
#include "interchange/json_pull.h"
#include "io/output_file.h"

namespace traguardi::cli {

void register_export(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("export", "Esporta i dati nel formato di interscambio JSON");
  add_common_options(*sub, ctx);
  static std::string format = "json", out;
  sub->add_option("--format", format, "Formato (json)")
      ->check(CLI::IsMember({"json"}))
      ->capture_default_str();
  sub->add_option("--out", out, "File di destinazione (predefinito: standard output)");
  sub->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto store = open_db(ctx, OpenMode::existing);
      std::vector<Dataset> enti;
      if (!ctx.ente.empty()) {
        enti.push_back(load_ente(*store, ctx));
      } else {
        for (const auto& e : store->list_enti())
          enti.push_back(*store->load(e.code));
      }
      std::string json = interchange::to_json(enti);
      if (out.empty())
        std::cout << json;
      else if (auto ok = io::write_file_atomically(out, json); !ok)
        throw_error(ok.error());
      return 0;
    });
  });
}

void register_import(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("import", "Importa un file JSON di interscambio (sostituisce "
                                           "i dati degli enti che contiene)");
  add_common_options(*sub, ctx, false);
  static std::string file;
  sub->add_option("FILE", file, "File JSON esportato da traguardi")->required();
  sub->callback([&ctx] {
    run_guarded(ctx, [&] {
      std::error_code ec;
      if (std::filesystem::is_directory(file, ec))
        throw InvalidInput(fmt::format("{}: è una cartella, non un file JSON", file));
      std::ifstream in(file, std::ios::binary);
      if (!in)
        throw InvalidInput(fmt::format("{}: file non trovato o non leggibile (controllare nome e "
                                       "permessi)",
                                       file));
      // Streamed: memory follows one ente; a bad ente rolls the whole import back.
      interchange::PullReader reader(in, file, interchange::ReadLimits::from_environment());
      auto first = reader.next(); // a file refused at its start creates no database
      auto store = open_db(ctx, OpenMode::create);
      std::size_t objectives = 0;
      store->replace_many([&]() -> std::optional<Dataset> {
        auto d = first ? std::exchange(first, std::nullopt) : reader.next();
        if (d) objectives += d->objectives.size();
        return d;
      });
      std::cout << fmt::format("Importati {} enti e {} obiettivi da {}.\n", reader.count(),
                               objectives, file);
      return 0;
    });
  });
}

} // namespace traguardi::cli
