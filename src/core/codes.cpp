#include "core/codes.h"

namespace traguardi {
namespace {

bool digits(std::string_view s, std::size_t from, std::size_t n) {
  if (from + n > s.size()) return false;
  for (std::size_t i = from; i < from + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}
int num(std::string_view s, std::size_t from, std::size_t n) {
  int v = 0;
  for (std::size_t i = from; i < from + n; ++i)
    v = v * 10 + (s[i] - '0');
  return v;
}

} // namespace

std::optional<DupCode> decode_dup(std::string_view c) {
  // DUP_MM | DUP_MM_mmss | DUP_MM_mmss_ppnn
  if (c.substr(0, 4) != "DUP_" || !digits(c, 4, 2)) return std::nullopt;
  DupCode d;
  d.mandate = num(c, 4, 2);
  if (c.size() == 6) {
    d.level = Level::mandato;
    return d;
  }
  if (c.size() < 11 || c[6] != '_' || !digits(c, 7, 4)) return std::nullopt;
  d.mission = std::string(c.substr(7, 2));
  d.mission_seq = num(c, 9, 2);
  if (c.size() == 11) {
    d.level = Level::missione;
    d.parent_code = std::string(c.substr(0, 6));
    return d;
  }
  if (c.size() != 16 || c[11] != '_' || !digits(c, 12, 4)) return std::nullopt;
  d.programme = std::string(c.substr(12, 2));
  d.programme_seq = num(c, 14, 2);
  d.level = Level::programma;
  d.parent_code = std::string(c.substr(0, 11));
  return d;
}

std::optional<PegCode> decode_peg(std::string_view c) {
  // YYYY_Xnn_kk
  if (c.size() != 11 || !digits(c, 0, 4) || c[4] != '_' || c[5] < 'A' || c[5] > 'Z' ||
      !digits(c, 6, 2) || c[8] != '_' || !digits(c, 9, 2))
    return std::nullopt;
  PegCode p;
  p.year = num(c, 0, 4);
  p.structure_kind = c[5];
  p.structure_number = num(c, 6, 2);
  p.sigla = std::string(c.substr(5, 3));
  p.sequence = num(c, 9, 2);
  return p;
}

std::optional<Level> level_of_code(std::string_view code) {
  if (auto d = decode_dup(code)) return d->level;
  if (decode_peg(code)) return Level::peg;
  return std::nullopt;
}

} // namespace traguardi
