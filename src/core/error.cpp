#include "core/error.h"

namespace traguardi {

void throw_error(const Error& e) {
  switch (e.kind) {
  case ErrorKind::invalid_input:
    throw InvalidInput(e.full());
  case ErrorKind::not_found:
    throw NotFound(e.full());
  case ErrorKind::conflict:
    throw Conflict(e.full());
  case ErrorKind::store:
    throw StoreError(e.full());
  case ErrorKind::internal:
    break;
  }
  throw TraguardiError(ErrorKind::internal, e.full());
}

int error_kind_exit_code(ErrorKind k) {
  switch (k) {
  case ErrorKind::invalid_input:
    return 2;
  case ErrorKind::not_found:
    return 3;
  case ErrorKind::conflict:
    return 4;
  case ErrorKind::store:
    return 5;
  case ErrorKind::internal:
    return 70;
  }
  return 70;
}

int error_kind_http_status(ErrorKind k) {
  switch (k) {
  case ErrorKind::invalid_input:
    return 400;
  case ErrorKind::not_found:
    return 404;
  case ErrorKind::conflict:
    return 409;
  case ErrorKind::store:
    return 503;
  case ErrorKind::internal:
    return 500;
  }
  return 500;
}

const char* error_kind_name(ErrorKind k) {
  switch (k) {
  case ErrorKind::invalid_input:
    return "invalid_input";
  case ErrorKind::not_found:
    return "not_found";
  case ErrorKind::conflict:
    return "conflict";
  case ErrorKind::store:
    return "store";
  case ErrorKind::internal:
    return "internal";
  }
  return "internal";
}

} // namespace traguardi
