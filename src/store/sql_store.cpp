#include "store/sql_store.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/error.h"
#include "core/model.h"
#include "core/value_bounds.h"
#include "store/audit_chain.h"
#include "store/dataset_rows.h"
#include "store/schema.h"
#include "store/sql_store_detail.h"
#include "store/value_codec.h"

namespace traguardi::sql {
namespace {

const ChangeAuthor kSystem{"traguardi", "", "", ""};

// Content without versions: what decides whether a record changed.
Phase bare(Phase p) {
  p.version = 0;
  return p;
}
Indicator bare(Indicator i) {
  i.version = 0;
  return i;
}
Objective bare(Objective o) {
  o.version = 0;
  o.phases.clear();
  o.indicators.clear();
  return o;
}

template <typename T> const T* by_order(const std::vector<T>& items, int order) {
  for (const auto& i : items)
    if (i.order == order) return &i;
  return nullptr;
}

// Versions for `d` about to replace `old`: unchanged records keep theirs, the others get one
// above everything issued for this ente (or their own when higher: a file from a newer copy).
std::int64_t assign_versions(Dataset& d, const Dataset* old, std::int64_t counter) {
  std::int64_t top = counter;
  auto fresh = [&](std::int64_t given) {
    std::int64_t v = std::max(given, counter + 1);
    top = std::max(top, v);
    return v;
  };
  for (auto& o : d.objectives) {
    const Objective* was = old ? find_objective(*old, o.vista, o.code) : nullptr;
    o.version = was && bare(*was) == bare(o) ? was->version : fresh(o.version);
    for (auto& p : o.phases) {
      const Phase* w = was ? by_order(was->phases, p.order) : nullptr;
      p.version = w && bare(*w) == bare(p) ? w->version : fresh(p.version);
    }
    for (auto& i : o.indicators) {
      const Indicator* w = was ? by_order(was->indicators, i.order) : nullptr;
      i.version = w && bare(*w) == bare(i) ? w->version : fresh(i.version);
    }
    top = std::max(top, o.version);
  }
  return top;
}

bool same_objective(const Objective& a, const Objective& b) {
  if (!(bare(a) == bare(b)) || a.phases.size() != b.phases.size() ||
      a.indicators.size() != b.indicators.size())
    return false;
  for (std::size_t i = 0; i < a.phases.size(); ++i)
    if (!(bare(a.phases[i]) == bare(b.phases[i]))) return false;
  for (std::size_t i = 0; i < a.indicators.size(); ++i)
    if (!(bare(a.indicators[i]) == bare(b.indicators[i]))) return false;
  return true;
}

} // namespace

AuditEntry entry(const ChangeAuthor& a, std::string action, std::string target, std::string field,
                 std::string before, std::string after, std::int64_t version) {
  AuditEntry e;
  e.actor = a.actor;
  e.os_user = a.os_user;
  e.db_role = a.db_role;
  e.reason = a.reason;
  e.action = std::move(action);
  e.target = std::move(target);
  e.field = std::move(field);
  e.before = std::move(before);
  e.after = std::move(after);
  e.record_version = version;
  return e;
}

SqlStore::SqlStore(std::unique_ptr<Connection> conn, std::string location)
    : conn_(std::move(conn)), location_(std::move(location)) {}

std::string SqlStore::backend() const {
  return conn_->dialect() == Dialect::sqlite ? "sqlite" : "postgresql";
}

int SqlStore::schema_version() {
  return stored_schema_version(*conn_);
}

std::string SqlStore::authenticated_role() {
  if (conn_->dialect() == Dialect::sqlite) return {};
  Statement& st = conn_->prepare("SELECT current_user");
  st.reset();
  std::string role = st.step() ? as_text(st.column(0)) : std::string();
  st.reset();
  return role;
}

std::vector<Ente> SqlStore::list_enti() {
  std::vector<Ente> out;
  Statement& st = conn_->prepare("SELECT code, name, kind FROM ente ORDER BY code");
  st.reset();
  while (st.step())
    out.push_back({as_text(st.column(0)), as_text(st.column(1)),
                   ente_kind_from_string(as_text(st.column(2))).value_or(EnteKind::altro)});
  st.reset();
  return out;
}

std::optional<Dataset> SqlStore::load(std::string_view ente) {
  // One snapshot: a concurrent writer must not be seen half-way.
  return in_transaction([&] { return read_dataset(*conn_, ente); }, true);
}

void SqlStore::write(const Dataset& given, const ChangeAuthor& author, bool absent) {
  if (given.ente.code.empty()) throw InvalidInput("il codice dell'ente è obbligatorio");
  // Every path that writes a whole ente (import, import-sheet, copy, demo) meets the bounds.
  if (auto bad = out_of_bounds(given, "$"); !bad.empty())
    throw InvalidInput(
        fmt::format("ente {}: {}: {}", given.ente.code, bad.front().path, bad.front().message));
  const std::string& e = given.ente.code;
  const bool fresh = absent && fresh_counters_;
  EnteCounter k = fresh ? EnteCounter{e, 0, 0, ""} : read_counter(*conn_, e);
  auto old = absent ? std::nullopt : read_dataset(*conn_, e);
  const Dataset d = write_rows(given, old, k, absent);
  if (!old) {
    append_audit(*conn_, k,
                 entry(author, "importazione", e, "obiettivi", "",
                       fmt::format("{} obiettivi", d.objectives.size())));
  } else {
    // Per objective, what the import did to it.
    for (const auto& o : d.objectives) {
      const Objective* was = find_objective(*old, o.vista, o.code);
      if (!was)
        append_audit(*conn_, k,
                     entry(author, "importazione", o.vista + "/" + o.code, "obiettivo", "", "nuovo",
                           o.version));
      else if (!same_objective(*was, o))
        append_audit(*conn_, k,
                     entry(author, "importazione", o.vista + "/" + o.code, "obiettivo",
                           "precedente", "modificato", o.version));
    }
    for (const auto& o : old->objectives)
      if (!find_objective(d, o.vista, o.code))
        append_audit(*conn_, k,
                     entry(author, "importazione", o.vista + "/" + o.code, "obiettivo", "presente",
                           "eliminato"));
  }
  save_counter(*conn_, k, fresh);
}

Dataset SqlStore::write_rows(const Dataset& given, const std::optional<Dataset>& old,
                             EnteCounter& k, bool absent) {
  Dataset d = given;
  k.version = assign_versions(d, old ? &*old : nullptr, k.version);
  if (!absent) run(*conn_, "DELETE FROM ente WHERE code = ?", {val(d.ente.code)});
  write_dataset(*conn_, d);
  return d;
}

Dataset SqlStore::replace_checked(const Dataset& before, const Dataset& after,
                                  const std::vector<AuditEntry>& entries,
                                  const ChangeAuthor& author) {
  if (before.ente.code != after.ente.code)
    throw InvalidInput("una modifica non può cambiare il codice dell'ente");
  return in_transaction([&] {
    const std::string& e = after.ente.code;
    auto stored = read_dataset(*conn_, e);
    if (!stored) throw NotFound(fmt::format("ente {} non trovato", e));
    if (!(*stored == before)) {
      std::string which;
      int n = 0;
      for (const auto& o : stored->objectives) {
        const Objective* was = find_objective(before, o.vista, o.code);
        if ((!was || !(*was == o)) && n++ < 5) which += (which.empty() ? "" : ", ") + o.code;
      }
      throw Conflict(fmt::format("modifica rifiutata: i dati dell'ente {} sono stati modificati "
                                 "da altri nel frattempo{}; rileggere e ripetere la modifica",
                                 e, which.empty() ? "" : " (obiettivi " + which + ")"));
    }
    EnteCounter k = read_counter(*conn_, e);
    Dataset d = write_rows(after, stored, k);
    for (const auto& x : entries) {
      AuditEntry a = entry(author, x.action, x.target, x.field, x.before, x.after);
      append_audit(*conn_, k, std::move(a));
    }
    save_counter(*conn_, k);
    return d;
  });
}

void SqlStore::replace(const Dataset& d) {
  replace(d, kSystem);
}

void SqlStore::replace(const Dataset& d, const ChangeAuthor& author) {
  in_transaction([&] { write(d, author); });
}

void SqlStore::replace_many(const std::function<std::optional<Dataset>()>& next) {
  replace_many(next, kSystem);
}

void SqlStore::replace_many(const std::function<std::optional<Dataset>()>& next,
                            const ChangeAuthor& author) {
  in_transaction([&] {
    conn_->bulk_load(); // national-scale loads: thousands of rows per ente
    // Into an empty database (`demo`, `copy`, `import` of a new database): nothing to delete,
    // and the keys can be built once at the end of the load rather than checked row by row.
    Statement& any = conn_->prepare("SELECT 1 FROM ente LIMIT 1");
    any.reset();
    bool empty = !any.step();
    any.reset();
    if (empty) conn_->defer_keys();
    // No counters either (a new database): each ente starts its own, written once.
    Statement& counters = conn_->prepare("SELECT 1 FROM ente_counter LIMIT 1");
    counters.reset();
    fresh_counters_ = empty && !counters.step();
    counters.reset();
    std::unordered_set<std::string> written;
    while (auto d = next()) {
      if (empty && !written.insert(d->ente.code).second) {
        // The same ente twice: the second replaces the first, which needs the cascades.
        conn_->restore_keys();
        empty = false;
      }
      write(*d, author, empty);
    }
    fresh_counters_ = false;
  });
}

void SqlStore::remove(std::string_view ente) {
  in_transaction([&] {
    const std::string e(ente);
    if (run(*conn_, "DELETE FROM ente WHERE code = ?", {val(e)}) == 0)
      throw NotFound(fmt::format("ente {} non trovato", ente));
    EnteCounter k = read_counter(*conn_, e);
    append_audit(*conn_, k, entry(kSystem, "eliminazione", e));
    save_counter(*conn_, k);
  });
}

std::int64_t SqlStore::change_stamp(std::string_view ente) {
  Statement& st = conn_->prepare("SELECT MAX(id) FROM audit_log WHERE ente = ?");
  st.reset();
  st.bind(1, std::string(ente));
  std::int64_t stamp = 0;
  if (st.step()) stamp = as_int(st.column(0)).value_or(0);
  st.reset();
  return stamp;
}

void SqlStore::restore_many(const std::function<std::optional<EnteWithLog>()>& next) {
  restore(next, nullptr);
}

void SqlStore::restore_many(const std::function<std::optional<EnteWithLog>()>& next,
                            const ChangeAuthor& author) {
  restore(next, &author);
}

void SqlStore::restore(const std::function<std::optional<EnteWithLog>()>& next,
                       const ChangeAuthor* importer) {
  in_transaction([&] {
    conn_->bulk_load();
    while (auto item = next()) {
      const Dataset& d = item->first;
      const std::string& e = d.ente.code;
      EnteCounter k = read_counter(*conn_, e);
      for (const auto& o : d.objectives) {
        k.version = std::max(k.version, o.version);
        for (const auto& p : o.phases)
          k.version = std::max(k.version, p.version);
        for (const auto& i : o.indicators)
          k.version = std::max(k.version, i.version);
      }
      run(*conn_, "DELETE FROM ente WHERE code = ?", {val(e)});
      run(*conn_, "DELETE FROM audit_log WHERE ente = ?", {val(e)});
      write_dataset(*conn_, d);
      k.audit_seq = 0;
      k.audit_head.clear();
      append_audit_verbatim(*conn_, k, item->second);
      if (importer) {
        save_counter(*conn_, k);
        if (auto check = verify_chain(*conn_, e); !check.ok())
          throw InvalidInput(fmt::format("registro delle modifiche dell'ente {} nel file non "
                                         "integro: {}",
                                         e, check.problem));
        append_audit(*conn_, k,
                     entry(*importer, "importazione", e, "obiettivi", "",
                           fmt::format("{} obiettivi, con {} voci del registro dal file",
                                       d.objectives.size(), item->second.size())));
      }
      save_counter(*conn_, k);
    }
  });
}

std::vector<AuditEntry> SqlStore::audit_log(std::string_view ente) {
  return in_transaction([&] { return read_audit(*conn_, std::string(ente)); }, true);
}

AuditCheck SqlStore::verify_audit(std::string_view ente) {
  return in_transaction([&] { return verify_chain(*conn_, std::string(ente)); }, true);
}

} // namespace traguardi::sql
