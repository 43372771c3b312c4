#include "importer/text_lines.h"

#include <array>

#include "core/normalize.h"

namespace traguardi::importer {
namespace {

bool is_alnum_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Unicode spaces that some extractors emit: NBSP, en/em/thin spaces, narrow NBSP.
std::size_t unicode_space_len(std::string_view s, std::size_t i) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  if (b(i) == 0xC2 && i + 1 < s.size() && b(i + 1) == 0xA0) return 2;
  if (b(i) == 0xE2 && i + 2 < s.size() && b(i + 1) == 0x80 &&
      ((b(i + 2) >= 0x80 && b(i + 2) <= 0x8A) || b(i + 2) == 0xAF))
    return 3;
  return 0;
}

std::string unify_spaces(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      out += ' ';
      continue;
    }
    if (std::size_t n = unicode_space_len(raw, i)) {
      out += ' ';
      i += n - 1;
      continue;
    }
    out += c;
  }
  return out;
}

// Emphasis markers: "**" and "__" anywhere; a single '*' or '_' only at a word edge, so codes
// such as DUP_04_1201 and bullets such as "*)" survive.
std::string strip_markup(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if ((c == '*' || c == '_') && i + 1 < s.size() && s[i + 1] == c) {
      while (i + 1 < s.size() && s[i + 1] == c)
        ++i;
      continue;
    }
    if (c == '*' || c == '_') {
      unsigned char prev = i == 0 ? ' ' : static_cast<unsigned char>(s[i - 1]);
      unsigned char next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : ' ';
      bool opens = (prev == ' ' || prev == '(') && is_alnum_byte(next);
      bool closes = is_alnum_byte(prev) || prev == '.' || prev == '\'' || prev == ')';
      closes = closes && (next == ' ' || next == ',' || next == '.' || next == ':' || next == ';' ||
                          next == ')' || i + 1 == s.size());
      // An underscore between word characters is part of a code, never markup.
      if (c == '_' && is_alnum_byte(prev) && is_alnum_byte(next)) closes = opens = false;
      if (opens || closes) continue;
    }
    out += c;
  }
  return out;
}

// Labels that some extractions print without the space between two cells (seed-spec Q21).
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kGlued{{
    {"NoteInizio", "Note Inizio"},
    {"ResponsabiltàNote", "Responsabiltà Note"},
    {"ResponsabilitàNote", "Responsabilità Note"},
    {"AvanzamentoResponsabile", "Avanzamento Responsabile"},
}};

void split_glued(std::string& s) {
  for (const auto& [from, to] : kGlued) {
    for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
      s.replace(p, from.size(), to);
  }
}

// Most lines of a clean extraction are already canonical: single spaces, no markup, no special
// white space. Checking that in one pass avoids rebuilding them.
bool already_normal(std::string_view s) {
  if (s.empty()) return true;
  if (s.front() == ' ' || s.back() == ' ') return false;
  char prev = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    unsigned char u = static_cast<unsigned char>(c);
    if (c == ' ' && prev == ' ') return false;
    if (u < 0x20 || c == '*' || c == '_' || u == 0xC2 || u == 0xE2) {
      // Codes keep their underscores: only an underscore at a word edge needs the slow path.
      if (c == '_' && i > 0 && i + 1 < s.size() &&
          is_alnum_byte(static_cast<unsigned char>(prev)) &&
          is_alnum_byte(static_cast<unsigned char>(s[i + 1]))) {
        prev = c;
        continue;
      }
      if (u == 0xE2 && !(i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80)) {
        prev = c;
        continue;
      }
      if (u == 0xC2 && !(i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0)) {
        prev = c;
        continue;
      }
      return false;
    }
    prev = c;
  }
  // Glued labels all contain "Note" or "Responsab".
  return s.find("Not") == std::string_view::npos && s.find("Avanzamento") == std::string_view::npos;
}

} // namespace

std::string normalize_line(std::string_view raw) {
  if (already_normal(raw)) return std::string(raw);
  std::string s = unify_spaces(raw);
  if (s.find_first_of("*_") != std::string::npos) s = strip_markup(s);
  split_glued(s);
  return collapse_spaces(s);
}

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t start = 0;
  int number = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of("\r\n", start);
    std::string_view piece =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (end == std::string_view::npos && piece.empty() && start == text.size() && number > 0) break;
    lines.push_back(Line{++number, normalize_line(piece), false});
    if (end == std::string_view::npos) break;
    start = end + 1;
    if (text[end] == '\r' && start < text.size() && text[start] == '\n') ++start;
  }
  return lines;
}

} // namespace traguardi::importer
