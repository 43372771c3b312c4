// The one storage interface: every front end reads and writes plans through it.
//
// Shaped like drogon's DbClient: callers see only `Store`; SQLite (embedded default) and
// PostgreSQL (server mode) sit behind it, chosen by the location given to `open_store`
// (a file path, or a postgresql:// URL). A Store speaks in whole Datasets (one ente's data)
// plus the few record-level edits that need optimistic concurrency, so no SQL leaks out.
//
// Failures throw: StoreError (cannot open/read/write, foreign or newer schema), NotFound,
// Conflict (stale version). Every write is one transaction; a failed write leaves the
// database as it was.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/audit_entry.h"
#include "core/model.h"
#include "store/accounts.h"

namespace traguardi {

/// Who made a change and why (app/session.h explains the three identities).
struct ChangeAuthor {
  std::string actor;   // the declared user, else the OS user
  std::string os_user; // the OS account running the process
  std::string db_role; // PostgreSQL's authenticated role; empty on SQLite
  std::string reason;  // motivo
};

/// One changed field of a record, in the words users read ("peso", "30,00", "40,00").
struct ChangedField {
  std::string field;
  std::string before, after;
};

/// Result of recomputing an ente's chain.
struct AuditCheck {
  std::int64_t entries = 0;   // chained entries verified
  std::int64_t unchained = 0; // entries written before the chain existed
  std::optional<std::int64_t> broken_seq;
  std::string problem; // Italian, names the first broken entry
  bool ok() const { return !broken_seq; }
};

/// Open an existing database only, or create (and migrate) it when absent.
enum class OpenMode { existing, create };

class Store {
public:
  virtual ~Store() = default;

  /// "sqlite" or "postgresql".
  virtual std::string backend() const = 0;
  virtual int schema_version() = 0;
  /// The role the database server authenticated (PostgreSQL `current_user`); empty for SQLite,
  /// where the process's OS user is the only identity the database knows.
  virtual std::string authenticated_role() { return {}; }

  virtual std::vector<Ente> list_enti() = 0;
  /// Everything stored for one ente; nullopt when the ente is unknown.
  virtual std::optional<Dataset> load(std::string_view ente_code) = 0;
  /// Replaces everything stored for `d.ente` in one transaction. Record versions are stored as
  /// given (the caller increments them when it edits).
  virtual void replace(const Dataset& d) = 0;
  /// Replaces many enti in one transaction; `next` yields datasets until it returns nullopt.
  /// Used for bulk loads (demo data at national scale) without holding all of them in memory.
  virtual void replace_many(const std::function<std::optional<Dataset>()>& next) = 0;
  /// Same, recording `author` in each ente's audit log.
  virtual void replace_many(const std::function<std::optional<Dataset>()>& next,
                            const ChangeAuthor& author) = 0;
  virtual void remove(std::string_view ente_code) = 0;

  /// Streams, ente by ente, only what objective progress and achievement need
  /// (core/figures.h): objectives with vista, code and level, fasi with peso and avanzamento,
  /// indicators with values, scale and polarity; no texts, owners, history or people. Three ordered
  /// scans over the whole database instead of a dozen queries per ente: national-scale figures in
  /// one pass. The scan holds a read transaction: `each_ente` must not use this same Store.
  virtual void scan_for_figures(const std::function<void(const Dataset&)>& each_ente) = 0;

  /// Replaces `d.ente` like replace(d), recording `author` in the audit log: one entry per
  /// objective added, changed or removed. Records whose content is unchanged keep their
  /// version; every other record gets a version never issued before for this ente (the per-ente
  /// counter survives imports and removals), so an edit based on an older read can never pass
  /// its version check against different content (issue 15, defect 1).
  virtual void replace(const Dataset& d, const ChangeAuthor& author) = 0;

  /// Optimistic edit of one fase: writes only the columns of `changed` (names as in
  /// app/record_edit.h: "peso", "avanzamento", ...) taking their values from `values`, if the
  /// stored version still equals `expected_version`; reads and writes in one transaction.
  /// Returns the new version. Throws Conflict when stale (the message lists what changed
  /// meanwhile, from the audit log), NotFound when the fase does not exist. One audit entry per
  /// changed field.
  virtual std::int64_t update_phase(std::string_view ente, std::string_view vista,
                                    std::string_view objective, int order,
                                    std::int64_t expected_version, const Phase& values,
                                    const std::vector<ChangedField>& changed,
                                    const ChangeAuthor& author) = 0;
  /// Same for an indicator ("descrizione", "tipo", "scala", "direzione", "anno", "atteso",
  /// "raggiunto", "note").
  virtual std::int64_t update_indicator(std::string_view ente, std::string_view vista,
                                        std::string_view objective, int order,
                                        std::int64_t expected_version, const Indicator& values,
                                        const std::vector<ChangedField>& changed,
                                        const ChangeAuthor& author) = 0;

  /// An authoring change: stores `after` in place of `before` only if the ente is still
  /// exactly `before` (else Conflict naming the objectives changed meanwhile), in one
  /// transaction; appends `entries` (action, target, field, before/after) with `author`.
  /// Versions are assigned as by replace(). Returns the ente as stored.
  virtual Dataset replace_checked(const Dataset& before, const Dataset& after,
                                  const std::vector<AuditEntry>& entries,
                                  const ChangeAuthor& author) = 0;

  /// An ente copied from another database as it is (copy SQLite ↔ PostgreSQL): its rows with
  /// their versions, and its audit log verbatim so that the chain still verifies here. Replaces
  /// the ente and its log when present; one transaction for all; `next` yields until nullopt.
  using EnteWithLog = std::pair<Dataset, std::vector<AuditEntry>>;
  virtual void restore_many(const std::function<std::optional<EnteWithLog>()>& next) = 0;
  /// The same for an `import` of a file that carried its log: the chain is checked before the
  /// transaction commits (InvalidInput naming the first broken entry, nothing written), then
  /// one "importazione" entry by `author` is appended.
  virtual void restore_many(const std::function<std::optional<EnteWithLog>()>& next,
                            const ChangeAuthor& author) = 0;

  /// The audit log of an ente, oldest first.
  virtual std::vector<AuditEntry> audit_log(std::string_view ente) = 0;
  /// Recomputes the ente's hash chain; names the first broken entry.
  virtual AuditCheck verify_audit(std::string_view ente) = 0;

  /// A number that changes whenever the ente's data changes: the id of its latest audit entry
  /// (every write is audited). Lets a server reuse a plan it already loaded (app/plan_cache.h).
  virtual std::int64_t change_stamp(std::string_view ente_code) = 0;

  /// Users, sessions and login throttles of the web application (store/accounts.h).
  virtual Accounts& accounts() = 0;
};

/// `location`: a file path (SQLite) or a postgresql:// URL.
std::unique_ptr<Store> open_store(const std::string& location, OpenMode mode);
bool is_postgres_url(std::string_view location);
/// The location as messages may show it: a PostgreSQL password becomes "***".
std::string shown_location(const std::string& location);

} // namespace traguardi
