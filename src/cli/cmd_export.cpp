// `traguardi export` and `traguardi import`: the lossless JSON interchange (docs/interchange.md).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "core/error.h"
#include "interchange/json_format.h"

namespace traguardi::cli {
namespace {

// Written beside the target and renamed, so a failed export never leaves half a file.
void write_file_atomically(const std::string& path, const std::string& content) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    if (!out) throw InvalidInput(fmt::format("{}: impossibile scrivere il file", path));
    out << content;
    if (!out.flush()) throw InvalidInput(fmt::format("{}: scrittura non riuscita", path));
  }
  std::filesystem::rename(tmp, path);
}

} // namespace

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
      else
        write_file_atomically(out, json);
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
      std::ifstream in(file, std::ios::binary);
      if (!in) throw InvalidInput(fmt::format("{}: file non trovato o non leggibile", file));
      std::stringstream buf;
      buf << in.rdbuf();
      auto parsed = interchange::from_json(buf.str(), file);
      if (!parsed) throw InvalidInput(parsed.error().full());
      auto store = open_db(ctx, OpenMode::create);
      std::size_t next = 0, objectives = 0;
      store->replace_many([&]() -> std::optional<Dataset> {
        if (next >= parsed->size()) return std::nullopt;
        objectives += (*parsed)[next].objectives.size();
        return (*parsed)[next++];
      });
      std::cout << fmt::format("Importati {} enti e {} obiettivi da {}.\n", parsed->size(),
                               objectives, file);
      return 0;
    });
  });
}

} // namespace traguardi::cli
