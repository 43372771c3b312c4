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

// Latin ligatures U+FB00..FB06: pdfminer gives the glyph a PDF drew for "fi", "ff" (traguardi's
// own print shapes them) as one character, where poppler and mutool give the letters.
std::string_view ligature_letters(std::string_view s, std::size_t i) {
  static constexpr std::array<std::string_view, 7> kLetters{"ff",  "fi", "fl", "ffi",
                                                            "ffl", "st", "st"};
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  if (b(i) == 0xEF && i + 2 < s.size() && b(i + 1) == 0xAC && b(i + 2) >= 0x80 && b(i + 2) <= 0x86)
    return kLetters[b(i + 2) - 0x80];
  return {};
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
    if (auto letters = ligature_letters(raw, i); !letters.empty()) {
      out += letters;
      i += 2;
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
  for (int c : {int{' '}, int{'*'}, int{'_'}, int{'N'}, int{'A'}, 0xC2, 0xE2, 0xEF})
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
  case 0xEF:
    return ligature_letters(s, i).empty();
  default:
    return false;
  }
}

#ifdef __SSE2__
// Bit k set when byte p[k] may matter to byte_ok: control bytes, markup, lead bytes of special
// spaces and ligatures, the second of two spaces, the 'N' of "No", the 'A' of "Av". Most 16-byte
// chunks of a sheet have none and are skipped whole. Reads p[-1] (unless first) to p[16].
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
  m = _mm_or_si128(m, eq(v, 0xEF));
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

namespace {

// One pass over the whole text: line ends and the bytes that may make a line non-canonical are
// found together, 16 bytes at a time, so that a clean line costs no call at all.
class LineScanner {
public:
  LineScanner(std::string_view text, TextArena& arena, std::vector<Line>& lines)
      : text_(text), arena_(arena), lines_(lines) {}

  // Lines that start with a form feed (a page of the printout begins), by index.
  std::vector<std::size_t> form_feeds;

  void run() {
    const std::size_t size = text_.size();
    std::size_t i = 0;
#ifdef __SSE2__
    for (; i + 17 <= size; i += 16)
      for (unsigned mask = chunk_mask(text_.data() + i, i == 0); mask; mask &= mask - 1)
        look_at(i + static_cast<std::size_t>(__builtin_ctz(mask)));
#endif
    for (; i < size; ++i)
      if (kSuspect[static_cast<unsigned char>(text_[i])]) look_at(i);
    // The text after the last line break is a line unless it is empty (a final newline).
    if (start_ < size || lines_.empty()) emit(size);
  }

private:
  // Same decisions as byte_ok, with the text's bounds: a line's terminator is neither
  // alphanumeric nor a UTF-8 continuation byte, so looking past the line changes nothing.
  void look_at(std::size_t q) {
    if (q < start_) return; // the \n of a \r\n pair
    const unsigned char u = static_cast<unsigned char>(text_[q]);
    if (u == '\n' || u == '\r') {
      emit(q);
      start_ = q + 1;
      if (u == '\r' && start_ < text_.size() && text_[start_] == '\n') ++start_;
      return;
    }
    if (rewrite_) return;
    auto at = [&](std::size_t k) {
      return k < text_.size() ? static_cast<unsigned char>(text_[k]) : 0u;
    };
    switch (u) {
    case ' ':
      rewrite_ = q > start_ && text_[q - 1] == ' ';
      return;
    // Only where a glued label can sit: "NoteInizio", "…àNote", "AvanzamentoResponsabile"
    // (plain "Note" and "Nota" columns are common and need no further look).
    case 'N':
      if (text_.substr(q, 4) == "Note" && (at(q + 4) == 'I' || (q > 0 && at(q - 1) == 0xA0)))
        maybe_glued_ = true;
      return;
    case 'A':
      if (text_.substr(q, 11) == "Avanzamento" && at(q + 11) == 'R') maybe_glued_ = true;
      return;
    case '_':
      rewrite_ = !(q > start_ && is_alnum_byte(at(q - 1)) && is_alnum_byte(at(q + 1)));
      return;
    case 0xE2:
      rewrite_ =
          at(q + 1) == 0x80 && ((at(q + 2) >= 0x80 && at(q + 2) <= 0x8A) || at(q + 2) == 0xAF);
      return;
    case 0xC2:
      rewrite_ = at(q + 1) == 0xA0;
      return;
    case 0xEF:
      rewrite_ = !ligature_letters(text_, q).empty();
      return;
    default:
      if (kSuspect[u]) rewrite_ = true; // other control bytes, '*'
      return;
    }
  }

  void emit(std::size_t end) {
    std::string_view piece = text_.substr(start_, end - start_);
    if (!piece.empty() && (piece.front() == ' ' || piece.back() == ' ')) rewrite_ = true;
    const int number = static_cast<int>(lines_.size()) + 1;
    if (!piece.empty() && piece.front() == '\f') form_feeds.push_back(lines_.size());
    if (!rewrite_ && (!maybe_glued_ || !has_glued_label(piece))) {
      lines_.push_back(Line{number, piece, false});
    } else if (!rewrite_) {
      // Canonical but for the glued labels (label rows): splitting them is all that is left.
      arena_.emplace_back(piece);
      split_glued(arena_.back());
      lines_.push_back(Line{number, arena_.back(), false});
    } else {
      arena_.push_back(normalize_line(piece));
      lines_.push_back(Line{number, arena_.back(), false});
    }
    rewrite_ = maybe_glued_ = false;
  }

  std::string_view text_;
  TextArena& arena_;
  std::vector<Line>& lines_;
  std::size_t start_ = 0;
  bool rewrite_ = false, maybe_glued_ = false;
};

} // namespace

namespace {

// A capital kerned into the next character ("T" + "erzo": the "e" drawn under the bar of the
// "T"; "P" + ".O.F.") is where pdftotext -raw may break a line: "Famiglie - T" / "erzo
// Settore". The capital goes back to the start of its word on the next line, so that both
// lines keep their numbers.
void mend_kerned_capitals(std::vector<Line>& lines, TextArena& arena) {
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    std::string_view t = lines[i].text, next = lines[i + 1].text;
    const std::size_t n = t.size();
    if (n == 0 || next.empty() || ((next[0] < 'a' || next[0] > 'z') && next[0] != '.')) continue;
    // Consonants only: a vowel alone ("E", "A", "O") is a word of its own.
    const char c = t[n - 1];
    if (c < 'B' || c > 'Z' || c == 'E' || c == 'I' || c == 'O' || c == 'U' ||
        (n > 1 && t[n - 2] != ' '))
      continue;
    arena.push_back(std::string(1, c) + std::string(next));
    lines[i + 1].text = arena.back();
    lines[i].text = n > 2 ? t.substr(0, n - 2) : std::string_view();
  }
}

} // namespace

std::vector<Line> split_lines(std::string_view text, TextArena& arena) {
  std::vector<Line> lines;
  lines.reserve(text.size() / 24 + 16);
  LineScanner scanner(text, arena, lines);
  scanner.run();
  mend_kerned_capitals(lines, arena);
  if (scanner.form_feeds.empty()) return lines;
  // A printed page that ends inside a cell is no cell boundary, but mutool and pdfminer end
  // every page with an empty line before the form feed (mutool also gives the feed a line of
  // its own). That empty line and the feed's own line go; every other line keeps its number.
  std::vector<bool> drop(lines.size(), false);
  for (std::size_t k : scanner.form_feeds) {
    if (lines[k].blank()) drop[k] = true;
    if (k > 0 && lines[k - 1].blank()) drop[k - 1] = true;
  }
  std::size_t w = 0;
  for (std::size_t r = 0; r < lines.size(); ++r)
    if (!drop[r]) lines[w++] = lines[r];
  lines.resize(w);
  return lines;
}

} // namespace traguardi::importer
