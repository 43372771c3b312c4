#include "cli/list_output.h"

#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"

namespace traguardi::cli {

CLI::Option* add_list_options(CLI::App& sub, ListOutput& o) {
  auto* format = sub.add_option("--format", o.format,
                                "Esporta l'elenco: csv o xlsx (csv senza --out: standard output)")
                     ->check(CLI::IsMember({"csv", "xlsx"}));
  sub.add_option("--out", o.out, "File da scrivere (con --format)");
  return format;
}

bool export_list(const ListOutput& o, const app::ListTable& t) {
  if (o.format.empty()) {
    if (!o.out.empty())
      throw_error(
          Error{ErrorKind::invalid_input, "--out richiede --format csv o --format xlsx", "--out"});
    return false;
  }
  if (o.out.empty()) {
    if (o.format == "xlsx")
      throw_error(
          Error{ErrorKind::invalid_input, "il formato xlsx richiede --out FILE.xlsx", "--out"});
    std::cout << app::list_csv(t);
    return true;
  }
  take(app::write_list(t, o.format == "csv" ? app::SheetFormat::csv : app::SheetFormat::xlsx,
                       o.out));
  std::cout << fmt::format("Scritto {}: {}, {} righe.\n", o.out, t.table.name, t.table.rows.size());
  return true;
}

} // namespace traguardi::cli
