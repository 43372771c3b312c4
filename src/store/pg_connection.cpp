#include "store/pg_connection.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <map>
#include <vector>

#include <fmt/format.h>

#include "core/error.h"
#include "store/pg_deferred_keys.h"
#include "store/pg_library.h"

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
  const char* m = r ? pq().PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  return first_line(m ? m : pq().PQerrorMessage(c));
}

// One place decides which failures are a lost race (Conflict) and which are not.
[[noreturn]] void throw_failure(const PGresult* r, PGconn* c) {
  const char* code = r ? pq().PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  std::string state = code ? code : "";
  std::string msg = server_message(r, c);
  if (state.rfind("23", 0) == 0)
    throw Conflict(fmt::format("vincolo del database violato: {}", msg));
  if (state == "40001" || state == "40P01")
    throw Conflict("modifica rifiutata: gli stessi dati sono stati modificati nello stesso "
                   "momento da un'altra sessione; ricaricare e riprovare");
  if (state == "42501") // least-privilege roles (docs/deploy.md) meet this one
    throw StoreError(fmt::format("il ruolo PostgreSQL non ha i permessi necessari: {}", msg));
  if (pq().PQstatus(c) == CONNECTION_BAD || state.rfind("08", 0) == 0)
    throw StoreError(fmt::format("connessione a PostgreSQL interrotta: {}", msg));
  throw StoreError(fmt::format("errore PostgreSQL{}: {}", state.empty() ? "" : " " + state, msg));
}

void clear_result(PGresult* r) {
  pq().PQclear(r);
}
using ResultPtr = std::unique_ptr<PGresult, decltype(&clear_result)>;
ResultPtr wrap(PGresult* r) {
  return ResultPtr(r, &clear_result);
}

void check(const ResultPtr& r, PGconn* c, ExecStatusType expected = PGRES_COMMAND_OK) {
  auto s = r ? pq().PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
  if (s != expected && s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) throw_failure(r.get(), c);
}

class PgConnection;

class PgStatement final : public Statement {
public:
  PgStatement(PgConnection& owner, PGconn* c, std::string name, const std::string& sql)
      : owner_(owner), c_(c), name_(std::move(name)) {
    int n = 0;
    std::string text = number_placeholders(sql, &n);
    check(wrap(pq().PQprepare(c_, name_.c_str(), text.c_str(), 0, nullptr)), c_);
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

  std::string_view text(int i) const override {
    return {pq().PQgetvalue(result_.get(), row_, i),
            static_cast<std::size_t>(pq().PQgetlength(result_.get(), row_, i))};
  }

  std::optional<std::int64_t> integer(int i) const override {
    if (pq().PQgetisnull(result_.get(), row_, i)) return std::nullopt;
    std::string_view t = text(i);
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), n);
    if (ec != std::errc{} || end != t.data() + t.size())
      throw StoreError(fmt::format("valore non intero nel database: {}", t));
    return n;
  }

  Value column(int i) const override {
    if (pq().PQgetisnull(result_.get(), row_, i)) return std::monostate{};
    const char* p = pq().PQgetvalue(result_.get(), row_, i);
    int len = pq().PQgetlength(result_.get(), row_, i);
    Oid t = pq().PQftype(result_.get(), i);
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
  void execute();

  PgConnection& owner_;
  PGconn* c_;
  std::string name_;
  std::vector<std::optional<std::string>> params_;
  ResultPtr result_{nullptr, &clear_result};
  int row_ = -1;
  int rows_ = 0;
  std::int64_t changes_ = 0;
};

// A plain INSERT during a bulk load: each step appends one COPY row to a buffer; the
// connection sends the buffers before any other statement and at commit.
class CopyStatement final : public Statement {
public:
  CopyStatement(PgConnection& owner, PlainInsert shape)
      : owner_(owner), shape_(std::move(shape)), fields_(static_cast<std::size_t>(shape_.params)) {}

  void bind(int index, const Value& v) override {
    if (index < 1 || index > shape_.params)
      throw StoreError(fmt::format("parametro SQL {} fuori intervallo", index));
    fields_[static_cast<std::size_t>(index - 1)] = v;
  }
  bool step() override;
  Value column(int) const override { return std::monostate{}; }
  std::string_view text(int) const override { return {}; }
  std::optional<std::int64_t> integer(int) const override { return std::nullopt; }
  std::int64_t changes() const override { return 1; }
  void reset() override {
    for (auto& f : fields_)
      f = std::monostate{};
  }

  bool pending() const { return !buffer_.empty(); }
  std::size_t pending_bytes() const { return buffer_.size(); }
  void discard() { buffer_.clear(); }
  void send(PGconn* c) {
    check(wrap(pq().PQexec(
              c, fmt::format("COPY {} ({}) FROM STDIN", shape_.table, shape_.columns).c_str())),
          c, PGRES_COPY_IN);
    if (pq().PQputCopyData(c, buffer_.data(), static_cast<int>(buffer_.size())) != 1 ||
        pq().PQputCopyEnd(c, nullptr) != 1)
      throw_failure(nullptr, c);
    buffer_.clear();
    // The COPY's outcome (a duplicate key is reported here); read to the end either way.
    ResultPtr failed{nullptr, &clear_result};
    for (PGresult* r; (r = pq().PQgetResult(c)) != nullptr;) {
      auto res = wrap(r);
      if (!failed && pq().PQresultStatus(r) != PGRES_COMMAND_OK) failed = std::move(res);
    }
    if (failed) throw_failure(failed.get(), c);
  }

private:
  PgConnection& owner_;
  PlainInsert shape_;
  std::vector<Value> fields_;
  std::string buffer_;
};

class PgConnection final : public Connection {
public:
  explicit PgConnection(PGconn* c) : c_(c) {}
  ~PgConnection() override {
    copies_.clear();
    cache_.clear();
    pq().PQfinish(c_);
  }

  Dialect dialect() const override { return Dialect::postgresql; }

  void execute(std::string_view sql) override {
    flush();
    check(wrap(pq().PQexec(c_, std::string(sql).c_str())), c_);
  }

  Statement& prepare(const std::string& sql) override {
    if (bulk_) {
      auto it = copies_.find(sql);
      if (it != copies_.end()) return *it->second;
      if (auto shape = parse_plain_insert(sql))
        return *copies_.emplace(sql, std::make_unique<CopyStatement>(*this, std::move(*shape)))
                    .first->second;
    }
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
      auto name = fmt::format("traguardi_{}", cache_.size() + 1);
      it = cache_.emplace(sql, std::make_unique<PgStatement>(*this, c_, name, sql)).first;
    }
    return *it->second;
  }

  // REPEATABLE READ: one snapshot per transaction (as SQLite gives), and a concurrent update
  // of a row we touch fails with 40001 instead of being applied over it.
  void begin() override { execute("BEGIN ISOLATION LEVEL REPEATABLE READ"); }
  void commit() override {
    if (deferred_.active()) restore_keys();
    execute("COMMIT"); // flushes first
    bulk_ = false;
  }
  void rollback() override {
    for (auto* s : order_)
      s->discard();
    order_.clear();
    bulk_ = false;
    deferred_ = {}; // the ROLLBACK brings the keys back

    if (pq().PQstatus(c_) == CONNECTION_OK && pq().PQtransactionStatus(c_) != PQTRANS_IDLE)
      wrap(pq().PQexec(c_, "ROLLBACK"));
  }
  void bulk_load() override { bulk_ = true; }
  void defer_keys() override {
    flush();
    deferred_ = drop_keys_of_empty_tables(*this);
  }
  void restore_keys() override {
    flush();
    sql::restore_keys(*this, deferred_);
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

  // Buffers go out in the order they were first filled: parents (ente, objective) before the
  // rows that reference them.
  void flush() {
    if (order_.empty()) return;
    auto sending = std::move(order_);
    order_.clear();
    try {
      for (auto* s : sending)
        s->send(c_);
    } catch (...) {
      for (auto* s : sending)
        s->discard();
      throw;
    }
  }
  void filled(CopyStatement& s, bool first_row) {
    if (first_row) order_.push_back(&s);
    if (s.pending_bytes() > kMaxBuffered) flush();
  }

private:
  static constexpr std::size_t kMaxBuffered = 16u << 20;
  PGconn* c_;
  bool bulk_ = false;
  DeferredKeys deferred_;
  std::map<std::string, std::unique_ptr<PgStatement>> cache_;
  std::map<std::string, std::unique_ptr<CopyStatement>> copies_;
  std::vector<CopyStatement*> order_;
};

void PgStatement::execute() {
  owner_.flush();
  std::vector<const char*> values(params_.size());
  for (std::size_t i = 0; i < params_.size(); ++i)
    values[i] = params_[i] ? params_[i]->c_str() : nullptr;
  auto r = wrap(pq().PQexecPrepared(c_, name_.c_str(), static_cast<int>(values.size()),
                                    values.data(), nullptr, nullptr, 0));
  check(r, c_);
  rows_ = pq().PQntuples(r.get());
  const char* affected = pq().PQcmdTuples(r.get());
  changes_ = 0;
  if (affected && *affected) std::from_chars(affected, affected + std::strlen(affected), changes_);
  row_ = -1;
  result_ = std::move(r);
}

bool CopyStatement::step() {
  bool first = buffer_.empty();
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    if (i) buffer_ += '\t';
    append_copy_field(buffer_, fields_[i]);
  }
  buffer_ += '\n';
  owner_.filled(*this, first);
  return false;
}

void ignore_notice(void*, const char*) {}

} // namespace

std::unique_ptr<Connection> open_postgres(const std::string& url) {
  // libpq splits user:password@host at the first '@': a raw '@' in the password would send
  // part of it as the host name (and into error messages). Refuse it before connecting.
  const std::size_t scheme = url.find("://");
  const std::string authority = url.substr(scheme + 3, url.find('?', scheme + 3) - scheme - 3);
  if (std::count(authority.begin(), authority.end(), '@') > 1)
    throw InvalidInput(fmt::format("{}: la password contiene «@»: scriverla come %40, oppure "
                                   "toglierla dall'URL e usare PGPASSWORD o il file PGPASSFILE",
                                   redact_postgres_url(url)));
  // Defaults first, then the URL (expand_dbname), then what traguardi cannot work without.
  const char* keys[] = {"connect_timeout", "application_name", "dbname", "client_encoding",
                        nullptr};
  // libpq recognises the scheme in lower case only.
  std::string dbname = url;
  for (std::size_t i = 0; i < dbname.size() && dbname[i] != ':'; ++i)
    dbname[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(dbname[i])));
  const char* values[] = {"10", "traguardi", dbname.c_str(), "UTF8", nullptr};
  PGconn* c = pq().PQconnectdbParams(keys, values, 1);
  if (!c) throw StoreError("impossibile connettersi a PostgreSQL: memoria esaurita");
  if (pq().PQstatus(c) != CONNECTION_OK) {
    std::string msg = first_line(pq().PQerrorMessage(c));
    pq().PQfinish(c);
    throw StoreError(fmt::format("impossibile connettersi a PostgreSQL ({}): {}",
                                 redact_postgres_url(url), msg));
  }
  pq().PQsetNoticeProcessor(c, ignore_notice, nullptr);
  auto conn = std::make_unique<PgConnection>(c);
  // CREATE TABLE ... would otherwise print NOTICEs about implicit indexes on the terminal.
  conn->execute("SET client_min_messages = warning");
  return conn;
}

} // namespace traguardi::sql
