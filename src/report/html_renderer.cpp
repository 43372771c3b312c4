#include "report/html_renderer.h"

#include <cstdio>
#include <fstream>

#include "core/html_escape.h"
#include "core/italian.h"
#include "io/output_file.h"
#include "report/svg_gantt.h"
#include "report/text_rules.h"

namespace traguardi::report {
namespace {

constexpr std::string_view kCss = R"css(
.tg-scheda{font-family:"DejaVu Sans",Verdana,sans-serif;font-size:10pt;color:#15151a;line-height:1.35}
.tg-scheda h1{font-size:18pt;color:#173a73;margin:.2em 0}
.tg-scheda h2,.tg-scheda h3{color:#173a73;font-size:11pt;margin:.9em 0 .3em}
.tg-band{display:flex;justify-content:space-between;background:#173a73;color:#fff;font-weight:bold;padding:.3em .6em}
.tg-params dl{display:grid;grid-template-columns:14em 1fr;gap:.2em 1em;margin:0}
.tg-params dt{font-weight:bold}.tg-params dd{margin:0}
.tg-page{width:100%;border-collapse:collapse}
.tg-page>thead>tr>td,.tg-page>tbody>tr>td{padding:0}
.tg-header{border:1px solid #9ea3ad;background:#e0e8f5;margin:.5em 0}
.tg-header-row{display:flex;border-top:1px solid #9ea3ad}.tg-header-row:first-child{border-top:0}
.tg-field{padding:.25em .4em;border-left:1px solid #9ea3ad;white-space:pre-line}
.tg-field:first-child{border-left:0}
.tg-label{display:block;font-size:7.5pt;color:#596070}
.tg-scheda .tg-code{font-weight:bold;font-size:10pt;margin:0;color:#15151a}
.tg-scheda p{margin:.15em 0 .4em;white-space:pre-line}
.tg-lead{font-weight:bold}
.tg-table{width:100%;border-collapse:collapse;margin:.3em 0 .6em;font-size:8.5pt}
.tg-table caption{text-align:left;font-weight:bold;color:#173a73;font-size:11pt;padding:.4em 0 .2em}
.tg-table th,.tg-table td{border:1px solid #9ea3ad;padding:.15em .3em;vertical-align:top;text-align:left}
.tg-table thead th{background:#e0e8f5}
.tg-table tbody th{font-weight:normal}
.tg-table .tg-num{text-align:right;white-space:nowrap}.tg-table .tg-date{text-align:center;white-space:nowrap}
.tg-figure{margin:.3em 0}
.tg-gantt{width:100%;height:auto;font-family:"DejaVu Sans",Verdana,sans-serif}
.tg-g-band{fill:#e0e8f5;stroke:#9ea3ad;stroke-width:.5}
.tg-g-axis{font-size:10px;text-anchor:middle;fill:#15151a}
.tg-g-label{font-size:11px;fill:#15151a}.tg-g-legend{font-size:10px;fill:#15151a}
.tg-g-rule{stroke:#c8ccd3;stroke-width:.5}
.tg-g-planned{fill:#fff;stroke:#1a294d;stroke-width:1}.tg-g-progress{fill:#9eadc7}
.tg-g-outline{fill:none;stroke:#1a294d;stroke-width:1}.tg-g-actual{fill:#172b5c}
.tg-notes{font-size:8pt;color:#596070;margin:-.3em 0 .6em}
.tg-signoff{display:flex;margin-top:1em;break-inside:avoid}
.tg-signoff>div{flex:1;border:1px solid #9ea3ad;padding:.4em;min-height:6em;display:flex;flex-direction:column;justify-content:space-between}
.tg-draft{position:fixed;top:40%;left:0;right:0;text-align:center;font-size:120pt;font-weight:bold;color:rgba(140,25,25,.16);transform:rotate(-28deg);pointer-events:none}
.tg-g-reference{stroke:#cc1a1a;stroke-width:1.5}
@media print{
  @page{size:A4 landscape;margin:10mm}
  .tg-scheda{font-size:8.5pt}
  .tg-obiettivo{break-before:page}
  .tg-page>thead{display:table-header-group}
  .tg-table thead{display:table-header-group}
  .tg-table tr,.tg-figure{break-inside:avoid}
  .tg-scheda h3,.tg-table caption{break-after:avoid}
}
)css";

std::string cell_class(ValueKind k) {
  switch (k) {
  case ValueKind::number:
  case ValueKind::percent:
    return " class=\"tg-num\"";
  case ValueKind::date:
    return " class=\"tg-date\"";
  case ValueKind::text:
    break;
  }
  return "";
}

void table(std::string& out, const Table& t) {
  out += "<table class=\"tg-table\">";
  if (!t.heading.empty()) out += "<caption>" + html_escape(t.heading) + "</caption>";
  // The same relative widths as the PDF, so both renditions wrap alike.
  double total = 0;
  for (const auto& c : t.columns)
    total += c.width;
  out += "<colgroup>";
  for (const auto& c : t.columns) {
    char width[32];
    std::snprintf(width, sizeof width, "%.2f", 100.0 * c.width / total);
    out += "<col style=\"width:" + std::string(width) + "%\">";
  }
  out += "</colgroup><thead><tr>";
  for (const auto& c : t.columns)
    out += "<th scope=\"col\"" + cell_class(c.kind) + ">" + html_escape(c.header) + "</th>";
  out += "</tr></thead><tbody>";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      const std::string text = i < row.size() ? html_escape(row[i].text) : "";
      // The first column names the row (a fase, an indicator): a row header for screen readers.
      const char* tag = i == 0 ? "th" : "td";
      out += std::string("<") + tag + (i == 0 ? " scope=\"row\"" : "") +
             cell_class(t.columns[i].kind) + ">" + text + "</" + tag + ">";
    }
    out += "</tr>";
  }
  out += "</tbody></table>";
  if (!t.notes.empty()) {
    out += "<div class=\"tg-notes\">";
    for (const auto& n : t.notes)
      out += "<p>" + html_escape(n) + "</p>";
    out += "</div>";
  }
}

void sign_off(std::string& out, const SignOff& s) {
  out += "<h3>VISTI E FIRME</h3><div class=\"tg-signoff\">";
  for (const std::string* l : {&s.responsible, &s.control, &s.oiv})
    if (!l->empty())
      out += "<div><strong>" + html_escape(*l) +
             "</strong><span>Data ____ / ____ / ________</span><span>Firma "
             "______________________________</span></div>";
  out += "</div>";
}

void header(std::string& out, const Section& s, const std::string& id) {
  out += "<div class=\"tg-header\">";
  for (std::size_t r = 0; r < s.header.rows.size(); ++r) {
    const auto& row = s.header.rows[r];
    double total = 0;
    for (const auto& f : row)
      total += f.width;
    out += "<div class=\"tg-header-row\">";
    for (std::size_t i = 0; i < row.size(); ++i) {
      char basis[32];
      std::snprintf(basis, sizeof basis, "%.2f", 100.0 * row[i].width / total);
      out += "<div class=\"tg-field\" style=\"flex:0 0 " + std::string(basis) + "%\">";
      // Label and value are blocks (the label already showed as one): text tools then print
      // them on lines of their own instead of gluing "AssessoratoSindaco".
      out += "<div class=\"tg-label\">" + html_escape(row[i].label) +
             (row[i].mark.empty() ? "" : " " + html_escape(row[i].mark)) + "</div>";
      if (r == 0 && i == 0)
        out += "<h2 class=\"tg-code\" id=\"" + id + "\">" + html_escape(row[i].value) + "</h2>";
      else
        out += "<div class=\"tg-value\">" + html_escape(row[i].value) + "</div>";
      out += "</div>";
    }
    out += "</div>";
  }
  out += "</div>";
}

// One <p> per paragraph of the text, the lead in the first: a newline inside one <p> shows
// on screen (pre-line) but every text tool runs the paragraphs together.
void paragraphs(std::string& out, const Paragraph& p) {
  auto parts = narrative_paragraphs(p.text);
  if (parts.empty()) parts.push_back({});
  for (std::size_t i = 0; i < parts.size(); ++i) {
    out += "<p>";
    if (i == 0 && !p.lead.empty())
      // A <br>, not a newline under white-space:pre-line: the same break on screen, and
      // text tools keep the lead ("2019") on a line of its own.
      out += "<span class=\"tg-lead\">" + html_escape(p.lead) + "</span>" +
             (p.lead_on_own_line ? "<br>" : " ");
    out += html_escape(parts[i]) + "</p>";
  }
}

void body(std::string& out, const Section& s, std::size_t index) {
  for (const Block& b : s.blocks) {
    if (const auto* h = std::get_if<Heading>(&b)) {
      out += "<h3>" + html_escape(h->text) + "</h3>";
    } else if (const auto* p = std::get_if<Paragraph>(&b)) {
      paragraphs(out, *p);
    } else if (const auto* t = std::get_if<Table>(&b)) {
      table(out, *t);
    } else if (const auto* g = std::get_if<Gantt>(&b)) {
      out += "<figure class=\"tg-figure\">" +
             render_svg_gantt(*g, "GANTT delle fasi dell'obiettivo " + s.code,
                              "tg-gantt-" + std::to_string(index)) +
             "</figure>";
    }
  }
}

} // namespace

std::string_view html_stylesheet() {
  return kCss;
}

std::string render_html_fragment(const Document& d) {
  std::string out;
  out.reserve(4096 + d.sections.size() * 16384);
  out += "<article class=\"tg-scheda\" lang=\"it\">";
  if (d.draft) out += "<div class=\"tg-draft\" aria-hidden=\"true\">BOZZA</div>";
  // Blocks, not spans: the flex container shows them alike, and text tools keep ente and title
  // apart instead of gluing them into one word.
  out += "<div class=\"tg-band\"><div>" + html_escape(d.ente) + "</div><div>" +
         html_escape(d.title) + "</div></div>";
  out += "<header class=\"tg-cover\"><h1>" + html_escape(d.title) + "</h1>";
  out += "<p>Data elaborazione <time datetime=\"" + d.produced.iso() + "\">" +
         italian::format_date(d.produced) + "</time></p>";
  out += "<section class=\"tg-params\" aria-labelledby=\"tg-params\"><h2 id=\"tg-params\">"
         "Parametri selezionati:</h2><dl>";
  for (const auto& p : d.parameters)
    out += "<dt>" + html_escape(p.label) + "</dt><dd>" + html_escape(p.value) + "</dd>";
  out += "</dl></section></header>";
  for (std::size_t i = 0; i < d.sections.size(); ++i) {
    const Section& s = d.sections[i];
    const std::string id = "tg-obiettivo-" + std::to_string(i + 1);
    // A layout table: browsers repeat its <thead> (the objective header) on every printed page.
    out += "<section class=\"tg-obiettivo\" aria-labelledby=\"" + id +
           "\"><table class=\"tg-page\" role=\"presentation\"><thead><tr><td>";
    header(out, s, id);
    out += "</td></tr></thead><tbody><tr><td>";
    body(out, s, i + 1);
    if (d.sign_off) sign_off(out, *d.sign_off);
    out += "</td></tr></tbody></table></section>";
  }
  out += "</article>";
  return out;
}

std::string render_html(const Document& d) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"it\"><head><meta charset=\"utf-8\">"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    "<title>" +
                    html_escape(d.title + " – " + d.ente) + "</title><style>";
  out += kCss;
  out += "</style></head><body>\n";
  out += render_html_fragment(d);
  out += "\n</body></html>\n";
  return out;
}

Result<void> write_html(const Document& d, const std::string& path) {
  const std::string html = render_html(d);
  return io::write_file_atomically(path, html);
}

} // namespace traguardi::report
