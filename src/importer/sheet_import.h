// Import of one legacy sheet (text or PDF) into model objects plus findings.
//
// This is the importer's public entry point (seed-spec §6.5 steps 1-7): normalise, detect,
// split pages, parse headers and sections, parse rows, resolve entities. It knows nothing of
// storage; src/app/sheet_merge applies the result onto a Dataset.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/model.h"
#include "importer/findings.h"

namespace traguardi::importer {

struct ImportedSheet {
  SourceDocument document;
  Vista vista;
  std::string ente_name;             // as printed in the page headers
  std::vector<Objective> objectives; // objectives with a sheet, in printed order
  std::vector<Objective> ancestors;  // objectives that appear only in "Collegato a"
  std::vector<ThematicArea> areas;
  std::vector<Assessorato> assessorati;
  std::vector<ResponsibilityCenter> centers;
  std::vector<Person> persons;
  std::vector<ImportFinding> findings;

  int phase_count() const;
  int indicator_count() const;
};

/// Parses extracted text. `name` is the file name used in provenance and findings. Fails with
/// one Italian sentence when the text is not a sheet.
Result<ImportedSheet> parse_sheet_text(std::string_view text, const std::string& name);

/// The bytes of a file: a PDF (by its %PDF magic) is converted with poppler first, the word
/// boxes of `pdftotext -tsv` are laid out again; anything else is read as text.
Result<ImportedSheet> import_sheet_bytes(std::string_view bytes, const std::string& name);

/// Reads a file and imports its bytes.
Result<ImportedSheet> import_sheet_file(const std::string& path);

/// Lower-case hex SHA-256 of the bytes.
std::string sha256_hex(std::string_view bytes);

} // namespace traguardi::importer
