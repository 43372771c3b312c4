// Request bodies of /api/v1: JSON read strictly and exactly.
//
// Numbers must stay exact (Decimal, never floating point): the parser keeps the text of every
// number with a fraction or exponent instead of a double, so "45.5" is read as written. The
// body is bounded in size and nesting depth before anything is built, and must be UTF-8 (the
// parser rejects ill-formed bytes), so a hostile body costs little and never reaches a use case.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "web/problem.h"

namespace traguardi::web {

using Json = nlohmann::ordered_json;

constexpr std::size_t kMaxBodyBytes = 64 * 1024;
constexpr int kMaxBodyDepth = 16;

/// The parsed object, or the problem (400/413/415) to answer.
struct ParsedBody {
  Json value;
  std::optional<Problem> problem;
};
ParsedBody parse_json_body(const std::string& content_type, const std::string& body);

/// The exact text of a JSON number as parse_json_body keeps it ("45.5", "12", "1e3"), or
/// nullopt when `v` is not a number.
std::optional<std::string> number_text(const Json& v);

} // namespace traguardi::web
