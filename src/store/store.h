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

#include "core/model.h"
#include "store/accounts.h"

namespace traguardi {

/// Open an existing database only, or create (and migrate) it when absent.
enum class OpenMode { existing, create };

class Store {
public:
  virtual ~Store() = default;

  /// "sqlite" or "postgresql".
  virtual std::string backend() const = 0;
  virtual int schema_version() = 0;

  virtual std::vector<Ente> list_enti() = 0;
  /// Everything stored for one ente; nullopt when the ente is unknown.
  virtual std::optional<Dataset> load(std::string_view ente_code) = 0;
  /// Replaces everything stored for `d.ente` in one transaction. Record versions are stored as
  /// given (the caller increments them when it edits).
  virtual void replace(const Dataset& d) = 0;
  /// Replaces many enti in one transaction; `next` yields datasets until it returns nullopt.
  /// Used for bulk loads (demo data at national scale) without holding all of them in memory.
  virtual void replace_many(const std::function<std::optional<Dataset>()>& next) = 0;
  virtual void remove(std::string_view ente_code) = 0;

  /// Streams, ente by ente, only what objective progress and achievement need
  /// (core/figures.h): objectives with vista, code and level, fasi with peso and avanzamento,
  /// indicators with values, scale and polarity; no texts, owners, history or people. Three ordered scans over the whole
  /// database instead of a dozen queries per ente: national-scale figures in one pass.
  /// The scan holds a read transaction: `each_ente` must not use this same Store.
  virtual void scan_for_figures(const std::function<void(const Dataset&)>& each_ente) = 0;

  /// Optimistic edit of one fase: applied only if the stored version equals
  /// `expected_version`; returns the new version. Throws Conflict when stale, NotFound when the
  /// fase does not exist. `values.order` and `values.version` are ignored.
  virtual std::int64_t update_phase(std::string_view ente, std::string_view vista,
                                    std::string_view objective, int order,
                                    std::int64_t expected_version, const Phase& values,
                                    std::string_view actor) = 0;
  /// Same for an indicator (target, actual, note and descriptive fields).
  virtual std::int64_t update_indicator(std::string_view ente, std::string_view vista,
                                        std::string_view objective, int order,
                                        std::int64_t expected_version, const Indicator& values,
                                        std::string_view actor) = 0;

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
