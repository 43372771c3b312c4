#include "importer/piano_di_zona_text.h"

#include <cctype>

#include "core/italian.h"
#include "core/normalize.h"

namespace traguardi::importer::pdz {

std::vector<TextLine> split_text(std::string_view text) {
  std::vector<TextLine> out;
  int n = 0;
  while (!text.empty() || n == 0) {
    auto nl = text.find('\n');
    std::string_view raw = text.substr(0, nl);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    TextLine l;
    l.number = ++n;
    l.raw = std::string(raw);
    for (char c : raw) {
      bool space = c == ' ' || c == '\t' || c == '\f' || c == '\v';
      if (space) {
        if (!l.text.empty() && l.text.back() != ' ') l.text += ' ';
      } else {
        l.text += c;
      }
    }
    // Non-breaking spaces (C2 A0) count as spaces too.
    for (std::size_t p; (p = l.text.find("\xC2\xA0")) != std::string::npos;)
      l.text.replace(p, 2, " ");
    while (!l.text.empty() && l.text.back() == ' ')
      l.text.pop_back();
    while (!l.text.empty() && l.text.front() == ' ')
      l.text.erase(0, 1);
    out.push_back(std::move(l));
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return out;
}

std::optional<Decimal> parse_document_number(std::string_view t, bool* decimal_point) {
  if (decimal_point) *decimal_point = false;
  if (!t.empty() && t.back() == '%') t.remove_suffix(1);
  if (t.empty()) return std::nullopt;
  for (char c : t)
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' && c != ',' && c != '-')
      return std::nullopt;
  if (t.find('-', 1) != std::string_view::npos) return std::nullopt; // "0-14" is a band
  if (auto d = italian::parse_number(t)) return d;
  // One dot not followed by a group of three digits: a decimal point (vulnerability table).
  auto dot = t.find('.');
  if (dot == std::string_view::npos || t.find('.', dot + 1) != std::string_view::npos ||
      t.find(',') != std::string_view::npos)
    return std::nullopt;
  auto d = Decimal::parse(t);
  if (d && decimal_point) *decimal_point = true;
  return d;
}

std::string fold(std::string_view text) {
  std::string s(text);
  for (std::size_t p; (p = s.find("\xE2\x80\x99")) != std::string::npos;)
    s.replace(p, 3, "'");
  return matching_key(s);
}

bool is_page_footer(const TextLine& l) {
  const std::string& t = l.text;
  std::size_t i = 0;
  while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])))
    ++i;
  if (i == 0 || i > 3 || i + 20 > t.size() || t[i] != ' ') return false;
  int upper = 0, lower = 0;
  for (std::size_t k = i; k < t.size(); ++k) {
    unsigned char c = static_cast<unsigned char>(t[k]);
    if (std::isupper(c)) ++upper;
    if (std::islower(c)) ++lower;
  }
  return upper >= 20 && lower == 0 && t.find("\xE2\x80\x93") != std::string::npos;
}

std::size_t find_line(const std::vector<TextLine>& lines, std::string_view prefix,
                      std::size_t from) {
  std::string p = fold(prefix);
  for (std::size_t i = from; i < lines.size(); ++i)
    if (fold(lines[i].text).rfind(p, 0) == 0) return i;
  return lines.size();
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ')
      ++i;
    std::size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    if (j > i) out.emplace_back(text.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string join_text(const std::vector<TextLine>& lines, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to && i < lines.size(); ++i) {
    if (lines[i].blank() || is_page_footer(lines[i])) continue;
    if (!out.empty()) out += ' ';
    out += lines[i].text;
  }
  return out;
}

} // namespace traguardi::importer::pdz
