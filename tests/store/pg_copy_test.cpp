// `traguardi copy` end to end, through the real binary: SQLite → PostgreSQL → SQLite is
// lossless (the JSON exports of the three databases are byte-identical), and failures give one
// Italian line and a non-zero exit. Lives with the store tests because it needs the server.
#include <array>
#include <cstdio>
#include <filesystem>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "pg_fixture.h"
#include "store/store.h"
#include "support/sample_dataset.h"

using namespace traguardi;
namespace tt = traguardi::testing;

namespace {

struct Run {
  int status = -1;
  std::string output; // stdout, then stderr
};

Run traguardi_cli(const std::string& args) {
  std::string cmd = fmt::format("'{}' {} 2>&1", TRAGUARDI_BIN, args);
  Run r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0)
    r.output.append(buf.data(), n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

std::string temp_db(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / fmt::format("traguardi-copy-{}", getpid());
  std::filesystem::create_directories(dir);
  auto path = dir / name;
  std::filesystem::remove(path);
  return path.string();
}

#define REQUIRE_SERVER()                                                                           \
  if (tt::pg_admin_url().empty()) GTEST_SKIP() << "eseguire con scripts/with-postgres"

} // namespace

TEST(CopyCommand, SqliteToPostgresAndBackIsLossless) {
  REQUIRE_SERVER();
  const std::string a = temp_db("a.db"), b = temp_db("b.db"), pg = tt::fresh_pg_location();
  auto r = traguardi_cli(fmt::format("demo --db '{}' --enti 3 --objectives 12", a));
  ASSERT_EQ(r.status, 0) << r.output;
  // The hand-made dataset fills every field the demo leaves empty.
  open_store(a, OpenMode::existing)->replace(tt::sample_dataset());

  r = traguardi_cli(fmt::format("copy --from '{}' --to '{}'", a, pg));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("Copiati 4 enti"), std::string::npos) << r.output;
  r = traguardi_cli(fmt::format("copy --from '{}' --to '{}'", pg, b));
  ASSERT_EQ(r.status, 0) << r.output;

  auto export_a = traguardi_cli(fmt::format("export --db '{}'", a));
  auto export_pg = traguardi_cli(fmt::format("export --db '{}'", pg));
  auto export_b = traguardi_cli(fmt::format("export --db '{}'", b));
  ASSERT_EQ(export_a.status, 0) << export_a.output;
  ASSERT_EQ(export_pg.status, 0) << export_pg.output;
  EXPECT_GT(export_a.output.size(), 10000u);
  EXPECT_NE(export_a.output.find("C_PROVA"), std::string::npos);
  EXPECT_TRUE(export_a.output == export_pg.output) << "SQLite e PostgreSQL differiscono";
  EXPECT_TRUE(export_a.output == export_b.output) << "l'andata e ritorno ha perso dati";
}

TEST(CopyCommand, CopiesOneEnteAndLeavesTheOthers) {
  REQUIRE_SERVER();
  const std::string a = temp_db("one.db"), pg = tt::fresh_pg_location();
  open_store(a, OpenMode::create)->replace(tt::sample_dataset("A"));
  open_store(a, OpenMode::existing)->replace(tt::sample_dataset("B"));
  open_store(pg, OpenMode::create)->replace(tt::sample_dataset("Z"));
  auto r = traguardi_cli(fmt::format("copy --from '{}' --to '{}' --ente B", a, pg));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("1 altri enti, lasciati invariati"), std::string::npos) << r.output;
  auto enti = open_store(pg, OpenMode::existing)->list_enti();
  ASSERT_EQ(enti.size(), 2u);
  EXPECT_EQ(enti[0].code, "B");
  EXPECT_EQ(enti[1].code, "Z");
}

TEST(CopyCommand, FailuresAreOneSentenceAndNonZero) {
  const std::string a = temp_db("src.db");
  open_store(a, OpenMode::create)->replace(tt::sample_dataset());
  auto r = traguardi_cli(
      fmt::format("copy --from '{}' --to postgresql://ufficio:segretissima@127.0.0.1:1/x", a));
  EXPECT_EQ(r.status, 5) << r.output;
  EXPECT_NE(r.output.find("impossibile connettersi a PostgreSQL"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("segretissima"), std::string::npos) << r.output;
  EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;

  r = traguardi_cli(fmt::format("copy --from '{}' --to '{}'", temp_db("assente.db"), a));
  EXPECT_EQ(r.status, 5) << r.output;
  EXPECT_NE(r.output.find("il database non esiste"), std::string::npos) << r.output;

  r = traguardi_cli(fmt::format("copy --from '{}' --to '{}'", a, a));
  EXPECT_EQ(r.status, 2) << r.output;
}
