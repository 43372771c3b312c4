#include "sheet_compare.h"

#include <fmt/format.h>

#include "core/italian.h"

using namespace traguardi;
using traguardi::importer::ImportedSheet;

namespace sheetcmp {
namespace {

// White space collapsed and typographic quotes folded: PDF tools print the legacy ASCII
// apostrophe as U+2019, and re-wrap text at will.
std::string canon(std::string_view s) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(s[i + 2]);
      if (d == 0x98 || d == 0x99)
        c = '\'', i += 2;
      else if (d == 0x9C || d == 0x9D)
        c = '"', i += 2;
    }
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

// Free text up to white space (issue 9): the legacy PDFs of ../shared/extractions were printed
// with enscript in Latin-1, which wraps long lines inside words and has no "€" or "–" (printed
// as "EUR" and "-"); no reader of the PDF can undo that, so the comparison folds them. A dash
// standing alone between spaces is left out too: pdftotext's default mode deletes the one that
// ends a printed line ("13/10 -" + "delibera" -> "13/10 delibera"). docx2txt writes "€" as
// the word "Euro" (before a figure): folded the same way.
bool euro_figure(const std::string& c, std::size_t at) {
  if (at < c.size() && c[at] == ' ') ++at;
  return at < c.size() && c[at] >= '0' && c[at] <= '9';
}

std::string prose(std::string_view s) {
  std::string c = canon(s), out;
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (c[i] == ' ') continue;
    const std::size_t dash = c[i] == '-' ? 1 : c.compare(i, 3, "\xE2\x80\x93") == 0 ? 3 : 0;
    if (dash && (i == 0 || c[i - 1] == ' ') && (i + dash == c.size() || c[i + dash] == ' ')) {
      i += dash - 1;
      continue;
    }
    if (c.compare(i, 3, "\xE2\x82\xAC") == 0) {
      out += "EUR", i += 2;
    } else if (c.compare(i, 4, "Euro") == 0 && euro_figure(c, i + 4)) {
      out += "EUR", i += 3;
    } else if (c.compare(i, 3, "\xE2\x80\x93") == 0) {
      out += '-', i += 2;
    } else {
      out += c[i];
    }
  }
  return out;
}

std::string num(const std::optional<Decimal>& d) {
  return d ? italian::format_number(*d) : "";
}
std::string day(const std::optional<Date>& d) {
  return d ? italian::format_date(*d) : "";
}

void objective_fields(const Objective& o, std::map<std::string, std::string>& m) {
  const std::string at = "obiettivo " + o.code + " / ";
  m[at + "livello"] = to_string(o.level);
  m[at + "descrizione"] = prose(o.description);
  m[at + "responsabile"] = o.responsible;
  m[at + "cdr"] = o.center;
  m[at + "collegato a"] = o.parent;
  m[at + "tipo"] = canon(o.objective_type);
  m[at + "area"] = o.area ? std::to_string(*o.area) : "";
  m[at + "assessorato"] = o.assessorato;
  m[at + "stato"] = canon(o.state);
  m[at + "finalità strategica"] = prose(o.strategic_purpose);
  m[at + "finalità operativa"] = prose(o.operational_purpose);
  m[at + "modalità"] = prose(o.implementation);
  m[at + "stati di attuazione"] = std::to_string(o.status.size());
  for (std::size_t i = 0; i < o.status.size(); ++i)
    m[at + fmt::format("stato di attuazione {}", i + 1)] = fmt::format(
        "{} {} {}", o.status[i].year.value_or(0), day(o.status[i].as_of), prose(o.status[i].text));
  m[at + "fasi"] = std::to_string(o.phases.size());
  for (const auto& p : o.phases) {
    const std::string f = at + fmt::format("fase {} / ", p.order);
    m[f + "descrizione"] = prose(p.description);
    m[f + "peso"] = num(p.weight);
    m[f + "avanzamento"] = num(p.progress);
    m[f + "date"] = day(p.planned_start) + " " + day(p.planned_end) + " " + day(p.actual_start) +
                    " " + day(p.actual_end);
    m[f + "responsabile"] = p.responsible;
    m[f + "cdr"] = p.center;
    m[f + "note"] = prose(p.note);
  }
  m[at + "indicatori"] = std::to_string(o.indicators.size());
  for (const auto& x : o.indicators) {
    const std::string f = at + fmt::format("indicatore {} / ", x.order);
    m[f + "descrizione"] = prose(x.description);
    m[f + "tipo"] = to_string(x.type);
    m[f + "anno"] = x.reference_year ? std::to_string(*x.reference_year) : "";
    m[f + "valori"] = num(x.target) + " / " + num(x.actual);
    std::string h;
    for (const auto& v : x.history)
      h += fmt::format("{}:{} ", v.year, num(v.value));
    m[f + "storico"] = h;
    m[f + "note"] = prose(x.note);
  }
}

} // namespace

std::map<std::string, std::string> flatten(const ImportedSheet& s) {
  std::map<std::string, std::string> m;
  m["scheda / tipo"] = s.document.kind;
  m["scheda / data elaborazione"] = day(s.document.produced);
  m["scheda / vista"] = s.document.vista;
  m["scheda / livello"] = s.document.level;
  m["scheda / filtro"] = canon(s.document.filter_label) + " = " + canon(s.document.filter_value);
  m["scheda / ente"] = canon(s.ente_name);
  m["scheda / obiettivi"] = std::to_string(s.objectives.size());
  for (const auto& o : s.objectives)
    objective_fields(o, m);
  for (const auto& a : s.ancestors)
    m["collegato " + a.code] = canon(a.short_description);
  return m;
}

Agreement agree(const ImportedSheet& reference, const ImportedSheet& candidate) {
  Agreement a;
  a.objectives = static_cast<int>(candidate.objectives.size());
  a.phases = candidate.phase_count();
  a.indicators = candidate.indicator_count();
  auto want = flatten(reference);
  auto got = flatten(candidate);
  for (const auto& [where, value] : want) {
    ++a.fields;
    auto it = got.find(where);
    std::string seen = it == got.end() ? "(assente)" : it->second;
    if (seen == value) {
      ++a.equal;
    } else if (a.differences.size() < 20) {
      // Long texts: from a little before the first difference.
      std::size_t at = 0;
      while (at < value.size() && at < seen.size() && value[at] == seen[at])
        ++at;
      std::size_t from = at > 40 ? at - 40 : 0;
      while (from > 0 && (static_cast<unsigned char>(value[from]) & 0xC0) == 0x80)
        --from;
      a.differences.push_back(fmt::format("{}: atteso «{}», letto «{}»", where,
                                          value.substr(from, 100), seen.substr(from, 100)));
    }
  }
  return a;
}

} // namespace sheetcmp
