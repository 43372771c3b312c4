// The audit log as the web page `/registro` shows it: filtered, paged, newest first, scoped by
// the signed-in user's role, with the verdict of the hash chain.
//
// Who reads what (docs/web.md): amministratore, controllo and lettore (the OIV) read every entry
// of their ente; a responsabile reads only the entries about objectives of their CdR and its
// sub-centres (with their fasi and indicators), since the rest of the log tells what other
// offices changed. Everyone who reads the log sees the chain's verdict: it is a property of
// the whole log and names no content.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "app/audit.h"
#include "app/auth.h"
#include "core/model.h"

namespace traguardi::app {

struct AuditViewQuery {
  AuditQuery filter;
  std::size_t page = 1; // 1-based; beyond the last page shows the last
  std::size_t per_page = 50;
};

struct AuditView {
  std::string ente;
  std::vector<AuditEntry> entries; // this page, newest first
  std::size_t total = 0;           // entries matching the filters
  std::size_t page = 1, pages = 1;
  /// Choices for the filters: the users and kinds of change in the entries the user may read.
  std::vector<std::string> actors, actions;
  AuditCheck check;
  bool scoped = false; // a responsabile: only their CdR's objectives
};

/// The objective an entry is about ("vista/code…"), or nullptr (ente-wide entries, removed
/// objectives).
const Objective* audit_objective(const Dataset& d, const AuditEntry& e);

/// InvalidInput naming "dal" or "al" when a date is not gg/mm/aaaa. `d` is the session's ente
/// as the user may see it (app/plan_access.h).
Result<AuditView> audit_view(Session& s, const Principal& p, const Dataset& d,
                             const AuditViewQuery& q);

} // namespace traguardi::app
