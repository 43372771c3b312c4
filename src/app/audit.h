// Reading and verifying the audit log of an ente (`traguardi audit list|verify`).
//
// Every change appends entries to a SHA-256 hash chain per ente (store/audit_chain.h): who
// (declared user, OS user, database role), when, what (entity and field), before and after,
// and why. `verify` recomputes the chain and names the first entry that was altered, removed
// or inserted, so that an OIV can trust the history it reads.
#pragma once

#include <string>
#include <vector>

#include "app/session.h"

namespace traguardi::app {

struct AuditQuery {
  std::string objective; // code: entries about it, its fasi and indicators
  std::string from, to;  // dal / al, gg/mm/aaaa (inclusive); empty = open
  std::string actor;     // utente: the declared actor, exactly; empty = anyone
  std::string action;    // tipo di modifica ("modifica fase", "importazione"…); empty = any
};

struct AuditListing {
  std::string ente;
  std::vector<AuditEntry> entries;
};

Result<AuditListing> list_audit(Session& s, const AuditQuery& q);
/// {"ente", "entries": [{seq, at, actor, os_user, db_role, action, target, field, before,
/// after, reason, version, hash}]}
std::string audit_json(const AuditListing& l);

struct AuditVerdict {
  std::string ente;
  AuditCheck check;
};
Result<AuditVerdict> verify_audit(Session& s);

} // namespace traguardi::app
