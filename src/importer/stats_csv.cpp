#include "importer/stats_csv.h"

#include <cctype>

#include <fmt/format.h>

#include "core/csv_text.h"
#include "core/italian.h"
#include "core/normalize.h"

namespace traguardi::importer {
namespace {

const char* kColumns[] = {"territorio", "misura", "data", "dimensione", "valore", "unita", "fonte"};

std::string header_key(const std::string& h) {
  std::string k = matching_key(h);
  for (std::size_t p; (p = k.find("\xC3\x80")) != std::string::npos;) // À (unità → UNITA)
    k.replace(p, 2, "A");
  std::string out;
  for (char c : k)
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool valid_measure(const std::string& m) {
  if (m.empty()) return false;
  for (unsigned char c : m)
    if (!(std::islower(c) || std::isdigit(c) || c == '_')) return false;
  return true;
}

/// "eta=0-4;sesso=F": keys lower case, values non-empty; an age is "N", "N-M" (N ≤ M) or "N+".
std::string dimension_error(const std::string& d) {
  if (d.empty()) return {};
  auto parts = dimension_parts(d);
  std::size_t expected = 1;
  for (char c : d)
    expected += c == ';';
  if (parts.size() != expected)
    return "atteso «chiave=valore» separati da «;» (es. eta=0-4;sesso=F)";
  for (const auto& [k, v] : parts) {
    if (!valid_measure(k) || v.empty()) return "chiave o valore vuoto in «" + k + "=" + v + "»";
    if (k == "eta") {
      std::string a = v, b;
      bool open = !a.empty() && a.back() == '+';
      if (open) a.pop_back();
      auto dash = a.find('-');
      if (dash != std::string::npos) b = a.substr(dash + 1), a = a.substr(0, dash);
      auto digits = [](const std::string& s) {
        if (s.empty() || s.size() > 3) return false;
        for (unsigned char c : s)
          if (!std::isdigit(c)) return false;
        return true;
      };
      if (!digits(a) ||
          (dash != std::string::npos && (!digits(b) || open || std::stoi(b) < std::stoi(a))))
        return "età «" + v + "» non valida (attesa «N», «N-M» o «N+»)";
    }
    if (k == "sesso" && v != "M" && v != "F" && v != "T")
      return "sesso «" + v + "» non valido (atteso M, F o T)";
  }
  return {};
}

std::string reference_of(const std::string& s) {
  if (valid_reference(s)) return s;
  if (auto d = italian::parse_date(s)) return d->iso();
  return {};
}

} // namespace

StatsCsvResult parse_stats_csv(std::string_view text, const std::string& file) {
  StatsCsvResult out;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  auto first_line = text.substr(0, text.find('\n'));
  char sep = first_line.find(';') != std::string_view::npos ? ';' : ',';
  auto rows = parse_csv(text, sep);
  if (rows.empty()) {
    out.errors.push_back({ErrorKind::invalid_input, "file vuoto", file + ":1"});
    return out;
  }
  const auto& header = rows.front();
  bool header_ok = header.size() == 7;
  for (std::size_t i = 0; header_ok && i < 7; ++i)
    header_ok = header_key(header[i]) == kColumns[i];
  if (!header_ok) {
    out.errors.push_back({ErrorKind::invalid_input,
                          "intestazione non valida: attese le colonne territorio, misura, data, "
                          "dimensione, valore, unità, fonte",
                          file + ":1"});
    return out;
  }
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    std::string where = fmt::format("{}:{}", file, r + 1);
    auto bad = [&](const std::string& field, const std::string& msg) {
      out.errors.push_back({ErrorKind::invalid_input, field + ": " + msg, where});
    };
    if (row.size() == 1 && row[0].empty()) continue; // trailing empty line
    if (row.size() != 7) {
      bad("riga", fmt::format("{} campi invece di 7", row.size()));
      continue;
    }
    std::size_t before = out.errors.size();
    StatValue v;
    v.territory = collapse_spaces(row[0]);
    v.measure = row[1];
    v.reference = reference_of(row[2]);
    v.dimension = row[3];
    v.unit = collapse_spaces(row[5]);
    v.source = collapse_spaces(row[6]);
    if (v.territory.empty()) bad("territorio", "campo vuoto");
    if (!valid_measure(v.measure))
      bad("misura", "«" + row[1] + "» non valida (lettere minuscole, cifre e _ , es. popolazione)");
    if (v.reference.empty())
      bad("data", "«" + row[2] + "» non valida (attesa AAAA-MM-GG, GG/MM/AAAA o AAAA)");
    if (auto e = dimension_error(v.dimension); !e.empty()) bad("dimensione", e);
    auto value = sep == ';' ? italian::parse_number(row[4]) : Decimal::parse(row[4]);
    if (!value)
      bad("valore", "«" + row[4] + "» non è un numero" +
                        (sep == ';' ? " (formato italiano, es. 1.234,5)" : " (es. 1234.5)"));
    if (v.unit.empty()) bad("unità", "campo vuoto");
    if (v.source.empty()) bad("fonte", "campo vuoto");
    if (out.errors.size() != before) continue;
    v.value = value;
    v.table = "import-stats";
    v.provenance = {file, static_cast<int>(r + 1), static_cast<int>(r + 1)};
    out.values.push_back(std::move(v));
  }
  if (!out.errors.empty()) out.values.clear();
  return out;
}

} // namespace traguardi::importer
