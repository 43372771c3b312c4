// libFuzzer target: the sheet parser must never crash, hang or read out of bounds, whatever
// bytes it is given (scripts/fuzz-importer builds and runs it with ASan and UBSan).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "importer/sheet_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto sheet = traguardi::importer::parse_sheet_text(text, "fuzz.txt");
  if (sheet) {
    // Touch the results so that the whole model is built.
    volatile int n = sheet->phase_count() + sheet->indicator_count();
    (void)n;
  }
  return 0;
}
