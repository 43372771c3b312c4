#include "app/audit.h"

#include <nlohmann/json.hpp>

#include "app/field_values.h"
#include "interchange/audit_json.h"

namespace traguardi::app {
namespace {

bool about(const AuditEntry& e, const std::string& code) {
  // Targets are "vista/code" or "vista/code/fase N".
  auto first = e.target.find('/');
  if (first == std::string::npos) return false;
  auto rest = std::string_view(e.target).substr(first + 1);
  return rest == code || rest.substr(0, code.size() + 1) == code + "/";
}

} // namespace

Result<AuditListing> list_audit(Session& s, const AuditQuery& q) {
  auto code = ente_code(s);
  if (!code) return tl::unexpected(code.error());
  std::string from, to;
  if (!q.from.empty()) {
    auto d = parse_date_field(q.from, "dal");
    if (!d) return tl::unexpected(d.error());
    if (*d) from = (*d)->iso();
  }
  if (!q.to.empty()) {
    auto d = parse_date_field(q.to, "al");
    if (!d) return tl::unexpected(d.error());
    if (*d) to = (*d)->iso();
  }
  AuditListing out;
  out.ente = *code;
  for (auto& e : s.store().audit_log(*code)) {
    if (!q.objective.empty() && !about(e, q.objective)) continue;
    if (!q.actor.empty() && e.actor != q.actor) continue;
    if (!q.action.empty() && e.action != q.action) continue;
    const std::string day = e.at.substr(0, 10);
    if (!from.empty() && day < from) continue;
    if (!to.empty() && day > to) continue;
    out.entries.push_back(std::move(e));
  }
  return out;
}

// The entries carry the interchange file's key names, so that a listing and an export read alike.
std::string audit_json(const AuditListing& l) {
  nlohmann::ordered_json j{{"ente", l.ente}, {"entries", interchange::write_audit_json(l.entries)}};
  return j.dump(2) + "\n";
}

Result<AuditVerdict> verify_audit(Session& s) {
  auto code = ente_code(s);
  if (!code) return tl::unexpected(code.error());
  return AuditVerdict{*code, s.store().verify_audit(*code)};
}

} // namespace traguardi::app
