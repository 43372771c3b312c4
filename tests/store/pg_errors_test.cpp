// What a user sees when PostgreSQL is not what traguardi expects: one Italian sentence, no
// password, and StoreError (the CLI turns it into exit status 5).
#include <gtest/gtest.h>

#include "core/error.h"
#include "pg_fixture.h"
#include "store/schema.h"
#include "store/pg_connection.h"
#include "store/store.h"
#include "support/sample_dataset.h"

using namespace traguardi;
namespace tt = traguardi::testing;

namespace {

std::string open_error(const std::string& location, OpenMode mode = OpenMode::existing) {
  try {
    open_store(location, mode);
  } catch (const StoreError& e) {
    return e.what();
  }
  return "(nessun errore)";
}

#define REQUIRE_SERVER()                                                                           \
  if (tt::pg_admin_url().empty()) GTEST_SKIP() << "eseguire con scripts/with-postgres"

} // namespace

TEST(PostgresErrors, UnreachableServerGivesOneClearSentenceWithoutThePassword) {
  // Port 1 on loopback: nothing listens there, the refusal is immediate.
  auto msg = open_error("postgresql://ufficio:segretissima@127.0.0.1:1/traguardi");
  EXPECT_EQ(msg.rfind("impossibile connettersi a PostgreSQL", 0), 0u) << msg;
  EXPECT_EQ(msg.find("segretissima"), std::string::npos) << msg;
  EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
}

TEST(PostgresErrors, MissingDatabaseIsNamed) {
  REQUIRE_SERVER();
  auto msg = open_error(tt::pg_url_for("non_esiste_proprio"));
  EXPECT_EQ(msg.rfind("impossibile connettersi a PostgreSQL", 0), 0u) << msg;
  EXPECT_NE(msg.find("non_esiste_proprio"), std::string::npos) << msg;
}

TEST(PostgresErrors, NewerSchemaVersionIsRefused) {
  REQUIRE_SERVER();
  auto location = tt::fresh_pg_location();
  open_store(location, OpenMode::create)->replace(tt::sample_dataset());
  sql::open_postgres(location)->execute(
      "UPDATE schema_meta SET value = '99' WHERE key = 'schema_version'");
  auto msg = open_error(location);
  EXPECT_NE(msg.find("versione 99"), std::string::npos) << msg;
  EXPECT_NE(msg.find("aggiornare traguardi"), std::string::npos) << msg;
  // Nor may "create" touch it.
  EXPECT_NE(open_error(location, OpenMode::create).find("versione 99"), std::string::npos);
}

TEST(PostgresErrors, ForeignAndEmptyDatabasesAreRefused) {
  REQUIRE_SERVER();
  auto empty = tt::fresh_pg_location();
  EXPECT_NE(open_error(empty).find("il database è vuoto"), std::string::npos);
  auto foreign = tt::fresh_pg_location();
  sql::open_postgres(foreign)->execute("CREATE TABLE contabilita (x int)");
  auto msg = open_error(foreign, OpenMode::create);
  EXPECT_NE(msg.find("non è un database di traguardi"), std::string::npos) << msg;
}

TEST(PostgresErrors, TablesAreLookedUpInTheCurrentSchemaOnly) {
  REQUIRE_SERVER();
  // Another application's schema_meta in another schema must not fool the check.
  auto location = tt::fresh_pg_location();
  sql::open_postgres(location)->execute(
      "CREATE SCHEMA altro; CREATE TABLE altro.schema_meta (key text, value text)");
  auto store = open_store(location, OpenMode::create);
  EXPECT_EQ(store->schema_version(), sql::kSchemaVersion);
}

TEST(PostgresSql, PlaceholdersAreNumberedOutsideQuotesAndComments) {
  int n = 0;
  EXPECT_EQ(sql::number_placeholders("SELECT '?', \"a?\", ? -- ?\n, ?", &n),
            "SELECT '?', \"a?\", $1 -- ?\n, $2");
  EXPECT_EQ(n, 2);
  EXPECT_EQ(sql::number_placeholders("UPDATE t SET a = 'it''s ?' WHERE b = ?"),
            "UPDATE t SET a = 'it''s ?' WHERE b = $1");
}

TEST(PostgresSql, PasswordsAreRedacted) {
  EXPECT_EQ(sql::redact_postgres_url("postgresql://u:pw@h:5432/db"),
            "postgresql://u:***@h:5432/db");
  EXPECT_EQ(sql::redact_postgres_url("postgresql://u@h/db?password=pw&sslmode=require"),
            "postgresql://u@h/db?password=***&sslmode=require");
  EXPECT_EQ(sql::redact_postgres_url("postgresql://h/db"), "postgresql://h/db");
}

TEST(PostgresSql, OnlyPlainInsertsBecomeCopyRows) {
  auto p = sql::parse_plain_insert("INSERT INTO phase (ente, vista, ord) VALUES (?,?,?)");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->table, "phase");
  EXPECT_EQ(p->columns, "ente, vista, ord");
  EXPECT_EQ(p->params, 3);
  EXPECT_FALSE(sql::parse_plain_insert("INSERT INTO t (a, b) VALUES (?, 1)"));
  EXPECT_FALSE(sql::parse_plain_insert("INSERT INTO t (a) VALUES (?) RETURNING a"));
  EXPECT_FALSE(sql::parse_plain_insert("INSERT INTO t (a, b) VALUES (?)"));
  EXPECT_FALSE(sql::parse_plain_insert("UPDATE t SET a = ?"));
}

TEST(PostgresSql, CopyFieldsEscapeWhatCopyWouldReadAsSyntax) {
  std::string out;
  sql::append_copy_field(out, sql::Value{});
  out += '|';
  sql::append_copy_field(out, sql::Value{std::int64_t{-42}});
  out += '|';
  sql::append_copy_field(out, sql::Value{std::string("a\tb\nc\\N\r")});
  EXPECT_EQ(out, "\\N|-42|a\\tb\\nc\\\\N\\r");
}
