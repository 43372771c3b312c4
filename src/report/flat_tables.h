// The sheet as flat tables, for spreadsheets and CSV.
//
// A printed sheet repeats a FASI table per objective; a spreadsheet user wants one table of all
// fasi to filter and sort. This gathers the document into: "Parametri" (what was selected),
// "Obiettivi" (one row per objective header) and one table per kind of table (Fasi,
// Indicatori, Strutture coinvolte, Soggetti coinvolti, Dati calcolati) with the objective code
// as first column. XLSX writes one worksheet per flat table, CSV one block per flat table.
#pragma once

#include <string>
#include <vector>

#include "report/document.h"

namespace traguardi::report {

struct FlatTable {
  std::string name; // sheet name, at most 31 characters
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
};

std::vector<FlatTable> flatten(const Document& d);

} // namespace traguardi::report
