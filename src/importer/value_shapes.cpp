#include "importer/value_shapes.h"

#include <algorithm>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "core/codes.h"
#include "core/italian.h"
#include "importer/empty_cell.h"

namespace traguardi::importer {
namespace {

bool digit(char c) {
  return c >= '0' && c <= '9';
}

} // namespace

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> out;
  split_words(s, out);
  return out;
}

void split_words(std::string_view s, std::vector<std::string_view>& out) {
  out.clear();
  if (out.capacity() < 32) out.reserve(32); // one allocation for the words of a line
  const char* p = s.data();
  const std::size_t n = s.size();
  std::size_t i = 0;
#ifdef __SSE2__
  // 16 bytes at a time: word starts and ends are the edges of the space mask. Every stage
  // splits its lines again, so this is one of the importer's hottest loops.
  std::size_t begin = 0;
  bool in_word = false;
  const __m128i space = _mm_set1_epi8(' ');
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    unsigned word = ~static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, space))) & 0xFFFFu;
    unsigned before = ((word << 1) | (in_word ? 1u : 0u)) & 0xFFFFu; // byte k-1 is in a word
    for (unsigned edges = word ^ before; edges; edges &= edges - 1) {
      std::size_t k = i + static_cast<std::size_t>(__builtin_ctz(edges));
      if (!in_word)
        begin = k;
      else
        out.emplace_back(p + begin, k - begin);
      in_word = !in_word;
    }
  }
  if (in_word) {
    while (i < n && p[i] != ' ')
      ++i;
    out.emplace_back(p + begin, i - begin);
  }
#endif
  while (i < n) {
    while (i < s.size() && s[i] == ' ')
      ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ')
      ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
}

std::string join_words(const std::vector<std::string_view>& words, std::size_t from,
                       std::size_t to) {
  std::string out;
  to = std::min(to, words.size());
  std::size_t n = 0;
  for (std::size_t i = from; i < to; ++i)
    n += words[i].size() + 1;
  out.reserve(n);
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

std::string_view words_span(const std::vector<std::string_view>& words, std::size_t from,
                            std::size_t to) {
  to = std::min(to, words.size());
  if (from >= to) return {};
  const char* b = words[from].data();
  return std::string_view(
      b, static_cast<std::size_t>(words[to - 1].data() + words[to - 1].size() - b));
}

std::optional<Decimal> cell_number(std::string_view t) {
  // Shape first: digits and grouping dots, one comma, exactly two decimals.
  if (t.empty() || !digit(t[0])) return std::nullopt; // most words, before any search
  std::size_t comma = t.find(',');
  if (comma == std::string_view::npos || comma == 0 || t.size() - comma != 3) return std::nullopt;
  if (!digit(t[comma + 1]) || !digit(t[comma + 2])) return std::nullopt;
  bool grouped = false;
  for (std::size_t i = 0; i < comma; ++i) {
    if (!digit(t[i]) && t[i] != '.') return std::nullopt;
    grouped = grouped || t[i] == '.';
  }
  if (grouped) return italian::parse_number(t);
  // No grouping dots ("100,00", most cells): what italian::parse_number and Decimal::parse
  // compute, without building the neutral text.
  if (comma > 13) return std::nullopt;
  __int128 whole = 0;
  for (std::size_t i = 0; i < comma; ++i)
    whole = whole * 10 + (t[i] - '0');
  __int128 v = whole * Decimal::kScale + ((t[comma + 1] - '0') * 10 + (t[comma + 2] - '0')) * 10000;
  if (v > Decimal::max().units()) return std::nullopt; // never wrapped to another number
  return Decimal::from_units(static_cast<std::int64_t>(v));
}

std::optional<Decimal> cell_percent(std::string_view t) {
  if (t.size() < 2 || t.back() != '%') return std::nullopt;
  return cell_number(t.substr(0, t.size() - 1));
}

std::optional<Date> cell_date(std::string_view t) {
  if (t.size() < 8 || t.size() > 10 || !digit(t.front()) || !digit(t.back())) return std::nullopt;
  return italian::parse_date(t);
}

bool damaged_value(std::string_view t) {
  // Date-shaped: d/m/yyyy with the right separators but no such day.
  auto slash1 = t.find('/'), slash2 = t.rfind('/');
  if (slash1 != std::string_view::npos && slash1 != slash2 && t.size() >= 8 && t.size() <= 10 &&
      t.find_first_not_of("0123456789/") == std::string_view::npos)
    return !italian::parse_date(t);
  // Number-shaped: a decimal comma and two decimals, digits with a letter that looks like one.
  auto comma = t.rfind(',');
  if (comma == std::string_view::npos || comma == 0 || t.size() - comma != 3) return false;
  bool digit_seen = false, lookalike = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (i == comma || (c == '.' && i < comma)) continue;
    if (digit(c))
      digit_seen = true;
    else if (c == 'O' || c == 'o' || c == 'l' || c == 'I')
      lookalike = true;
    else
      return false;
  }
  return digit_seen && lookalike;
}

std::optional<IndicatorType> tipo_keyword_slow(std::string_view t) {
  if (t == "EFFICACIA") return IndicatorType::efficacia;
  if (t == "EFFICIENZA") return IndicatorType::efficienza;
  if (t == "QUANTITATIVO") return IndicatorType::quantitativo;
  if (t == "QUALITA" || t == "QUALITÀ" || t == "QUALITA'") return IndicatorType::qualita;
  return std::nullopt;
}

bool is_objective_code(std::string_view t) {
  return level_of_code(t).has_value();
}

bool is_year_word(std::string_view t) {
  return t.size() == 4 && t.find_first_not_of("0123456789") == std::string_view::npos;
}

bool starts_upper(std::string_view t) {
  if (t.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(t[0]);
  if (c >= 'A' && c <= 'Z') return true;
  return c == 0xC3 && t.size() > 1 && static_cast<unsigned char>(t[1]) >= 0x80 &&
         static_cast<unsigned char>(t[1]) <= 0x9E && static_cast<unsigned char>(t[1]) != 0x97;
}

bool starts_lower(std::string_view t) {
  if (t.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(t[0]);
  if (c >= 'a' && c <= 'z') return true;
  return c == 0xC3 && t.size() > 1 && static_cast<unsigned char>(t[1]) >= 0xA0 &&
         static_cast<unsigned char>(t[1]) != 0xB7;
}

bool is_upper_word(std::string_view t) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (c >= 'a' && c <= 'z') return false;
    // UTF-8 lower-case Latin-1 letters: C3 A0..BF (except ÷ = C3 B7).
    if (c == 0xC3 && i + 1 < t.size()) {
      unsigned char n = static_cast<unsigned char>(t[i + 1]);
      if (n >= 0xA0 && n <= 0xBF && n != 0xB7) return false;
    }
  }
  return true;
}

bool has_letter(std::string_view t) {
  for (char c : t) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0xC3) return true;
  }
  return false;
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::size_t value_cell(const std::vector<std::string_view>& w, std::size_t i,
                       std::optional<Decimal>& value) {
  value.reset();
  if (i >= w.size()) return 0;
  if (is_empty_cell(w[i])) return 1;
  std::size_t took = 0;
  if ((value = cell_number(w[i])) || (value = cell_percent(w[i]))) {
    took = 1;
  } else if (w[i] == "\xE2\x82\xAC" && i + 1 < w.size() && (value = cell_number(w[i + 1]))) {
    took = 2; // "€ 45.000,00": the unit of a money scale
  } else if ((w[i] == "1" || w[i] == "0") && i + 1 < w.size() &&
             (w[i + 1] == "(s\xC3\xAC)" || w[i + 1] == "(si)" || w[i + 1] == "(no)")) {
    value = Decimal::from_int(w[i] == "1" ? 1 : 0);
    took = 2;
  } else {
    return 0;
  }
  // traguardi prints a percentage as "80,00 %" and marks a value of uncertain year "(*)".
  if (i + took < w.size() && w[i + took] == "%") ++took;
  if (i + took < w.size() && w[i + took] == "(*)") ++took;
  return took;
}

} // namespace traguardi::importer
