#include "importer/sheet_labels.h"

#include <array>

#include "importer/value_shapes.h"

namespace traguardi::importer {
namespace {

bool is_heading_text(std::string_view l, std::initializer_list<std::string_view> forms) {
  for (auto f : forms)
    if (iequals(l, f)) return true;
  return false;
}

// Words that make up the column labels and objective-header labels of the three templates.
constexpr std::array<std::string_view, 34> kLabelWords{
    "descrizione",    "tipo",          "valore",          "atteso",       "raggiunto", "note",
    "peso",           "avanz.",        "avanzamento",     "inizio",       "previsto",  "fine",
    "prevista",       "effettivo",     "effettiva",       "responsabile", "centro",    "di",
    "responsabilità", "responsabiltà", "responsabilita'", "obiettivo",    "programma", "peg",
    "assessorato",    "area",          "tematica",        "direzione",    "direttore", "relazione",
    "competenza",     "data",          "nominativo",      "impegno"};

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  // Accented capitals seen in labels: À (C3 80) -> à (C3 A0).
  for (std::size_t i = 0; i + 1 < out.size(); ++i)
    if (static_cast<unsigned char>(out[i]) == 0xC3) {
      unsigned char n = static_cast<unsigned char>(out[i + 1]);
      if (n >= 0x80 && n <= 0x9E) out[i + 1] = static_cast<char>(n + 0x20);
    }
  return out;
}

bool is_year(std::string_view w) {
  return w.size() == 4 && (w[0] == '1' || w[0] == '2') &&
         w.find_first_not_of("0123456789") == std::string_view::npos;
}

} // namespace

Heading classify_heading(std::string_view l, std::string* rest) {
  if (l.empty()) return Heading::none;
  if (iequals(l, "Collegato a")) return Heading::collegato;
  if (istarts_with(l, "Tipo di Obiettivo") && iends_with(l, "Collegato a")) {
    if (rest) {
      std::string_view mid = l.substr(17, l.size() - 17 - 11);
      *rest = std::string(mid);
      while (!rest->empty() && rest->front() == ' ')
        rest->erase(0, 1);
      while (!rest->empty() && rest->back() == ' ')
        rest->pop_back();
    }
    return Heading::collegato;
  }
  if (is_heading_text(l, {"Finalità", "Finalita'", "Finalita", "FINALITÀ"}))
    return Heading::finalita;
  for (auto [label, h] :
       {std::pair{std::string_view("OBIETTIVO STRATEGICO:"), Heading::strategico},
        std::pair{std::string_view("OBIETTIVO OPERATIVO:"), Heading::operativo}}) {
    if (istarts_with(l, label)) {
      if (rest) {
        std::string_view r = l.substr(label.size());
        while (!r.empty() && r.front() == ' ')
          r.remove_prefix(1);
        *rest = std::string(r);
      }
      return h;
    }
  }
  if (is_heading_text(l, {"Modalità di Attuazione", "Modalita' di Attuazione"}))
    return Heading::modalita;
  if (is_heading_text(l, {"STATO DI ATTUAZIONE", "STATO DI ATTUAZIONE AL 31 DICEMBRE"}))
    return Heading::stato_attuazione;
  if (iequals(l, "GANTT")) return Heading::gantt;
  if (iequals(l, "Strutture coinvolte")) return Heading::strutture;
  if (iequals(l, "Soggetti coinvolti")) return Heading::soggetti;
  if (iequals(l, "Stato") || iequals(l, "Stato:")) return Heading::stato;
  if (is_heading_text(
          l, {"FASI", "FASI - ATTIVITA'", "FASI - ATTIVITA’", "FASI - ATTIVITÀ", "FASI-ATTIVITA'"}))
    return Heading::fasi;
  if (iequals(l, "FASE")) return Heading::fase;
  if (iequals(l, "INDICATORI")) return Heading::indicatori;
  return Heading::none;
}

namespace {

// Splits words glued by an extractor at a lower-to-upper case change ("NoteInizio").
std::vector<std::string_view> split_camel(std::string_view line) {
  std::vector<std::string_view> out;
  for (auto w : split_words(line)) {
    std::size_t start = 0;
    for (std::size_t i = 1; i < w.size(); ++i) {
      bool lower_before =
          (w[i - 1] >= 'a' && w[i - 1] <= 'z') || static_cast<unsigned char>(w[i - 1]) >= 0x80;
      if (lower_before && w[i] >= 'A' && w[i] <= 'Z') {
        out.push_back(w.substr(start, i - start));
        start = i;
      }
    }
    out.push_back(w.substr(start));
  }
  return out;
}

} // namespace

static bool is_label_word(std::string_view w) {
  std::string lw = ascii_lower(w);
  if (is_year(w)) return true;
  for (auto k : kLabelWords)
    if (lw == k) return true;
  return false;
}

bool is_label_line(std::string_view line) {
  // Cheap rejection: the first word (up to a case change) must already be a label word.
  std::size_t end = 0;
  while (end < line.size() && line[end] != ' ' &&
         !(end > 0 && line[end - 1] >= 'a' && line[end - 1] <= 'z' && line[end] >= 'A' &&
           line[end] <= 'Z'))
    ++end;
  if (end == 0 || end > 16 || !is_label_word(line.substr(0, end))) return false;
  auto words = split_camel(line);
  if (words.empty()) return false;
  int label_words = 0;
  for (auto w : words) {
    std::string lw = ascii_lower(w);
    bool known = is_year(w);
    for (auto k : kLabelWords)
      if (lw == k) known = true;
    if (!known) return false;
    if (!is_year(w)) ++label_words;
  }
  // One generic word alone ("Note", "Descrizione") could be a data line; demand two.
  return label_words >= 2;
}

std::optional<std::pair<int, int>> history_years(std::string_view line) {
  auto words = split_camel(line);
  std::vector<int> years;
  for (std::size_t i = 1; i < words.size(); ++i)
    if (is_year(words[i]) && iequals(words[i - 1], "Raggiunto"))
      years.push_back(std::stoi(std::string(words[i])));
  if (years.size() < 2) return std::nullopt;
  return std::pair{years[0], years[1]};
}

bool is_page_title(std::string_view line, std::string* title, std::string* ente) {
  for (std::string_view t :
       {std::string_view("SCHEDA PEG DI RENDICONTAZIONE"), std::string_view("SCHEDA OBIETTIVI")}) {
    if (line.size() >= t.size() && line.substr(line.size() - t.size()) == t &&
        (line.size() == t.size() || line[line.size() - t.size() - 1] == ' ')) {
      if (title) *title = std::string(t);
      if (ente) {
        std::string_view e = line.substr(0, line.size() - t.size());
        while (!e.empty() && e.back() == ' ')
          e.remove_suffix(1);
        *ente = std::string(e);
      }
      return true;
    }
  }
  return false;
}

} // namespace traguardi::importer
