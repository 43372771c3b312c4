#include "app/sheet_export.h"

#include "app/sheet_shape.h"
#include "core/italian.h"
#include "io/output_file.h"
#include "report/csv_renderer.h"
#include "report/flat_tables.h"
#include "report/xlsx_renderer.h"

namespace traguardi::app {
namespace {

report::ValueKind kind_of(ColumnValue v) {
  switch (v) {
  case ColumnValue::number:
    return report::ValueKind::number;
  case ColumnValue::percent:
    return report::ValueKind::percent;
  case ColumnValue::date:
    return report::ValueKind::date;
  default:
    return report::ValueKind::text;
  }
}

/// A cell with its typed value, so that XLSX writes numbers and dates a spreadsheet computes
/// with; the text is what CSV writes.
report::Cell cell_of(const SheetColumn& c, std::string text) {
  report::Cell cell;
  if (!text.empty()) {
    if (c.value == ColumnValue::number || c.value == ColumnValue::percent)
      cell.number = italian::parse_number(text);
    else if (c.value == ColumnValue::date)
      cell.date = italian::parse_date(text);
    else if (c.value == ColumnValue::whole)
      cell.number = Decimal::parse(text);
  }
  cell.text = std::move(text);
  return cell;
}

report::FlatTable sheet_table(const Dataset& d) {
  report::FlatTable t;
  t.name = "Piano";
  for (const auto& c : sheet_columns()) {
    const bool wide = c.value == ColumnValue::text && std::string_view(c.name) != "tipo_riga";
    t.columns.emplace_back(c.name, wide ? 2.0 : 1.2, kind_of(c.value));
  }
  auto add = [&](const Objective& o, RowKind k, const void* item) {
    auto texts = row_texts(d, o, k, item);
    std::vector<report::Cell> row;
    row.reserve(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i)
      row.push_back(cell_of(sheet_columns()[i], std::move(texts[i])));
    t.rows.push_back(std::move(row));
  };
  for (const auto& o : d.objectives) {
    add(o, RowKind::objective, nullptr);
    for (const auto& p : o.phases)
      add(o, RowKind::phase, &p);
    for (const auto& i : o.indicators)
      add(o, RowKind::indicator, &i);
  }
  return t;
}

} // namespace

Result<std::string> export_sheet_csv(Session& s) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  return report::render_csv_table(sheet_table(*d));
}

Result<void> export_sheet(Session& s, SheetFormat format, const std::string& path) {
  if (auto ok = io::check_output_path(path); !ok) return ok;
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  if (format == SheetFormat::csv)
    return io::write_file_atomically(path, report::render_csv_table(sheet_table(*d)));
  return report::write_xlsx_tables({sheet_table(*d)}, "Piano – " + d->ente.name, path);
}

} // namespace traguardi::app
