// The Store implemented once over the SQL surface (sql_connection.h).
//
// Both back-ends use this class: it holds every query that maps a Dataset to the tables of
// schema.h and back. A back-end contributes only a Connection factory. Server mode gives each
// request its own connection from a pool (see the PostgreSQL back-end); an SqlStore is used
// by one thread at a time.
#pragma once

#include <memory>
#include <string>

#include "store/audit_chain.h"
#include "store/sql_accounts.h"
#include "store/sql_connection.h"
#include "store/store.h"

namespace traguardi::sql {

class SqlStore final : public Store {
public:
  SqlStore(std::unique_ptr<Connection> conn, std::string location);

  std::string backend() const override;
  int schema_version() override;
  std::string authenticated_role() override;
  std::vector<Ente> list_enti() override;
  std::optional<Dataset> load(std::string_view ente_code) override;
  void replace(const Dataset& d) override;
  void replace(const Dataset& d, const ChangeAuthor& author) override;
  void replace_many(const std::function<std::optional<Dataset>()>& next) override;
  void replace_many(const std::function<std::optional<Dataset>()>& next,
                    const ChangeAuthor& author) override;
  void remove(std::string_view ente_code) override;
  void scan_for_figures(const std::function<void(const Dataset&)>& each_ente) override;
  std::int64_t update_phase(std::string_view ente, std::string_view vista,
                            std::string_view objective, int order, std::int64_t expected_version,
                            const Phase& values, const std::vector<ChangedField>& changed,
                            const ChangeAuthor& author) override;
  std::int64_t update_indicator(std::string_view ente, std::string_view vista,
                                std::string_view objective, int order,
                                std::int64_t expected_version, const Indicator& values,
                                const std::vector<ChangedField>& changed,
                                const ChangeAuthor& author) override;
  Dataset replace_checked(const Dataset& before, const Dataset& after,
                          const std::vector<AuditEntry>& entries,
                          const ChangeAuthor& author) override;
  void restore_many(const std::function<std::optional<EnteWithLog>()>& next) override;
  void restore_many(const std::function<std::optional<EnteWithLog>()>& next,
                    const ChangeAuthor& author) override;
  std::vector<AuditEntry> audit_log(std::string_view ente) override;
  AuditCheck verify_audit(std::string_view ente) override;

  std::int64_t change_stamp(std::string_view ente_code) override;
  Accounts& accounts() override { return accounts_; }

  Connection& connection() { return *conn_; }

private:
  template <typename F> auto in_transaction(F&& f, bool read_only = false) -> decltype(f());
  /// `absent`: the ente is known not to be stored (a bulk load into an empty database).
  void write(const Dataset& d, const ChangeAuthor& author, bool absent = false);
  /// restore_many; `importer` set: check the chain, then audit the import.
  void restore(const std::function<std::optional<EnteWithLog>()>& next,
               const ChangeAuthor* importer);
  /// Rows of `d` (versions assigned against `old`); returns what was written.
  Dataset write_rows(const Dataset& d, const std::optional<Dataset>& old, EnteCounter& k,
                     bool absent = false);
  /// Targeted update of one fase or indicator row (see Store::update_phase).
  std::int64_t update_item(const char* table, const char* what, std::string_view ente,
                           std::string_view vista, std::string_view objective, int order,
                           std::int64_t expected_version, std::vector<std::string> columns,
                           std::vector<Value> values, const std::vector<ChangedField>& changed,
                           const ChangeAuthor& author);

  bool fresh_counters_ = false; // during a bulk load into a new database
  std::unique_ptr<Connection> conn_;
  std::string location_;
  SqlAccounts accounts_{*conn_};
};

} // namespace traguardi::sql
