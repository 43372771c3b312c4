#include "importer/phase_rows.h"

#include <array>
#include <optional>

#include "core/date.h"
#include "importer/empty_cell.h"
#include "importer/phase_staircase.h"
#include "importer/phase_stream.h"
#include "importer/phase_values.h"
#include "importer/sheet_labels.h"
#include "importer/value_shapes.h"

namespace traguardi::importer {
namespace {

using namespace phase_values;

constexpr std::array<std::string_view, 18> kStarters{
    "SERVIZIO", "SERVIZI", "SERV.", "SETT.",   "SETTORE",   "AREA",
    "AREA-UO",  "UO",      "U.O.",  "CORPO",   "UNITA'",    "UNITÀ",
    "UFF.",     "UFFICIO", "STAFF", "POLIZIA", "DIREZIONE", "SEGRETERIA"};

struct OpenRow {
  ParsedPhase row;
  std::vector<Line> tail; // rest of the value line first, then the following lines (views)
  int value_line = 0;
};

// Splits the tail into responsabile, centro and note.
void split_tail(OpenRow& open, const CenterLookup& known, FindingSink& sink) {
  struct W {
    std::string_view text;
    int block;
    bool line_start;
  };
  // Scratch vectors kept per thread: one call per phase row.
  thread_local std::vector<W> words;
  thread_local std::vector<std::string_view> views, ws;
  words.clear();
  views.clear();
  int block = 0;
  for (const auto& l : open.tail) {
    if (l.blank()) {
      if (!words.empty() && words.back().block == block) ++block;
      continue;
    }
    split_words(l.text, ws);
    for (std::size_t i = 0; i < ws.size(); ++i) {
      words.push_back({ws[i], block, i == 0});
      views.push_back(ws[i]);
    }
  }

  std::size_t c = words.size(), c_len = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (std::size_t k = known ? known(views, i) : 0) {
      c = i;
      c_len = k;
      break;
    }
    if (is_center_starter(words[i].text)) {
      c = i;
      break;
    }
  }
  ParsedPhase& r = open.row;
  std::size_t note_from = 0;
  if (c == words.size()) {
    // No centre recognised: the first line's upper-case words are the responsabile.
    std::size_t i = 0;
    while (i < words.size() && words[i].block == 0 && is_upper_word(words[i].text))
      ++i;
    r.responsible_raw = join_words(views, 0, i);
    note_from = i;
    sink.warn(open.value_line, "centro_fase_mancante",
              "centro di responsabilità della fase non riconosciuto",
              "un nome di centro (SERVIZIO, SETT., AREA-UO, UO, CORPO, ...) dopo il responsabile",
              "fase importata senza centro");
  } else {
    r.responsible_raw = join_words(views, 0, c);
    std::size_t e = c;
    if (c_len) {
      e = c + c_len;
    } else {
      std::size_t name_length = utf8_length(words[c].text);
      e = c + 1;
      while (e < words.size() && words[e].block == words[c].block && is_upper_word(words[e].text) &&
             name_length + 1 + utf8_length(words[e].text) <= 30) {
        name_length += 1 + utf8_length(words[e].text);
        ++e;
      }
    }
    r.center_raw = join_words(views, c, e);
    note_from = e;
  }
  // The note: words of one block joined by spaces, blocks (paragraphs) by newlines.
  std::string note;
  int last_block = -1;
  bool in_paragraph = false;
  for (std::size_t i = note_from; i < words.size(); ++i) {
    if (words[i].block != last_block) {
      last_block = words[i].block;
      in_paragraph = false;
    }
    if (words[i].text.empty()) continue;
    if (in_paragraph)
      note += ' ';
    else if (!note.empty())
      note += '\n';
    note += words[i].text;
    in_paragraph = true;
  }
  r.phase.note = std::move(note);
}

void finish(OpenRow& open, std::optional<ActualDates> dates, int last_line,
            const CenterLookup& known, const std::string& document, FindingSink& sink,
            std::vector<ParsedPhase>& out) {
  if (!dates) {
    // Fallback for extractors that put a space before the dates: take the last line that ends
    // with one or two dates.
    for (std::size_t i = open.tail.size(); i-- > 1;) {
      if (open.tail[i].blank()) continue;
      thread_local std::vector<std::string_view> w;
      split_words(open.tail[i].text, w);
      if (auto d = closing_dates(w, true)) {
        dates = std::move(d);
        last_line = open.tail[i].number;
        open.tail[i].text = dates->prefix; // lives as long as `dates`, past split_tail
        open.tail[i].heading = -1;
        open.tail.resize(i + 1);
        sink.info(last_line, "date_effettive_staccate",
                  "date effettive separate dalla nota da uno spazio",
                  "le date effettive a inizio riga o attaccate alla nota",
                  "lette come date effettive della fase");
      }
      break;
    }
  } else if (!dates->prefix.empty()) {
    open.tail.push_back(Line{last_line, dates->prefix, false});
  }
  split_tail(open, known, sink);
  Phase& p = open.row.phase;
  if (dates) {
    p.actual_start = dates->start;
    p.actual_end = dates->end;
    if (!dates->end)
      sink.info(last_line, "fine_effettiva_mancante", "fase senza data di fine effettiva",
                "due date effettive", "fine effettiva lasciata vuota");
  } else {
    sink.warn(open.value_line, "date_effettive_mancanti", "fase senza riga delle date effettive",
              "una riga con inizio e fine effettivi", "date effettive lasciate vuote");
  }
  p.source = Provenance{document, p.source.line_from, last_line};
  out.push_back(std::move(open.row));
}

} // namespace

bool is_center_starter(std::string_view word) {
  for (auto s : kStarters)
    if (word == s) return true;
  return false;
}

std::vector<ParsedPhase> parse_phases(const std::vector<Line>& printed, const CenterLookup& known,
                                      const std::string& document, FindingSink& sink) {
  // pdftotext's staircase order put back row by row first (phase_staircase.h).
  const auto rows = phase_rows_from_staircase(printed);
  if (rows)
    sink.info(printed.front().number, "fasi_a_scala", "tabella FASI stampata a scala",
              "le celle di ogni fase in ordine di riga",
              "celle riassegnate alle fasi per colonna e forma");
  const std::vector<Line>& section = rows ? *rows : printed;
  // One cell per line (traguardi's own table through mutool): value runs joined first.
  TextArena joined_text;
  std::vector<Line> joined;
  const bool per_line = phase_cells_per_line(section);
  if (per_line) {
    joined = phase_lines_from_cells(section, joined_text);
    sink.info(section.front().number, "fasi_una_cella_per_riga",
              "tabella FASI stampata una cella per riga",
              "peso, avanzamento e date previste su una riga",
              "valori consecutivi riuniti in una riga per forma (numeri, date)");
  }
  const std::vector<Line>& lines = per_line ? joined : section;
  std::vector<ParsedPhase> out;
  std::vector<Line> pending; // description lines (and stray lines) of the next row
  std::optional<OpenRow> open;
  int last_line = 0;
  TextArena arena; // value lines joined with their wrapped continuation
  std::vector<std::string_view> words, next;
  std::optional<ValueCluster> cluster;
  auto flush_pending = [&](const char* why) {
    for (const auto& l : pending)
      if (!l.blank())
        sink.warn(l.number, "riga_fase_ignorata", std::string("riga non interpretata ") + why,
                  "descrizione seguita dalla riga con peso, avanzamento e date", "riga ignorata");
    pending.clear();
  };
  bool after_labels = false; // the previous non-blank line was a column-label line
  for (std::size_t li = 0; li < lines.size(); ++li) {
    Line line = lines[li];
    // A value line wrapped by the extractor right after its planned start: the rest of the
    // cells (end date, responsabile, centro) continue on the next line.
    bool have_words = false; // words and cluster already describe line.text
    if (!line.blank() && li + 1 < lines.size() && !lines[li + 1].blank()) {
      split_words(line.text, words);
      cluster = find_cluster(words);
      have_words = true;
      auto value_cell = [](std::string_view t) { return cell_date(t) || cell_number(t); };
      bool complete = cluster && cluster->dates.size() == 2 && cluster->numbers.size() == 2;
      if (!complete && !words.empty() && value_cell(words.back())) {
        split_words(lines[li + 1].text, next);
        if (!next.empty() && value_cell(next[0])) {
          std::string joined(line.text);
          joined += ' ';
          joined += lines[li + 1].text;
          arena.push_back(std::move(joined));
          line.text = arena.back();
          line.heading = -1; // new text
          have_words = false;
          ++li;
        }
      }
    }
    if (line.blank() || line.page_break) {
      if (open) open->tail.push_back(Line{line.number, "", false});
      continue;
    }
    last_line = line.number;
    Heading h = heading_of(line);
    if (h == Heading::fase || h == Heading::fasi) {
      if (open) {
        finish(*open, std::nullopt, last_line, known, document, sink, out);
        open.reset();
      }
      if (h == Heading::fase) flush_pending("prima di FASE");
      continue;
    }
    if (is_label_line(line.text) || (after_labels && label_run_continues(line.text))) {
      after_labels = true;
      continue;
    }
    after_labels = false;
    if (!have_words) {
      split_words(line.text, words);
      cluster = find_cluster(words);
    }
    if (open) {
      if (!cluster) {
        if (auto d = closing_dates(words, false)) { // words: split from line.text above
          finish(*open, d, line.number, known, document, sink, out);
          open.reset();
        } else if (!words.empty() && damaged_value(words.front())) {
          sink.warn(line.number, "fase_illeggibile",
                    "data «" + std::string(words.front()) + "» non leggibile nella riga della fase",
                    "date gg/mm/aaaa esistenti", "fase importata senza le date effettive");
          open->tail.push_back(line);
        } else {
          open->tail.push_back(line);
        }
        continue;
      }
      finish(*open, std::nullopt, last_line, known, document, sink, out);
      open.reset();
    }
    if (!cluster) {
      pending.push_back(line);
      continue;
    }
    OpenRow row;
    row.value_line = line.number;
    Phase& p = row.row.phase;
    p.order = static_cast<int>(out.size()) + 1;
    std::string desc;
    desc.reserve(256); // description lines and the prefix: one allocation
    int first = line.number;
    for (const auto& l : pending) {
      if (l.blank()) continue;
      if (!desc.empty()) desc += ' ';
      desc += l.text;
      first = std::min(first, l.number);
    }
    std::string_view prefix = words_span(words, 0, cluster->begin);
    if (!prefix.empty()) {
      if (!desc.empty()) desc += ' ';
      desc += prefix;
    }
    pending.clear();
    p.description = desc;
    if (desc.empty())
      sink.warn(line.number, "fase_senza_descrizione", "fase senza descrizione",
                "righe di descrizione prima dei valori", "fase importata con descrizione vuota");
    p.weight = cluster->numbers[0];
    if (cluster->numbers.size() > 1)
      p.progress = cluster->numbers[1];
    else
      sink.info(line.number, "avanzamento_mancante", "fase con un solo numero prima delle date",
                "peso e avanzamento", "numero letto come peso, avanzamento non rilevato");
    p.planned_start = cluster->dates[0];
    if (cluster->dates.size() > 1)
      p.planned_end = cluster->dates[1];
    else
      sink.info(line.number, "fine_prevista_mancante", "fase con una sola data prevista",
                "inizio e fine previsti", "data letta come inizio previsto");
    p.source.line_from = first;
    for (auto w : words)
      if (damaged_value(w)) {
        sink.warn(line.number, "fase_illeggibile",
                  "valore «" + std::string(w) + "» non leggibile nella riga della fase",
                  "numeri come 30,00 e date gg/mm/aaaa esistenti",
                  "fase importata senza quel valore: peso, avanzamento e date possono essere "
                  "sbagliati");
        break;
      }
    // The whole row on its value line (pdftotext -raw with short cells): responsabile, centre
    // and the actual dates after the planned ones close the row at once.
    std::vector<std::string_view> rest(words.begin() + static_cast<long>(cluster->end),
                                       words.end());
    if (rest.size() >= 3 && cell_date(rest.back()))
      if (auto d = closing_dates(rest, true); d && d->end && !d->prefix.empty()) {
        finish(row, d, line.number, known, document, sink, out);
        continue;
      }
    row.tail.push_back(Line{line.number, words_span(words, cluster->end, words.size()), false});
    open = std::move(row);
  }
  if (open) finish(*open, std::nullopt, last_line, known, document, sink, out);
  flush_pending("in fondo alla sezione FASI");
  return out;
}

} // namespace traguardi::importer
