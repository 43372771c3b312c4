// libFuzzer target: the interchange reader must never crash, hang, read out of bounds or let
// an exception escape, whatever bytes it is given; whatever it accepts must be written back
// and read again to the same model (scripts/fuzz-json builds and runs it with ASan and UBSan).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "interchange/json_format.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto enti = traguardi::interchange::from_json(text, "fuzz.json");
  if (!enti) return 0;
  // Accepted: the round trip is lossless (export → import gives the same datasets).
  auto again = traguardi::interchange::from_json(traguardi::interchange::to_json(*enti), "x");
  if (!again || *again != *enti) std::abort();
  return 0;
}
