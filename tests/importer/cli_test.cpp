// `traguardi import-sheet` through the real binary: exit codes, nothing written on refusal,
// strict errors or --dry-run, and a second import that changes nothing.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "fixture_text.h"

namespace fs = std::filesystem;

namespace {

struct Run {
  int status = -1;
  std::string out;
};

Run run(const std::string& args) {
  std::string cmd = std::string(TRAGUARDI_BINARY) + " " + args + " 2>/dev/null";
  Run r;
  std::unique_ptr<FILE, int (*)(FILE*)> p(popen(cmd.c_str(), "r"), pclose);
  char buf[512];
  while (p && std::fgets(buf, sizeof buf, p.get()))
    r.out += buf;
  int raw = pclose(p.release());
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return r;
}

class ImportSheetCli : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() /
        ("traguardi-import-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "t.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  std::string db_;
};

} // namespace

TEST_F(ImportSheetCli, RefusesANonSheetAndWritesNothing) {
  auto r = run("import-sheet --db " + db_ + " " + fixture_path("valdora_peg_2020.txt") + " " +
               fixture_path("not_a_sheet.txt"));
  EXPECT_EQ(r.status, 2);
  EXPECT_FALSE(fs::exists(db_));
}

TEST_F(ImportSheetCli, StrictModeFailsOnWarningsAndWritesNothing) {
  auto r = run("import-sheet --strict --db " + db_ + " " +
               fixture_path("valdora_obiettivi_irregolare.txt"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("nessun dato è stato scritto"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(db_));
}

TEST_F(ImportSheetCli, DryRunWritesNothingAndImportIsIdempotent) {
  std::string files =
      fixture_path("valdora_peg_2020.txt") + " " + fixture_path("valdora_peg_2021.txt");
  auto dry = run("import-sheet --dry-run --db " + db_ + " " + files);
  EXPECT_EQ(dry.status, 0);
  EXPECT_NE(dry.out.find("2 schede: 2 obiettivi (2 nuovi"), std::string::npos) << dry.out;
  EXPECT_FALSE(fs::exists(db_));
  auto first = run("import-sheet --db " + db_ + " " + files);
  EXPECT_EQ(first.status, 0);
  EXPECT_NE(first.out.find("Dati scritti"), std::string::npos) << first.out;
  auto second = run("import-sheet --db " + db_ + " " + files);
  EXPECT_EQ(second.status, 0);
  EXPECT_NE(second.out.find("2 invariati"), std::string::npos) << second.out;
  EXPECT_NE(second.out.find("Nessuna modifica"), std::string::npos) << second.out;
}
