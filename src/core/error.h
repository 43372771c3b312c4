// Errors: values for the expected, a small typed hierarchy for the exceptional.
//
// Validation and import problems are expected and travel as `Error` values inside
// tl::expected. Store failures, stale edits and missing records are exceptional for the code
// that meets them and are thrown as one of the classes below. The CLI and the HTTP layer map
// each kind once (exit code, HTTP status, JSON body) in `error_kind_*` below, so no front end
// invents its own mapping.
#pragma once

#include <stdexcept>
#include <string>

#include <tl/expected.hpp>

namespace traguardi {

enum class ErrorKind { invalid_input, not_found, conflict, store, internal };

/// An expected failure, with the place it refers to (file:line, JSON path or field).
struct Error {
  ErrorKind kind = ErrorKind::invalid_input;
  std::string message; // Italian, one sentence a user can act on
  std::string where;   // "dati.json:$.objectives[3].phases[0].weight", "scheda.txt:120"
  std::string full() const { return where.empty() ? message : where + ": " + message; }
};

template <typename T> using Result = tl::expected<T, Error>;
inline tl::unexpected<Error> fail(std::string message, std::string where = {},
                                  ErrorKind kind = ErrorKind::invalid_input) {
  return tl::unexpected<Error>(Error{kind, std::move(message), std::move(where)});
}

class TraguardiError : public std::runtime_error {
public:
  TraguardiError(ErrorKind kind, const std::string& message)
      : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const { return kind_; }

private:
  ErrorKind kind_;
};
struct InvalidInput : TraguardiError {
  explicit InvalidInput(const std::string& m) : TraguardiError(ErrorKind::invalid_input, m) {}
};
struct NotFound : TraguardiError {
  explicit NotFound(const std::string& m) : TraguardiError(ErrorKind::not_found, m) {}
};
/// A write based on a stale version, or a duplicate key.
struct Conflict : TraguardiError {
  explicit Conflict(const std::string& m) : TraguardiError(ErrorKind::conflict, m) {}
};
/// The database could not be opened, read or written.
struct StoreError : TraguardiError {
  explicit StoreError(const std::string& m) : TraguardiError(ErrorKind::store, m) {}
};

/// Throws the class of the hierarchy that matches `e.kind`, with `e.full()` as the message:
/// for use cases that meet an expected failure they cannot handle.
[[noreturn]] void throw_error(const Error& e);

/// CLI exit status: 2 bad input, 3 not found, 4 conflict, 5 store, 70 internal.
int error_kind_exit_code(ErrorKind);
/// HTTP status: 400, 404, 409, 503, 500.
int error_kind_http_status(ErrorKind);
const char* error_kind_name(ErrorKind);

} // namespace traguardi
