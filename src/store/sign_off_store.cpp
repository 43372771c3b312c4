#include "store/sign_off_store.h"

#include "core/error.h"
#include "store/audit_chain.h"
#include "store/schema.h"
#include "store/sqlite_connection.h"
#include "store/value_codec.h"
#ifdef TRAGUARDI_HAVE_POSTGRES
#include "store/pg_connection.h"
#endif

namespace traguardi {
namespace {

std::unique_ptr<sql::Connection> connect(const std::string& location) {
  std::unique_ptr<sql::Connection> c;
  if (is_postgres_url(location)) {
#ifdef TRAGUARDI_HAVE_POSTGRES
    c = sql::open_postgres(location);
#else
    throw StoreError("questa build di traguardi non include il supporto PostgreSQL");
#endif
  } else {
    c = sql::open_sqlite(location, false);
  }
  sql::ensure_schema(*c, false, shown_location(location));
  return c;
}

bool ente_exists(sql::Connection& c, const std::string& ente) {
  auto& st = c.prepare("SELECT 1 FROM ente WHERE code = ?");
  st.reset();
  st.bind(1, ente);
  const bool found = st.step();
  st.reset();
  return found;
}

} // namespace

std::optional<SignOffLabels> read_sign_off(const std::string& location, const std::string& ente) {
  auto c = connect(location);
  c->begin_read();
  std::optional<SignOffLabels> out;
  auto& st = c->prepare("SELECT responsible, control, oiv FROM ente_sign_off WHERE ente = ?");
  st.reset();
  st.bind(1, ente);
  if (st.step())
    out = SignOffLabels{sql::as_text(st.column(0)), sql::as_text(st.column(1)),
                        sql::as_text(st.column(2))};
  st.reset();
  c->commit();
  return out;
}

void write_sign_off(const std::string& location, const std::string& ente,
                    const std::optional<SignOffLabels>& labels,
                    const std::vector<ChangedField>& changes, const std::string& action,
                    const ChangeAuthor& author) {
  auto c = connect(location);
  c->begin();
  try {
    if (!ente_exists(*c, ente)) throw NotFound("ente " + ente + " non trovato");
    sql::run(*c, "DELETE FROM ente_sign_off WHERE ente = ?", {sql::val(ente)});
    if (labels)
      sql::run(*c, "INSERT INTO ente_sign_off (ente, responsible, control, oiv) VALUES (?,?,?,?)",
               {sql::val(ente), sql::val(labels->responsible), sql::val(labels->control),
                sql::val(labels->oiv)});
    sql::EnteCounter k = sql::read_counter(*c, ente);
    for (const auto& ch : changes) {
      AuditEntry e;
      e.actor = author.actor;
      e.os_user = author.os_user;
      e.db_role = author.db_role;
      e.reason = author.reason;
      e.action = action;
      e.target = "firme";
      e.field = ch.field;
      e.before = ch.before;
      e.after = ch.after;
      sql::append_audit(*c, k, std::move(e));
    }
    sql::save_counter(*c, k);
    c->commit();
    c->keep_file();
  } catch (...) {
    c->rollback();
    throw;
  }
}

} // namespace traguardi
