#include "store/sql_store.h"

#include <chrono>
#include <ctime>
#include <unordered_set>

#include <fmt/format.h>

#include "core/error.h"
#include "core/model.h"
#include "core/value_bounds.h"
#include "store/dataset_rows.h"
#include "store/schema.h"
#include "store/value_codec.h"

namespace traguardi::sql {
namespace {

std::string now_iso() {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string opt_text(const std::optional<Decimal>& d) { return d ? d->to_plain_string() : ""; }
std::string opt_text(const std::optional<Date>& d) { return d ? d->iso() : ""; }

std::string describe(const Phase& p) {
  return fmt::format("peso={};avanzamento={};inizio_previsto={};fine_prevista={};"
                     "inizio_effettivo={};fine_effettiva={};responsabile={};centro={};note={}",
                     opt_text(p.weight), opt_text(p.progress), opt_text(p.planned_start),
                     opt_text(p.planned_end), opt_text(p.actual_start), opt_text(p.actual_end),
                     p.responsible, p.center, p.note);
}

std::string describe(const Indicator& i) {
  return fmt::format("atteso={};raggiunto={};note={}", opt_text(i.target), opt_text(i.actual),
                     i.note);
}

} // namespace

SqlStore::SqlStore(std::unique_ptr<Connection> conn, std::string location)
    : conn_(std::move(conn)), location_(std::move(location)) {}

std::string SqlStore::backend() const {
  return conn_->dialect() == Dialect::sqlite ? "sqlite" : "postgresql";
}

int SqlStore::schema_version() { return stored_schema_version(*conn_); }

template <typename F> auto SqlStore::in_transaction(F&& f, bool read_only) -> decltype(f()) {
  if (read_only)
    conn_->begin_read();
  else
    conn_->begin();
  try {
    if constexpr (std::is_void_v<decltype(f())>) {
      f();
      conn_->commit();
      if (!read_only) conn_->keep_file();
    } else {
      auto r = f();
      conn_->commit();
      if (!read_only) conn_->keep_file();
      return r;
    }
  } catch (...) {
    conn_->rollback();
    throw;
  }
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

void SqlStore::write(const Dataset& d, bool absent) {
  if (d.ente.code.empty()) throw InvalidInput("il codice dell'ente è obbligatorio");
  // Every path that writes a whole ente (import, import-sheet, copy, demo) meets the bounds.
  if (auto bad = out_of_bounds(d, "$"); !bad.empty())
    throw InvalidInput(
        fmt::format("ente {}: {}: {}", d.ente.code, bad.front().path, bad.front().message));
  if (!absent) run(*conn_, "DELETE FROM ente WHERE code = ?", {val(d.ente.code)});
  write_dataset(*conn_, d);
  audit(d.ente.code, "traguardi", "sostituzione", d.ente.code, "",
        fmt::format("{} obiettivi", d.objectives.size()));
}

void SqlStore::replace(const Dataset& d) {
  in_transaction([&] { write(d); });
}

void SqlStore::replace_many(const std::function<std::optional<Dataset>()>& next) {
  in_transaction([&] {
    conn_->bulk_load(); // national-scale loads: thousands of rows per ente
    // Into an empty database (`demo`, `copy`, `import` of a new database): nothing to delete,
    // and the keys can be built once at the end of the load rather than checked row by row.
    Statement& any = conn_->prepare("SELECT 1 FROM ente LIMIT 1");
    any.reset();
    bool empty = !any.step();
    any.reset();
    if (empty) conn_->defer_keys();
    std::unordered_set<std::string> written;
    while (auto d = next()) {
      if (empty && !written.insert(d->ente.code).second) {
        // The same ente twice: the second replaces the first, which needs the cascades.
        conn_->restore_keys();
        empty = false;
      }
      write(*d, empty);
    }
  });
}

void SqlStore::remove(std::string_view ente) {
  in_transaction([&] {
    if (run(*conn_, "DELETE FROM ente WHERE code = ?", {val(std::string(ente))}) == 0)
      throw NotFound(fmt::format("ente {} non trovato", ente));
    audit(ente, "traguardi", "eliminazione", ente, "", "");
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

void SqlStore::audit(std::string_view ente, std::string_view actor, std::string_view action,
                     std::string_view target, std::string_view before, std::string_view after) {
  run(*conn_,
      "INSERT INTO audit_log (ente, at, actor, action, target, before_value, after_value) "
      "VALUES (?,?,?,?,?,?,?)",
      {val(std::string(ente)), val(now_iso()), val(std::string(actor)),
       val(std::string(action)), val(std::string(target)), val(std::string(before)),
       val(std::string(after))});
}

Statement& SqlStore::select_record(const std::string& sql, std::initializer_list<Value> key,
                                   const std::string& not_found) {
  Statement& st = conn_->prepare(sql);
  st.reset();
  int i = 1;
  for (const auto& k : key) st.bind(i++, k);
  if (!st.step()) {
    st.reset();
    throw NotFound(not_found);
  }
  return st;
}

std::int64_t SqlStore::update_phase(std::string_view ente, std::string_view vista,
                                    std::string_view objective, int order,
                                    std::int64_t expected_version, const Phase& v,
                                    std::string_view actor) {
  const std::string e(ente), vs(vista), ob(objective);
  const std::string target = fmt::format("{}/{}/fase {}", vista, objective, order);
  return in_transaction([&]() -> std::int64_t {
    Statement& st = select_record(
        "SELECT version, weight_micro, progress_micro, planned_start, planned_end, "
        "actual_start, actual_end, responsible, center, note FROM phase WHERE ente = ? AND "
        "vista = ? AND objective = ? AND ord = ?",
        {val(e), val(vs), val(ob), val(order)}, "fase non trovata: " + target);
    Phase before_row;
    before_row.version = as_int(st.column(0)).value_or(0);
    before_row.weight = decimal_of(st.column(1));
    before_row.progress = decimal_of(st.column(2));
    before_row.planned_start = date_of(st.column(3));
    before_row.planned_end = date_of(st.column(4));
    before_row.actual_start = date_of(st.column(5));
    before_row.actual_end = date_of(st.column(6));
    before_row.responsible = as_text(st.column(7));
    before_row.center = as_text(st.column(8));
    before_row.note = as_text(st.column(9));
    st.reset();
    const Phase* before = &before_row;
    auto n = run(*conn_,
                 "UPDATE phase SET description = ?, weight_micro = ?, progress_micro = ?, "
                 "planned_start = ?, planned_end = ?, actual_start = ?, actual_end = ?, "
                 "responsible = ?, center = ?, note = ?, version = version + 1 WHERE ente = ? "
                 "AND vista = ? AND objective = ? AND ord = ? AND version = ?",
                 {val(v.description), val(v.weight), val(v.progress), val(v.planned_start),
                  val(v.planned_end), val(v.actual_start), val(v.actual_end),
                  val(v.responsible), val(v.center), val(v.note), val(e), val(vs), val(ob),
                  val(order), val(expected_version)});
    if (n == 0)
      throw Conflict(fmt::format("modifica rifiutata: la fase {} è stata modificata da altri "
                                 "(versione attuale {}, versione di partenza {})",
                                 target, before->version, expected_version));
    audit(ente, actor, "modifica fase", target, describe(*before), describe(v));
    return expected_version + 1;
  });
}

std::int64_t SqlStore::update_indicator(std::string_view ente, std::string_view vista,
                                        std::string_view objective, int order,
                                        std::int64_t expected_version, const Indicator& v,
                                        std::string_view actor) {
  const std::string e(ente), vs(vista), ob(objective);
  const std::string target = fmt::format("{}/{}/indicatore {}", vista, objective, order);
  return in_transaction([&]() -> std::int64_t {
    Statement& st = select_record(
        "SELECT version, target_micro, actual_micro, note FROM indicator WHERE ente = ? AND "
        "vista = ? AND objective = ? AND ord = ?",
        {val(e), val(vs), val(ob), val(order)}, "indicatore non trovato: " + target);
    Indicator before;
    std::int64_t current = as_int(st.column(0)).value_or(0);
    before.target = decimal_of(st.column(1));
    before.actual = decimal_of(st.column(2));
    before.note = as_text(st.column(3));
    st.reset();
    auto n = run(*conn_,
                 "UPDATE indicator SET description = ?, type = ?, scale = ?, polarity = ?, "
                 "target_micro = ?, actual_micro = ?, note = ?, reference_year = ?, "
                 "version = version + 1 WHERE ente = ? AND vista = ? AND objective = ? AND "
                 "ord = ? AND version = ?",
                 {val(v.description), val(std::string(to_string(v.type))),
                  val(std::string(to_string(v.scale))), val(std::string(to_string(v.polarity))),
                  val(v.target), val(v.actual), val(v.note), val(v.reference_year), val(e),
                  val(vs), val(ob), val(order), val(expected_version)});
    if (n == 0)
      throw Conflict(fmt::format("modifica rifiutata: l'indicatore {} è stato modificato da "
                                 "altri (versione attuale {}, versione di partenza {})",
                                 target, current, expected_version));
    audit(ente, actor, "modifica indicatore", target, describe(before), describe(v));
    return expected_version + 1;
  });
}

} // namespace traguardi::sql
