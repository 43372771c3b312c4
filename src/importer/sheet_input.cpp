// Which text a sheet file's bytes become before the parser reads it.
//
// Users bring the PDF itself, pdftotext's word boxes (-tsv), traguardi's own sheet laid out by
// pdftotext -layout, or a text in UTF-8 or in the Windows-1252 of old office software. Each is
// turned into the one text the parser reads (sheet_import.cpp); the document's fingerprint is
// always that of the bytes as the user gave them.
#include <algorithm>
#include <filesystem>

#include "core/error.h"
#include "core/utf8.h"
#include "importer/file_bytes.h"
#include "importer/layout_boxes.h"
#include "importer/pdf_text.h"
#include "importer/sheet_import.h"
#include "importer/tsv_words.h"

namespace traguardi::importer {

int ImportedSheet::phase_count() const {
  int n = 0;
  for (const auto& o : objectives)
    n += static_cast<int>(o.phases.size());
  return n;
}

int ImportedSheet::indicator_count() const {
  int n = 0;
  for (const auto& o : objectives)
    n += static_cast<int>(o.indicators.size());
  return n;
}

Result<ImportedSheet> import_sheet_bytes(std::string_view bytes, const std::string& name) {
  std::optional<std::string> text;
  if (bytes.starts_with("%PDF")) {
    auto pdf = pdf_to_text(bytes, name);
    if (!pdf) return tl::unexpected(pdf.error());
    text = std::move(*pdf);
  } else if (is_word_box_tsv(bytes)) {
    text = word_box_tsv_to_text(bytes);
    if (!text)
      return fail("Il file di riquadri di parole (pdftotext -tsv) non contiene testo.", name);
  } else if (is_own_layout(bytes)) {
    text = layout_to_text(bytes);
  } else if (auto bad = utf8::first_invalid(bytes)) {
    // Old office software writes Windows-1252 (Latin-1): read it as such, and say so.
    const int line = 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + *bad, '\n'));
    auto sheet = parse_sheet_text(utf8::from_windows1252(bytes), name);
    if (sheet) {
      sheet->document.sha256 = sha256_hex(bytes);
      sheet->findings.insert(
          sheet->findings.begin(),
          ImportFinding{Severity::warning, name, line, "codifica_non_utf8",
                        "il file non è in UTF-8 (primo byte non valido a questa riga)",
                        "testo UTF-8", "letto come Windows-1252 (Latin-1) e convertito in UTF-8"});
    }
    return sheet;
  } else {
    return parse_sheet_text(bytes, name);
  }
  auto sheet = parse_sheet_text(*text, name);
  if (sheet) sheet->document.sha256 = sha256_hex(bytes);
  return sheet;
}

Result<ImportedSheet> import_sheet_file(const std::string& path) {
  // The same statuses as `import`: a path that cannot be read is bad input (exit 2).
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return fail("è una cartella, non un file di scheda", path, ErrorKind::invalid_input);
  auto read = read_file_bytes(path);
  if (!read)
    return fail("file non trovato o non leggibile (controllare nome e permessi)", path,
                ErrorKind::invalid_input);
  return import_sheet_bytes(*read, path);
}

} // namespace traguardi::importer
