#include <gtest/gtest.h>

#include <regex>
#include <vector>

#include "fixture.h"
#include "report/html_renderer.h"
#include "report/scheda_builder.h"
#include "test_util.h"

namespace traguardi::report {
namespace {

using testing::count;

Document sheet(Dataset& d) {
  auto sel = select_objectives(d, ReportKind::scheda_peg_rendicontazione, Selection{});
  EXPECT_TRUE(sel);
  return build_scheda(d, ReportKind::scheda_peg_rendicontazione, *sel, Date{2025, 1, 15});
}

/// Every element opened is closed in order (self-closed "/>" and void elements aside).
std::string unbalanced(const std::string& html) {
  static const std::regex tag("<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>");
  static const std::vector<std::string> voids{"meta", "br", "img", "input", "link", "col"};
  std::vector<std::string> stack;
  for (std::sregex_iterator it(html.begin(), html.end(), tag), end; it != end; ++it) {
    const std::string name = (*it)[2];
    if ((*it)[3] == "/" || std::find(voids.begin(), voids.end(), name) != voids.end()) continue;
    if ((*it)[1] == "") {
      stack.push_back(name);
    } else {
      if (stack.empty() || stack.back() != name) return "unexpected </" + name + ">";
      stack.pop_back();
    }
  }
  return stack.empty() ? "" : "unclosed <" + stack.back() + ">";
}

TEST(Html, PageIsItalianBalancedAndAccessible) {
  Dataset data = testing::report_fixture();
  const std::string html = render_html(sheet(data));
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"it\">", 0), 0u);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_EQ(unbalanced(html.substr(html.find("<html"))), "");
  EXPECT_NE(html.find("@page{size:A4 landscape"), std::string::npos);
  // Three PEG objectives: three sections, each labelled by its code heading.
  EXPECT_EQ(count(html, "<section class=\"tg-obiettivo\""), 3);
  for (const char* code : {"2024_S02_01", "2024_S05_03", "2024_S05_07"})
    EXPECT_NE(html.find("\">" + std::string(code) + "</h2>"), std::string::npos) << code;
  EXPECT_EQ(count(html, "<caption>FASI</caption>"), 3);
  EXPECT_EQ(count(html, "<caption>INDICATORI</caption>"), 3);
  EXPECT_NE(html.find("<th scope=\"col\" class=\"tg-date\">Inizio Previsto</th>"),
            std::string::npos);
  EXPECT_NE(html.find("<th scope=\"col\" class=\"tg-num\">Valore Raggiunto 2023</th>"),
            std::string::npos);
  EXPECT_NE(html.find("<th scope=\"row\">Alberi censiti nel sistema informativo</th>"),
            std::string::npos);
  EXPECT_NE(html.find("<td class=\"tg-num\">546.045,00</td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"tg-date\">31/12/2024</td>"), std::string::npos);
  EXPECT_NE(html.find("<time datetime=\"2025-01-15\">15/01/2025</time>"), std::string::npos);
  // Each GANTT is an SVG image with a title and a description a screen reader can read.
  EXPECT_EQ(count(html, "<svg class=\"tg-gantt\" role=\"img\""), 3);
  EXPECT_NE(html.find("<title id=\"tg-gantt-2-t\">GANTT delle fasi dell&#39;obiettivo 2024_S05_03"),
            std::string::npos);
  EXPECT_NE(html.find("Assegnazione degli orti: previsto 01/04/2024 – 30/06/2024, effettivo "
                      "02/04/2024 – 15/06/2024, avanzamento 100,00%."),
            std::string::npos);
  EXPECT_NE(html.find("Data di riferimento 31/12/2024"), std::string::npos);
}

TEST(Html, FragmentHasNoPageWrapperAndEscapesUserText) {
  Dataset data = testing::report_fixture();
  data.objectives.back().description = "Bilancio <script>alert(1)</script> & \"note\"";
  const std::string fragment = render_html_fragment(sheet(data));
  EXPECT_EQ(fragment.rfind("<article class=\"tg-scheda\" lang=\"it\">", 0), 0u);
  EXPECT_EQ(fragment.find("<html"), std::string::npos);
  EXPECT_EQ(fragment.find("<body"), std::string::npos);
  EXPECT_EQ(fragment.find("<script>"), std::string::npos);
  EXPECT_NE(fragment.find("Bilancio &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;note&quot;"),
            std::string::npos);
  EXPECT_EQ(unbalanced(fragment), "");
  EXPECT_NE(html_stylesheet().find(".tg-scheda"), std::string_view::npos);
}

TEST(Html, SameDocumentGivesTheSameBytes) {
  Dataset data = testing::report_fixture();
  const Document doc = sheet(data);
  EXPECT_EQ(render_html(doc), render_html(doc));
  ASSERT_TRUE(write_html(doc, testing::scratch_dir("html") + "/scheda.html"));
}

} // namespace
} // namespace traguardi::report
