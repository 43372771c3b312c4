// The lossless JSON interchange format (docs/interchange.md).
//
// `traguardi export` writes it and `traguardi import` reads it; `copy` between back-ends and
// backups rely on it. Writing is deterministic (fixed key order, every key always present,
// decimals as exact strings, dates ISO), so export → import → export gives identical bytes.
// Reading is strict: any malformed JSON, wrong type, unknown key or bad value is reported with
// the file and the JSON path, and nothing is returned.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "core/audit_entry.h"
#include "core/error.h"
#include "core/model.h"

namespace traguardi::interchange {

constexpr int kFormatVersion = 1;

/// Serialises the datasets (one per ente) as a JSON document ending with a newline. With
/// `logs` (parallel to `enti`), each ente also carries its audit log ("audit_log").
std::string to_json(const std::vector<Dataset>& enti,
                    const std::vector<std::vector<AuditEntry>>& logs = {});

/// One ente as read from a file, with the audit log it carried (if any).
struct EnteRecord {
  Dataset dataset;
  std::vector<AuditEntry> audit_log;
};

/// Parses a document; `source` (a file name) prefixes the error location.
Result<std::vector<Dataset>> from_json(const std::string& text, const std::string& source);

/// Limits of the reader, documented in docs/reliability.md; TRAGUARDI_MAX_TEXT_BYTES,
/// TRAGUARDI_MAX_ENTE_BYTES and TRAGUARDI_MAX_FILE_BYTES raise them.
struct ReadLimits {
  std::size_t text_bytes = 1 << 20;      // one text (description, note, ...)
  std::size_t ente_bytes = 256u << 20;   // the JSON of one ente
  std::uint64_t file_bytes = 8ull << 30; // the whole file
  std::size_t depth = 32;                // nesting of arrays and objects
  static ReadLimits from_environment();
};

/// Streams a document: each ente, once read and checked, goes to `each` and is dropped, so
/// memory follows one ente (interchange/json_stream.h). Returns how many enti were read; an
/// Error from `each` stops the reading and is returned.
Result<std::size_t> read_json(std::istream& in, const std::string& source,
                              const std::function<Result<void>(EnteRecord&&)>& each,
                              const ReadLimits& limits);

} // namespace traguardi::interchange
