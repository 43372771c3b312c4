// Decoding of objective codes.
//
// DUP codes carry the national budget classification inside them (DUP_04_1201_0601: mandato 04,
// missione 12 with sequence 01, programma 06 with sequence 01) and PEG codes carry the year and
// the organisational structure (2021_S08_20). Decoding them once, here, lets validation check
// them against the classification and lets reports group by missione without string slicing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/model.h"

namespace traguardi {

struct DupCode {
  Level level = Level::mandato;
  int mandate = 0;       // MM
  std::string mission;   // national missione "12" (missione and programma levels)
  int mission_seq = 0;   // ss
  std::string programme; // national programma "06" (programma level)
  int programme_seq = 0; // nn
  /// Code of the parent level ("DUP_04_1201" for "DUP_04_1201_0601"); empty for mandato.
  std::string parent_code;
};

struct PegCode {
  int year = 0;
  char structure_kind = 'S'; // A area, C corpo, S settore, U unità organizzativa
  int structure_number = 0;
  std::string sigla; // "S08"
  int sequence = 0;
};

std::optional<DupCode> decode_dup(std::string_view code);
std::optional<PegCode> decode_peg(std::string_view code);

/// The level a code's shape implies, if any.
std::optional<Level> level_of_code(std::string_view code);

} // namespace traguardi
