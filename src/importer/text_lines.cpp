#include "importer/text_lines.h"

#include <array>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

// Bytes that may make a line non-canonical; everything else is skipped in one table lookup.
constexpr std::array<bool, 256> kSuspect = [] {
  std::array<bool, 256> t{};
  for (std::size_t c = 0; c < 0x20; ++c)
    t[c] = true;
  for (int c : {int{' '}, int{'*'}, int{'_'}, int{'N'}, int{'A'}, 0xC2, 0xE2})
    t[static_cast<std::size_t>(c)] = true;
  return t;
}();

// Most lines of a clean extraction are already canonical: single spaces, no markup, no special
// white space, no glued label (they all contain "Not" or "Avanzamento"). Checking that in one
// pass avoids rebuilding them.
enum class Shape { normal, maybe_glued, rewrite };

// One byte of the check; false when the line must be rebuilt.
inline bool byte_ok(std::string_view s, std::size_t i, bool& maybe_glued) {
  const std::size_t n = s.size();
  unsigned char u = static_cast<unsigned char>(s[i]);
  if (!kSuspect[u]) return true;
  auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  switch (u) {
  case ' ':
    return s[i - 1] != ' '; // i > 0: the line does not start with a space
  case 'N':
    if (s.substr(i, 3) == "Not") maybe_glued = true;
    return true;
  case 'A':
    if (s.substr(i, 11) == "Avanzamento") maybe_glued = true;
    return true;
  case '_':
    // Codes keep their underscores: only an underscore at a word edge needs the slow path.
    return i > 0 && i + 1 < n && is_alnum_byte(at(i - 1)) && is_alnum_byte(at(i + 1));
  case 0xE2:
    // Typographic quotes and dashes stay; only the Unicode spaces are rewritten.
    return !(i + 2 < n && at(i + 1) == 0x80 &&
             ((at(i + 2) >= 0x80 && at(i + 2) <= 0x8A) || at(i + 2) == 0xAF));
  case 0xC2:
    return !(i + 1 < n && at(i + 1) == 0xA0);
  default:
    return false;
  }
}

#ifdef __SSE2__
// Bit k set when byte p[k] may matter to byte_ok: control bytes, markup, lead bytes of special
// spaces, the second of two spaces, the 'N' of "No", the 'A' of "Av". Most 16-byte chunks of a
// sheet have none and are skipped whole. Reads p[-1] (unless first) to p[16].
unsigned chunk_mask(const char* p, bool first) {
  __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i prev =
      first ? _mm_slli_si128(v, 1) : _mm_loadu_si128(reinterpret_cast<const __m128i*>(p - 1));
  __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
  auto eq = [](__m128i x, int c) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(c))); };
  __m128i m =
      _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xE0))), _mm_setzero_si128());
  m = _mm_or_si128(m, _mm_or_si128(eq(v, '*'), eq(v, '_')));
  m = _mm_or_si128(m, _mm_or_si128(eq(v, 0xC2), eq(v, 0xE2)));
  m = _mm_or_si128(m, _mm_and_si128(eq(v, ' '), eq(prev, ' ')));
  m = _mm_or_si128(m, _mm_and_si128(eq(v, 'N'), eq(next, 'o')));
  m = _mm_or_si128(m, _mm_and_si128(eq(v, 'A'), eq(next, 'v')));
  return static_cast<unsigned>(_mm_movemask_epi8(m));
}
#endif

// `readable_end` may point past the line (into the rest of the text): chunks can then be read
// whole and the bytes past the line ignored.
Shape shape_of(std::string_view s, const char* readable_end = nullptr) {
  if (s.empty()) return Shape::normal;
  if (s.front() == ' ' || s.back() == ' ') return Shape::rewrite;
  bool maybe_glued = false;
  const std::size_t n = s.size();
  std::size_t i = 0;
#ifdef __SSE2__
  const char* stop = readable_end ? readable_end : s.data() + n;
  while (i < n && s.data() + i + 17 <= stop) {
    unsigned mask = chunk_mask(s.data() + i, i == 0);
    if (n - i < 16) mask &= (1u << (n - i)) - 1;
    for (; mask; mask &= mask - 1)
      if (!byte_ok(s, i + static_cast<std::size_t>(__builtin_ctz(mask)), maybe_glued))
        return Shape::rewrite;
    i += 16;
  }
#endif
  for (; i < n; ++i)
    if (!byte_ok(s, i, maybe_glued)) return Shape::rewrite;
  return maybe_glued ? Shape::maybe_glued : Shape::normal;
}

bool already_normal(std::string_view s) {
  return shape_of(s) == Shape::normal;
}

bool has_glued_label(std::string_view s) {
  for (const auto& glued : kGlued)
    if (s.find(glued.first) != std::string_view::npos) return true;
  return false;
}

} // namespace

std::string normalize_line(std::string_view raw) {
  if (already_normal(raw)) return std::string(raw);
  std::string s = unify_spaces(raw);
  if (s.find_first_of("*_") != std::string::npos) s = strip_markup(s);
  split_glued(s);
  return collapse_spaces(s);
}

std::vector<Line> split_lines(std::string_view text, TextArena& arena) {
  std::vector<Line> lines;
  lines.reserve(text.size() / 40 + 1);
  const char* const base = text.data();
  const std::size_t size = text.size();
  std::size_t start = 0;
  int number = 0;
  while (start <= size) {
    // memchr twice is much cheaper than find_first_of("\r\n") byte by byte.
    const void* nl = std::memchr(base + start, '\n', size - start);
    std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - base) : size;
    if (const void* cr = std::memchr(base + start, '\r', end - start))
      end = static_cast<std::size_t>(static_cast<const char*>(cr) - base);
    std::string_view piece(base + start, end - start);
    if (end == size && piece.empty() && number > 0) break;
    Shape shape = shape_of(piece, base + size);
    if (shape == Shape::normal || (shape == Shape::maybe_glued && !has_glued_label(piece))) {
      lines.push_back(Line{++number, piece, false});
    } else if (shape == Shape::maybe_glued) {
      // Canonical but for the glued labels (label rows): splitting them is all that is left.
      arena.emplace_back(piece);
      split_glued(arena.back());
      lines.push_back(Line{++number, arena.back(), false});
    } else {
      arena.push_back(normalize_line(piece));
      lines.push_back(Line{++number, arena.back(), false});
    }
    if (end == size) break;
    start = end + 1;
    if (text[end] == '\r' && start < size && text[start] == '\n') ++start;
  }
  return lines;
}

} // namespace traguardi::importer
