// The `traguardi` command: one file per subcommand, registered here.
//
// The command line only parses arguments, calls one use case of src/app and prints what it
// returns (CONTRIBUTING.md, "Layers": src/cli includes only app and core headers). Each
// cmd_<name>.cpp adds its subcommand to the CLI11 app and runs it through `run_guarded`, which
// maps the error hierarchy of core/error.h to exit codes once. Shared options (--db, --ente,
// --utente, --motivo) live in context.cpp so every command behaves the same.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "app/session.h"
#include "core/error.h"

namespace traguardi::cli {

struct Context {
  std::string db = "traguardi.db"; // file path (SQLite) or postgresql:// URL
  std::string ente;                // empty: the only ente in the database
  std::string user;                // --utente: declared acting user
  std::string reason;              // --motivo
  int exit_code = 0;
};

/// Adds --db and --ente to a subcommand.
void add_common_options(CLI::App& sub, Context& ctx, bool with_ente = true);
/// Adds --utente and --motivo (commands that change the plan).
void add_actor_options(CLI::App& sub, Context& ctx);
/// The session of a command: database, ente and the acting user.
app::Session session(const Context& ctx);

/// An optional text option: the slot is set only when the flag is given ("-" clears).
inline CLI::Option* text_option(CLI::App* sub, const std::string& flag,
                                std::optional<std::string>& slot, const std::string& help) {
  return sub->add_option_function<std::string>(
      flag, [&slot](const std::string& v) { slot = v; }, help);
}

/// The value, or throws the error as a typed exception (run_guarded prints it).
template <typename T> T take(Result<T> r) {
  if (!r) app::raise(r.error());
  if constexpr (!std::is_void_v<T>) return std::move(*r);
}
/// Same, for errors about a field of an edit: the field is shown as its flag (--avanzamento).
template <typename T> T take_field(Result<T> r) {
  if (!r) {
    Error e = r.error();
    if (!e.where.empty() && e.where.find_first_of("/.:$") == std::string::npos)
      e.where = "--" + e.where;
    app::raise(e);
  }
  if constexpr (!std::is_void_v<T>) return std::move(*r);
}

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
void register_apply(CLI::App& app, Context& ctx);
void register_import(CLI::App& app, Context& ctx);
void register_check(CLI::App& app, Context& ctx);
void register_summary(CLI::App& app, Context& ctx);
void register_update(CLI::App& app, Context& ctx);
void register_copy(CLI::App& app, Context& ctx);
void register_report(CLI::App& app, Context& ctx);
void register_import_sheet(CLI::App& app, Context& ctx);
void register_user(CLI::App& app, Context& ctx);
void register_token(CLI::App& app, Context& ctx);
void register_serve(CLI::App& app, Context& ctx);
void register_piano_di_zona(CLI::App& app, Context& ctx);

void register_objective(CLI::App& app, Context& ctx);
void register_phase(CLI::App& app, Context& ctx);
void register_indicator(CLI::App& app, Context& ctx);
void register_organisation(CLI::App& app, Context& ctx);
void register_audit(CLI::App& app, Context& ctx);

} // namespace traguardi::cli
