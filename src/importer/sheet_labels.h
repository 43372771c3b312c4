// The labels of the legacy sheets: section headings and column-label lines.
//
// Headings are recognised only as whole lines (seed-spec §4 Q20), case-insensitively, with the
// printed typos accepted (Q21). Column-label lines ("Descrizione Tipo Valore Atteso ...") are
// recognised by vocabulary, so a label line that another extractor wraps or glues differently
// is still skipped instead of being read as data.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/model.h"
#include "importer/text_lines.h"

namespace traguardi::importer {

enum class Heading {
  none,
  collegato,        // "Collegato a" (or "Tipo di Obiettivo X Collegato a")
  finalita,         // "Finalità"
  strategico,       // "OBIETTIVO STRATEGICO:"
  operativo,        // "OBIETTIVO OPERATIVO:"
  modalita,         // "Modalità di Attuazione"
  stato_attuazione, // "STATO DI ATTUAZIONE" [AL 31 DICEMBRE]
  gantt,            // "GANTT"
  strutture,        // "Strutture coinvolte"
  soggetti,         // "Soggetti coinvolti"
  stato,            // "Stato"
  fasi,             // "FASI", "FASI - ATTIVITA'"
  fase,             // "FASE"
  indicatori,       // "INDICATORI"
  dati_calcolati,   // "DATI CALCOLATI" (traguardi's own sheets: figures it computes itself)
  tipo_obiettivo,   // "Tipo di Obiettivo Gestionale" with "Collegato a" on a line of its own
};

/// The heading a whole (normalised) line is, if any. `rest` receives text printed after a
/// heading that carries a value on the same line ("OBIETTIVO OPERATIVO: text", "Tipo di
/// Obiettivo Gestionale Collegato a" -> "Gestionale").
Heading classify_heading(std::string_view line, std::string_view* rest = nullptr);

/// classify_heading(line.text), taken from the line when a previous stage stored it.
inline Heading heading_of(const Line& line) {
  return line.heading >= 0 ? static_cast<Heading>(line.heading) : classify_heading(line.text);
}

/// A running page header or footer line ("... Pagina 3 di 36"): page furniture, not content.
bool is_page_furniture(std::string_view line);

/// The level a link names ("MANDATO", "PEG", any case), or nullopt.
std::optional<Level> level_named(std::string_view word);

/// The level of a line that opens with its label ("OBIETTIVO DI PEG …", any case), or nullopt.
std::optional<Level> level_label(std::string_view line);

/// True when every word of the line is a column or header label (any extractor's wrapping).
/// Answers are remembered per thread: the same label rows come back on every page.
bool is_label_line(std::string_view line);
/// Whether a line right after column labels still belongs to them: only label words and years,
/// one is enough ("Previsto", "2020": labels wrapped one cell per line by pdftotext -raw).
bool label_run_continues(std::string_view line);
/// Forgets the remembered answers; each import starts with none, so that its cost never
/// depends on what the thread parsed before.
void forget_label_lines();

/// Years printed in an indicator column-label line ("... Valore Raggiunto 2020 Valore Raggiunto
/// 2019 Note" -> {2020, 2019}); nullopt when the line has none.
std::optional<std::pair<int, int>> history_years(std::string_view line);

/// Whether the line is the page title of a sheet ("<ente> SCHEDA OBIETTIVI"); `title` gets the
/// report title and `ente` the text before it.
bool is_page_title(std::string_view line, std::string* title = nullptr,
                   std::string* ente = nullptr);

} // namespace traguardi::importer
