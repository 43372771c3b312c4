// `traguardi user add|passwd|list|disable|enable`: the web application's accounts from the
// command line, so the first amministratore can be created before any web page exists.
// Passwords are read from standard input only (never from an argument, which `ps` shows).
#include <iostream>
#include <string>

#include <fmt/format.h>

#include "app/users.h"
#include "cli/commands.h"
#include "core/error.h"

namespace traguardi::cli {
namespace {

struct UserOptions {
  std::string name, role, ente, center;
  bool password_stdin = false;
};

/// One line from stdin, without the newline; InvalidInput when empty.
std::string read_password(bool from_stdin) {
  if (!from_stdin)
    throw InvalidInput("indicare --password-stdin e scrivere la password sullo standard input");
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.empty()) throw InvalidInput("password vuota sullo standard input");
  return line;
}

int done(const Result<void>& r, const std::string& message) {
  if (!r) {
    const Error& e = r.error();
    std::cerr << "traguardi: errore: " << (e.where.empty() ? "" : e.where + ": ") << e.message
              << "\n";
    return error_kind_exit_code(e.kind);
  }
  std::cout << message << "\n";
  return 0;
}

} // namespace

void register_user(CLI::App& app, Context& ctx) {
  auto* user = app.add_subcommand("user", "Utenze dell'applicazione web (traguardi serve)");
  user->require_subcommand(1);
  static UserOptions o;

  auto* add = user->add_subcommand("add", "Crea un'utenza");
  add_common_options(*add, ctx, false);
  add->add_option("nome", o.name, "Nome utente (a-z, 0-9, . _ -)")->required();
  add->add_option("--ruolo", o.role, "amministratore, controllo, responsabile o lettore")
      ->required()
      ->check(CLI::IsMember({"amministratore", "controllo", "responsabile", "lettore"}));
  add->add_option("--ente", o.ente, "Codice dell'ente (vuoto: tutti, solo amministratore)");
  add->add_option("--cdr", o.center, "Centro di responsabilità (obbligatorio per responsabile)");
  add->add_flag("--password-stdin", o.password_stdin, "Legge la password dallo standard input");
  add->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto s = session(ctx);
      return done(
          app::add_user(s, {o.name, read_password(o.password_stdin), o.role, o.ente, o.center}),
          fmt::format("utente {} creato ({})", o.name, o.role));
    });
  });

  auto* passwd = user->add_subcommand("passwd", "Cambia la password di un'utenza");
  add_common_options(*passwd, ctx, false);
  passwd->add_option("nome", o.name, "Nome utente")->required();
  passwd->add_flag("--password-stdin", o.password_stdin, "Legge la password dallo standard input");
  passwd->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto s = session(ctx);
      return done(app::set_password(s, o.name, read_password(o.password_stdin)),
                  fmt::format("password di {} cambiata; le sessioni aperte sono chiuse", o.name));
    });
  });

  for (bool disable : {true, false}) {
    auto* sub = user->add_subcommand(disable ? "disable" : "enable",
                                     disable ? "Disattiva un'utenza (e chiude le sue sessioni)"
                                             : "Riattiva un'utenza");
    add_common_options(*sub, ctx, false);
    sub->add_option("nome", o.name, "Nome utente")->required();
    sub->callback([&ctx, disable] {
      run_guarded(ctx, [&] {
        auto s = session(ctx);
        return done(app::set_disabled(s, o.name, disable),
                    fmt::format("utente {} {}", o.name, disable ? "disattivato" : "riattivato"));
      });
    });
  }

  auto* list = user->add_subcommand("list", "Elenca le utenze");
  add_common_options(*list, ctx, false);
  list->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto s = session(ctx);
      auto users = app::list_users(s);
      std::cout << fmt::format("{:<20} {:<15} {:<15} {:<15} {}\n", "UTENTE", "RUOLO", "ENTE", "CDR",
                               "STATO");
      for (const auto& u : users)
        std::cout << fmt::format("{:<20} {:<15} {:<15} {:<15} {}\n", u.username, u.role,
                                 u.ente.empty() ? "(tutti)" : u.ente,
                                 u.center.empty() ? "-" : u.center,
                                 u.disabled ? "disattivato" : "attivo");
      std::cout << fmt::format("{} utenze\n", users.size());
      return 0;
    });
  });
}

} // namespace traguardi::cli
