#include "importer/entity_dictionary.h"

#include <algorithm>

#include "core/normalize.h"
#include "importer/value_shapes.h"
#include "importer/wrapped_cells.h"

namespace traguardi::importer {
namespace {

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > limit) return limit + 1;
  // A common prefix or suffix does not change the distance; spellings of one name differ in a
  // few letters, so this leaves a tiny table.
  while (!a.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  // Only cells within `limit` of the diagonal can lie on a path of cost <= limit; the others
  // count as limit + 1. Two rows on the stack for names of usual length, the heap otherwise.
  const std::size_t n = a.size(), m = b.size(), cap = limit + 1;
  constexpr std::size_t kStack = 256;
  std::size_t stack_rows[2][kStack];
  std::vector<std::size_t> heap;
  std::size_t* prev = stack_rows[0];
  std::size_t* cur = stack_rows[1];
  if (n + 2 > kStack) {
    heap.resize(2 * (n + 2));
    prev = heap.data();
    cur = heap.data() + n + 2;
  }
  for (std::size_t i = 0; i <= n + 1; ++i)
    prev[i] = std::min(i, cap);
  for (std::size_t j = 1; j <= m; ++j) {
    const std::size_t lo = j > limit ? j - limit : 0, hi = std::min(n, j + limit);
    std::size_t row_min = cap, left = cap, i = lo;
    if (lo == 0) {
      cur[0] = left = row_min = std::min(j, cap);
      i = 1;
    }
    for (; i <= hi; ++i) {
      std::size_t v =
          std::min({prev[i] + 1, left + 1, prev[i - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), cap});
      cur[i] = left = v;
      row_min = std::min(row_min, v);
    }
    cur[hi + 1] = cap;
    if (row_min > limit) return cap;
    std::swap(prev, cur);
  }
  return prev[n];
}

bool is_username(std::string_view s) {
  auto dot = s.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == s.size()) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.')) return false;
  return true;
}

// collapse_spaces, without rebuilding names that are already collapsed (nearly all of them:
// they come from normalised lines).
std::string collapsed(const std::string& raw) {
  bool plain = raw.empty() || (raw.front() != ' ' && raw.back() != ' ');
  for (std::size_t i = 0; plain && i < raw.size(); ++i) {
    char c = raw[i];
    plain = c != '\t' && c != '\n' && c != '\r' && !(c == ' ' && raw[i + 1] == ' ');
  }
  return plain ? raw : collapse_spaces(raw);
}

} // namespace

bool same_entity(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (a.size() < 20 || b.size() < 20) return false;
  if (edit_distance(a, b, 2) <= 2) return true;
  // Keys stored before assessorato keys dropped their separator dashes still match.
  if (a.find(" -") == std::string_view::npos && b.find(" -") == std::string_view::npos)
    return false;
  return without_separator_dashes(a) == without_separator_dashes(b);
}

void add_alias(std::vector<std::string>& aliases, const std::string& name, const std::string& raw) {
  if (raw.empty() || raw == name) return;
  if (std::find(aliases.begin(), aliases.end(), raw) == aliases.end()) aliases.push_back(raw);
}

std::string center_kind(const std::string& name) {
  auto w = split_words(name);
  if (w.empty()) return "ALTRO";
  std::string_view f = w[0];
  if (f == "SETTORE" || f == "SETT.") return "SETTORE";
  if (f == "SERVIZIO" || f == "SERVIZI" || f == "SERV.") return "SERVIZIO";
  if (f == "AREA-UO" || f == "UO" || f == "U.O." || f == "UNITA'" || f == "UNITÀ")
    return "UNITA_ORGANIZZATIVA";
  if (f == "AREA") return "AREA";
  if (f == "CORPO") return "CORPO";
  if (f == "Assessore" || f == "ASSESSORE") return "ASSESSORE";
  return "ALTRO";
}

const std::string& EntityDictionary::key_of(const std::string& text) const {
  auto it = keys_.find(text);
  if (it == keys_.end()) it = keys_.emplace(text, matching_key(text)).first;
  return it->second;
}

const std::string& EntityDictionary::center_key(std::size_t index, int which,
                                                const std::string& text) const {
  if (center_keys_.size() <= index) center_keys_.resize(centers.size());
  CenterKey& k = center_keys_[index][static_cast<std::size_t>(which)];
  if (!k.set || k.text != text) {
    k.text = text;
    k.key = key_of(text);
    k.set = true;
  }
  return k.key;
}

std::string EntityDictionary::person(const std::string& raw) {
  std::string name = collapsed(raw);
  if (name.empty()) return {};
  std::string key = key_of(name);
  for (auto& p : persons)
    if (same_entity(p.key, key)) {
      add_alias(p.aliases, p.name, name);
      return p.key;
    }
  Person p;
  p.key = key;
  p.name = name;
  if (is_username(name)) p.username = name;
  persons.push_back(p);
  return key;
}

std::string EntityDictionary::assessorato(const std::string& raw, const std::string& delegations) {
  std::string name = collapsed(raw);
  if (name.empty()) return {};
  // Without separator dashes: extractors drop the dash that ends a printed line of the name.
  std::string key = without_separator_dashes(key_of(name));
  for (auto& a : assessorati)
    if (same_entity(a.key, key)) {
      add_alias(a.aliases, a.description, name);
      if (a.delegations.empty()) a.delegations = delegations;
      return a.key;
    }
  assessorati.push_back(Assessorato{key, name, collapse_spaces(delegations), {}});
  return key;
}

std::optional<int> EntityDictionary::area(const std::string& vista, const std::string& raw) {
  auto w = split_words(raw);
  if (w.empty() || w[0].size() < 2 || w[0].back() != '.') return std::nullopt;
  std::string_view num = w[0].substr(0, w[0].size() - 1);
  if (num.find_first_not_of("0123456789") != std::string_view::npos || num.size() > 3)
    return std::nullopt;
  int n = std::stoi(std::string(num));
  std::string desc = join_words(w, 1, w.size());
  for (auto& a : areas)
    if (a.vista == vista && a.number == n) return n;
  areas.push_back(ThematicArea{vista, n, desc});
  return n;
}

ResponsibilityCenter* EntityDictionary::find_center(const std::string& code) {
  for (auto& c : centers)
    if (c.code == code) return &c;
  return nullptr;
}

std::string EntityDictionary::center_with_code(const std::string& code,
                                               const std::string& short_name,
                                               const std::string& name) {
  ResponsibilityCenter* c = find_center(code);
  if (!c) {
    ResponsibilityCenter n;
    n.code = code;
    n.kind = center_kind(short_name.empty() ? name : short_name);
    centers.push_back(n);
    c = &centers.back();
  }
  if (c->short_name.empty()) c->short_name = short_name;
  if (c->name.empty()) c->name = name;
  return code;
}

std::string EntityDictionary::center_by_name(const std::string& raw, const std::string& fallback,
                                             const std::string& sigla) {
  std::string name = collapsed(raw);
  std::string key = matching_key(name);
  for (std::size_t i = 0; i < centers.size(); ++i) {
    auto& c = centers[i];
    if (!c.name.empty() && same_entity(center_key(i, 0, c.name), key)) {
      add_alias(c.aliases, c.name, name);
      if (c.peg_sigla.empty()) c.peg_sigla = sigla;
      return c.code;
    }
  }
  ResponsibilityCenter c;
  c.code = fallback.empty() ? key : fallback;
  if (auto* existing = find_center(c.code)) {
    if (existing->name.empty()) existing->name = name;
    return existing->code;
  }
  c.name = name;
  c.kind = center_kind(name);
  c.peg_sigla = sigla;
  centers.push_back(c);
  return c.code;
}

std::string EntityDictionary::center_by_short_name(const std::string& raw,
                                                   const std::string& parent) {
  std::string name = collapsed(raw);
  if (name.empty()) return {};
  std::string key = key_of(name);
  for (std::size_t i = 0; i < centers.size(); ++i) {
    auto& c = centers[i];
    if ((!c.short_name.empty() && same_entity(center_key(i, 1, c.short_name), key)) ||
        (!c.name.empty() && center_key(i, 0, c.name) == key)) {
      add_alias(c.aliases, c.short_name.empty() ? c.name : c.short_name, name);
      return c.code;
    }
  }
  // A structure-level short name (SETT., AREA-UO, UO, CORPO) printed in a phase of an objective
  // whose centre has no short name yet is that centre's short name (seed-spec §2.10).
  std::string kind = center_kind(name);
  if (auto* p = find_center(parent); p && p->short_name.empty() && kind != "SERVIZIO" &&
                                     (kind == p->kind || kind == "UNITA_ORGANIZZATIVA")) {
    p->short_name = name;
    return p->code;
  }
  ResponsibilityCenter c;
  c.code = key;
  c.short_name = name;
  c.kind = kind;
  c.parent = parent;
  centers.push_back(c);
  return c.code;
}

std::size_t EntityDictionary::known_short_name(const std::vector<std::string_view>& words,
                                               std::size_t i) const {
  std::size_t best = 0;
  if (i >= words.size()) return 0;
  for (const auto& c : centers) {
    if (c.short_name.empty()) continue;
    // Most centres fail on the first word: compare it before splitting the whole name.
    std::string_view first = c.short_name;
    while (!first.empty() && first.front() == ' ')
      first.remove_prefix(1);
    first = first.substr(0, first.find(' '));
    if (first != words[i]) continue;
    thread_local std::vector<std::string_view> sw;
    split_words(c.short_name, sw);
    if (sw.size() <= best || i + sw.size() > words.size()) continue;
    bool match = true;
    for (std::size_t k = 0; k < sw.size() && match; ++k)
      match = words[i + k] == sw[k];
    if (match) best = sw.size();
  }
  return best;
}

} // namespace traguardi::importer
