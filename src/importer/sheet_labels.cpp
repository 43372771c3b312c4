#include "importer/sheet_labels.h"

#include <array>
#include <functional>
#include <unordered_map>

#include "importer/value_shapes.h"

namespace traguardi::importer {
namespace {

bool is_heading_text(std::string_view l, std::initializer_list<std::string_view> forms) {
  for (auto f : forms)
    if (iequals(l, f)) return true;
  return false;
}

// Words that make up the column labels and objective-header labels of the three templates.
constexpr std::array<std::string_view, 35> kLabelWords{
    "descrizione",    "tipo",          "valore",          "atteso",       "raggiunto", "note",
    "peso",           "avanz.",        "avanzamento",     "inizio",       "previsto",  "fine",
    "prevista",       "effettivo",     "effettiva",       "responsabile", "centro",    "di",
    "responsabilità", "responsabiltà", "responsabilita'", "obiettivo",    "programma", "peg",
    "assessorato",    "area",          "tematica",        "direzione",    "direttore", "relazione",
    "competenza",     "data",          "nominativo",      "impegno",      "deleghe"};

// Equality with a lower-case label word, folding ASCII capitals and the accented capitals seen
// in labels (À = C3 80 -> à = C3 A0) without building the lower-case copy.
bool equals_lowered(std::string_view w, std::string_view label) {
  if (w.size() != label.size()) return false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c >= 'A' && c <= 'Z')
      c = static_cast<unsigned char>(c + 32);
    else if (i > 0 && static_cast<unsigned char>(w[i - 1]) == 0xC3 && c >= 0x80 && c <= 0x9E)
      c = static_cast<unsigned char>(c + 0x20);
    if (c != static_cast<unsigned char>(label[i])) return false;
  }
  return true;
}

bool is_year(std::string_view w) {
  return w.size() == 4 && (w[0] == '1' || w[0] == '2') &&
         w.find_first_not_of("0123456789") == std::string_view::npos;
}

} // namespace

Heading classify_heading(std::string_view l, std::string_view* rest) {
  if (l.empty()) return Heading::none;
  char first = l[0];
  if (first >= 'A' && first <= 'Z') first = static_cast<char>(first + 32);
  // Whole-line headings are at most 34 bytes; only "Tipo di Obiettivo ... Collegato a" and
  // "OBIETTIVO ...: text" run longer. Each heading is tried only for its first letter.
  if (l.size() > 34 && first != 't' && first != 'o') return Heading::none;
  switch (first) {
  case 'c':
    if (iequals(l, "Collegato a")) return Heading::collegato;
    break;
  case 't':
    if (istarts_with(l, "Tipo di Obiettivo") && iends_with(l, "Collegato a")) {
      if (rest) {
        std::string_view mid = l.substr(17, l.size() - 17 - 11);
        while (!mid.empty() && mid.front() == ' ')
          mid.remove_prefix(1);
        while (!mid.empty() && mid.back() == ' ')
          mid.remove_suffix(1);
        *rest = mid;
      }
      return Heading::collegato;
    }
    if (istarts_with(l, "Tipo di Obiettivo ")) {
      if (rest) {
        std::string_view r = l.substr(18);
        while (!r.empty() && r.front() == ' ')
          r.remove_prefix(1);
        *rest = r;
      }
      return Heading::tipo_obiettivo;
    }
    break;
  case 'f':
    if (is_heading_text(l, {"Finalità", "Finalita'", "Finalita", "FINALITÀ"}))
      return Heading::finalita;
    if (is_heading_text(l, {"FASI", "FASI - ATTIVITA'", "FASI - ATTIVITA’", "FASI - ATTIVITÀ",
                            "FASI-ATTIVITA'"}))
      return Heading::fasi;
    if (iequals(l, "FASE")) return Heading::fase;
    break;
  case 'o':
    for (auto [label, h] :
         {std::pair{std::string_view("OBIETTIVO STRATEGICO:"), Heading::strategico},
          std::pair{std::string_view("OBIETTIVO OPERATIVO:"), Heading::operativo}}) {
      if (istarts_with(l, label)) {
        if (rest) {
          std::string_view r = l.substr(label.size());
          while (!r.empty() && r.front() == ' ')
            r.remove_prefix(1);
          *rest = r;
        }
        return h;
      }
    }
    break;
  case 'm':
    if (is_heading_text(l, {"Modalità di Attuazione", "Modalita' di Attuazione"}))
      return Heading::modalita;
    break;
  case 's':
    if (is_heading_text(l, {"STATO DI ATTUAZIONE", "STATO DI ATTUAZIONE AL 31 DICEMBRE"}))
      return Heading::stato_attuazione;
    if (iequals(l, "Strutture coinvolte")) return Heading::strutture;
    if (iequals(l, "Soggetti coinvolti")) return Heading::soggetti;
    if (iequals(l, "Stato") || iequals(l, "Stato:")) return Heading::stato;
    break;
  case 'g':
    if (iequals(l, "GANTT")) return Heading::gantt;
    break;
  case 'i':
    if (iequals(l, "INDICATORI")) return Heading::indicatori;
    break;
  case 'd':
    if (iequals(l, "DATI CALCOLATI")) return Heading::dati_calcolati;
    break;
  default:
    break;
  }
  return Heading::none;
}

namespace {

// Splits words glued by an extractor at a lower-to-upper case change ("NoteInizio").
void split_camel(std::string_view line, std::vector<std::string_view>& out) {
  out.clear();
  std::size_t i0 = 0;
  while (i0 < line.size()) {
    while (i0 < line.size() && line[i0] == ' ')
      ++i0;
    std::size_t j0 = i0;
    while (j0 < line.size() && line[j0] != ' ')
      ++j0;
    std::string_view w = line.substr(i0, j0 - i0);
    i0 = j0;
    if (w.empty()) continue;
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
}

} // namespace

static bool is_label_word(std::string_view w) {
  if (is_year(w)) return true;
  // Label words by byte length and first letter (all ASCII), so that a word is compared with
  // one or two candidates at most.
  static const auto table = [] {
    std::array<std::array<std::vector<std::string_view>, 26>, 17> t;
    for (auto k : kLabelWords)
      t[k.size()][static_cast<std::size_t>(k[0] - 'a')].push_back(k);
    return t;
  }();
  if (w.empty() || w.size() >= table.size()) return false;
  char first = w[0];
  if (first >= 'A' && first <= 'Z') first = static_cast<char>(first + 32);
  if (first < 'a' || first > 'z') return false;
  for (auto k : table[w.size()][static_cast<std::size_t>(first - 'a')])
    if (equals_lowered(w, k)) return true;
  return false;
}

namespace {

struct ViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

bool label_words_only(std::string_view line, int min_words = 2);

using LabelMemo = std::unordered_map<std::string, bool, ViewHash, std::equal_to<>>;

LabelMemo& label_line_memo() {
  thread_local LabelMemo memo;
  return memo;
}

} // namespace

bool label_run_continues(std::string_view line) {
  return !line.empty() && label_words_only(line, 1);
}

void forget_label_lines() {
  label_line_memo().clear();
}

bool is_label_line(std::string_view line) {
  // Cheap rejection: the first word (up to a case change) must already be a label word.
  std::size_t end = 0;
  while (end < line.size() && line[end] != ' ' &&
         !(end > 0 && line[end - 1] >= 'a' && line[end - 1] <= 'z' && line[end] >= 'A' &&
           line[end] <= 'Z'))
    ++end;
  if (end == 0 || end > 16 || !is_label_word(line.substr(0, end))) return false;
  // The same column-label rows come back on every page and are asked about by several stages:
  // remember the answers (a pure function of the text; bounded, per thread).
  auto& seen = label_line_memo();
  if (auto it = seen.find(line); it != seen.end()) return it->second;
  if (seen.size() >= 4096) seen.clear();
  bool result = label_words_only(line);
  seen.emplace(std::string(line), result);
  return result;
}

namespace {

bool label_words_only(std::string_view line, int min_words) {
  // Word by word (split as split_camel does), stopping at the first other word.
  int label_words = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ')
      ++i;
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ')
      ++j;
    std::string_view w = line.substr(i, j - i);
    i = j;
    std::size_t start = 0;
    for (std::size_t k = 1; k <= w.size(); ++k) {
      bool cut = k == w.size();
      if (!cut) {
        bool lower_before =
            (w[k - 1] >= 'a' && w[k - 1] <= 'z') || static_cast<unsigned char>(w[k - 1]) >= 0x80;
        cut = lower_before && w[k] >= 'A' && w[k] <= 'Z';
      }
      if (!cut) continue;
      std::string_view piece = w.substr(start, k - start);
      if (!is_label_word(piece)) return false;
      if (!is_year(piece)) ++label_words;
      start = k;
    }
  }
  // One generic word alone ("Note", "Descrizione") could be a data line; demand two.
  return label_words >= min_words;
}

} // namespace

std::optional<std::pair<int, int>> history_years(std::string_view line) {
  thread_local std::vector<std::string_view> words;
  split_camel(line, words);
  std::vector<int> years;
  years.reserve(4);
  for (std::size_t i = 1; i < words.size(); ++i)
    if (is_year(words[i]) && iequals(words[i - 1], "Raggiunto"))
      years.push_back(std::stoi(std::string(words[i])));
  if (years.size() < 2) return std::nullopt;
  return std::pair{years[0], years[1]};
}

std::optional<Level> level_named(std::string_view word) {
  if (iequals(word, "MANDATO")) return Level::mandato;
  if (iequals(word, "MISSIONE")) return Level::missione;
  if (iequals(word, "PROGRAMMA")) return Level::programma;
  if (iequals(word, "PEG")) return Level::peg;
  return std::nullopt;
}

std::optional<Level> level_label(std::string_view line) {
  constexpr std::string_view kLabel = "OBIETTIVO DI ";
  if (line.empty() || (line[0] != 'O' && line[0] != 'o') || !istarts_with(line, kLabel))
    return std::nullopt;
  for (std::string_view word : {"MANDATO", "MISSIONE", "PROGRAMMA", "PEG"})
    if (istarts_with(line.substr(kLabel.size()), word)) return level_named(word);
  return std::nullopt;
}

bool is_page_furniture(std::string_view line) {
  // Both kinds end in a digit, and nearly every other line stops here, before any search.
  if (line.empty() || line.back() < '0' || line.back() > '9') return false;
  // "<ente> – SCHEDA OBIETTIVI – Data elaborazione gg/mm/aaaa", the page number wrapped away.
  if (line.find("\xE2\x80\x93 SCHEDA ") != std::string_view::npos &&
      line.find("\xE2\x80\x93 Data elaborazione ") != std::string_view::npos)
    return true;
  // "Pagina N di M" closes the line; the digits are checked last.
  auto at = line.rfind("Pagina ");
  if (at == std::string_view::npos || (at > 0 && line[at - 1] != ' ')) return false;
  auto w = split_words(line.substr(at));
  auto digits = [](std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
  };
  return w.size() == 4 && digits(w[1]) && w[2] == "di" && digits(w[3]);
}

bool is_page_title(std::string_view line, std::string* title, std::string* ente) {
  // Both titles end in 'E' or 'I'; nearly every other line stops here.
  if (line.empty() || (line.back() != 'E' && line.back() != 'I')) return false;
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
