#include "report/csv_renderer.h"

#include <fstream>

#include "core/csv_text.h"
#include "report/flat_tables.h"

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

} // namespace

std::string render_csv(const Document& d) {
  std::string out = "\xEF\xBB\xBF";
  bool first = true;
  for (const FlatTable& t : flatten(d)) {
    if (!first) out += "\r\n";
    first = false;
    line(out, {t.name});
    std::vector<std::string> fields;
    for (const auto& c : t.columns)
      fields.push_back(c.header);
    line(out, fields);
    for (const auto& row : t.rows) {
      fields.clear();
      for (const auto& cell : row)
        fields.push_back(cell.text);
      line(out, fields);
    }
  }
  return out;
}

Result<void> write_csv(const Document& d, const std::string& path) {
  const std::string csv = render_csv(d);
  std::ofstream out(path, std::ios::binary);
  out << csv;
  out.close();
  if (!out) return fail("Impossibile scrivere il file «" + path + "».", path, ErrorKind::internal);
  return {};
}

} // namespace traguardi::report
