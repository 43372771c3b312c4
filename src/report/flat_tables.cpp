#include "report/flat_tables.h"

#include <algorithm>

#include "core/italian.h"

namespace traguardi::report {
namespace {

FlatTable parameters(const Document& d) {
  FlatTable t{"Parametri", {{"Parametro", 1.6}, {"Valore", 4}}, {}};
  t.rows.push_back({Cell::of_text("Ente"), Cell::of_text(d.ente)});
  t.rows.push_back({Cell::of_text("Scheda"), Cell::of_text(d.title)});
  t.rows.push_back({Cell::of_text("Data elaborazione"), Cell::of_date(d.produced)});
  for (const auto& p : d.parameters)
    t.rows.push_back({Cell::of_text(p.label), Cell::of_text(p.value)});
  return t;
}

FlatTable objectives(const Document& d) {
  FlatTable t{"Obiettivi", {}, {}};
  // Columns are the header labels in first-seen order; both templates use one set per sheet.
  auto fields = [](const Section& s) {
    std::vector<const HeaderField*> out;
    for (const auto& row : s.header.rows)
      for (const auto& f : row)
        out.push_back(&f);
    for (const auto& f : s.details)
      out.push_back(&f);
    return out;
  };
  for (const auto& s : d.sections)
    for (const HeaderField* f : fields(s))
      if (std::none_of(t.columns.begin(), t.columns.end(),
                       [&](const Column& c) { return c.header == f->label; }))
        t.columns.push_back({f->label, f->label == "Descrizione" ? 5.0 : 1.8});
  for (const auto& s : d.sections) {
    std::vector<Cell> cells(t.columns.size());
    for (const HeaderField* f : fields(s))
      for (std::size_t i = 0; i < t.columns.size(); ++i)
        if (t.columns[i].header == f->label) cells[i] = Cell::of_text(f->value);
    t.rows.push_back(std::move(cells));
  }
  return t;
}

} // namespace

std::vector<FlatTable> flatten(const Document& d) {
  std::vector<FlatTable> out{parameters(d), objectives(d)};
  for (const TableRef& ref : all_tables(d)) {
    const Table& table = *ref.table;
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const FlatTable& f) { return f.name == table.sheet; });
    if (it == out.end()) {
      FlatTable f{table.sheet, {{"Obiettivo", 1.2}}, {}};
      for (Column c : table.columns) {
        if (!c.sheet_header.empty()) c.header = c.sheet_header;
        f.columns.push_back(std::move(c));
      }
      out.push_back(std::move(f));
      it = out.end() - 1;
    }
    for (const auto& row : table.rows) {
      std::vector<Cell> cells{Cell::of_text(ref.section->code)};
      cells.insert(cells.end(), row.begin(), row.end());
      cells.resize(it->columns.size());
      it->rows.push_back(std::move(cells));
    }
  }
  return out;
}

} // namespace traguardi::report
