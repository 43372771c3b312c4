// Field-by-field comparison of two imports of the same sheet (issue 9's measure).
//
// An extraction of a sheet made by another tool must give the same objectives, fasi and
// indicators, with the same values and header fields, as the import of the source text. The
// census alone does not see a silently wrong header; this flattens both imports into
// "where = value" pairs (text compared up to white space) and lists the differences.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "importer/sheet_import.h"

namespace sheetcmp {

/// "objective 2021_S08_20 / fase 1 / peso" -> "100,00", every field the issue lists.
std::map<std::string, std::string> flatten(const traguardi::importer::ImportedSheet& s);

struct Agreement {
  int objectives = 0, phases = 0, indicators = 0; // census of the candidate
  int fields = 0;                                 // fields of the reference
  int equal = 0;                                  // of them, equal in the candidate
  std::vector<std::string> differences;           // "where: atteso «a», letto «b»" (first 20)
  bool full() const { return fields == equal; }
};

/// Compares `candidate` with `reference` (the import of the source text).
Agreement agree(const traguardi::importer::ImportedSheet& reference,
                const traguardi::importer::ImportedSheet& candidate);

} // namespace sheetcmp
