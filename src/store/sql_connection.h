// The narrow SQL surface the store needs from a database back-end.
//
// All mapping between Datasets and tables lives once in sql_store.cpp, written against this
// interface; a back-end (SQLite, PostgreSQL) only provides a connection that can run scripts,
// prepare statements with '?' placeholders, and manage transactions. This is how SQLite and
// PostgreSQL behave the same: they share every query, and differ only in the dialect hooks.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace traguardi::sql {

enum class Dialect { sqlite, postgresql };

/// NULL, integer, or text: everything the schema stores (decimals are integer micro-units,
/// dates ISO text).
using Value = std::variant<std::monostate, std::int64_t, std::string>;

class Statement {
public:
  virtual ~Statement() = default;
  /// Binds parameter `index` (1-based).
  virtual void bind(int index, const Value& v) = 0;
  /// Executes on first call; then advances. True while a row is available.
  virtual bool step() = 0;
  virtual Value column(int index) const = 0; // 0-based
  /// Text of a column without a copy, valid until the next step or reset; empty for NULL.
  /// For whole-database scans, where a copy per row and column is most of the cost.
  virtual std::string_view text(int index) const = 0;
  /// An integer column without a detour through text; nullopt for NULL. Throws StoreError
  /// when the column holds something else. For whole-database scans, like text().
  virtual std::optional<std::int64_t> integer(int index) const = 0;
  /// Rows changed by the last execution (UPDATE/DELETE).
  virtual std::int64_t changes() const = 0;
  /// Ready for re-execution with new bindings.
  virtual void reset() = 0;
};

class Connection {
public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  /// Runs one or more statements without parameters.
  virtual void execute(std::string_view sql) = 0;
  /// Prepared statement; '?' placeholders (translated by the back-end when needed).
  /// Statements are cached by SQL text and owned by the connection.
  virtual Statement& prepare(const std::string& sql) = 0;
  virtual void begin() = 0;
  /// A transaction that only reads: a consistent snapshot that does not block other readers.
  virtual void begin_read() { begin(); }
  virtual void commit() = 0;
  virtual void rollback() = 0;
  /// Whether a table exists (used to tell an empty database from a foreign one).
  virtual bool table_exists(std::string_view name) = 0;
  /// Any user table at all.
  virtual bool has_any_table() = 0;
  /// Bulk-load hint for the current transaction: a back-end may then buffer plain
  /// "INSERT INTO t (cols) VALUES (?, ...)" rows and send them in batches (PostgreSQL: COPY),
  /// reporting their failures at the next other statement or at commit. Off after commit or
  /// rollback. The default ignores it.
  virtual void bulk_load() {}
  /// After bulk_load(), when the load goes into empty tables: a back-end may drop their keys
  /// and indexes now and build them once, validating every row, at commit or at
  /// restore_keys() (PostgreSQL: as pg_restore does). A row that breaks a key then fails the
  /// whole transaction. The default ignores both.
  virtual void defer_keys() {}
  virtual void restore_keys() {}
  /// Called after the first committed write of data: a database file this connection created
  /// is kept from then on. One created and never written (a refused import, a failed copy) is
  /// removed when the connection closes, so a failed command leaves no file behind.
  virtual void keep_file() {}
};

// Helpers for reading columns.
std::optional<std::int64_t> as_int(const Value& v);
std::string as_text(const Value& v);

} // namespace traguardi::sql
