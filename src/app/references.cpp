#include "app/references.h"

#include <fmt/format.h>

#include "app/field_values.h"
#include "core/normalize.h"

namespace traguardi::app {
namespace {

/// Each candidate: the stored key and the names it may be typed as.
struct Candidate {
  std::string key;
  std::vector<std::string> names;
};

Result<std::string> resolve(const std::vector<Candidate>& items, const std::string& text,
                            const std::string& field, const char* what) {
  const std::string folded = matching_key(text);
  for (const auto& item : items)
    for (const std::string& n : item.names)
      if (!n.empty() && (n == text || matching_key(n) == folded)) return item.key;
  std::string known;
  for (std::size_t i = 0; i < items.size() && i < 8; ++i)
    known += (i ? ", " : "") + items[i].names.front();
  if (items.size() > 8) known += ", …";
  return field_error(field, fmt::format("{} «{}» non presente nell'ente{}", what, text,
                                        known.empty() ? "" : "; presenti: " + known));
}

} // namespace

Result<std::string> person_key(const Dataset& d, const std::string& text,
                               const std::string& field) {
  std::vector<Candidate> c;
  for (const auto& p : d.persons) {
    Candidate k{p.key, {p.name, p.key, p.username}};
    k.names.insert(k.names.end(), p.aliases.begin(), p.aliases.end());
    c.push_back(std::move(k));
  }
  return resolve(c, text, field, "persona");
}

Result<std::string> center_code(const Dataset& d, const std::string& text,
                                const std::string& field) {
  std::vector<Candidate> c;
  for (const auto& r : d.centers) {
    Candidate k{r.code, {r.code, r.name, r.short_name}};
    k.names.insert(k.names.end(), r.aliases.begin(), r.aliases.end());
    c.push_back(std::move(k));
  }
  return resolve(c, text, field, "centro di responsabilità");
}

Result<std::string> assessorato_key(const Dataset& d, const std::string& text,
                                    const std::string& field) {
  std::vector<Candidate> c;
  for (const auto& a : d.assessorati) {
    Candidate k{a.key, {a.description, a.key}};
    k.names.insert(k.names.end(), a.aliases.begin(), a.aliases.end());
    c.push_back(std::move(k));
  }
  return resolve(c, text, field, "assessorato");
}

} // namespace traguardi::app
