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
  c.level = level_label(c.level_text);
}

bool is_cover_label(std::string_view t) {
  if (t == "Vista" || t == "Livello" || t == "Data di riferimento") return true;
  for (auto label : kFilterLabels)
    if (t == label) return true;
  return false;
}

// Labels alone, one after the other ("Vista", "Livello", "Anno", ...), then as many values in
// the same order (pdfminer groups the cover's labels apart from its values): each label's line
// becomes "label value", so that the cover reads as printed side by side. Other lines are
// kept; the values' lines go.
std::vector<Line> pair_labels_first(const std::vector<Line>& lines, std::size_t from,
                                    std::size_t to, TextArena& arena) {
  std::vector<Line> out;
  for (std::size_t i = from; i < to;) {
    std::vector<std::size_t> labels, values;
    std::size_t k = i;
    for (; k < to && (lines[k].blank() || is_cover_label(lines[k].text)); ++k)
      if (!lines[k].blank()) labels.push_back(k);
    for (; k < to && values.size() < labels.size(); ++k)
      if (!lines[k].blank() && !is_page_furniture(lines[k].text)) values.push_back(k);
    if (labels.size() < 2 || values.size() < labels.size() ||
        is_cover_label(lines[values[0]].text)) {
      out.push_back(lines[i++]);
      continue;
    }
    for (std::size_t n = 0; n < labels.size(); ++n) {
      arena.push_back(std::string(lines[labels[n]].text) + " " +
                      std::string(lines[values[n]].text));
      out.push_back(Line{lines[labels[n]].number, arena.back()});
    }
    i = values.back() + 1;
  }
  return out;
}

} // namespace

void parse_cover(const std::vector<Line>& printed, std::size_t from, std::size_t to,
                 std::string_view ente_line, Cover& c, FindingSink& sink) {
  TextArena arena;
  const std::vector<Line> lines = pair_labels_first(printed, from, to, arena);
  from = 0;
  to = lines.size();
  bool after_level = false;
  for (std::size_t i = from; i < to; ++i) {
    std::string_view t = lines[i].text;
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
