// libFuzzer target: the sheet parser must never crash, hang or read out of bounds, whatever
// bytes it is given (scripts/fuzz-importer builds and runs it with ASan and UBSan). Every input
// goes through both text stages: as plain text, and as word boxes of `pdftotext -tsv` (the
// column names are put in front when the input lacks them) laid out again before parsing, and
// as a character grid (`pdftotext -layout` of traguardi's own sheets) read by its word boxes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "importer/layout_boxes.h"
#include "importer/sheet_import.h"
#include "importer/tsv_words.h"

namespace {

void parse(std::string_view text) {
  auto sheet = traguardi::importer::parse_sheet_text(text, "fuzz.txt");
  if (sheet) {
    // Touch the results so that the whole model is built.
    volatile int n = sheet->phase_count() + sheet->indicator_count();
    (void)n;
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  parse(text);
  std::string tsv;
  if (!traguardi::importer::is_word_box_tsv(text))
    tsv = "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf"
          "\ttext\n";
  tsv += text;
  if (auto laid_out = traguardi::importer::word_box_tsv_to_text(tsv)) parse(*laid_out);
  parse(traguardi::importer::layout_to_text(text));
  return 0;
}
