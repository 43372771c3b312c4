// `traguardi serve`: starts the web application (src/web) on a database until SIGTERM/SIGINT.
#include "cli/commands.h"
#include "web/server.h"

namespace traguardi::cli {

void register_serve(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("serve", "Avvia l'applicazione web");
  add_common_options(*sub, ctx, false);
  static web::ServerOptions o;
  sub->add_option("--host", o.host, "Indirizzo di ascolto (dietro un proxy: 127.0.0.1)")
      ->capture_default_str();
  sub->add_option("--port", o.port, "Porta (0: una porta libera qualsiasi)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  sub->add_option("--threads", o.threads, "Connessioni HTTP servite insieme")
      ->capture_default_str()
      ->check(CLI::Range(8, 1024));
  sub->add_option("--connessioni-db", o.connections,
                  "Connessioni al database (0: una per thread con SQLite, 8 con PostgreSQL)")
      ->capture_default_str()
      ->check(CLI::Range(0, 256));
  sub->add_option("--assets", o.assets_dir,
                  "Cartella dei file statici (predefinita: web-assets accanto al programma)");
  sub->add_option("--api-limite", o.api_per_minute,
                  "Richieste al minuto per token all'API /api/v1 (oltre: 429)")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  sub->add_flag("!--senza-log", o.log_requests, "Non scrive una riga per richiesta");
  sub->add_option("--tls-cert", o.tls_cert,
                  "Certificato TLS (PEM): serve HTTPS e i cookie diventano Secure");
  sub->add_option("--tls-key", o.tls_key, "Chiave privata TLS (PEM) del certificato");
  sub->callback([&ctx] {
    run_guarded(ctx, [&] {
      o.db = ctx.db;
      return web::serve(o);
    });
  });
}

} // namespace traguardi::cli
