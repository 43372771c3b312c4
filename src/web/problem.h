// Refusals of /api/v1 as `application/problem+json` (RFC 9457), in Italian.
//
// Every non-2xx answer of the API is one of these, so an integration has one shape to read:
// `type` and `title` say which kind of refusal, `detail` what to do, and `errors` the JSON
// pointer (RFC 6901) into the request body, or the query parameter, of each bad field.
#pragma once

#include <string>
#include <vector>

#include <httplib.h>

#include "core/error.h"

namespace traguardi::web {

struct ProblemField {
  std::string pointer;   // "/avanzamento" in the body; empty when it is a parameter
  std::string parameter; // "limit" in the query string; empty when it is in the body
  std::string detail;
};

struct Problem {
  int status = 400;
  std::string title;
  std::string detail;
  std::vector<ProblemField> errors;
};

void send_problem(httplib::Response& res, const Problem& p);
/// The problem of an error value or exception kind: status from http_status().
Problem problem_of(ErrorKind kind, const std::string& detail);

} // namespace traguardi::web
