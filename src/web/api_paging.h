// Cursor paging shared by the API's lists (objectives flat and as a tree, audit): one `limit`
// parameter (1–500, default 100) and one opaque `cursor`, the `next_cursor` of the previous
// page, so that every paged endpoint reads the same way to an integration.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "web/api_access.h"

namespace traguardi::web {

/// `limit` of the query (1..500, default 100), or nullopt with a 400 problem already sent.
std::optional<std::size_t> api_limit(ApiCall& c);
/// Answers the 400 problem of a cursor that names no element of the list.
void api_bad_cursor(ApiCall& c);
/// A key as an opaque cursor (hex), and back (nullopt when not one of ours).
std::string cursor_of_key(const std::string& key);
std::optional<std::string> key_of_cursor(const std::string& cursor);

} // namespace traguardi::web
