// The cover of a sheet: date of production and the selection it was printed with.
#include "importer/sheet_cover.h"

#include <array>

#include "core/italian.h"
#include "importer/sheet_labels.h"
#include "importer/value_shapes.h"

namespace traguardi::importer {
namespace {

constexpr std::array<std::string_view, 8> kFilterLabels{"Centro di Responsabilità",
                                                        "Centro di responsabilita'",
                                                        "Descrizione sintetica",
                                                        "Assessorato",
                                                        "Area Tematica",
                                                        "Responsabile",
                                                        "Obiettivo",
                                                        "Anno"};

std::string_view after_prefix(std::string_view line, std::string_view prefix) {
  return trim_spaces(line.substr(prefix.size()));
}

std::optional<Level> level_from_label(std::string_view text) {
  if (istarts_with(text, "OBIETTIVO DI MANDATO")) return Level::mandato;
  if (istarts_with(text, "OBIETTIVO DI MISSIONE")) return Level::missione;
  if (istarts_with(text, "OBIETTIVO DI PROGRAMMA")) return Level::programma;
  if (istarts_with(text, "OBIETTIVO DI PEG")) return Level::peg;
  return std::nullopt;
}

// The value printed below a label that stands alone on its line ("Vista" / "DUP_2021_2023 ...");
// `i` moves to the value's line.
std::string_view value_below(const std::vector<Line>& lines, std::size_t& i, std::size_t to) {
  std::size_t k = i + 1;
  while (k < to && lines[k].blank())
    ++k;
  if (k >= to) return {};
  i = k;
  return lines[k].text;
}

void read_vista(std::string_view value, Cover& c) {
  auto words = split_words(value);
  if (!words.empty()) {
    c.vista_code = std::string(words[0]);
    c.vista_description = join_words(words, 1, words.size());
  }
}

void read_level(std::string_view value, Cover& c) {
  c.level_text = std::string(value);
  c.level = level_from_label(c.level_text);
}

// "Vista" and "Livello" alone, one after the other, then their two values in the same order
// (pdfminer groups the cover's labels apart from its values). Returns the line after the
// values; `i` when the cover is not printed so.
std::size_t cover_labels_first(const std::vector<Line>& lines, std::size_t i, std::size_t to,
                               Cover& c) {
  std::array<std::size_t, 4> at{};
  std::size_t k = i;
  for (auto& a : at) {
    while (k < to && lines[k].blank())
      ++k;
    if (k >= to) return i;
    a = k++;
  }
  if (lines[at[0]].text != "Vista" || lines[at[1]].text != "Livello" ||
      !level_from_label(lines[at[3]].text))
    return i;
  read_vista(lines[at[2]].text, c);
  read_level(lines[at[3]].text, c);
  return at[3] + 1;
}

} // namespace

void parse_cover(const std::vector<Line>& lines, std::size_t from, std::size_t to,
                 std::string_view ente_line, Cover& c, FindingSink& sink) {
  bool after_level = false;
  for (std::size_t i = from; i < to; ++i) {
    std::string_view t = lines[i].text;
    if (std::size_t after = cover_labels_first(lines, i, to, c); after != i) {
      after_level = true;
      i = after - 1;
      continue;
    }
    if (t.empty() || is_page_furniture(t) || t == ente_line) continue;
    if (istarts_with(t, "Data elaborazione")) {
      std::string_view rest = after_prefix(t, "Data elaborazione");
      for (auto w : split_words(rest))
        if (auto d = cell_date(w)) c.produced = d;
      c.produced_line = lines[i].number;
      if (!c.produced)
        sink.warn(lines[i].number, "data_elaborazione", "data di elaborazione illeggibile",
                  "una data gg/mm/aaaa", "documento senza data");
    } else if (istarts_with(t, "Parametri selezionati")) {
      continue;
    } else if (istarts_with(t, "Vista")) {
      std::string_view rest = after_prefix(t, "Vista");
      if (rest.empty()) rest = value_below(lines, i, to);
      read_vista(rest, c);
    } else if (istarts_with(t, "Livello")) {
      std::string_view rest = after_prefix(t, "Livello");
      if (rest.empty()) rest = value_below(lines, i, to);
      read_level(rest, c);
      after_level = true;
    } else if (after_level && c.filter_label.empty() && c.filter_value.empty()) {
      for (auto label : kFilterLabels)
        if (istarts_with(t, label)) {
          c.filter_label = std::string(t.substr(0, label.size()));
          std::string_view value = after_prefix(t, label);
          if (value.empty()) value = value_below(lines, i, to);
          c.filter_value = std::string(value);
          break;
        }
      if (c.filter_label.empty()) {
        c.filter_value = std::string(t);
        // A label alone with its value below ("Data di riferimento" / "31/12/2021").
        if (t.find_first_of("0123456789") == std::string_view::npos) {
          std::size_t k = i;
          std::string_view value = value_below(lines, k, to);
          if (!value.empty() && value[0] >= '0' && value[0] <= '9') {
            c.filter_value += ' ';
            c.filter_value += value;
            i = k;
          }
        }
        sink.info(lines[i].number, "filtro_sconosciuto", "parametro di selezione non riconosciuto",
                  "Centro di Responsabilità o Descrizione sintetica",
                  "testo conservato come valore del filtro");
      }
    } else {
      sink.info(lines[i].number, "copertina", "riga della copertina non interpretata",
                "un parametro selezionato", "riga ignorata");
    }
  }
}

} // namespace traguardi::importer
