#include "app/apply_rows.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "app/plan_change.h"
#include "app/sheet_row_edit.h"
#include "app/sheet_shape.h"

namespace traguardi::app {
namespace {

std::string lower_trimmed(const std::string& s) {
  std::string out;
  for (unsigned char c : s)
    if (!std::isspace(c)) out += static_cast<char>(std::tolower(c));
  return out;
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() &&
         lower_trimmed(s.substr(s.size() - tail.size())) == lower_trimmed(tail);
}

Result<interchange::SheetTable> read_table(const std::string& file) {
  if (ends_with(file, ".csv")) return interchange::read_csv_table(file);
  if (ends_with(file, ".xlsx")) return interchange::read_xlsx_table(file);
  return fail("formato non riconosciuto: previsto un file .csv o .xlsx (come scritto da "
              "«traguardi export --format csv|xlsx»)",
              file);
}

/// Where each column of the shape is in the file; unknown or repeated headers are refused.
Result<std::vector<int>> map_columns(const std::string& file,
                                     const std::vector<std::string>& header) {
  const auto& cols = sheet_columns();
  std::vector<int> at(cols.size(), -1);
  for (std::size_t h = 0; h < header.size(); ++h) {
    const std::string name = lower_trimmed(header[h]);
    if (name.empty()) continue;
    auto it = std::find_if(cols.begin(), cols.end(),
                           [&](const SheetColumn& c) { return name == c.name; });
    if (it == cols.end()) {
      std::string known;
      for (const auto& c : cols)
        known += (known.empty() ? "" : ", ") + std::string(c.name);
      return fail(fmt::format("colonna «{}» sconosciuta; colonne previste: {}", header[h], known),
                  file + ":1");
    }
    auto& slot = at[static_cast<std::size_t>(it - cols.begin())];
    if (slot >= 0) return fail(fmt::format("la colonna «{}» compare due volte", name), file + ":1");
    slot = static_cast<int>(h);
  }
  for (int k : {col_kind, col_objective})
    if (at[static_cast<std::size_t>(k)] < 0)
      return fail(fmt::format("manca la colonna «{}»", cols[static_cast<std::size_t>(k)].name),
                  file + ":1");
  return at;
}

/// The rows applied to `before`, skipping `skip`; then the validation by meaning of every
/// objective changed, whose new errors refuse the rows that changed it.
SheetWork evaluate(const Dataset& before, const interchange::SheetTable& t,
                   const std::vector<int>& columns, const std::set<int>& skip) {
  SheetWork w;
  w.after = before;
  for (const auto& row : t.rows)
    if (!skip.count(row.row)) apply_sheet_row(w, row, columns);
  if (w.entries.empty()) return w;
  std::vector<std::string> keys;
  for (const auto& [key, rows] : w.touched)
    keys.push_back(key);
  for (const auto& f : new_errors(before, w.after, keys))
    for (int row : w.touched[f.vista + "/" + f.objective])
      w.problems.push_back({row, {}, fmt::format("obiettivo {}: {}", f.objective, f.message)});
  return w;
}

} // namespace

int ApplyOutcome::exit_code() const {
  if (problems.empty() || partial) return 0;
  for (const auto& p : problems)
    if (p.conflict) return error_kind_exit_code(ErrorKind::conflict);
  return error_kind_exit_code(ErrorKind::invalid_input);
}

Result<ApplyOutcome> apply_sheet(Session& s, const std::string& file, bool partial) {
  auto table = read_table(file);
  if (!table) return tl::unexpected(table.error());
  auto columns = map_columns(file, table->header);
  if (!columns) return tl::unexpected(columns.error());
  auto before = load_ente(s);
  if (!before) return tl::unexpected(before.error());

  ApplyOutcome out;
  out.file = file;
  out.ente = before->ente.code;
  out.rows = table->rows.size();
  out.partial = partial;
  std::set<int> skip;
  SheetWork w = evaluate(*before, *table, *columns, skip);
  out.problems = w.problems;
  // --parziale: drop the refused rows and try again, until what is left is valid (a row can
  // become refused only through validation of an objective it shares with a refused one).
  while (partial && !w.problems.empty()) {
    for (const auto& p : w.problems)
      skip.insert(p.row);
    w = evaluate(*before, *table, *columns, skip);
    out.problems.insert(out.problems.end(), w.problems.begin(), w.problems.end());
  }
  std::stable_sort(out.problems.begin(), out.problems.end(),
                   [](const RowProblem& a, const RowProblem& b) { return a.row < b.row; });
  if ((!out.problems.empty() && !partial) || w.entries.empty()) return out;

  Dataset stored = s.store().replace_checked(*before, w.after, w.entries, s.author());
  out.written = true;
  out.changed_rows = w.changed_rows;
  out.fields = w.entries.size();
  // One validation of the stored plan, filtered: not one per objective changed.
  for (auto& f : validate(stored))
    if (f.severity >= Severity::warning && w.touched.count(f.vista + "/" + f.objective))
      out.warnings.push_back(std::move(f));
  return out;
}

} // namespace traguardi::app
