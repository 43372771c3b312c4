#include "importer/table_rows.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "importer/empty_cell.h"

namespace traguardi::importer {
namespace {

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

void append(std::string& out, const std::string& s) {
  if (s.empty()) return;
  if (!out.empty()) out += ' ';
  out += s;
}

} // namespace

std::vector<ColumnRole> column_roles(const std::vector<std::string>& labels) {
  using R = ColumnRole;
  std::vector<R> roles;
  int raggiunto = 0;
  const bool phases = std::find(labels.begin(), labels.end(), "Peso") != labels.end();
  for (const auto& l : labels) {
    if (l == "Descrizione")
      roles.push_back(R::description);
    else if (l == "Note")
      roles.push_back(R::note);
    else if (phases && l == "Peso")
      roles.push_back(R::weight);
    else if (phases && starts_with(l, "Avanz"))
      roles.push_back(R::progress);
    else if (phases && l == "Inizio Previsto")
      roles.push_back(R::planned_start);
    else if (phases && l == "Fine Prevista")
      roles.push_back(R::planned_end);
    else if (phases && l == "Responsabile")
      roles.push_back(R::responsible);
    else if (phases && starts_with(l, "Centro di Responsabilit"))
      roles.push_back(R::center);
    else if (phases && l == "Inizio Effettivo")
      roles.push_back(R::actual_start);
    else if (phases && l == "Fine Effettiva")
      roles.push_back(R::actual_end);
    else if (!phases && l == "Tipo")
      roles.push_back(R::type);
    else if (!phases && l == "Valore Atteso")
      roles.push_back(R::target);
    else if (!phases && starts_with(l, "Valore Raggiunto") && raggiunto < 3)
      roles.push_back(std::array{R::actual, R::previous1, R::previous2}[raggiunto++]);
    else
      return {};
  }
  return roles;
}

bool is_phase_table(const std::vector<ColumnRole>& roles) {
  return std::find(roles.begin(), roles.end(), ColumnRole::weight) != roles.end();
}

std::string join_cells(const std::vector<std::string>& texts) {
  std::string s;
  for (const auto& t : texts)
    append(s, t);
  return s;
}

void write_table_row(const std::vector<ColumnRole>& roles, const std::vector<std::string>& row,
                     std::string& out) {
  using R = ColumnRole;
  auto cell = [&](R r) -> std::string {
    for (std::size_t i = 0; i < roles.size() && i < row.size(); ++i)
      if (roles[i] == r) return row[i];
    return "";
  };
  auto value = [&](R r) {
    std::string v = cell(r);
    return v.empty() ? std::string(kEmptyCell) : v;
  };
  const std::string note = cell(R::note);
  if (is_phase_table(roles)) {
    out += cell(R::description) + "\n\n";
    std::string line = value(R::weight) + ' ' + value(R::progress) + ' ' + value(R::planned_start) +
                       ' ' + value(R::planned_end);
    append(line, cell(R::responsible));
    append(line, cell(R::center));
    out += line + "\n\n";
    if (!note.empty()) out += note + "\n\n";
    out += value(R::actual_start) + ' ' + value(R::actual_end) + "\n\n";
    return;
  }
  out += cell(R::description) + '\n';
  std::string line = cell(R::type);
  for (R r : {R::target, R::actual, R::previous1, R::previous2}) {
    line += ' ';
    line += value(r);
  }
  append(line, note);
  out += line + "\n\n";
}

} // namespace traguardi::importer
