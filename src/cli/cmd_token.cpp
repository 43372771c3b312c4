// `traguardi token add|list|revoke`: personal API tokens for /api/v1 (issue 11). The secret is
// printed once by `add` and never again: only its SHA-256 is stored (app/api_tokens.h).
#include <iostream>
#include <string>

#include <fmt/format.h>

#include "app/api_tokens.h"
#include "cli/commands.h"
#include "core/error.h"

namespace traguardi::cli {
namespace {

struct TokenOptions {
  std::string user, ente, role, expires;
  std::int64_t id = 0;
};

} // namespace

void register_token(CLI::App& app, Context& ctx) {
  auto* token = app.add_subcommand("token", "Token personali per l'API /api/v1");
  token->require_subcommand(1);
  static TokenOptions o;

  auto* add = token->add_subcommand("add", "Crea un token (mostrato una sola volta)");
  add_common_options(*add, ctx, false);
  add->add_option("utente", o.user, "Utente a cui appartiene il token")->required();
  add->add_option("--ente", o.ente, "Ente del token (vuoto: quello dell'utente)");
  add->add_option("--ruolo", o.role, "Ruolo del token, non superiore a quello dell'utente")
      ->check(CLI::IsMember({"amministratore", "controllo", "responsabile", "lettore"}));
  add->add_option("--scadenza", o.expires, "Ultimo giorno di validità (gg/mm/aaaa)");
  add->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto s = session(ctx);
      auto t = take(app::add_api_token(s, {o.user, o.ente, o.role, o.expires}));
      std::cout << fmt::format("token {} creato per {} (ente {}, ruolo {}{})\n", t.id, o.user,
                               t.token.ente, t.token.role,
                               t.token.expires.empty() ? "" : ", scade il " + o.expires);
      std::cout << t.secret << "\n";
      std::cerr << "traguardi: conservare il token ora: non sarà più mostrato\n";
      return 0;
    });
  });

  auto* list = token->add_subcommand("list", "Elenca i token (senza i segreti)");
  add_common_options(*list, ctx, false);
  list->add_option("utente", o.user, "Solo i token di questo utente");
  list->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto s = session(ctx);
      auto tokens = app::list_api_tokens(s, o.user);
      std::cout << fmt::format("{:<6} {:<20} {:<15} {:<15} {:<11} {}\n", "ID", "UTENTE", "ENTE",
                               "RUOLO", "SCADENZA", "STATO");
      for (const auto& t : tokens)
        std::cout << fmt::format("{:<6} {:<20} {:<15} {:<15} {:<11} {}\n", t.id, t.username, t.ente,
                                 t.role, t.expires.empty() ? "-" : t.expires,
                                 app::api_token_state(t));
      std::cout << fmt::format("{} token\n", tokens.size());
      return 0;
    });
  });

  auto* revoke = token->add_subcommand("revoke", "Revoca un token");
  add_common_options(*revoke, ctx, false);
  revoke->add_option("id", o.id, "Numero del token (da «token list»)")->required();
  revoke->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto s = session(ctx);
      take(app::revoke_api_token(s, o.id));
      std::cout << fmt::format("token {} revocato\n", o.id);
      return 0;
    });
  });
}

} // namespace traguardi::cli
