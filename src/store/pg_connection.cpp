#include "store/pg_connection.h"

#include <charconv>
#include <cstring>
#include <map>
#include <vector>

#include <fmt/format.h>
#include <libpq-fe.h>

#include "core/error.h"

namespace traguardi::sql {
namespace {

// Type OIDs from pg_type.h (server header, not shipped with libpq-dev).
constexpr Oid kInt8 = 20, kInt2 = 21, kInt4 = 23;

std::string first_line(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
    s.pop_back();
  if (auto p = s.find('\n'); p != std::string::npos) s.resize(p);
  return s;
}

std::string server_message(const PGresult* r, PGconn* c) {
  const char* m = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  return first_line(m ? m : PQerrorMessage(c));
}

// One place decides which failures are a lost race (Conflict) and which are not.
[[noreturn]] void throw_failure(const PGresult* r, PGconn* c) {
  const char* code = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  std::string state = code ? code : "";
  std::string msg = server_message(r, c);
  if (state.rfind("23", 0) == 0)
    throw Conflict(fmt::format("vincolo del database violato: {}", msg));
  if (state == "40001" || state == "40P01")
    throw Conflict("modifica rifiutata: gli stessi dati sono stati modificati nello stesso "
                   "momento da un'altra sessione; ricaricare e riprovare");
  if (PQstatus(c) == CONNECTION_BAD || state.rfind("08", 0) == 0)
    throw StoreError(fmt::format("connessione a PostgreSQL interrotta: {}", msg));
  throw StoreError(fmt::format("errore PostgreSQL{}: {}", state.empty() ? "" : " " + state, msg));
}

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;
ResultPtr wrap(PGresult* r) {
  return ResultPtr(r, &PQclear);
}

void check(const ResultPtr& r, PGconn* c) {
  auto s = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
  if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) throw_failure(r.get(), c);
}

class PgStatement final : public Statement {
public:
  PgStatement(PGconn* c, std::string name, const std::string& sql) : c_(c), name_(std::move(name)) {
    int n = 0;
    std::string text = number_placeholders(sql, &n);
    check(wrap(PQprepare(c_, name_.c_str(), text.c_str(), 0, nullptr)), c_);
    params_.resize(static_cast<std::size_t>(n));
  }

  void bind(int index, const Value& v) override {
    if (index < 1 || index > static_cast<int>(params_.size()))
      throw StoreError(fmt::format("parametro SQL {} fuori intervallo", index));
    auto& p = params_[static_cast<std::size_t>(index - 1)];
    if (auto* n = std::get_if<std::int64_t>(&v))
      p = std::to_string(*n);
    else if (auto* s = std::get_if<std::string>(&v))
      p = *s;
    else
      p.reset();
  }

  bool step() override {
    if (!result_) execute();
    return ++row_ < rows_;
  }

  Value column(int i) const override {
    if (PQgetisnull(result_.get(), row_, i)) return std::monostate{};
    const char* p = PQgetvalue(result_.get(), row_, i);
    int len = PQgetlength(result_.get(), row_, i);
    Oid t = PQftype(result_.get(), i);
    if (t == kInt8 || t == kInt4 || t == kInt2) {
      std::int64_t n = 0;
      std::from_chars(p, p + len, n);
      return n;
    }
    return std::string(p, static_cast<std::size_t>(len));
  }

  std::int64_t changes() const override { return changes_; }

  void reset() override {
    result_.reset();
    row_ = -1;
    rows_ = 0;
    for (auto& p : params_)
      p.reset();
  }

private:
  void execute() {
    std::vector<const char*> values(params_.size());
    for (std::size_t i = 0; i < params_.size(); ++i)
      values[i] = params_[i] ? params_[i]->c_str() : nullptr;
    auto r = wrap(PQexecPrepared(c_, name_.c_str(), static_cast<int>(values.size()), values.data(),
                                 nullptr, nullptr, 0));
    check(r, c_);
    rows_ = PQntuples(r.get());
    const char* affected = PQcmdTuples(r.get());
    changes_ = 0;
    if (affected && *affected)
      std::from_chars(affected, affected + std::strlen(affected), changes_);
    row_ = -1;
    result_ = std::move(r);
  }

  PGconn* c_;
  std::string name_;
  std::vector<std::optional<std::string>> params_;
  ResultPtr result_{nullptr, &PQclear};
  int row_ = -1;
  int rows_ = 0;
  std::int64_t changes_ = 0;
};

class PgConnection final : public Connection {
public:
  explicit PgConnection(PGconn* c) : c_(c) {}
  ~PgConnection() override {
    cache_.clear();
    PQfinish(c_);
  }

  Dialect dialect() const override { return Dialect::postgresql; }

  void execute(std::string_view sql) override {
    check(wrap(PQexec(c_, std::string(sql).c_str())), c_);
  }

  Statement& prepare(const std::string& sql) override {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
      auto name = fmt::format("traguardi_{}", cache_.size() + 1);
      it = cache_.emplace(sql, std::make_unique<PgStatement>(c_, name, sql)).first;
    }
    return *it->second;
  }

  // REPEATABLE READ: one snapshot per transaction (as SQLite gives), and a concurrent update
  // of a row we touch fails with 40001 instead of being applied over it.
  void begin() override { execute("BEGIN ISOLATION LEVEL REPEATABLE READ"); }
  void commit() override { execute("COMMIT"); }
  void rollback() override {
    if (PQstatus(c_) == CONNECTION_OK && PQtransactionStatus(c_) != PQTRANS_IDLE)
      wrap(PQexec(c_, "ROLLBACK"));
  }

  // current_schema(): a deployment may give traguardi its own schema via search_path.
  bool table_exists(std::string_view name) override {
    auto& st = prepare("SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema() "
                       "AND tablename = ?");
    st.reset();
    st.bind(1, std::string(name));
    bool found = st.step();
    st.reset();
    return found;
  }
  bool has_any_table() override {
    auto& st =
        prepare("SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema() LIMIT 1");
    st.reset();
    bool found = st.step();
    st.reset();
    return found;
  }

private:
  PGconn* c_;
  std::map<std::string, std::unique_ptr<PgStatement>> cache_;
};

void ignore_notice(void*, const char*) {}

} // namespace

std::string number_placeholders(std::string_view sql, int* count) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    char ch = sql[i];
    if (ch == '\'' || ch == '"') { // quoted literal or identifier; '' and "" escape themselves
      std::size_t end = sql.find(ch, i + 1);
      if (end == std::string_view::npos) end = sql.size() - 1;
      out.append(sql.substr(i, end - i + 1));
      i = end;
    } else if (ch == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      std::size_t end = sql.find('\n', i);
      if (end == std::string_view::npos) end = sql.size() - 1;
      out.append(sql.substr(i, end - i + 1));
      i = end;
    } else if (ch == '?') {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += ch;
    }
  }
  if (count) *count = n;
  return out;
}

std::string redact_postgres_url(std::string_view url) {
  std::string s(url);
  auto scheme = s.find("://");
  if (scheme == std::string::npos) return s;
  auto at = s.find('@', scheme + 3);
  auto slash = s.find('/', scheme + 3);
  if (at == std::string::npos || (slash != std::string::npos && slash < at)) return s;
  auto colon = s.find(':', scheme + 3);
  if (colon != std::string::npos && colon < at) s.replace(colon + 1, at - colon - 1, "***");
  // A password can also travel as a query parameter.
  for (auto p = s.find("password="); p != std::string::npos; p = s.find("password=", p + 1)) {
    auto end = s.find('&', p);
    s.replace(p + 9, (end == std::string::npos ? s.size() : end) - p - 9, "***");
  }
  return s;
}

std::unique_ptr<Connection> open_postgres(const std::string& url) {
  // Defaults first, then the URL (expand_dbname), then what traguardi cannot work without.
  const char* keys[] = {"connect_timeout", "application_name", "dbname", "client_encoding",
                        nullptr};
  const char* values[] = {"10", "traguardi", url.c_str(), "UTF8", nullptr};
  PGconn* c = PQconnectdbParams(keys, values, 1);
  if (!c) throw StoreError("impossibile connettersi a PostgreSQL: memoria esaurita");
  if (PQstatus(c) != CONNECTION_OK) {
    std::string msg = first_line(PQerrorMessage(c));
    PQfinish(c);
    throw StoreError(fmt::format("impossibile connettersi a PostgreSQL ({}): {}",
                                 redact_postgres_url(url), msg));
  }
  PQsetNoticeProcessor(c, ignore_notice, nullptr);
  auto conn = std::make_unique<PgConnection>(c);
  // CREATE TABLE ... would otherwise print NOTICEs about implicit indexes on the terminal.
  conn->execute("SET client_min_messages = warning");
  return conn;
}

} // namespace traguardi::sql
