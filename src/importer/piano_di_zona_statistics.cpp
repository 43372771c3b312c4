// Territorial statistics tables of a Piano di Zona (seed-spec §2.23.8, §4.8 Q49–Q55).
//
// Tables are identified by their title or header text, never by number (Q49). Each known table
// is described once below (measure, dimension, unit, reference date, printed or base); one
// generic reader turns the lines after the title into territory rows: labels resolved against
// the member comuni (short names "Bellinzago L.", "Cernusco SN"), wrapped labels joined (Q52),
// empty rows kept as missing values (Q54), mixed number formats read (Q53). A second table
// that repeats the same territories right after the first (the pie chart after Tabella 9) is
// read as the next group.
#include <cctype>
#include <optional>

#include <fmt/format.h>

#include "importer/piano_di_zona_parts.h"

namespace traguardi::importer::pdz {
namespace {

struct Column {
  const char* measure;
  const char* dimension;
  const char* reference;
};

struct TableSpec {
  const char* anchor; // start of the title or header line (folded comparison)
  const char* name;   // how the table is called in the store
  int group;          // 0 = the rows right after the anchor, 1 = the next run of rows
  const char* unit;
  StatOrigin origin;
  std::vector<Column> columns;
};

const std::vector<TableSpec>& catalogue() {
  static const std::vector<TableSpec> specs{
      {"Tabella 1 Popolazione per fasce",
       "Tabella 1",
       0,
       "persone",
       StatOrigin::base,
       {{"popolazione", "eta=0-3", "2018-12-31"},
        {"popolazione", "eta=4-14", "2018-12-31"},
        {"popolazione", "eta=15-18", "2018-12-31"},
        {"popolazione", "eta=19-25", "2018-12-31"},
        {"popolazione", "eta=26-64", "2018-12-31"},
        {"popolazione", "eta=65-85", "2018-12-31"},
        {"popolazione", "eta=86+", "2018-12-31"},
        {"popolazione", "", "2018-12-31"}}},
      {"Tabella 2 Indice di vecchiaia",
       "Tabella 2",
       0,
       "indice",
       StatOrigin::printed,
       {{"indice_vecchiaia", "", "2019-01-01"}}},
      {"Tabella 3: Indice di dipendenza strutturale",
       "Tabella 3",
       0,
       "indice",
       StatOrigin::printed,
       {{"indice_dipendenza_strutturale", "", "2019-01-01"}}},
      {"Tabella 5: Popolazione anziana over",
       "Tabella 5",
       0,
       "%",
       StatOrigin::printed,
       {{"quota_popolazione", "eta=80+", "2018"}}},
      {"Tabella 6: Popolazione straniera residente",
       "Tabella 6",
       0,
       "persone",
       StatOrigin::base,
       {{"stranieri", "", "2015-12-31"}, {"stranieri", "", "2018-12-31"}}},
      {"Tabella 7: Popolazione straniera residente per et",
       "Tabella 7",
       0,
       "persone",
       StatOrigin::base,
       {{"stranieri", "eta=0-14", "2019-01-01"}, {"stranieri", "eta=15-19", "2019-01-01"}}},
      {"INCIDENZA STRANIERI RESIDENTI PER ET",
       "Incidenza stranieri 0-19",
       0,
       "%",
       StatOrigin::printed,
       {{"incidenza_stranieri", "eta=0-14", "2019-01-01"},
        {"incidenza_stranieri", "eta=15-19", "2019-01-01"},
        {"incidenza_stranieri", "eta=0-19", "2019-01-01"}}},
      {"Tabella 8: Incidenza popolazione straniera",
       "Tabella 8",
       0,
       "%",
       StatOrigin::printed,
       {{"incidenza_stranieri", "", "2019-01-01"}}},
      {"Tabella 9: Numero famiglie",
       "Tabella 9",
       0,
       "famiglie",
       StatOrigin::base,
       {{"famiglie", "", "2018-12-31"}}},
      {"Tabella 9: Numero famiglie",
       "Grafico famiglie",
       1,
       "%",
       StatOrigin::printed,
       {{"quota_famiglie", "", "2018-12-31"}}},
      {"Popolazione residente per et",
       "Popolazione 0-19",
       0,
       "persone",
       StatOrigin::base,
       {{"popolazione", "eta=0-14", "2019-01-01"}, {"popolazione", "eta=15-19", "2019-01-01"}}},
      {"Tabella 11: Indice di natalit",
       "Tabella 11",
       0,
       "per mille",
       StatOrigin::printed,
       {{"indice_natalita", "", "2018"}}},
      {"Andamento popolazione",
       "Andamento natalità",
       0,
       "per mille",
       StatOrigin::printed,
       {{"indice_natalita", "", "2010"},
        {"indice_natalita", "", "2011"},
        {"indice_natalita", "", "2012"},
        {"indice_natalita", "", "2013"},
        {"indice_natalita", "", "2014"},
        {"indice_natalita", "", "2015"},
        {"indice_natalita", "", "2016"},
        {"indice_natalita", "", "2017"},
        {"indice_natalita", "", "2018"}}},
      {"Tabella 12: Indice di carico",
       "Tabella 12",
       0,
       "indice",
       StatOrigin::printed,
       {{"indice_carico_figli", "", "2019-01-01"}}},
      {"Tabella 18: Area disabilit",
       "Tabella 18",
       0,
       "persone",
       StatOrigin::base,
       {{"disabili", "eta=0-17", ""}, {"disabili", "eta=18+", ""}}},
      {"Tabella 15: tasso di occupazione",
       "Tabella 15",
       0,
       "%",
       StatOrigin::printed,
       {{"tasso_occupazione", "", ""}}},
      {"Tabella 17: Patrimonio abitativo",
       "Tabella 17",
       0,
       "alloggi",
       StatOrigin::base,
       {{"alloggi_pubblici", "", ""},
        {"alloggi_pubblici", "servizio=SAP", ""},
        {"alloggi_pubblici", "servizio=SAS", ""},
        {"alloggi_pubblici", "servizio=altro", ""}}},
      {"Comune Indice di vulnerabilit",
       "Indice di vulnerabilità",
       0,
       "indice",
       StatOrigin::printed,
       {{"indice_vulnerabilita", "", ""}}},
      {"Comune Reddito annuo medio",
       "Reddito medio",
       0,
       "euro",
       StatOrigin::base,
       {{"reddito_medio", "", "2016"}}},
  };
  return specs;
}

struct Row {
  std::string territory;
  std::vector<std::optional<Decimal>> values;
  std::vector<bool> decimal_point;
  int line = 0;
};

class TerritoryNames {
public:
  TerritoryNames(const std::vector<MemberComune>& comuni, std::string ambito)
      : comuni_(comuni), ambito_(std::move(ambito)) {}

  /// Canonical territory for a printed label, or empty when the label names none we know.
  std::string resolve(const std::string& label) const {
    std::string f = fold(label);
    while (!f.empty() && (f.back() == '.' || f.back() == ' '))
      f.pop_back();
    if (f.empty()) return {};
    if (f == "TOTALE") return ambito_;
    if (f == "LOMBARDIA" || f == "REGIONE LOMBARDIA" || f == "LOMB") return "Lombardia";
    if (f == "ITALIA") return "Italia";
    auto first = words(f).front();
    for (const auto& c : comuni_) {
      std::string n = fold(c.name);
      if (n == f || fold(c.short_name) == f || words(n).front() == first) return c.name;
    }
    return {};
  }

private:
  const std::vector<MemberComune>& comuni_;
  std::string ambito_;
};

/// Splits a line into its label words and its numbers; false when text follows numbers.
bool split_row(const std::string& text, std::string& label, std::vector<std::string>& numbers) {
  label.clear();
  numbers.clear();
  for (const auto& w : words(text)) {
    bool number = parse_document_number(w).has_value();
    if (number) {
      numbers.push_back(w);
    } else {
      if (!numbers.empty()) return false;
      label += (label.empty() ? "" : " ") + w;
    }
  }
  return true;
}

/// Runs of territory rows after `anchor`; a repeated territory starts the next run.
std::vector<std::vector<Row>> read_groups(const std::vector<TextLine>& lines, std::size_t anchor,
                                          const TerritoryNames& names) {
  std::vector<std::vector<Row>> groups(1);
  std::string pending;
  int pending_line = 0;
  auto started = [&] { return !groups.back().empty() || groups.size() > 1; };
  auto emit = [&](const std::string& label, const std::vector<std::string>& numbers, int line) {
    std::string t = names.resolve(label);
    if (t.empty()) {
      if (!started() || numbers.empty()) return;
      t = label; // a non-territory owner row ("ALER Milano")
    }
    for (const auto& r : groups.back())
      if (r.territory == t) {
        groups.emplace_back();
        break;
      }
    Row row{t, {}, {}, line};
    for (const auto& n : numbers) {
      bool point = false;
      row.values.push_back(parse_document_number(n, &point));
      row.decimal_point.push_back(point);
    }
    groups.back().push_back(std::move(row));
  };
  for (std::size_t i = anchor + 1; i < lines.size() && i < anchor + 90; ++i) {
    const TextLine& l = lines[i];
    if (l.blank() || is_page_footer(l)) continue;
    if (started() && l.text.size() > 70) break;
    std::string label;
    std::vector<std::string> numbers;
    if (!split_row(l.text, label, numbers)) {
      if (started()) break;
      continue;
    }
    if (numbers.empty()) {
      if (!pending.empty() && !names.resolve(pending).empty() && !names.resolve(label).empty()) {
        emit(pending, {}, pending_line); // a territory printed without values (Q54)
        pending.clear();
      }
      if (pending.empty()) pending_line = l.number;
      pending += (pending.empty() ? "" : " ") + label;
      if (pending.size() > 60) pending.clear(); // header text, not a wrapped label
      continue;
    }
    if (label.empty()) {
      if (!pending.empty()) emit(pending, numbers, pending_line);
      pending.clear();
      continue;
    }
    if (!pending.empty() && !names.resolve(pending).empty() &&
        names.resolve(pending) != names.resolve(label))
      emit(pending, {}, pending_line);
    pending.clear();
    emit(label, numbers, l.number);
  }
  return groups;
}

/// The footnote that gives a table's source: its number is glued to the title (Q51).
std::string footnote_source(const std::vector<TextLine>& lines, std::size_t anchor) {
  const std::string& title = lines[anchor].text;
  std::size_t d = title.size();
  while (d > 0 && std::isdigit(static_cast<unsigned char>(title[d - 1])))
    --d;
  std::string digits = title.substr(d);
  if (digits.empty()) return {};
  std::string best;
  std::size_t best_len = 0;
  for (std::size_t i = anchor + 1; i < lines.size() && i < anchor + 80; ++i) {
    const std::string& t = lines[i].text;
    std::size_t k = 0;
    while (k < t.size() && std::isdigit(static_cast<unsigned char>(t[k])))
      ++k;
    if (k == 0 || k >= t.size() || t[k] != ' ' || k > digits.size()) continue;
    std::string n = t.substr(0, k);
    if (digits.size() >= n.size() && digits.compare(digits.size() - n.size(), n.size(), n) == 0 &&
        n.size() > best_len) {
      best = t.substr(k + 1);
      best_len = n.size();
    }
  }
  return best;
}

} // namespace

std::vector<StatValue> parse_statistics(const std::vector<TextLine>& lines,
                                        const std::vector<MemberComune>& comuni,
                                        const std::string& ambito, const std::string& file,
                                        FindingSink& sink) {
  std::vector<StatValue> out;
  TerritoryNames names(comuni, ambito);
  // The tables live in the chapter on the territory, after the evaluation.
  std::size_t from = find_line(lines, "2.1 Analisi socio-demografica");
  if (from == lines.size()) from = 0;
  for (const auto& spec : catalogue()) {
    std::size_t anchor = find_line(lines, spec.anchor, from);
    if (anchor == lines.size()) {
      sink.warn(0, "pdz_tabella_assente", fmt::format("tabella «{}» non trovata", spec.name),
                fmt::format("una riga che inizia con «{}»", spec.anchor), "tabella non importata");
      continue;
    }
    auto groups = read_groups(lines, anchor, names);
    if (static_cast<std::size_t>(spec.group) >= groups.size() || groups[spec.group].empty()) {
      sink.warn(lines[anchor].number, "pdz_tabella_vuota",
                fmt::format("tabella «{}»: nessuna riga per territorio", spec.name),
                "righe «Comune valore …»", "tabella non importata");
      continue;
    }
    std::string source = footnote_source(lines, anchor);
    for (const auto& row : groups[spec.group]) {
      bool empty = row.values.empty();
      if (!empty && row.values.size() != spec.columns.size()) {
        sink.warn(
            row.line, "pdz_colonne",
            fmt::format("tabella «{}», {}: {} valori", spec.name, row.territory, row.values.size()),
            fmt::format("{} valori", spec.columns.size()), "riga non importata");
        continue;
      }
      if (empty)
        sink.info(row.line, "pdz_valore_mancante",
                  fmt::format("tabella «{}», {}: riga senza valori", spec.name, row.territory),
                  "un valore per colonna", "valori registrati come mancanti");
      for (std::size_t c = 0; c < spec.columns.size(); ++c) {
        const Column& col = spec.columns[c];
        StatValue v;
        v.table = spec.name;
        v.territory = row.territory;
        v.measure = col.measure;
        v.dimension = col.dimension;
        v.reference = col.reference;
        if (!empty) v.value = row.values[c];
        v.unit = spec.unit;
        v.source = source;
        // A district total printed by the document is the document's figure, not base data.
        v.origin = row.territory == ambito ? StatOrigin::printed : spec.origin;
        v.provenance = {file, row.line, row.line};
        if (!empty && row.decimal_point[c])
          sink.info(row.line, "pdz_punto_decimale",
                    fmt::format("tabella «{}», {}: numero con il punto decimale", spec.name,
                                row.territory),
                    "virgola decimale", "il punto letto come separatore decimale");
        out.push_back(std::move(v));
      }
    }
  }
  return out;
}

} // namespace traguardi::importer::pdz
