// Other extractions of the seeds (TABs, re-wrapped lines, glued labels, markup) give the same
// census as the seeds themselves.
#include <functional>

#include <gtest/gtest.h>

#include "seed_census.h"
#include "text_variants.h"

using traguardi::importer::parse_sheet_text;

namespace {

struct Variant {
  const char* name;
  std::function<std::string(const std::string&)> make;
};

const std::vector<Variant>& all_variants() {
  static const std::vector<Variant> v{
      {"tab", variants::tab_separated},
      {"rewrap", [](const std::string& t) { return variants::rewrapped(t); }},
      {"glued", variants::glued_labels},
      {"markup", variants::emphasized},
      {"crlf", variants::crlf},
      {"pagefeed", variants::page_feeds},
      {"all",
       [](const std::string& t) {
         return variants::crlf(variants::tab_separated(
             variants::emphasized(variants::glued_labels(variants::rewrapped(t)))));
       }},
  };
  return v;
}

class SeedVariants : public ::testing::TestWithParam<std::tuple<const char*, std::size_t>> {};

TEST_P(SeedVariants, SameCensus) {
  const std::string prefix = std::get<0>(GetParam());
  const Variant& variant = all_variants()[std::get<1>(GetParam())];
  auto text = census::read_seed(prefix);
  if (!text) SHARED_MISSING("seed " + prefix + " in ../shared/seeds");
  std::string derived = variant.make(*text);
  ASSERT_NE(derived, *text) << "la variante " << variant.name << " non cambia il testo";
  auto s = parse_sheet_text(derived, prefix + "-" + variant.name + ".txt");
  ASSERT_TRUE(s) << s.error().full();
  census::check(prefix, *s);
}

INSTANTIATE_TEST_SUITE_P(AllSeeds, SeedVariants,
                         ::testing::Combine(::testing::Values("000", "001", "003"),
                                            ::testing::Range<std::size_t>(0, 7)),
                         [](const auto& info) {
                           return std::string("F") + std::get<0>(info.param) + "_" +
                                  all_variants()[std::get<1>(info.param)].name;
                         });

TEST(SeedVariants, RewrapTouchesNarrativesAndLabels) {
  auto text = census::read_seed("001");
  if (!text) SHARED_MISSING("seed 001 in ../shared/seeds");
  std::string r = variants::rewrapped(*text);
  // More lines, and the indicator column labels are split over two lines.
  EXPECT_GT(std::count(r.begin(), r.end(), '\n'),
            std::count(text->begin(), text->end(), '\n') + 100);
  EXPECT_EQ(r.find("Valore Raggiunto 2020 Valore Raggiunto 2019 Note"), std::string::npos);
}

} // namespace
