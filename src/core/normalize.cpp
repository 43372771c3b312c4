#include "core/normalize.h"

#include <cstring>

namespace traguardi {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool is_consonant_lower(char c) {
  return c >= 'a' && c <= 'z' && std::strchr("aeiouy", c) == nullptr;
}

// Upper-cases the two-byte UTF-8 forms of à è é ì ò ù (0xC3 0xA0..0xBF -> 0xC3 0x80..0x9F).
void append_upper(std::string& out, std::string_view s, std::size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == 0xC3 && i + 1 < s.size()) {
    unsigned char n = static_cast<unsigned char>(s[i + 1]);
    if (n >= 0xA0 && n <= 0xBE && n != 0xB7) n -= 0x20;
    out += static_cast<char>(c);
    out += static_cast<char>(n);
    ++i;
    return;
  }
  // ’ ‘ (E2 80 98/99) -> ', “ ” (E2 80 9C/9D) -> "
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char t = static_cast<unsigned char>(s[i + 2]);
    if (t == 0x98 || t == 0x99) {
      out += '\'';
      i += 2;
      return;
    }
    if (t == 0x9C || t == 0x9D) {
      out += '"';
      i += 2;
      return;
    }
  }
  out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : static_cast<char>(c);
}

} // namespace

std::string collapse_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (char c : s) {
    if (is_space(c)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += c;
  }
  return out;
}

std::string matching_key(std::string_view raw) {
  std::string s = collapse_spaces(raw);
  // PDF tools print the legacy ASCII apostrophe as U+2019 (or U+2018): the same name.
  if (s.find("\xE2\x80") != std::string::npos) {
    std::string folded;
    folded.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s.compare(i, 3, "\xE2\x80\x99") == 0 || s.compare(i, 3, "\xE2\x80\x98") == 0) {
        folded += '\'';
        i += 2;
      } else {
        folded += s[i];
      }
    }
    s = std::move(folded);
  }
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool word_start =
        i == 0 || s[i - 1] == ' ' || s[i - 1] == '\'' || s[i - 1] == '(' || s[i - 1] == '-';
    if (c == 'l' && word_start && i + 1 < s.size() && is_consonant_lower(s[i + 1]) &&
        s[i + 1] != 'l') {
      out += 'I';
      continue;
    }
    if (c == ' ') {
      // drop spaces next to ! , .
      char prev = out.empty() ? '\0' : out.back();
      char next = i + 1 < s.size() ? s[i + 1] : '\0';
      if (prev == '!' || prev == ',' || prev == '.' || next == '!' || next == ',' || next == '.')
        continue;
    }
    append_upper(out, s, i);
  }
  return out;
}

} // namespace traguardi
