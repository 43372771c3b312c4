// The audit log as a hash chain per ente: every change appends entries, each carrying the
// SHA-256 of the previous entry and of its own content, so that altering, inserting or
// deleting a row shows up when the chain is recomputed (`traguardi audit verify`).
//
// Kept apart from sql_store.cpp because the chain has its own invariants: entries of an ente
// are numbered 1, 2, 3 … without gaps; the head (last number and hash) is also kept in
// ente_counter, so that deleting the newest entries is detected too. Everything here runs
// inside the caller's write transaction.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/sql_connection.h"
#include "store/store.h"

namespace traguardi::sql {

/// The per-ente counters: the last record version issued and the head of the audit chain.
/// Kept in ente_counter, which survives the removal of the ente, so versions never repeat.
struct EnteCounter {
  std::string ente;
  std::int64_t version = 0;
  std::int64_t audit_seq = 0;
  std::string audit_head;
};

EnteCounter read_counter(Connection& c, const std::string& ente);
/// `known_absent`: the ente has no counter row yet (skips the UPDATE).
void save_counter(Connection& c, const EnteCounter& k, bool known_absent = false);

/// Appends `e` (seq, prev_hash and hash are filled here) and advances `k`.
void append_audit(Connection& c, EnteCounter& k, AuditEntry e);
/// Appends entries copied from another database as they are (copy, import): their hashes are
/// kept, so the chain verifies on the destination exactly as on the source.
void append_audit_verbatim(Connection& c, EnteCounter& k, const std::vector<AuditEntry>& entries);

std::vector<AuditEntry> read_audit(Connection& c, const std::string& ente);
AuditCheck verify_chain(Connection& c, const std::string& ente);

/// The hash of an entry's content and its predecessor's hash (hex SHA-256).
std::string entry_hash(const std::string& ente, const AuditEntry& e);
std::string now_iso();

} // namespace traguardi::sql
