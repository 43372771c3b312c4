#include "report/csv_renderer.h"

#include <cstdio>
#include <fstream>

#include "core/csv_text.h"
#include "io/output_file.h"
#include "report/cell_safety.h"
#include "report/flat_tables.h"
#include "report/zip_store.h"

namespace traguardi::report {
namespace {

constexpr char kSep = ';';

void line(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += kSep;
    out += csv_field(fields[i], kSep);
  }
  out += "\r\n";
}

/// "Strutture coinvolte" -> "_strutture_coinvolte".
std::string suffix_of(const std::string& name) {
  std::string out = "_";
  for (unsigned char c : name) {
    if (c >= 'A' && c <= 'Z')
      out += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out += static_cast<char>(c);
    else if (out.back() != '_')
      out += '_';
  }
  while (out.size() > 1 && out.back() == '_')
    out.pop_back();
  return out;
}

} // namespace

std::string render_csv_table(const FlatTable& t) {
  std::string text = "\xEF\xBB\xBF";
  std::vector<std::string> fields;
  for (const auto& c : t.columns)
    fields.push_back(c.header);
  line(text, fields);
  for (const auto& row : t.rows) {
    fields.clear();
    for (const auto& cell : row)
      fields.push_back(cell.number || cell.date ? cell.text : spreadsheet_safe_text(cell.text));
    line(text, fields);
  }
  return text;
}

std::vector<CsvFile> render_csv(const Document& d) {
  std::vector<CsvFile> files;
  for (const FlatTable& t : flatten(d)) {
    CsvFile f{t.name == "Obiettivi" ? "" : suffix_of(t.name), t.name, render_csv_table(t)};
    if (f.suffix.empty())
      files.insert(files.begin(), std::move(f));
    else
      files.push_back(std::move(f));
  }
  return files;
}

std::string render_csv_zip(const Document& d) {
  std::vector<std::pair<std::string, std::string>> files;
  for (auto& f : render_csv(d))
    files.emplace_back((f.suffix.empty() ? "obiettivi" : f.suffix.substr(1)) + ".csv",
                       std::move(f.text));
  return zip_store(files, d.produced);
}

std::string csv_path(const std::string& path, const std::string& suffix) {
  const std::size_t slash = path.find_last_of('/');
  const std::size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
    return path + suffix + ".csv";
  return path.substr(0, dot) + suffix + path.substr(dot);
}

Result<std::vector<std::string>> write_csv(const Document& d, const std::string& path) {
  std::vector<std::string> written;
  if (path.size() > 4 && path.compare(path.size() - 4, 4, ".zip") == 0) {
    if (auto ok = io::write_file_atomically(path, render_csv_zip(d)); !ok)
      return tl::unexpected(ok.error());
    return std::vector<std::string>{path};
  }
  for (const CsvFile& f : render_csv(d)) {
    const std::string target = csv_path(path, f.suffix);
    if (auto ok = io::write_file_atomically(target, f.text); !ok) {
      for (const auto& w : written)
        std::remove(w.c_str());
      return tl::unexpected(ok.error());
    }
    written.push_back(target);
  }
  return written;
}

} // namespace traguardi::report
