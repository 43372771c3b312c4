// The printable document: what a sheet says, independent of how it is drawn.
//
// Every report (SCHEDA OBIETTIVI, SCHEDA PEG DI RENDICONTAZIONE) is first built as this model
// from a Dataset and a selection (scheda_builder.h); the PDF, HTML, XLSX and CSV renderers only
// read it. Keeping the content in one place is what makes the four formats agree, and keeps every
// renderer away from the store. Cells carry the printed Italian text and, where the value is a
// number or a date, the exact value too, so a spreadsheet gets real numbers and dates.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/date.h"
#include "core/decimal.h"
#include "core/model.h"

namespace traguardi::report {

enum class ValueKind { text, number, percent, date };

struct Cell {
  std::string text; // as printed; empty means an empty cell
  std::optional<Decimal> number;
  std::optional<Date> date;

  static Cell of_text(std::string text);
  /// Italian "1.134,00"; an absent value gives an empty cell, never "0,00".
  static Cell of_number(const std::optional<Decimal>& value);
  /// "31/12/2021", or an empty cell.
  static Cell of_date(const std::optional<Date>& value);
  /// A value with the unit of its scale: "87,00 %", "€ 45.000,00", "1.134,00".
  static Cell of_scaled(const std::optional<Decimal>& value, Scale scale);
};

/// "87,00 %", "€ 45.000,00", "1.134,00": the printed form of a value on an indicator's scale.
std::string format_scaled(const Decimal& value, Scale scale);

struct Column {
  Column() = default;
  Column(std::string header, double width = 1, ValueKind kind = ValueKind::text,
         std::string sheet_header = {})
      : header(std::move(header)), width(width), kind(kind), sheet_header(std::move(sheet_header)) {
  }

  std::string header;
  double width = 1; // relative share of the table width
  ValueKind kind = ValueKind::text;
  /// Header when the tables of many objectives share one sheet and `header` names a year that
  /// differs between them ("Valore Raggiunto N-1"); empty = `header`.
  std::string sheet_header;
};

/// A table printed under a heading. `sheet` names the workbook sheet (and CSV block) that
/// gathers the tables of the same kind from every objective.
struct Table {
  std::string heading; // "FASI", "INDICATORI", ... (printed above, empty for none)
  std::string sheet;   // "Fasi", "Indicatori", ...
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  /// Legend printed under the table: the meaning of the marks used in its cells.
  std::vector<std::string> notes;
};

/// A section title inside an objective ("STATO DI ATTUAZIONE AL 31 DICEMBRE").
struct Heading {
  std::string text;
};

/// Running text. `lead` is printed in bold before the text ("OBIETTIVO STRATEGICO:").
/// Line breaks inside `text` are kept.
struct Paragraph {
  std::string lead;
  std::string text;
  bool lead_on_own_line = false;
};

struct GanttPhase {
  std::string label;
  std::optional<Date> planned_start, planned_end, actual_start, actual_end;
  std::optional<Decimal> progress; // avanzamento 0-100
};

/// GANTT of the fasi: planned and actual bars on a common time scale.
struct Gantt {
  std::vector<GanttPhase> phases;
  std::optional<Date> reference; // vertical line ("data di riferimento")
};

using Block = std::variant<Heading, Paragraph, Table, Gantt>;

/// One labelled cell of the objective header; `width` is the share of the header row.
struct HeaderField {
  std::string label;
  std::string value;
  double width = 1;
  /// Printed after the label when the value is not the whole story ("abbreviata ...");
  /// spreadsheets keep `label` alone as the column name.
  std::string mark = {};
};

/// The objective header block, repeated on every page the objective spans.
struct HeaderBlock {
  std::vector<std::vector<HeaderField>> rows;
};

/// One objective: its header and its body, in printed order.
struct Section {
  std::string code;
  HeaderBlock header;
  std::vector<Block> blocks;
  /// Narrative fields of the objective as single columns for the spreadsheet "Obiettivi" table
  /// (tipo, collegato a, stato di attuazione), which the printed sheet shows as paragraphs.
  std::vector<HeaderField> details;
};

/// A line of "Parametri selezionati".
struct Parameter {
  std::string label;
  std::string value;
};

/// The signatures an ente asks for at the end of a sheet (configurable per ente: an empty
/// label is not printed).
struct SignOff {
  std::string responsible = "Il Responsabile del Centro di Responsabilità";
  std::string control = "Visto del Controllo di gestione";
  std::string oiv = "Validazione dell'OIV / Nucleo di valutazione";
};

struct Document {
  std::string ente;                // denominazione, printed on every page
  std::string title;               // "SCHEDA OBIETTIVI"
  Date produced;                   // data elaborazione
  std::optional<Date> reference;   // data di riferimento of the reported period
  bool draft = false;              // "BOZZA" across every page
  std::optional<SignOff> sign_off; // printed at the end of every objective when set
  std::vector<Parameter> parameters;
  std::vector<Section> sections;
};

/// Every table of the document, with the section code it belongs to, in printed order.
struct TableRef {
  const Section* section;
  const Table* table;
};
std::vector<TableRef> all_tables(const Document& d);

} // namespace traguardi::report
