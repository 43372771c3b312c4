#include "interchange/json_format.h"

#include <gtest/gtest.h>

#include "support/sample_dataset.h"
#include "support/sample_district.h"

using namespace traguardi;

TEST(JsonFormat, RoundTripIsLosslessAndByteStable) {
  std::vector<Dataset> in{traguardi::testing::sample_dataset("A"),
                          traguardi::testing::sample_dataset("B")};
  std::string text = interchange::to_json(in);
  auto back = interchange::from_json(text, "x.json");
  ASSERT_TRUE(back) << back.error().full();
  ASSERT_EQ(back->size(), 2u);
  EXPECT_EQ((*back)[0], in[0]);
  EXPECT_EQ((*back)[1], in[1]);
  EXPECT_EQ(interchange::to_json(*back), text);
}

TEST(JsonFormat, DecimalsAreExactStrings) {
  auto ds = traguardi::testing::sample_dataset();
  std::string text = interchange::to_json({ds});
  EXPECT_NE(text.find("\"actual\": \"1134.25\""), std::string::npos);
  EXPECT_NE(text.find("\"progress\": \"50.5\""), std::string::npos);
  EXPECT_NE(text.find("\"planned_start\": \"2021-01-01\""), std::string::npos);
}

TEST(JsonFormat, ErrorsNameTheFileAndThePath) {
  auto r = interchange::from_json("{\"format\":\"traguardi\",\"format_version\":1,\"enti\":[{"
                                  "\"ente\":{\"code\":\"X\",\"name\":\"Y\"},\"vistas\":[{"
                                  "\"code\":\"V\",\"year_from\":\"2021\"}]}]}",
                                  "f.json");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().full(), "f.json: $.enti[0].vistas[0].year_from: atteso un numero intero");
  auto bad_date = interchange::from_json(
      "{\"format\":\"traguardi\",\"format_version\":1,\"enti\":[{\"ente\":{\"code\":\"X\","
      "\"name\":\"Y\"},\"centers\":[{\"code\":\"C\",\"valid_from\":\"31/12/2021\"}]}]}",
      "g.json");
  ASSERT_FALSE(bad_date);
  EXPECT_NE(bad_date.error().message.find("AAAA-MM-GG"), std::string::npos);
  EXPECT_FALSE(interchange::from_json("[]", "h.json"));
  EXPECT_FALSE(
      interchange::from_json("{\"format\":\"altro\",\"format_version\":1,\"enti\":[]}", "i.json"));
  auto dup = interchange::to_json(
      {traguardi::testing::sample_dataset("A"), traguardi::testing::sample_dataset("A")});
  auto r2 = interchange::from_json(dup, "d.json");
  ASSERT_FALSE(r2);
  EXPECT_NE(r2.error().message.find("ente duplicato"), std::string::npos);
}

TEST(JsonFormat, DuplicateKeysAreNamedWithTheirPath) {
  auto r = interchange::from_json(
      "{\"format\":\"traguardi\",\"format_version\":1,\"enti\":[{\"ente\":{\"code\":\"X\","
      "\"name\":\"Y\"},\"centers\":[{\"code\":\"S01\"},{\"code\":\"S02\"},{\"code\":\"S01\"}]}]}",
      "c.json");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().full(),
            "c.json: $.enti[0].centers[2]: codice di centro di responsabilità duplicato: «S01»");
}

TEST(JsonFormat, DistrictPlanLevelsAndStatisticsRoundTrip) {
  std::vector<Dataset> in{traguardi::testing::sample_district(),
                          traguardi::testing::sample_dataset("C_BORGO")};
  std::string text = interchange::to_json(in);
  auto back = interchange::from_json(text, "x.json");
  ASSERT_TRUE(back) << back.error().full();
  EXPECT_EQ((*back)[0], in[0]);
  EXPECT_EQ((*back)[1], in[1]);
  EXPECT_EQ(interchange::to_json(*back), text);
  // A comune's export carries no district keys at all.
  std::string comune = interchange::to_json({in[1]});
  EXPECT_EQ(comune.find("piano_di_zona"), std::string::npos);
  EXPECT_EQ(comune.find("level_definitions"), std::string::npos);
}

TEST(JsonFormat, DistrictErrorsNameThePath) {
  auto d = traguardi::testing::sample_district();
  std::string text = interchange::to_json({d});
  auto at = text.find("\"origin\": \"printed\"");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 19, "\"origin\": \"stimato\"");
  auto r = interchange::from_json(text, "x.json");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().full().find("$.enti[0].statistiche[1].origin"), std::string::npos)
      << r.error().full();
}

// The Piano di Zona part reads through the same strict node as the plan: a control character in
// a text and a value too large for a decimal were accepted there before, silently.
TEST(JsonFormat, DistrictTextsAndValuesAreCheckedLikeThePlans) {
  const std::string text = interchange::to_json({traguardi::testing::sample_district()});
  const auto plan = text.find("\"piano_di_zona\"");
  ASSERT_NE(plan, std::string::npos);
  auto title = text.find("\"title\": \"", plan);
  ASSERT_NE(title, std::string::npos);
  std::string control = text;
  control.insert(title + 10, "\\u0007");
  auto r = interchange::from_json(control, "x.json");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().full().find("$.enti[0].piano_di_zona"), std::string::npos)
      << r.error().full();
  EXPECT_NE(r.error().message.find("carattere di controllo"), std::string::npos)
      << r.error().full();

  auto value = text.find("\"value\": \"", plan);
  ASSERT_NE(value, std::string::npos);
  std::string huge = text;
  huge.insert(value + 10, "99999999999999999999999");
  auto h = interchange::from_json(huge, "x.json");
  ASSERT_FALSE(h);
  EXPECT_NE(h.error().message.find(Decimal::too_large_message()), std::string::npos)
      << h.error().full();
}
