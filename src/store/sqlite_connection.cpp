#include "store/sqlite_connection.h"

#include <cstdio>
#include <filesystem>
#include <map>

#include <fmt/format.h>
#include <sqlite3.h>

#include "core/error.h"
#include "core/utf8.h"
#include "io/output_file.h"

namespace traguardi::sql {
namespace {

// SQLite's English errors become Italian ones that name the database and say what to do.
[[noreturn]] void throw_sqlite(sqlite3* db, int code, const std::string& msg) {
  const char* file = sqlite3_db_filename(db, "main");
  const std::string path = file && *file ? file : "database";
  switch (code & 0xff) {
  case SQLITE_CONSTRAINT: {
    auto colon = msg.find(": ");
    std::string columns = colon == std::string::npos ? msg : msg.substr(colon + 2);
    if (msg.rfind("UNIQUE", 0) == 0 || msg.rfind("PRIMARY KEY", 0) == 0)
      throw Conflict(fmt::format("{}: dato duplicato: esiste già un record con la stessa chiave "
                                 "({})",
                                 path, columns));
    throw Conflict(fmt::format("{}: vincolo del database violato ({})", path, columns));
  }
  case SQLITE_FULL:
    throw StoreError(fmt::format("{}: spazio su disco esaurito; liberare spazio e ripetere il "
                                 "comando (la modifica non è stata scritta)",
                                 path));
  case SQLITE_READONLY:
    throw StoreError(fmt::format("{}: il database è in sola lettura; controllare i permessi del "
                                 "file e della sua cartella (serve la scrittura anche per i file "
                                 "-wal e -shm)",
                                 path));
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
    throw StoreError(fmt::format("{}: il database è occupato da un'altra scrittura; ripetere il "
                                 "comando",
                                 path));
  case SQLITE_IOERR:
    if (code == SQLITE_IOERR_WRITE || code == SQLITE_IOERR_FSYNC)
      throw StoreError(fmt::format("{}: errore di scrittura su disco (disco pieno o guasto); la "
                                   "modifica non è stata scritta",
                                   path));
    throw StoreError(fmt::format("{}: errore di lettura o scrittura su disco ({})", path, msg));
  case SQLITE_CORRUPT:
  case SQLITE_NOTADB:
    throw StoreError(
        fmt::format("{}: il file non è un database SQLite valido o è danneggiato", path));
  default:
    throw StoreError(fmt::format("{}: errore SQLite: {}", path, msg));
  }
}

class SqliteStatement final : public Statement {
public:
  SqliteStatement(sqlite3* db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
        SQLITE_OK)
      throw StoreError(fmt::format("errore SQLite nella preparazione: {}", sqlite3_errmsg(db)));
  }
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }

  void bind(int i, const Value& v) override {
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::monostate>(v))
      rc = sqlite3_bind_null(stmt_, i);
    else if (auto* n = std::get_if<std::int64_t>(&v))
      rc = sqlite3_bind_int64(stmt_, i, *n);
    else {
      const auto& s = std::get<std::string>(v);
      // The last guard of "every stored text is UTF-8" (core/utf8.h): entry points check first.
      if (!utf8::valid(s))
        throw InvalidInput(
            fmt::format("testo non UTF-8 valido (parametro {}): non memorizzato", i));
      rc = sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK)
      throw StoreError(fmt::format("errore SQLite nel parametro {}: {}", i, sqlite3_errmsg(db_)));
  }

  bool step() override {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) {
      changes_ = sqlite3_changes64(db_);
      return false;
    }
    std::string msg = sqlite3_errmsg(db_);
    int ext = sqlite3_extended_errcode(db_);
    sqlite3_reset(stmt_);
    throw_sqlite(db_, ext, msg);
  }

  Value column(int i) const override {
    switch (sqlite3_column_type(stmt_, i)) {
    case SQLITE_NULL:
      return std::monostate{};
    case SQLITE_INTEGER:
      return static_cast<std::int64_t>(sqlite3_column_int64(stmt_, i));
    default: {
      auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, i));
      return std::string(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i)));
    }
    }
  }

  std::string_view text(int i) const override {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, i));
    if (!p) return {};
    return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i))};
  }

  std::optional<std::int64_t> integer(int i) const override {
    switch (sqlite3_column_type(stmt_, i)) {
    case SQLITE_NULL:
      return std::nullopt;
    case SQLITE_INTEGER:
      return static_cast<std::int64_t>(sqlite3_column_int64(stmt_, i));
    default:
      throw StoreError(fmt::format("valore non intero nel database: {}", text(i)));
    }
  }

  std::int64_t changes() const override { return changes_; }
  void reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::int64_t changes_ = 0;
};

class SqliteConnection final : public Connection {
public:
  SqliteConnection(sqlite3* db, std::string path, bool fresh)
      : db_(db), path_(std::move(path)), fresh_(fresh) {}
  ~SqliteConnection() override {
    cache_.clear();
    sqlite3_close(db_);
    if (fresh_)
      for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        std::remove((path_ + suffix).c_str());
  }
  void keep_file() override { fresh_ = false; }

  Dialect dialect() const override { return Dialect::sqlite; }

  void execute(std::string_view sql) override {
    char* err = nullptr;
    std::string s(sql);
    if (int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err); rc != SQLITE_OK) {
      std::string msg = err ? err : "errore sconosciuto";
      sqlite3_free(err);
      if (msg.find("file is not a database") != std::string::npos)
        throw StoreError(fmt::format("{}: il file non è un database SQLite", path_));
      throw_sqlite(db_, sqlite3_extended_errcode(db_) ? sqlite3_extended_errcode(db_) : rc, msg);
    }
  }

  Statement& prepare(const std::string& sql) override {
    auto it = cache_.find(sql);
    if (it == cache_.end())
      it = cache_.emplace(sql, std::make_unique<SqliteStatement>(db_, sql)).first;
    return *it->second;
  }

  void begin() override { execute("BEGIN IMMEDIATE"); }
  // Deferred: the snapshot starts at the first read and other readers are not blocked (WAL).
  void begin_read() override { execute("BEGIN"); }
  void commit() override { execute("COMMIT"); }
  void rollback() override {
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    // A write that failed (a full disk) may have grown the WAL: give the space back now.
    sqlite3_exec(db_, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
  }

  bool table_exists(std::string_view name) override {
    auto& st = prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    st.reset();
    st.bind(1, std::string(name));
    bool found = st.step();
    st.reset();
    return found;
  }
  bool has_any_table() override {
    auto& st = prepare("SELECT 1 FROM sqlite_master WHERE type = 'table'");
    st.reset();
    bool found = st.step();
    st.reset();
    return found;
  }

private:
  sqlite3* db_;
  std::string path_;
  bool fresh_; // created by this connection and not yet written
  std::map<std::string, std::unique_ptr<SqliteStatement>> cache_;
};

} // namespace

std::unique_ptr<Connection> open_sqlite(const std::string& path, bool create) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!create && !fs::exists(path, ec))
    throw StoreError(fmt::format("{}: il database non esiste", path));
  if (fs::is_directory(path, ec))
    throw StoreError(fmt::format("{}: è una cartella, non un file di database", path));
  const bool fresh = create && !fs::exists(path, ec);
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "memoria esaurita";
    sqlite3_close(db);
    throw StoreError(fmt::format("{}: impossibile aprire il database: {}", path, msg));
  }
  sqlite3_busy_timeout(db, 5000);
  io::protect_database(path); // no --out may overwrite it
  auto conn = std::make_unique<SqliteConnection>(db, path, fresh);
  // The first real read tells a foreign file apart ("file is not a database").
  conn->execute("PRAGMA foreign_keys = ON");
  conn->execute("SELECT count(*) FROM sqlite_master");
  conn->execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL");
  return conn;
}

} // namespace traguardi::sql
