// One entry of an ente's audit log, as a value: the store keeps the log as a hash chain
// (store/audit_chain.h) and the JSON interchange carries it with its ente, so that an export
// imported elsewhere still proves who changed what (`traguardi audit verify`).
#pragma once

#include <cstdint>
#include <string>

namespace traguardi {

/// One entry of the audit log of an ente (a link of its hash chain).
struct AuditEntry {
  std::int64_t seq = 0; // 1, 2, 3 … per ente; 0 for entries older than the chain
  std::string at;       // UTC, ISO 8601
  std::string actor, os_user, db_role;
  std::string action; // "modifica fase", "importazione", ...
  std::string target; // "DUP_2025_2027/2025_S01_01/fase 2"
  std::string field;
  std::string before, after;
  std::string reason;
  std::int64_t record_version = 0; // version of the record after the change
  std::string prev_hash, hash;     // hex SHA-256
  bool operator==(const AuditEntry&) const = default;
};

} // namespace traguardi
