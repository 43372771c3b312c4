// `--format csv|xlsx --out FILE` of every command that prints a list (summary, check, cdr list,
// person list): one way to ask for a spreadsheet, one way to report it. The tables and the
// writing are app/list_export.h's; this only parses the two options and prints the outcome.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "app/list_export.h"

namespace traguardi::cli {

struct ListOutput {
  std::string format; // "" = the terminal table, else "csv" or "xlsx"
  std::string out;
};

/// Adds --format and --out; returns --format (for `excludes` with --json).
CLI::Option* add_list_options(CLI::App& sub, ListOutput& o);

/// True when a spreadsheet was asked for: the list is then written to --out (or, for CSV
/// without --out, to standard output). Throws InvalidInput (exit 2) for xlsx without --out, for
/// --out without --format and for a file that cannot be written.
bool export_list(const ListOutput& o, const app::ListTable& t);

} // namespace traguardi::cli
