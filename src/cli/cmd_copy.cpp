// `traguardi copy`: moves every ente between two databases, typically from the embedded
// SQLite file to a PostgreSQL server when an ente joins a shared installation, and back for a
// local copy. The copy goes through the Store (not SQL), one ente at a time in a single
// destination transaction, so it is lossless by construction (the JSON export of the two
// databases is identical), memory stays bounded, and a failure leaves the destination as it was.
#include <filesystem>
#include <iostream>
#include <set>

#include <fmt/format.h>

#include "cli/commands.h"
#include "core/error.h"

namespace traguardi::cli {
namespace {

bool same_database(const std::string& a, const std::string& b) {
  if (a == b) return true;
  if (is_postgres_url(a) || is_postgres_url(b)) return false;
  std::error_code ec;
  return std::filesystem::equivalent(a, b, ec);
}

} // namespace

void register_copy(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand(
      "copy", "Copia gli enti da un database a un altro (file SQLite o URL postgresql://)");
  static std::string from, to, ente;
  sub->add_option("--from", from, "Database di origine: file SQLite o URL postgresql://")
      ->required();
  sub->add_option("--to", to, "Database di destinazione (creato se vuoto)")->required();
  sub->add_option("--ente", ente, "Copia solo questo ente (predefinito: tutti)");
  sub->callback([&ctx] {
    run_guarded(ctx, [&] {
      if (same_database(from, to))
        throw InvalidInput("origine e destinazione sono lo stesso database");
      auto source = open_store(from, OpenMode::existing);
      std::vector<std::string> codes;
      if (!ente.empty()) {
        codes.push_back(ente);
      } else {
        for (const auto& e : source->list_enti())
          codes.push_back(e.code);
      }
      if (codes.empty())
        throw NotFound(
            fmt::format("{}: il database di origine non contiene enti", shown_location(from)));
      auto target = open_store(to, OpenMode::create);
      std::size_t next = 0;
      long objectives = 0;
      target->replace_many([&]() -> std::optional<Dataset> {
        if (next >= codes.size()) return std::nullopt;
        const std::string& code = codes[next++];
        auto d = source->load(code);
        if (!d) throw NotFound(fmt::format("ente «{}» non presente nel database di origine", code));
        objectives += static_cast<long>(d->objectives.size());
        return d;
      });
      std::set<std::string> copied(codes.begin(), codes.end());
      std::size_t others = 0;
      for (const auto& e : target->list_enti())
        others += copied.count(e.code) ? 0 : 1;
      std::cout << fmt::format("Copiati {} enti e {} obiettivi da {} a {}.\n", codes.size(),
                               objectives, shown_location(from), shown_location(to));
      if (others)
        std::cout << fmt::format("La destinazione contiene anche {} altri enti, lasciati "
                                 "invariati.\n",
                                 others);
      return 0;
    });
  });
}

} // namespace traguardi::cli
