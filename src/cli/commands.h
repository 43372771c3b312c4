// The `traguardi` command: one file per subcommand, registered here.
//
// Each cmd_<name>.cpp adds its subcommand to the CLI11 app and runs it through `run_guarded`,
// which maps the error hierarchy of core/error.h to exit codes once. Shared options (--db,
// --ente) and the choice of the ente to work on live in context.cpp so every command behaves
// the same.
#pragma once

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "core/model.h"
#include "store/store.h"

namespace traguardi::cli {

struct Context {
  std::string db = "traguardi.db"; // file path (SQLite) or postgresql:// URL
  std::string ente;                // empty: the only ente in the database
  int exit_code = 0;
};

/// Adds --db and --ente to a subcommand.
void add_common_options(CLI::App& sub, Context& ctx, bool with_ente = true);
/// Opens the store named by --db (TRAGUARDI_DB overrides the default).
std::unique_ptr<Store> open_db(const Context& ctx, OpenMode mode);
/// The ente chosen with --ente, or the only one stored. Throws NotFound / InvalidInput with
/// the list of enti when the choice is ambiguous.
Dataset load_ente(Store& store, const Context& ctx);

/// Runs `body`, turning exceptions into one Italian line on stderr and an exit code.
template <typename F> void run_guarded(Context& ctx, F&& body);
int report_exception(); // to be called inside a catch(...) block

template <typename F> void run_guarded(Context& ctx, F&& body) {
  try {
    ctx.exit_code = body();
  } catch (...) {
    ctx.exit_code = report_exception();
  }
}

void register_demo(CLI::App& app, Context& ctx);
void register_export(CLI::App& app, Context& ctx);
void register_import(CLI::App& app, Context& ctx);
void register_check(CLI::App& app, Context& ctx);
void register_summary(CLI::App& app, Context& ctx);
void register_update(CLI::App& app, Context& ctx);
void register_copy(CLI::App& app, Context& ctx);
void register_report(CLI::App& app, Context& ctx);
void register_import_sheet(CLI::App& app, Context& ctx);
void register_user(CLI::App& app, Context& ctx);
void register_serve(CLI::App& app, Context& ctx);
void register_piano_di_zona(CLI::App& app, Context& ctx);

/// `report valutazione-esiti|statistiche-territoriali|piano-di-zona` (cmd_report_district.cpp).
bool is_district_report(const std::string& kind);
int run_district_report(Context& ctx, const std::string& kind, const std::string& vista,
                        const std::string& format, const std::string& out);

} // namespace traguardi::cli
