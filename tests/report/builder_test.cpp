#include <gtest/gtest.h>

#include "fixture.h"
#include "report/scheda_builder.h"
#include "report/scheda_parts.h"
#include "report/text_rules.h"

namespace traguardi::report {
namespace {

TEST(TextRules, HeaderDescriptionCutsAtAWordBoundaryWithin252PlusDots) {
  std::string short_text(255, 'a');
  EXPECT_EQ(header_description(short_text), short_text);
  std::string words;
  while (utf8_length(words) < 300)
    words += "parola città ";
  std::string cut = header_description(words);
  EXPECT_LE(utf8_length(cut), 255u);
  EXPECT_GE(utf8_length(cut), 240u);
  EXPECT_EQ(cut.substr(cut.size() - 3), "...");
  EXPECT_NE(cut[cut.size() - 4], ' ');
  EXPECT_EQ(words.rfind(cut.substr(0, cut.size() - 3), 0), 0u) << "a prefix of the text";
}

TEST(TextRules, ShortNamesAreHardCutAt30CharactersCountingAccentsOnce) {
  EXPECT_EQ(short_name("SERVIZIO MOBILITÀ E TRASPORTI PUBBLICI"), "SERVIZIO MOBILITÀ E TRASPORTI");
  EXPECT_EQ(utf8_length(short_name("àààààààààààààààààààààààààààààààààà")), 30u);
  EXPECT_EQ(short_name("breve"), "breve");
}

TEST(TextRules, ProductionDateFollowsSourceDateEpoch) {
  setenv("SOURCE_DATE_EPOCH", "1735689600", 1); // 2025-01-01T00:00:00Z
  EXPECT_EQ(production_date(), (Date{2025, 1, 1}));
  unsetenv("SOURCE_DATE_EPOCH");
  EXPECT_GT(production_date().year, 2024);
}

TEST(Selection, UnknownVistaListsTheValidOnes) {
  Dataset d = testing::report_fixture();
  Selection s;
  s.vista = "DUP_1999_2001";
  auto r = select_objectives(d, ReportKind::scheda_obiettivi, s);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("Vista «DUP_1999_2001» sconosciuta"), std::string::npos);
  EXPECT_NE(r.error().message.find("DUP_2024_2026, DUP_2023_2025"), std::string::npos);
}

TEST(Selection, UnknownCenterListsTheValidOnes) {
  Dataset d = testing::report_fixture();
  Selection s;
  s.center = "99_X";
  auto r = select_objectives(d, ReportKind::scheda_peg_rendicontazione, s);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("Centro di responsabilità «99_X» sconosciuto"),
            std::string::npos);
  EXPECT_NE(r.error().message.find("05_S_2024 (SETT. TERRITORIO AMBIENTE E LL)"),
            std::string::npos);
}

TEST(Selection, CenterIncludesTheCentresBelowItAndPegIsSortedByProgramme) {
  Dataset d = testing::report_fixture();
  Selection s;
  s.center = "SETT. TERRITORIO AMBIENTE E LL"; // the short name works too
  auto r = select_objectives(d, ReportKind::scheda_peg_rendicontazione, s);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->objectives.size(), 2u);
  EXPECT_EQ(r->objectives[0]->code, "2024_S05_03"); // owned by a servizio of the settore
  EXPECT_EQ(r->objectives[1]->code, "2024_S05_07");
  ASSERT_EQ(r->parameters.size(), 3u);
  EXPECT_EQ(r->parameters[2].label, "Centro di Responsabilità");
  EXPECT_EQ(r->parameters[2].value, "05_S_2024 SETT. TERRITORIO AMBIENTE E LL");
}

TEST(Selection, FiltersCombineAndAnEmptyResultHasAMessage) {
  Dataset d = testing::report_fixture();
  Selection s;
  s.responsible = "bianchi lucia";
  s.short_description = "orti";
  s.year = 2024;
  auto r = select_objectives(d, ReportKind::scheda_peg_rendicontazione, s);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->objectives.size(), 1u);
  EXPECT_EQ(r->objectives[0]->code, "2024_S05_03");
  s.year = 2025;
  r = select_objectives(d, ReportKind::scheda_peg_rendicontazione, s);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->objectives.empty());
  EXPECT_NE(empty_selection_message(*r).find("Nessun obiettivo corrisponde"), std::string::npos);
  EXPECT_NE(empty_selection_message(*r).find("Anno 2025"), std::string::npos);
}

TEST(Selection, RendicontazioneRefusesOtherLevelsAndUnknownLevelsAreListed) {
  Dataset d = testing::report_fixture();
  Selection s;
  s.level = "programma";
  EXPECT_FALSE(select_objectives(d, ReportKind::scheda_peg_rendicontazione, s));
  s.level = "capitolo";
  auto r = select_objectives(d, ReportKind::scheda_obiettivi, s);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("mandato, missione, programma, peg"), std::string::npos);
  s.level = "OBIETTIVO DI PEG";
  EXPECT_TRUE(select_objectives(d, ReportKind::scheda_obiettivi, s));
}

TEST(Builder, SectionsFollowTheRendicontazioneOrder) {
  Dataset d = testing::report_fixture();
  Selection s;
  s.center = "05_V_2024";
  auto sel = select_objectives(d, ReportKind::scheda_peg_rendicontazione, s);
  ASSERT_TRUE(sel);
  Document doc = build_scheda(d, ReportKind::scheda_peg_rendicontazione, *sel, Date{2025, 1, 2});
  ASSERT_EQ(doc.sections.size(), 1u);
  std::vector<std::string> order;
  for (const Block& b : doc.sections[0].blocks) {
    if (const auto* h = std::get_if<Heading>(&b)) order.push_back(h->text);
    if (const auto* t = std::get_if<Table>(&b); t && !t->heading.empty())
      order.push_back(t->heading);
  }
  EXPECT_EQ(order, (std::vector<std::string>{"Collegato a", "STATO DI ATTUAZIONE AL 31 DICEMBRE",
                                             "GANTT", "FASI", "INDICATORI", "DATI CALCOLATI"}));
  const HeaderBlock& h = doc.sections[0].header;
  ASSERT_EQ(h.rows.size(), 3u);
  EXPECT_EQ(h.rows[0][0].label, "OBIETTIVO DI PEG");
  // The area tematica is printed whole, with its number, wrapping in its box.
  EXPECT_EQ(h.rows[0][1].value.rfind("3. UNA CITTÀ CHE RESPIRA E SI", 0), 0u);
  EXPECT_GT(h.rows[0][1].value.size(), 31u);
  EXPECT_EQ(h.rows[2][1].value, "BIANCHI LUCIA");
}

TEST(Builder, EmptyValuesAreEmptyCellsAndHistoryFollowsTheYear) {
  Dataset d = testing::report_fixture();
  Selection s;
  s.short_description = "Piano del verde";
  auto sel = select_objectives(d, ReportKind::scheda_peg_rendicontazione, s);
  ASSERT_TRUE(sel);
  Document doc = build_scheda(d, ReportKind::scheda_peg_rendicontazione, *sel, Date{2025, 1, 2});
  const Table* ind = nullptr;
  for (auto ref : all_tables(doc))
    if (ref.table->sheet == "Indicatori") ind = ref.table;
  ASSERT_NE(ind, nullptr);
  EXPECT_EQ(ind->columns[4].header, "Valore Raggiunto 2023");
  EXPECT_EQ(ind->columns[5].header, "Valore Raggiunto 2022");
  EXPECT_EQ(ind->rows[0][4].text, "980,00");
  EXPECT_EQ(ind->rows[0][5].text, "546.045,00");
  EXPECT_EQ(ind->rows[1][5].text, ""); // no N-2 value: empty, never 0,00
  EXPECT_FALSE(ind->rows[1][5].number);
  EXPECT_EQ(ind->rows[3][3].text, ""); // not measured yet
  EXPECT_EQ(ind->rows[2][1].text, "QUALITA");
}

TEST(Builder, ObjectiveWithoutFasiShowsTheMeanOfItsPegObjectives) {
  Dataset d = testing::report_fixture();
  Selection s;
  s.level = "programma";
  auto sel = select_objectives(d, ReportKind::scheda_obiettivi, s);
  ASSERT_TRUE(sel);
  Document doc = build_scheda(d, ReportKind::scheda_obiettivi, *sel, Date{2025, 1, 2});
  const Table* figures = nullptr;
  for (auto ref : all_tables(doc))
    if (ref.section->code == "DUP_03_0901_0201" && ref.table->sheet == "Dati calcolati")
      figures = ref.table;
  ASSERT_NE(figures, nullptr);
  // 2024_S05_07 advances 88%, 2024_S05_03 100%: the programme shows their mean.
  EXPECT_EQ(figures->rows[0][0].text, "Avanzamento dell'obiettivo");
  EXPECT_EQ(figures->rows[0][1].text, "94,00%");
  // The roll-up names the objectives it comes from.
  const std::string& how = figures->rows[0][2].text;
  EXPECT_EQ(how.rfind("media dell'avanzamento degli obiettivi di PEG collegati: ", 0), 0u) << how;
  EXPECT_NE(how.find("2024_S05_07"), std::string::npos) << how;
  EXPECT_NE(how.find("2024_S05_03"), std::string::npos) << how;
  EXPECT_NE(how.find("(2 su 2 con avanzamento calcolabile)"), std::string::npos) << how;
  // The programme has an indicator of its own: its grade is its own, not the roll-up.
  EXPECT_EQ(figures->rows[1][0].text, "Grado di raggiungimento dell'obiettivo");
}

TEST(Builder, ReferenceDateComesFromThePeriodNotFromThePrintingDay) {
  Dataset d = testing::report_fixture();
  Selection s;
  s.level = "peg";
  auto sel = select_objectives(d, ReportKind::scheda_obiettivi, s);
  ASSERT_TRUE(sel);
  SheetOptions opt;
  opt.produced = Date{2030, 6, 1}; // printed years later
  Document doc = build_scheda(d, ReportKind::scheda_obiettivi, *sel, opt);
  ASSERT_TRUE(doc.reference);
  EXPECT_EQ(doc.reference->year, 2024);
  EXPECT_EQ(doc.parameters.back().label, "Data di riferimento");
  EXPECT_EQ(doc.parameters.back().value, "31/12/2024");
  for (const auto& sec : doc.sections)
    for (const auto& b : sec.blocks)
      if (const auto* g = std::get_if<Gantt>(&b)) {
        ASSERT_TRUE(g->reference);
        EXPECT_EQ(g->reference->year, 2024) << sec.code;
      }
  opt.as_of = Date{2024, 6, 30}; // --al
  doc = build_scheda(d, ReportKind::scheda_obiettivi, *sel, opt);
  EXPECT_EQ(doc.parameters.back().value, "30/06/2024");
}

TEST(Builder, NothingReportedIsNotAvailableNotZero) {
  Objective o;
  o.code = "X";
  Phase f;
  f.weight = Decimal::from_int(100);
  o.phases = {f};
  const Table t = figures_table(o);
  EXPECT_EQ(t.rows[0][1].text, "n.d.");
  EXPECT_NE(t.rows[0][2].text.find("nessuna fase ha un avanzamento rilevato"), std::string::npos);
}

TEST(Builder, IndicatorValuesCarryTheUnitOfTheirScaleAndUncertainValuesAMark) {
  Dataset d = testing::report_fixture();
  Objective o = *find_objective(d, "DUP_2024_2026", "2024_S05_07");
  o.indicators.resize(1);
  o.indicators[0].scale = Scale::euro;
  o.indicators[0].target = Decimal::from_int(45000);
  o.indicators[0].history[0].ambiguous = true;
  Table t = indicators_table(d, o);
  EXPECT_EQ(t.rows[0][2].text, "€ 45.000,00");
  EXPECT_NE(t.rows[0][4].text.find(kUncertainMark), std::string::npos);
  ASSERT_EQ(t.notes.size(), 1u);
  EXPECT_EQ(t.notes[0].rfind(kUncertainMark, 0), 0u);
  o.indicators[0].scale = Scale::percent;
  o.indicators[0].target = Decimal::from_int(87);
  t = indicators_table(d, o);
  EXPECT_EQ(t.rows[0][2].text, "87,00 %");
}

} // namespace
} // namespace traguardi::report
