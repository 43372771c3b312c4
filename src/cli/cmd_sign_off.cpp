// `traguardi firme imposta|mostra|azzera`: the labels of the sign-off block that
// `report --firme` prints, per ente (app/sign_off.h).
#include <iostream>

#include <fmt/format.h>

#include "app/sign_off.h"
#include "cli/cmd_sign_off.h"
#include "cli/print_edit.h"

namespace traguardi::cli {
namespace {

std::string shown(const std::string& label) {
  return label.empty() ? "(nessun riquadro)" : "«" + label + "»";
}

} // namespace

void register_sign_off(CLI::App& app, Context& ctx) {
  static app::SignOffFields fields;
  static bool json_set = false, json_reset = false;
  auto* group = app.add_subcommand("firme", "Riquadro firme delle schede (report --firme)");
  group->require_subcommand(1);

  auto* set = group->add_subcommand("imposta", "Imposta le diciture del riquadro firme dell'ente");
  add_common_options(*set, ctx);
  add_actor_options(*set, ctx);
  set->add_flag("--json", json_set, "Risultato in JSON");
  text_option(set, "--responsabile", fields.responsible,
              "Firma del responsabile (es. «Il Dirigente del Settore»; - per nessun riquadro)");
  text_option(set, "--controllo", fields.control,
              "Visto del controllo di gestione (- per nessun riquadro)");
  text_option(set, "--oiv", fields.oiv, "Validazione dell'OIV / Nucleo (- per nessun riquadro)");
  set->callback([&ctx] {
    run_guarded(ctx, [&] {
      if (!fields.responsible && !fields.control && !fields.oiv)
        throw_error(Error{ErrorKind::invalid_input,
                          "indicare almeno una tra --responsabile, --controllo e --oiv", ""});
      auto s = session(ctx);
      print_edit(take_field(app::set_sign_off(s, fields)), "Riquadro firme aggiornato", json_set);
      return 0;
    });
  });

  auto* show = group->add_subcommand("mostra", "Mostra le diciture del riquadro firme");
  add_common_options(*show, ctx);
  show->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto s = session(ctx);
      const auto v = take(app::show_sign_off(s));
      std::cout << fmt::format("Riquadro firme di {} ({}):\n", v.ente,
                               v.configured ? "diciture dell'ente" : "diciture predefinite");
      std::cout << fmt::format("  Responsabile: {}\n  Controllo di gestione: {}\n  OIV: {}\n",
                               shown(v.labels.responsible), shown(v.labels.control),
                               shown(v.labels.oiv));
      return 0;
    });
  });

  auto* reset = group->add_subcommand("azzera", "Torna alle diciture predefinite");
  add_common_options(*reset, ctx);
  add_actor_options(*reset, ctx);
  reset->add_flag("--json", json_reset, "Risultato in JSON");
  reset->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto s = session(ctx);
      print_edit(take(app::reset_sign_off(s)), "Riquadro firme: diciture predefinite", json_reset);
      return 0;
    });
  });
}

} // namespace traguardi::cli
