// `traguardi audit list|verify`: the history of changes of an ente and the check of its hash
// chain (app/audit.h). `verify` exits 1 when the chain is broken, naming the first bad entry.
#include <iostream>

#include <fmt/format.h>

#include "app/audit.h"
#include "cli/commands.h"

namespace traguardi::cli {

void register_audit(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("audit", "Registro delle modifiche (chi, quando, cosa, perché)");
  group->require_subcommand(1);
  static app::AuditQuery q;
  static bool json = false;
  auto* list = group->add_subcommand("list", "Elenca le modifiche");
  add_common_options(*list, ctx);
  list->add_option("--obiettivo", q.objective, "Solo le modifiche di questo obiettivo");
  list->add_option("--dal", q.from, "Dal giorno gg/mm/aaaa");
  list->add_option("--al", q.to, "Al giorno gg/mm/aaaa (compreso)");
  list->add_flag("--json", json, "Risultato in JSON");
  list->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto s = session(ctx);
      auto l = take_field(app::list_audit(s, q));
      if (json) {
        std::cout << app::audit_json(l);
        return 0;
      }
      for (const auto& e : l.entries) {
        std::string who = e.actor;
        if (!e.os_user.empty() && e.os_user != e.actor) who += " (sistema: " + e.os_user + ")";
        if (!e.db_role.empty()) who += " (database: " + e.db_role + ")";
        std::cout << fmt::format("{:>5} {} {} — {} {}", e.seq, e.at, who, e.action, e.target);
        if (!e.field.empty())
          std::cout << fmt::format(": {} {} → {}", e.field, e.before.empty() ? "—" : e.before,
                                   e.after.empty() ? "—" : e.after);
        if (!e.reason.empty()) std::cout << fmt::format(" (motivo: {})", e.reason);
        std::cout << "\n";
      }
      std::cout << fmt::format("{} modifiche registrate per l'ente {}.\n", l.entries.size(),
                               l.ente);
      return 0;
    });
  });

  auto* verify = group->add_subcommand("verify", "Verifica la catena di hash del registro");
  add_common_options(*verify, ctx);
  verify->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto s = session(ctx);
      auto v = take(app::verify_audit(s));
      if (!v.check.ok()) {
        std::cout << fmt::format("Registro dell'ente {} NON integro: {}.\n", v.ente,
                                 v.check.problem);
        return 1;
      }
      std::cout << fmt::format("Registro dell'ente {} integro: {} voci verificate", v.ente,
                               v.check.entries);
      if (v.check.unchained)
        std::cout << fmt::format(" ({} voci precedenti alla catena non verificabili)",
                                 v.check.unchained);
      std::cout << ".\n";
      return 0;
    });
  });
}

} // namespace traguardi::cli
