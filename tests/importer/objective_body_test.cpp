// Narrative paragraphs (issue 9): empty lines, list items and lines broken on purpose start a
// paragraph; lines wrapped by the extractor are joined with a space.
#include <algorithm>

#include <gtest/gtest.h>

#include "importer/objective_body.h"
#include "seed_census.h"

using traguardi::importer::join_paragraphs;
using traguardi::importer::Line;
using traguardi::importer::parse_sheet_text;
using traguardi::importer::text_width;

namespace {

std::vector<Line> lines(const std::vector<std::string_view>& texts) {
  std::vector<Line> out;
  int n = 0;
  for (std::string_view t : texts)
    out.emplace_back(++n, t);
  return out;
}

} // namespace

TEST(NarrativeParagraphs, WrappedLinesJoinEmptyLinesSeparate) {
  auto l = lines({"Il servizio di trasporto scolastico del Comune di Valdora è stato",
                  "riorganizzato su tre linee.", "", "Le famiglie servite sono 84."});
  EXPECT_EQ(join_paragraphs(l, text_width({&l})),
            "Il servizio di trasporto scolastico del Comune di Valdora è stato riorganizzato su "
            "tre linee.\nLe famiglie servite sono 84.");
}

TEST(NarrativeParagraphs, ListItemsAreParagraphsOfTheirOwn) {
  auto l = lines({"Comprende:", "- la manutenzione dei sentieri del Monte Ora;",
                  "- la segnaletica in quattro lingue;", "1) il bando per le associazioni,",
                  "a) la graduatoria"});
  EXPECT_EQ(join_paragraphs(l, text_width({&l})),
            "Comprende:\n- la manutenzione dei sentieri del Monte Ora;\n- la segnaletica in "
            "quattro lingue;\n1) il bando per le associazioni,\na) la graduatoria");
}

TEST(NarrativeParagraphs, ShortLinesBeforeACapitalAreItemsWhoseGlyphWasLost) {
  // A fixed-width print: the two lines wrapped by the extractor (the next goes on in lower
  // case) had no room for the next word; the short lines after them had, so their break was in
  // the source.
  auto l = lines(
      {"Le attività di protezione civile della Val d'Ora che il Comune di Valdora svolge con le",
       "associazioni di volontariato riconosciute sono coordinate dalla sala operativa comunale",
       "dal primo marzo.", "Il piano comunale di emergenza aggiornato",
       "La sala operativa del C.O.C.", "Le esercitazioni con le scuole"});
  EXPECT_EQ(join_paragraphs(l, text_width({&l})),
            "Le attività di protezione civile della Val d'Ora che il Comune di Valdora svolge con "
            "le associazioni di volontariato riconosciute sono coordinate dalla sala operativa "
            "comunale dal primo marzo.\nIl piano comunale di emergenza aggiornato\nLa sala "
            "operativa del C.O.C.\nLe esercitazioni con le scuole");
  // Without a width (a text whose wrap is unknown) only empty lines and list items count.
  EXPECT_EQ(join_paragraphs(l).find('\n'), std::string::npos);
}

TEST(NarrativeParagraphs, AProportionalFontGivesNoWidth) {
  // "attivo" would have fitted on the first line by its count of characters, yet the line was
  // wrapped: the letters had different widths, and a line this short says nothing.
  auto l =
      lines({"Il servizio di prestito è",
             "attivo dal lunedì al venerdì, e la convenzione della biblioteca è firmata con il",
             "Comune di Ora Alta."});
  EXPECT_EQ(text_width({&l}), 0u);
  EXPECT_EQ(join_paragraphs(l, text_width({&l})),
            "Il servizio di prestito è attivo dal lunedì al venerdì, e la convenzione della "
            "biblioteca è firmata con il Comune di Ora Alta.");
}

TEST(NarrativeParagraphs, AnExactWidthBreaksBeforeAnyWordThatWouldHaveFitted) {
  // A text made of the HTML sheet by a tool that wraps greedily at a fixed width (html2text):
  // a line ends short only where a paragraph ends, whatever the case of the next word.
  auto l = lines({"Il Comune di Valdora ha curato, con le associazioni:",
                  "la pulizia dei sentieri del Monte Ora e delle sponde del torrente fino al",
                  "ponte vecchio;", "la segnaletica dei percorsi."});
  EXPECT_EQ(text_width({&l}, true), traguardi::importer::TextWrap(73, true));
  EXPECT_EQ(join_paragraphs(l, text_width({&l}, true)),
            "Il Comune di Valdora ha curato, con le associazioni:\nla pulizia dei sentieri del "
            "Monte Ora e delle sponde del torrente fino al ponte vecchio;\nla segnaletica dei "
            "percorsi.");
  // Not knowing how the text was wrapped, a lower-case word goes on the paragraph.
  const std::string loose = join_paragraphs(l, text_width({&l}));
  EXPECT_EQ(std::count(loose.begin(), loose.end(), '\n'), 0) << loose;
}

TEST(NarrativeParagraphs, SeedListWithoutGlyphsKeepsItsItems) {
  SKIP_WITHOUT_SEEDS(text, "003");
  auto s = parse_sheet_text(*text, "003.txt");
  ASSERT_TRUE(s) << s.error().full();
  ASSERT_FALSE(s->objectives.empty());
  // seed-spec §2.15: "Comprende:" then one activity per line, their glyphs lost.
  const std::string& m = s->objectives.front().implementation;
  EXPECT_TRUE(m.starts_with("Comprende:\n")) << m;
  EXPECT_GE(std::count(m.begin(), m.end(), '\n'), 5) << m;
  // The items' own wrapped lines stay in their item.
  for (std::size_t at = m.find('\n'); at != std::string::npos; at = m.find('\n', at + 1))
    EXPECT_TRUE(at + 1 < m.size() && m[at + 1] != ' ' && m[at + 1] != '\n') << m;
}

TEST(NarrativeParagraphs, ASentenceGoesOnAfterAPageBreakAndItsEmptyLines) {
  // seed-spec Q6: the page's header is cut out, the empty lines around it stay.
  std::vector<Line> l{{1, "Le domande sono state raccolte in"},
                      {2, "", true},
                      {3, ""},
                      {4, "due settimane."},
                      {5, "", true},
                      {6, ""},
                      {7, "La graduatoria è pubblicata."}};
  EXPECT_EQ(join_paragraphs(l),
            "Le domande sono state raccolte in due settimane.\nLa graduatoria è pubblicata.");
}
