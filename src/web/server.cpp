#include "web/server.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <pthread.h>
#include <sys/socket.h>
#include <thread>

#include <fmt/format.h>
#include <httplib.h>

#include "app/clock.h"
#include "app/sheet_views.h"
#include "core/error.h"
#include "web/api_access.h"
#include "web/assets.h"
#include "web/authoring_pages.h"
#include "web/problem.h"
#include "web/routes.h"

namespace traguardi::web {
namespace {

thread_local std::chrono::steady_clock::time_point request_start;

/// Every response: no framing, no sniffing, no referrer leaks, scripts only from us.
httplib::Headers security_headers() {
  return {
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'"},
      {"X-Frame-Options", "DENY"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "same-origin"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
  };
}

bool is_api(const httplib::Request& req) {
  return req.path.rfind("/api/", 0) == 0;
}

void serve_static(const Assets& assets, const httplib::Request& req, httplib::Response& res) {
  const std::string path = req.matches[1];
  const Asset* a = path.find("..") == std::string::npos ? assets.find(path) : nullptr;
  if (!a) {
    res.status = 404;
    res.set_content("risorsa non trovata\n", "text/plain; charset=utf-8");
    return;
  }
  res.set_header("ETag", a->etag);
  res.set_header("Cache-Control", "public, max-age=2592000");
  if (req.get_header_value("If-None-Match") == a->etag) {
    res.status = 304;
    return;
  }
  res.set_content(a->body, a->content_type);
}

/// HTTPS when a certificate and key are given (Debian's cpp-httplib is built with OpenSSL).
std::unique_ptr<httplib::Server> make_server(const ServerOptions& o) {
  if (o.tls_cert.empty() && o.tls_key.empty()) return std::make_unique<httplib::Server>();
  if (o.tls_cert.empty() || o.tls_key.empty())
    throw InvalidInput("indicare sia --tls-cert sia --tls-key (certificato e chiave privata "
                       "in formato PEM)");
  for (const auto* f : {&o.tls_cert, &o.tls_key})
    if (FILE* in = std::fopen(f->c_str(), "rb")) {
      std::fclose(in);
    } else {
      throw InvalidInput(fmt::format("file TLS «{}» non leggibile", *f));
    }
  auto s = std::make_unique<httplib::SSLServer>(o.tls_cert.c_str(), o.tls_key.c_str());
  if (!s->is_valid())
    throw InvalidInput(fmt::format("certificato «{}» o chiave «{}» TLS non validi (formato PEM, "
                                   "la chiave deve corrispondere al certificato)",
                                   o.tls_cert, o.tls_key));
  return s;
}

} // namespace

struct WebServer::Impl {
  ServerOptions opt;
  app::Workspace ws;
  Assets assets;
  app::ApiRateLimiter api_limiter;
  Env env{ws, assets, &api_limiter};
  std::unique_ptr<httplib::Server> server;
  httplib::Server& svr;
  int listen_fd = -1; // the listening socket, to widen its backlog after bind

  explicit Impl(ServerOptions o)
      : opt(std::move(o)),
        ws(opt.db, app::default_connections(opt.db, opt.threads, opt.connections)),
        assets(opt.assets_dir.empty() ? default_assets_dir() : opt.assets_dir),
        api_limiter(std::max(1, opt.api_per_minute)), server(make_server(opt)), svr(*server) {
    assets.add("gantt.css", app::gantt_stylesheet(), "text/css; charset=utf-8");
    configure();
  }

  void configure() {
    svr.set_tcp_nodelay(true);
    // The library listens with a backlog of 5 (compiled in); under 64 connections that reconnect
    // after keep-alive, dropped SYNs cost a one-second retransmission. Keep the socket to widen it.
    svr.set_socket_options([this](socket_t sock) {
      httplib::default_socket_options(sock);
      listen_fd = sock;
    });
    const int threads = std::max(8, opt.threads);
    svr.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    svr.set_keep_alive_timeout(2);
    svr.set_keep_alive_max_count(100);
    svr.set_read_timeout(10);
    svr.set_payload_max_length(32 * 1024 * 1024);
    svr.set_default_headers(security_headers());
    svr.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
      request_start = std::chrono::steady_clock::now();
      // httplib would parse a multipart body (and answer 400 leaving it half read on a
      // keep-alive connection); the API takes JSON only, so refuse it here and close.
      if (is_api(req) && req.is_multipart_form_data()) {
        res.set_header("Connection", "close");
        send_problem(res, {415, "", "il corpo della richiesta deve essere JSON", {}});
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });
    if (opt.log_requests)
      svr.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                      std::chrono::steady_clock::now() - request_start)
                      .count();
        // The path only: query strings may carry search text, never secrets, but stay out.
        std::cerr << fmt::format("{} {} {} {} {:.2f} ms\n", app::iso_now(), req.method, req.path,
                                 res.status, us / 1000.0);
      });
    svr.set_exception_handler(
        [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
          std::string what = "errore interno";
          try {
            std::rethrow_exception(ep);
          } catch (const std::exception& e) {
            what = e.what();
          } catch (...) {
          }
          std::cerr << "traguardi serve: errore interno: " << what << "\n";
          if (is_api(req))
            return send_problem(res, {500,
                                      "Errore interno",
                                      "la richiesta non è stata completata; nessuna modifica "
                                      "parziale è stata salvata",
                                      {}});
          res.status = 500;
          res.set_content("<!doctype html><html lang=\"it\"><head><meta charset=\"utf-8\">"
                          "<title>Errore interno</title></head><body><main><h1>Errore "
                          "interno</h1><p>La richiesta non è stata completata; nessuna "
                          "modifica parziale è stata salvata.</p></main></body></html>",
                          "text/html; charset=utf-8");
        });
    svr.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
      res.set_header("Cache-Control", "no-store");
      ws.with_store([](Store& s) { app::ping(s); });
      res.set_content("ok\n", "text/plain; charset=utf-8");
    });
    svr.Get("/static/(.+)", [this](const httplib::Request& req, httplib::Response& res) {
      serve_static(assets, req, res);
    });
    register_auth_pages(svr, env);
    register_dashboard(svr, env);
    register_plan_pages(svr, env);
    register_objective_pages(svr, env);
    register_authoring_pages(svr, env);
    register_audit_pages(svr, env);
    register_upload_pages(svr, env);
    register_ente_picker(svr, env);
    register_user_pages(svr, env);
    register_district_pages(svr, env);
    register_api(svr, env);
    register_token_pages(svr, env);
    // Unknown API paths and methods answer problem+json like every other API refusal.
    svr.set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request& req, httplib::Response& res) {
          if (!is_api(req) || !res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
          send_problem(res, {res.status,
                             "",
                             res.status == 404 ? "percorso o metodo non previsto dall'API "
                                                 "(vedere /api/v1/openapi.json)"
                                               : "richiesta non valida",
                             {}});
          return httplib::Server::HandlerResponse::Handled;
        }));
  }
};

WebServer::WebServer(ServerOptions o) : impl_(std::make_unique<Impl>(std::move(o))) {}
WebServer::~WebServer() = default;

int WebServer::bind() {
  auto& o = impl_->opt;
  int port = o.port == 0 ? impl_->svr.bind_to_any_port(o.host)
                         : (impl_->svr.bind_to_port(o.host, o.port) ? o.port : -1);
  if (port < 0)
    throw InvalidInput(fmt::format("impossibile mettersi in ascolto su {}:{} (indirizzo non "
                                   "valido o porta già in uso)",
                                   o.host, o.port));
  // listen() again on a listening socket only changes its backlog (Linux).
  if (impl_->listen_fd >= 0) ::listen(impl_->listen_fd, SOMAXCONN);
  return port;
}

void WebServer::run() {
  impl_->svr.listen_after_bind();
}

void WebServer::stop() {
  impl_->svr.stop();
}

int serve(const ServerOptions& o) {
  // Block the stop signals in every thread; one thread waits for them and stops the server,
  // which lets in-flight requests finish before the database is closed.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  WebServer server(o);
  int port = server.bind();
  std::cout << fmt::format("traguardi: in ascolto su {}://{}:{}/ (database {})\n",
                           o.tls_cert.empty() ? "http" : "https", o.host, port,
                           shown_location(o.db))
            << std::flush;
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&set, &sig);
    std::cerr << "traguardi: arresto richiesto, completo le richieste in corso\n";
    server.stop();
  });
  server.run();
  // run() can also end without a signal (socket error): wake the waiter so it can be joined.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  std::cerr << "traguardi: server arrestato\n";
  return 0;
}

} // namespace traguardi::web
