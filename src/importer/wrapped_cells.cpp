#include "importer/wrapped_cells.h"

#include <algorithm>
#include <array>

#include "importer/value_shapes.h"

namespace traguardi::importer {
namespace {

// Words after which a name printed on several lines always goes on ("Educazione e").
constexpr std::array<std::string_view, 16> kJoiners{
    "e",   "ed",    "di",   "del", "della", "delle", "dei", "degli",
    "per", "dello", "alle", "ai",  "al",    "a",     "&",   "con"};

std::string_view last_word(std::string_view s) {
  while (!s.empty() && s.back() == ' ')
    s.remove_suffix(1);
  auto sp = s.rfind(' ');
  return sp == std::string_view::npos ? s : s.substr(sp + 1);
}

// A lower-case start, except an "l" before a capital ("lNTEGRAZIONE": a capital I that the
// extractor read as l, in a name in capitals).
bool starts_lower_word(std::string_view s) {
  return starts_lower(s) && !(s.size() > 1 && s[0] == 'l' && s[1] >= 'A' && s[1] <= 'Z');
}

// "Sociali - Salute": capitalised segments joined by dashes, the shape of the names of
// assessorati and delegations, never of a sentence.
bool segment_list(std::string_view line) {
  if (line.find(" - ") == std::string_view::npos) return false;
  for (auto w : split_words(line)) {
    if (w == "-") continue;
    if (w.back() == '.' || w.back() == ',' || w.back() == ':' || w.back() == ';') return false;
    const bool capital = starts_upper(w);
    bool joiner = false;
    for (auto j : kJoiners)
      joiner = joiner || iequals(w, j);
    if (!capital && !joiner && w[0] != '(' && w[0] != 'l') return false;
  }
  return true;
}

} // namespace

bool name_continues(std::string_view so_far, std::string_view next) {
  int open = 0;
  for (char c : so_far)
    open += c == '(' ? 1 : c == ')' ? -1 : 0;
  if (open > 0) return true;
  if (!next.empty() &&
      (next[0] == '(' || next[0] == '-' || next[0] == ',' || starts_lower_word(next)))
    return true;
  if (segment_list(next)) return true;
  std::string_view w = last_word(so_far);
  if (w.empty()) return false;
  if (w.back() == '-' || w.back() == ',' || w.back() == '/') return true;
  for (auto j : kJoiners)
    if (iequals(w, j)) return true;
  return false;
}

std::size_t narrow_prefix_end(std::span<const std::string_view> lines) {
  std::size_t widest = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::size_t n = utf8_length(lines[i]);
    // A description line opens a column at least 30% and 12 characters wider than the note
    // (the legacy print: notes 30-36 characters wide, descriptions 50-60).
    if (i > 0 && n >= widest + 12 && n * 10 >= widest * 13) return i;
    widest = std::max(widest, n);
  }
  return 0;
}

std::string without_separator_dashes(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (std::size_t i = 0; i < key.size(); ++i) {
    const bool alone = key[i] == '-' && (i == 0 || key[i - 1] == ' ') &&
                       (i + 1 == key.size() || key[i + 1] == ' ');
    if (alone) {
      if (i + 1 < key.size()) ++i; // the space after it
      continue;
    }
    out += key[i];
  }
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  return out;
}

} // namespace traguardi::importer
