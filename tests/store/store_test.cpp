#include <filesystem>
#include <fstream>
#include <thread>

#include "core/error.h"
#include "core/figures.h"
#include "store/schema.h"
#include "store_fixture.h"
#include "support/sample_dataset.h"

using namespace traguardi;
using traguardi::testing::StoreTest;

TEST_P(StoreTest, RoundTripKeepsEveryField) {
  auto store = open();
  auto ds = traguardi::testing::sample_dataset();
  store->replace(ds);
  auto back = store->load("C_PROVA");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->ente, ds.ente);
  EXPECT_EQ(back->vistas, ds.vistas);
  EXPECT_EQ(back->centers, ds.centers);
  EXPECT_EQ(back->persons, ds.persons);
  EXPECT_EQ(back->assessorati, ds.assessorati);
  ASSERT_EQ(back->objectives.size(), ds.objectives.size());
  for (std::size_t i = 0; i < ds.objectives.size(); ++i)
    EXPECT_EQ(back->objectives[i], ds.objectives[i]) << ds.objectives[i].code;
  EXPECT_EQ(*back, ds);
  EXPECT_FALSE(store->load("NESSUNO"));
}

TEST_P(StoreTest, ReplaceIsWholeAndEntiAreIsolated) {
  auto store = open();
  auto a = traguardi::testing::sample_dataset("A");
  auto b = traguardi::testing::sample_dataset("B");
  store->replace(a);
  store->replace(b);
  a.objectives.pop_back();
  store->replace(a);
  EXPECT_EQ(store->load("A")->objectives.size(), 3u);
  EXPECT_EQ(store->load("B")->objectives.size(), 4u);
  auto enti = store->list_enti();
  ASSERT_EQ(enti.size(), 2u);
  EXPECT_EQ(enti[0].code, "A");
  store->remove("A");
  EXPECT_FALSE(store->load("A"));
  EXPECT_THROW(store->remove("A"), NotFound);
}

TEST_P(StoreTest, FailedWriteLeavesDataAsItWas) {
  auto store = open();
  auto ds = traguardi::testing::sample_dataset();
  store->replace(ds);
  auto broken = ds;
  broken.objectives.push_back(broken.objectives.back()); // duplicate key
  EXPECT_THROW(store->replace(broken), Conflict);
  EXPECT_EQ(*store->load("C_PROVA"), ds);
}

TEST_P(StoreTest, StaleEditIsRefusedNeverApplied) {
  auto store = open();
  auto ds = traguardi::testing::sample_dataset();
  store->replace(ds);
  const ChangeAuthor who{"test", "os", "", ""};
  Phase edit = ds.objectives[3].phases[1]; // version 7
  edit.progress = Decimal::from_int(80);
  const std::vector<ChangedField> progress{{"avanzamento", "", "80"}};
  auto v =
      store->update_phase("C_PROVA", "DUP_2021_2023", "2021_S01_03", 2, 7, edit, progress, who);
  EXPECT_GT(v, 7);
  edit.progress = Decimal::from_int(90);
  try {
    store->update_phase("C_PROVA", "DUP_2021_2023", "2021_S01_03", 2, 7, edit, progress, who);
    ADD_FAILURE() << "stale edit accepted";
  } catch (const Conflict& e) {
    // The refusal says what changed meanwhile, by whom.
    EXPECT_NE(std::string(e.what()).find("avanzamento:"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("test"), std::string::npos) << e.what();
  }
  auto back = store->load("C_PROVA");
  EXPECT_EQ(*back->objectives[3].phases[1].progress, Decimal::from_int(80));
  EXPECT_EQ(back->objectives[3].phases[1].version, v);
  EXPECT_THROW(
      store->update_phase("C_PROVA", "DUP_2021_2023", "2021_S01_03", 9, 1, edit, progress, who),
      NotFound);

  Indicator ind = ds.objectives[3].indicators[0];
  ind.actual = Decimal::from_int(9);
  const std::vector<ChangedField> actual{{"raggiunto", "", "9"}};
  auto iv =
      store->update_indicator("C_PROVA", "DUP_2021_2023", "2021_S01_03", 1, 1, ind, actual, who);
  EXPECT_GT(iv, v); // one counter per ente: versions never repeat
  EXPECT_THROW(
      store->update_indicator("C_PROVA", "DUP_2021_2023", "2021_S01_03", 1, 1, ind, actual, who),
      Conflict);
  EXPECT_EQ(*store->load("C_PROVA")->objectives[3].indicators[0].actual, Decimal::from_int(9));
}

// Issue 15, defect 1: an import used to reset versions to the file's, so an edit based on a
// version read before the import passed its check against different content.
TEST_P(StoreTest, VersionsNeverRepeatAcrossImports) {
  auto store = open();
  auto ds = traguardi::testing::sample_dataset();
  store->replace(ds);
  const Phase read_before = store->load("C_PROVA")->objectives[3].phases[1];
  auto changed = ds;
  changed.objectives[3].phases[1].description = "Descrizione dal nuovo file";
  store->replace(changed); // same versions in the file as before
  const Phase now = store->load("C_PROVA")->objectives[3].phases[1];
  EXPECT_NE(now.version, read_before.version);
  Phase edit = read_before;
  edit.progress = Decimal::from_int(55);
  EXPECT_THROW(store->update_phase("C_PROVA", "DUP_2021_2023", "2021_S01_03", 2,
                                   read_before.version, edit, {{"avanzamento", "", "55"}},
                                   ChangeAuthor{"t", "", "", ""}),
               Conflict);
  EXPECT_EQ(store->load("C_PROVA")->objectives[3].phases[1].description,
            "Descrizione dal nuovo file");
  // Unchanged records keep their version: re-importing the same file disturbs no one.
  EXPECT_EQ(store->load("C_PROVA")->objectives[0].version, ds.objectives[0].version);
}

// The audit log is a hash chain: altering, deleting or truncating rows is detected.
TEST_P(StoreTest, AuditChainVerifies) {
  auto store = open();
  auto ds = traguardi::testing::sample_dataset();
  store->replace(ds);
  Phase edit = ds.objectives[3].phases[1];
  edit.note = "uno";
  store->update_phase("C_PROVA", "DUP_2021_2023", "2021_S01_03", 2, 7, edit, {{"note", "", "uno"}},
                      ChangeAuthor{"mario", "os", "", "prova"});
  auto log = store->audit_log("C_PROVA");
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[1].seq, 2);
  EXPECT_EQ(log[1].prev_hash, log[0].hash);
  EXPECT_EQ(log[1].reason, "prova");
  EXPECT_EQ(log[1].os_user, "os");
  EXPECT_TRUE(store->verify_audit("C_PROVA").ok());
}

TEST_P(StoreTest, OpeningRequiresAnExistingTraguardiDatabase) {
  EXPECT_THROW(open(OpenMode::existing), StoreError);
  open(OpenMode::create)->replace(traguardi::testing::sample_dataset());
  auto store = open(OpenMode::existing);
  EXPECT_EQ(store->schema_version(), sql::kSchemaVersion);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest,
                         ::testing::ValuesIn(traguardi::testing::store_backends()),
                         [](const auto& info) { return info.param; });

TEST(SqliteStore, ForeignFilesAreRefusedWithAClearMessage) {
  auto dir = std::filesystem::temp_directory_path() / "traguardi-foreign";
  std::filesystem::create_directories(dir);
  auto text = (dir / "note.txt").string();
  std::ofstream(text) << "questo non è un database\n";
  try {
    open_store(text, OpenMode::existing);
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("non è un database SQLite"), std::string::npos)
        << e.what();
  }
  auto other = (dir / "other.db").string();
  std::filesystem::remove(other);
  {
    auto conn = open_store(other, OpenMode::create); // creates our schema
  }
  // a SQLite file with someone else's tables
  auto foreign = (dir / "foreign.db").string();
  std::filesystem::remove(foreign);
  ASSERT_EQ(std::system(("sqlite3 " + foreign +
                         " 'CREATE TABLE t(x)' 2>/dev/null || python3 -c "
                         "\"import sqlite3; sqlite3.connect('" +
                         foreign + "').execute('CREATE TABLE t(x)')\"")
                            .c_str()),
            0);
  EXPECT_THROW(open_store(foreign, OpenMode::create), StoreError);
  EXPECT_THROW(open_store((dir / "missing.db").string(), OpenMode::existing), StoreError);
}

TEST_P(StoreTest, FigureScanGivesTheFiguresOfAFullLoad) {
  auto store = open();
  std::vector<Dataset> enti{traguardi::testing::sample_dataset("B"),
                            traguardi::testing::sample_dataset("A")};
  enti[1].objectives.pop_back(); // A without its PEG objective
  for (const auto& d : enti)
    store->replace(d);
  std::vector<std::string> seen;
  auto reader = open(OpenMode::existing); // the scan holds its own connection's transaction
  store->scan_for_figures([&](const Dataset& light) {
    seen.push_back(light.ente.code);
    auto full = reader->load(light.ente.code);
    ASSERT_TRUE(full);
    ASSERT_EQ(light.objectives.size(), full->objectives.size());
    for (const auto& o : light.objectives) {
      const Objective* f = find_objective(*full, o.vista, o.code);
      ASSERT_TRUE(f) << o.code;
      auto a = compute_figures(o), b = compute_figures(*f);
      EXPECT_EQ(a.progress.value, b.progress.value) << o.code;
      EXPECT_EQ(a.progress.coverage, b.progress.coverage) << o.code;
      EXPECT_EQ(a.achievement.value, b.achievement.value) << o.code;
      EXPECT_EQ(o.level, f->level);
    }
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"A", "B"}));
}
