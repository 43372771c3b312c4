// The upload form of a legacy sheet (app/sheet_upload.h): refusals of what is not a sheet
// extraction, the seal that carries an upload from the dry run to the confirmation, and a real
// seed sheet analysed (nothing written) and then imported with the web login in the audit.
#include "app/sheet_upload.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "app/auth.h"
#include "app/demo.h"
#include "app/user_session.h"

using namespace traguardi;

namespace {

std::optional<std::string> seed_001() {
  for (const auto& e : std::filesystem::directory_iterator(TRAGUARDI_SEEDS_DIR "/"))
    if (e.path().filename().string().starts_with("001_")) {
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }
  return std::nullopt;
}

bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

} // namespace

TEST(SheetUpload, RefusesWhatIsNotASheetExtraction) {
  app::SheetUpload u{"x.txt", "", false, false};
  EXPECT_EQ(app::check_sheet_upload(u).error().where, "file");
  u.bytes = std::string(app::kMaxSheetUploadBytes + 1, 'a');
  EXPECT_NE(app::check_sheet_upload(u).error().message.find("troppo grande"), std::string::npos);
  u.bytes = "%PDF-1.4\n...";
  EXPECT_NE(app::check_sheet_upload(u).error().message.find("è un PDF"), std::string::npos);
  u.bytes = std::string("PK\x03\x04\0\0\x01\x02", 8);
  EXPECT_NE(app::check_sheet_upload(u).error().message.find("non è un file di testo"),
            std::string::npos);
  u.bytes = "SCHEDA OBIETTIVI\n\fpagina\tdue\n";
  EXPECT_TRUE(app::check_sheet_upload(u));
}

TEST(SheetUpload, DisplayNameKeepsTheLastComponentOnly) {
  EXPECT_EQ(app::upload_display_name("C:\\dati\\scheda 2025.txt"), "scheda 2025.txt");
  EXPECT_EQ(app::upload_display_name("../../etc/passwd"), "passwd");
  EXPECT_EQ(app::upload_display_name("a\nb\x01"), "ab");
  EXPECT_EQ(app::upload_display_name(""), "scheda.txt");
  EXPECT_LE(app::upload_display_name(std::string(500, 'x')).size(), 120u);
}

TEST(SheetUpload, Base64RoundTripAndRefusal) {
  const std::string bytes = std::string("Citt\xe0 \0 \r\n\xff", 10);
  auto back = app::decode_base64(app::encode_base64(bytes));
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, bytes);
  EXPECT_EQ(app::decode_base64("non base64!").error().where, "contenuto");
}

TEST(SheetUpload, SealBindsNameOptionsBytesAndSecret) {
  app::SheetUpload u{"s.txt", "testo della scheda", false, false};
  const std::string seal = app::seal_sheet_upload(u, "segreto-1");
  EXPECT_EQ(seal.size(), 64u);
  EXPECT_TRUE(app::sheet_upload_seal_matches(u, "segreto-1", seal));
  EXPECT_FALSE(app::sheet_upload_seal_matches(u, "segreto-2", seal));
  auto changed = u;
  changed.bytes += " ";
  EXPECT_FALSE(app::sheet_upload_seal_matches(changed, "segreto-1", seal));
  changed = u;
  changed.name = "t.txt";
  EXPECT_FALSE(app::sheet_upload_seal_matches(changed, "segreto-1", seal));
  changed = u;
  changed.overwrite = true;
  EXPECT_FALSE(app::sheet_upload_seal_matches(changed, "segreto-1", seal));
  EXPECT_FALSE(app::sheet_upload_seal_matches(u, "segreto-1", seal.substr(1)));
}

TEST(SheetUpload, DryRunWritesNothingThenImportIsAudited) {
  auto text = seed_001();
  if (!text) {
    if (in_ci()) FAIL() << "seed 001 non trovato in ../shared/seeds";
    GTEST_SKIP() << "seed 001 non trovato";
  }
  auto dir = std::filesystem::temp_directory_path() / fmt::format("tg-upload-{}", getpid());
  std::filesystem::create_directories(dir);
  const std::string db = (dir / "u.db").string();
  auto store = open_store(db, OpenMode::create);
  store->replace(demo::make_ente(0, demo::Options{}), ChangeAuthor{"prova", "", "", ""});
  const std::string ente = store->list_enti().front().code;
  const auto before = store->audit_log(ente).size();
  app::Principal p;
  p.username = "ufficio";
  p.role = app::UserRole::controllo;
  p.ente = ente;
  app::SheetUpload u{"peg.txt", *text, true, false};

  auto s = app::user_session(*store, p, ente, db);
  auto dry = app::import_sheet_upload(s, u, true);
  ASSERT_TRUE(dry) << dry.error().message;
  EXPECT_FALSE(dry->written);
  EXPECT_EQ(dry->errors, 0);
  EXPECT_GT(dry->objectives, 0);
  ASSERT_FALSE(dry->changes.empty());
  EXPECT_EQ(dry->changes.front().kind, "nuovo");
  EXPECT_EQ(dry->ente, ente);
  EXPECT_FALSE(dry->sheet_ente.empty());
  EXPECT_EQ(store->audit_log(ente).size(), before);

  auto done = app::import_sheet_upload(s, u, false);
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_TRUE(done->written);
  auto log = store->audit_log(ente);
  ASSERT_GT(log.size(), before);
  EXPECT_EQ(log.back().actor, "ufficio");

  auto again = app::import_sheet_upload(s, u, true);
  ASSERT_TRUE(again);
  for (const auto& c : again->changes)
    EXPECT_EQ(c.kind, "invariato") << c.code;
  store.reset();
  std::filesystem::remove_all(dir);
}
