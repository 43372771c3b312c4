// The sign-off labels of an ente (issue 14) on both back-ends: stored only when the ente words
// its own, read back exactly, kept when the plan is rewritten, audited in the ente's chain, and
// added to a database of the previous schema version by the migration step.
#include "core/error.h"
#include "store/schema.h"
#include "store/sign_off_store.h"
#include "store/sqlite_connection.h"
#ifdef TRAGUARDI_HAVE_POSTGRES
#include "store/pg_connection.h"
#endif
#include "store_fixture.h"
#include "support/sample_dataset.h"

using namespace traguardi;
using traguardi::testing::StoreTest;

namespace {

SignOffLabels office_labels() {
  return {"Il Dirigente del Settore", "", "Il Nucleo di valutazione – «visto»"};
}

ChangeAuthor office() {
  return {"ufficio", "os", "", "delibera 12/2025"};
}

std::unique_ptr<sql::Connection> connect(const std::string& backend, const std::string& location) {
#ifdef TRAGUARDI_HAVE_POSTGRES
  if (backend == "postgresql") return sql::open_postgres(location);
#endif
  (void)backend;
  return sql::open_sqlite(location, false);
}

} // namespace

TEST_P(StoreTest, SignOffLabelsAreStoredPerEnteAndAudited) {
  auto store = open();
  store->replace(traguardi::testing::sample_dataset("A"));
  store->replace(traguardi::testing::sample_dataset("B"));
  EXPECT_FALSE(read_sign_off(location_, "A"));
  write_sign_off(location_, "A", office_labels(),
                 {{"responsabile", "", "Il Dirigente del Settore"}}, "firme della scheda",
                 office());
  EXPECT_EQ(read_sign_off(location_, "A"), office_labels()); // an empty label stays empty
  EXPECT_FALSE(read_sign_off(location_, "B"));

  const auto log = store->audit_log("A");
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log.back().action, "firme della scheda");
  EXPECT_EQ(log.back().target, "firme");
  EXPECT_EQ(log.back().after, "Il Dirigente del Settore");
  EXPECT_EQ(log.back().reason, "delibera 12/2025");
  EXPECT_TRUE(store->verify_audit("A").ok());

  // Rewriting the plan (every edit does) keeps the ente's setting.
  store->replace(traguardi::testing::sample_dataset("A"), office());
  EXPECT_EQ(read_sign_off(location_, "A"), office_labels());

  write_sign_off(location_, "A", std::nullopt, {{"firme", "dell'ente", "predefinite"}},
                 "firme predefinite", office());
  EXPECT_FALSE(read_sign_off(location_, "A"));
  EXPECT_TRUE(store->verify_audit("A").ok());
  EXPECT_THROW(write_sign_off(location_, "NESSUNO", office_labels(), {}, "x", office()), NotFound);
}

TEST_P(StoreTest, MigrationAddsTheSignOffTableToAVersion5Database) {
  open()->replace(traguardi::testing::sample_dataset());
  {
    // The database as version 5 left it: no sign-off table, nor the API rate table of step 7.
    auto c = connect(GetParam(), location_);
    c->execute("DROP TABLE ente_sign_off");
    c->execute("DROP TABLE api_rate");
    c->execute("UPDATE schema_meta SET value = '5' WHERE key = 'schema_version'");
  }
  EXPECT_EQ(open(OpenMode::existing)->schema_version(), 7); // every later step applied too
  EXPECT_FALSE(read_sign_off(location_, "C_PROVA"));
  write_sign_off(location_, "C_PROVA", office_labels(), {}, "firme della scheda", office());
  EXPECT_EQ(read_sign_off(location_, "C_PROVA"), office_labels());
}
