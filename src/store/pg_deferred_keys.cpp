#include "store/pg_deferred_keys.h"

#include <map>
#include <set>

#include <fmt/format.h>

namespace traguardi::sql {
namespace {

struct Key {
  std::int64_t table = 0, referenced = 0;
  char type = 0; // 'p' primary, 'u' unique, 'f' foreign
  std::string name, definition;
};

// Empty tables of the current schema that this role may alter: oid -> name as SQL shows it.
std::map<std::int64_t, std::string> empty_owned_tables(Connection& c) {
  std::map<std::int64_t, std::string> tables;
  Statement& st =
      c.prepare("SELECT t.oid::bigint, t.oid::regclass::text FROM pg_catalog.pg_class t WHERE "
                "t.relnamespace = current_schema()::regnamespace AND t.relkind = 'r' AND "
                "pg_catalog.pg_has_role(t.relowner, 'USAGE')");
  st.reset();
  while (st.step())
    tables.emplace(as_int(st.column(0)).value_or(0), as_text(st.column(1)));
  st.reset();
  for (auto it = tables.begin(); it != tables.end();) {
    Statement& any = c.prepare(fmt::format("SELECT 1 FROM {} LIMIT 1", it->second));
    any.reset();
    bool rows = any.step();
    any.reset();
    it = rows ? tables.erase(it) : std::next(it);
  }
  return tables;
}

std::vector<Key> keys_of_schema(Connection& c) {
  std::vector<Key> keys;
  Statement& st =
      c.prepare("SELECT k.conrelid::bigint, k.confrelid::bigint, k.contype::text, "
                "quote_ident(k.conname), pg_catalog.pg_get_constraintdef(k.oid) FROM "
                "pg_catalog.pg_constraint k JOIN pg_catalog.pg_class t ON t.oid = k.conrelid WHERE "
                "t.relnamespace = current_schema()::regnamespace AND k.contype IN ('p', 'u', 'f') "
                "ORDER BY k.oid");
  st.reset();
  while (st.step()) {
    std::string type = as_text(st.column(2));
    keys.push_back(Key{as_int(st.column(0)).value_or(0), as_int(st.column(1)).value_or(0),
                       type.empty() ? '?' : type[0], as_text(st.column(3)), as_text(st.column(4))});
  }
  st.reset();
  return keys;
}

} // namespace

DeferredKeys drop_keys_of_empty_tables(Connection& c) {
  auto empty = empty_owned_tables(c);
  auto keys = keys_of_schema(c);
  std::vector<const Key*> foreign, unique;
  std::set<std::int64_t> still_referenced; // by a foreign key that stays
  for (const auto& k : keys) {
    if (k.type != 'f') continue;
    if (empty.count(k.table))
      foreign.push_back(&k);
    else
      still_referenced.insert(k.referenced);
  }
  for (const auto& k : keys)
    if (k.type != 'f' && empty.count(k.table) && !still_referenced.count(k.table))
      unique.push_back(&k);

  // Plain indexes (not backing a key) of the empty tables.
  std::vector<std::pair<std::string, std::string>> indexes; // name, definition
  Statement& st = c.prepare(
      "SELECT i.indrelid::bigint, i.indexrelid::regclass::text, "
      "pg_catalog.pg_get_indexdef(i.indexrelid) FROM pg_catalog.pg_index i JOIN "
      "pg_catalog.pg_class t ON t.oid = i.indrelid WHERE t.relnamespace = "
      "current_schema()::regnamespace AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k "
      "WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x')) ORDER BY i.indexrelid");
  st.reset();
  while (st.step())
    if (empty.count(as_int(st.column(0)).value_or(0)))
      indexes.emplace_back(as_text(st.column(1)), as_text(st.column(2)));
  st.reset();

  DeferredKeys out;
  std::string drop;
  for (const auto* k : foreign)
    drop += fmt::format("ALTER TABLE {} DROP CONSTRAINT {};\n", empty[k->table], k->name);
  for (const auto* k : unique)
    drop += fmt::format("ALTER TABLE {} DROP CONSTRAINT {};\n", empty[k->table], k->name);
  for (const auto& [name, definition] : indexes)
    drop += fmt::format("DROP INDEX {};\n", name);
  // Keys first (the foreign keys need them), then indexes, then the references.
  for (const auto* k : unique)
    out.restore.push_back(fmt::format("ALTER TABLE {} ADD CONSTRAINT {} {}", empty[k->table],
                                      k->name, k->definition));
  for (const auto& [name, definition] : indexes)
    out.restore.push_back(definition);
  for (const auto* k : foreign)
    out.restore.push_back(fmt::format("ALTER TABLE {} ADD CONSTRAINT {} {}", empty[k->table],
                                      k->name, k->definition));
  if (!drop.empty()) c.execute(drop);
  return out;
}

void restore_keys(Connection& c, DeferredKeys& keys) {
  auto restore = std::move(keys.restore);
  keys.restore.clear();
  for (const auto& ddl : restore)
    c.execute(ddl);
}

} // namespace traguardi::sql
