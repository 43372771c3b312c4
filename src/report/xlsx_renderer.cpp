#include "report/xlsx_renderer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "io/output_file.h"
#include "report/cell_safety.h"
#include "report/flat_tables.h"

namespace traguardi::report {
namespace {

double to_double(const Decimal& v) {
  // Excel stores binary doubles; parsing the exact text gives the nearest one (locale-free).
  const std::string text = v.to_plain_string();
  double out = 0;
  std::from_chars(text.data(), text.data() + text.size(), out);
  return out;
}

struct Formats {
  lxw_format *header, *text, *number, *percent, *date;
  explicit Formats(lxw_workbook* wb) {
    header = workbook_add_format(wb);
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_bg_color(header, 0xE0E8F5);
    format_set_border(header, LXW_BORDER_THIN);
    format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
    text = workbook_add_format(wb);
    format_set_text_wrap(text);
    format_set_align(text, LXW_ALIGN_VERTICAL_TOP);
    // Number formats are stored locale-neutral; an Italian Excel shows 1.134,00 and 31/12/2021.
    number = workbook_add_format(wb);
    format_set_num_format(number, "#,##0.00");
    format_set_align(number, LXW_ALIGN_VERTICAL_TOP);
    percent = workbook_add_format(wb);
    format_set_num_format(percent, "#,##0.00\"%\"");
    format_set_align(percent, LXW_ALIGN_VERTICAL_TOP);
    date = workbook_add_format(wb);
    format_set_num_format(date, "dd/mm/yyyy");
    format_set_align(date, LXW_ALIGN_VERTICAL_TOP);
  }
};

void write_sheet(lxw_workbook* wb, const Formats& f, const FlatTable& t) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, t.name.c_str());
  const auto cols = static_cast<lxw_col_t>(t.columns.size());
  for (lxw_col_t c = 0; c < cols; ++c) {
    const Column& col = t.columns[c];
    const double width = std::clamp(col.width * 11.0, 10.0, 70.0);
    worksheet_set_column(ws, c, c, width, nullptr);
    worksheet_write_string(ws, 0, c, col.header.c_str(), f.header);
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (lxw_col_t c = 0; c < cols; ++c) {
      const Cell& cell = t.rows[r][c];
      if (cell.date) {
        lxw_datetime dt{cell.date->year, cell.date->month, cell.date->day, 0, 0, 0};
        worksheet_write_datetime(ws, row, c, &dt, f.date);
      } else if (cell.number) {
        lxw_format* fmt = t.columns[c].kind == ValueKind::percent ? f.percent : f.number;
        worksheet_write_number(ws, row, c, to_double(*cell.number), fmt);
      } else if (!cell.text.empty()) {
        worksheet_write_string(ws, row, c, spreadsheet_safe_text(cell.text).c_str(), f.text);
      }
      // Empty values stay empty cells, never 0.
    }
  }
  worksheet_freeze_panes(ws, 1, 0);
  if (cols > 0) worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(t.rows.size()), cols - 1);
}

Result<void> write_workbook(const std::vector<FlatTable>& tables, std::string title, time_t created,
                            const std::string& path, const std::string& shown) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  options.tmpdir = nullptr;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (!wb)
    return fail("Impossibile creare il file «" + shown + "».", shown, ErrorKind::invalid_input);
  // A fixed creation time (the data elaborazione) keeps the workbook reproducible.
  lxw_doc_properties props{};
  std::string author = "traguardi";
  props.title = title.data();
  props.author = author.data();
  props.created = created;
  workbook_set_properties(wb, &props);
  const Formats formats(wb);
  for (const FlatTable& t : tables)
    write_sheet(wb, formats, t);
  const lxw_error status = workbook_close(wb);
  if (status != LXW_NO_ERROR) {
    return fail("Impossibile scrivere il file Excel «" + shown + "»: " + lxw_strerror(status) + ".",
                shown, ErrorKind::invalid_input);
  }
  return {};
}

} // namespace

Result<void> write_xlsx(const Document& d, const std::string& target) {
  // libxlsxwriter opens the file itself: it writes our safe temporary (io/output_file.h).
  return io::write_via_temporary(target, [&](const std::string& path) -> Result<void> {
    return write_workbook(flatten(d), d.title + " – " + d.ente,
                          static_cast<time_t>(d.produced.days()) * 86400, path, target);
  });
}

Result<void> write_xlsx_tables(const std::vector<FlatTable>& tables, const std::string& title,
                               const std::string& target) {
  return io::write_via_temporary(target, [&](const std::string& path) -> Result<void> {
    return write_workbook(tables, title, 0, path, target);
  });
}

} // namespace traguardi::report
