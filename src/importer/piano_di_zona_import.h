// Import of a Piano di Zona text (seed-spec §2.23, §3.5, §4.8) into one ambito Dataset.
//
// Public entry point of the district importer: member comuni with the capofila, governance
// bodies, the evaluation of the previous plan, the macro areas with macro-obiettivi and actions,
// the annual strategic objectives, every territorial statistics table value by value and the
// district figures printed in the narrative. Like the sheet importer it knows nothing of
// storage and reports what it could not read as findings with file:line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/model.h"
#include "importer/findings.h"

namespace traguardi::importer {

struct ImportedDistrict {
  Dataset ambito; // ente of kind ambito, its PdZ vista, district plan and statistics
  std::vector<ImportFinding> findings;
};

/// Parses the text; fails with one Italian sentence when it is not a Piano di Zona.
Result<ImportedDistrict> parse_piano_di_zona(std::string_view text, const std::string& name);
/// Reads a text file (a PDF is converted first) and parses it.
Result<ImportedDistrict> import_piano_di_zona_file(const std::string& path);

} // namespace traguardi::importer
