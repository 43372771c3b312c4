// `traguardi serve`: the HTTP server of the web application.
//
// cpp-httplib (Debian's compiled build) configured as STACK.md A.4 requires: TCP_NODELAY (or
// every keep-alive answer waits ~40 ms), a 64-worker pool (an idle keep-alive connection holds
// a worker), short keep-alive. The server keeps no state between requests: sessions, CSRF
// tokens and login throttles are in the database, so several processes can share one
// PostgreSQL behind a proxy. Tests start it on an ephemeral port with `bind()` + `run()`.
#pragma once

#include <memory>
#include <string>

namespace traguardi::web {

struct ServerOptions {
  std::string db; // SQLite file or postgresql:// URL
  std::string host = "127.0.0.1";
  int port = 8080;          // 0: any free port
  int threads = 64;         // HTTP workers
  int connections = 0;      // database connections shared by the workers (0: automatic)
  std::string assets_dir;   // empty: web-assets next to the executable
  bool log_requests = true; // one line per request on stderr
  int api_per_minute = 600; // /api/v1 requests per token (or session) per minute
  std::string tls_cert;     // PEM certificate chain: serve HTTPS (both or neither)
  std::string tls_key;      // PEM private key
};

class WebServer {
public:
  explicit WebServer(ServerOptions o);
  ~WebServer();
  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;

  /// Binds the socket; returns the port (the chosen one when options.port is 0).
  /// Throws StoreError/InvalidInput when the database or the address cannot be used.
  int bind();
  /// Serves until stop(); in-flight requests finish before it returns.
  void run();
  void stop();

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Runs a server until SIGTERM or SIGINT; prints the address. Returns the exit code.
int serve(const ServerOptions& o);

} // namespace traguardi::web
