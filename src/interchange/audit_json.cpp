#include "interchange/audit_json.h"

#include <set>

#include <fmt/format.h>

#include "core/utf8.h"

namespace traguardi::interchange {

using J = nlohmann::json;

nlohmann::ordered_json write_audit_json(const std::vector<AuditEntry>& log) {
  auto out = nlohmann::ordered_json::array();
  for (const auto& e : log)
    out.push_back(nlohmann::ordered_json{{"seq", e.seq},
                                         {"at", e.at},
                                         {"actor", e.actor},
                                         {"os_user", e.os_user},
                                         {"db_role", e.db_role},
                                         {"action", e.action},
                                         {"target", e.target},
                                         {"field", e.field},
                                         {"before", e.before},
                                         {"after", e.after},
                                         {"reason", e.reason},
                                         {"record_version", e.record_version},
                                         {"prev_hash", e.prev_hash},
                                         {"hash", e.hash}});
  return out;
}

namespace {

const std::set<std::string>& text_keys() {
  static const std::set<std::string> keys{"at",     "actor",  "os_user",   "db_role",
                                          "action", "target", "field",     "before",
                                          "after",  "reason", "prev_hash", "hash"};
  return keys;
}

AuditEntry entry(const J& j, const std::string& path) {
  if (!j.is_object()) throw AuditJsonError{path, "atteso un oggetto JSON"};
  AuditEntry e;
  for (const auto& [k, v] : j.items()) {
    const std::string where = path + "." + k;
    if (k == "seq" || k == "record_version") {
      if (!v.is_number_integer() || v.get<std::int64_t>() < 0)
        throw AuditJsonError{where, "atteso un numero intero non negativo"};
      (k == "seq" ? e.seq : e.record_version) = v.get<std::int64_t>();
      continue;
    }
    if (!text_keys().count(k)) throw AuditJsonError{where, "campo sconosciuto"};
    if (!v.is_string()) throw AuditJsonError{where, "atteso un testo"};
    const auto& s = v.get_ref<const std::string&>();
    if (auto c = utf8::first_control(s); c && k != "before" && k != "after")
      throw AuditJsonError{
          where,
          fmt::format("carattere di controllo non ammesso nel testo (posizione {})", *c + 1)};
    std::string* field = k == "at"          ? &e.at
                         : k == "actor"     ? &e.actor
                         : k == "os_user"   ? &e.os_user
                         : k == "db_role"   ? &e.db_role
                         : k == "action"    ? &e.action
                         : k == "target"    ? &e.target
                         : k == "field"     ? &e.field
                         : k == "before"    ? &e.before
                         : k == "after"     ? &e.after
                         : k == "reason"    ? &e.reason
                         : k == "prev_hash" ? &e.prev_hash
                                            : &e.hash;
    *field = s;
  }
  return e;
}

} // namespace

std::vector<AuditEntry> read_audit_json(const J& array, const std::string& path) {
  if (!array.is_array()) throw AuditJsonError{path, "atteso un elenco (array) di voci"};
  std::vector<AuditEntry> out;
  out.reserve(array.size());
  for (std::size_t i = 0; i < array.size(); ++i)
    out.push_back(entry(array[i], fmt::format("{}[{}]", path, i)));
  return out;
}

} // namespace traguardi::interchange
