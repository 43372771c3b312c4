// The audit log in the interchange format: "audit_log", an array of the ente's entries, oldest
// first, with their hashes as stored, so that a file imported into an empty database gives a
// chain that `traguardi audit verify` accepts (and one altered in the file is refused).
//
// Kept apart from json_writer/json_reader like the district part. The key is written only when
// the caller passes the log (`export`), and is optional when reading.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/audit_entry.h"

namespace traguardi::interchange {

struct AuditJsonError {
  std::string path, message;
};

nlohmann::ordered_json write_audit_json(const std::vector<AuditEntry>& log);
/// Reads the "audit_log" array at `path`; throws AuditJsonError naming the bad field.
std::vector<AuditEntry> read_audit_json(const nlohmann::json& array, const std::string& path);

} // namespace traguardi::interchange
