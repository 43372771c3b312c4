// The lossless JSON interchange format (docs/interchange.md).
//
// `traguardi export` writes it and `traguardi import` reads it; `copy` between back-ends and
// backups rely on it. Writing is deterministic (fixed key order, every key always present,
// decimals as exact strings, dates ISO), so export → import → export gives identical bytes.
// Reading is strict: any malformed JSON, wrong type, unknown key or bad value is reported with
// the file and the JSON path, and nothing is returned.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "core/model.h"

namespace traguardi::interchange {

constexpr int kFormatVersion = 1;

/// Serialises the datasets (one per ente) as a JSON document ending with a newline.
std::string to_json(const std::vector<Dataset>& enti);

/// Parses a document; `source` (a file name) prefixes the error location.
Result<std::vector<Dataset>> from_json(const std::string& text, const std::string& source);

} // namespace traguardi::interchange
