// The OpenAPI 3.1 document of /api/v1 (src/web/openapi.json), compiled into the program so
// `GET /api/v1/openapi.json` answers what the contract tests check
// (tests/web/api_contract_test.py).
#pragma once

#include <string>

namespace traguardi::web {

const std::string& openapi_document();

} // namespace traguardi::web
