#include "app/list_export.h"

#include <algorithm>
#include <unordered_map>

#include "core/italian.h"
#include "io/output_file.h"
#include "report/csv_renderer.h"
#include "report/xlsx_renderer.h"

namespace traguardi::app {
namespace {

using report::Cell;
using report::Column;
using report::ValueKind;

Cell text(std::string t) {
  return Cell::of_text(std::move(t));
}

Cell count(std::int64_t n) {
  Cell c;
  c.number = Decimal::from_int(n);
  c.text = std::to_string(n);
  return c;
}

/// A percentage, or "n.d." (the figure cannot be computed: the rule column says why).
Cell percent(const std::optional<Decimal>& v) {
  Cell c = Cell::of_number(v);
  c.text = v ? italian::format_percent(*v) : "n.d.";
  return c;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items)
    out += (out.empty() ? "" : ", ") + i;
  return out;
}

std::string person_name(const Dataset& d, const std::string& key) {
  const Person* p = find_person(d, key);
  return p ? p->name : key;
}

/// What a roll-up key stands for: the objective's description, the CdR's or person's name.
std::string rollup_name(const Dataset& d, const RollupFigure& r) {
  if (r.axis == "cdr") {
    const ResponsibilityCenter* c = find_center(d, r.key);
    return c ? c->name : r.key;
  }
  if (r.axis == "responsabile") return person_name(d, r.key);
  if (r.axis == "assessorato") {
    const Assessorato* a = find_assessorato(d, r.key);
    return a ? a->description : r.key;
  }
  const std::size_t slash = r.key.find('/');
  const Objective* o = slash == std::string::npos
                           ? nullptr
                           : find_objective(d, r.key.substr(0, slash), r.key.substr(slash + 1));
  if (!o) return {};
  return o->short_description.empty() ? o->description : o->short_description;
}

/// Code points, for aligning columns of accented text on a terminal.
std::size_t shown_width(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

} // namespace

const std::vector<std::string>& rollup_axes() {
  static const std::vector<std::string> axes{"programma", "missione",     "mandato",
                                             "cdr",       "responsabile", "assessorato"};
  return axes;
}

ListTable summary_list(const SummaryOutcome& sum) {
  const Dataset& d = sum.dataset;
  ListTable out{"Riepilogo – " + d.ente.name, {"Riepilogo", {}, {}}};
  out.table.columns = {{"Vista", 1.4},
                       {"Codice", 1.6},
                       {"Livello", 1},
                       {"Descrizione", 3},
                       {"Fasi", 0.6, ValueKind::number},
                       {"Indicatori", 0.8, ValueKind::number},
                       {"Avanzamento", 1, ValueKind::percent},
                       {"Avanzamento delle fasi rendicontate", 1.2, ValueKind::percent},
                       {"Copertura dei pesi rendicontati", 1.2, ValueKind::percent},
                       {"Grado di raggiungimento", 1.1, ValueKind::percent},
                       {"Obiettivi di PEG collegati", 0.9, ValueKind::number},
                       {"Avanzamento medio dei collegati", 1.1, ValueKind::percent},
                       {"Grado medio dei collegati", 1.1, ValueKind::percent},
                       {"Come è stato ottenuto l'avanzamento", 4},
                       {"Come è stato ottenuto il grado", 4}};
  for (std::size_t i = 0; i < d.objectives.size(); ++i) {
    const Objective& o = d.objectives[i];
    const ObjectiveFigures& f = sum.figures[i];
    const RollupFigure* r = sum.rollup_of(o);
    out.table.rows.push_back(
        {text(o.vista), text(o.code), text(to_string(o.level)),
         text(o.short_description.empty() ? o.description : o.short_description),
         count(static_cast<std::int64_t>(o.phases.size())),
         count(static_cast<std::int64_t>(o.indicators.size())), percent(f.progress.value),
         percent(f.progress.reported_only), percent(f.progress.coverage),
         percent(f.achievement.value), r ? count(r->objectives) : text(""),
         r ? percent(r->progress) : text(""), r ? percent(r->achievement) : text(""),
         text(f.progress.rule), text(f.achievement.rule)});
  }
  return out;
}

ListTable rollup_list(const SummaryOutcome& sum, const std::string& axis) {
  const bool tree = axis == "programma" || axis == "missione" || axis == "mandato";
  const std::string shown = axis == "cdr" ? "CdR" : axis;
  ListTable out{"Aggregati per " + shown + " – " + sum.dataset.ente.name,
                {"Aggregati per " + shown, {}, {}}};
  auto& cols = out.table.columns;
  if (tree) cols.emplace_back("Vista", 1.4);
  cols.insert(cols.end(), {Column{tree ? "Codice" : "Chiave", 1.6}, Column{"Denominazione", 3},
                           Column{"Obiettivi di PEG", 0.8, ValueKind::number},
                           Column{"Con avanzamento", 0.8, ValueKind::number},
                           Column{"Avanzamento medio", 1, ValueKind::percent},
                           Column{"Con grado di raggiungimento", 0.9, ValueKind::number},
                           Column{"Grado di raggiungimento medio", 1, ValueKind::percent},
                           Column{"Media di (obiettivi di PEG)", 5}});
  for (const auto& r : sum.rollups) {
    if (r.axis != axis) continue;
    std::vector<Cell> row;
    std::string key = r.key;
    if (tree) {
      const std::size_t slash = key.find('/');
      row.push_back(text(key.substr(0, slash)));
      key = slash == std::string::npos ? key : key.substr(slash + 1);
    }
    row.insert(row.end(), {text(key), text(rollup_name(sum.dataset, r)), count(r.objectives),
                           count(r.with_progress), percent(r.progress), count(r.with_achievement),
                           percent(r.achievement), text(joined(r.inputs))});
    out.table.rows.push_back(std::move(row));
  }
  return out;
}

ListTable check_list(const CheckOutcome& c) {
  ListTable out{"Controllo dei dati – " + c.ente.name, {"Controllo", {}, {}}};
  out.table.columns = {{"Gravità", 0.8},   {"Codice", 1.4}, {"Vista", 1.4},
                       {"Obiettivo", 1.6}, {"Campo", 1.4},  {"Messaggio", 6}};
  for (const auto& f : c.findings)
    out.table.rows.push_back({text(severity_label(f.severity)), text(f.code), text(f.vista),
                              text(f.objective), text(f.field), text(f.message)});
  return out;
}

Result<ListTable> center_list(Session& s) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  std::unordered_map<std::string, std::int64_t> owned;
  for (const auto& o : d->objectives)
    ++owned[o.center];
  ListTable out{"Centri di responsabilità – " + d->ente.name, {"Centri di responsabilità", {}, {}}};
  out.table.columns = {{"Codice", 1.2},
                       {"Denominazione", 3},
                       {"Descrizione breve", 2},
                       {"Tipo", 1.2},
                       {"CdR superiore", 1.2},
                       {"Sigla PEG", 0.8},
                       {"Responsabile", 1.8},
                       {"Valido dal", 1, ValueKind::date},
                       {"Valido al", 1, ValueKind::date},
                       {"Obiettivi", 0.8, ValueKind::number}};
  for (const auto& c : d->centers)
    out.table.rows.push_back(
        {text(c.code), text(c.name), text(c.short_name), text(c.kind), text(c.parent),
         text(c.peg_sigla), text(c.head.empty() ? "" : person_name(*d, c.head)),
         Cell::of_date(c.valid_from), Cell::of_date(c.valid_to), count(owned[c.code])});
  return out;
}

Result<ListTable> person_list(Session& s) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  std::unordered_map<std::string, std::int64_t> responsible;
  std::unordered_map<std::string, std::vector<std::string>> heads;
  for (const auto& o : d->objectives)
    ++responsible[o.responsible];
  for (const auto& c : d->centers)
    if (!c.head.empty()) heads[c.head].push_back(c.code);
  ListTable out{"Persone – " + d->ente.name, {"Persone", {}, {}}};
  out.table.columns = {{"Nominativo", 2},
                       {"Nome utente", 1.2},
                       {"Altri nomi", 2},
                       {"Responsabile dei CdR", 1.6},
                       {"Obiettivi di cui è responsabile", 1, ValueKind::number}};
  for (const auto& p : d->persons)
    out.table.rows.push_back({text(p.name), text(p.username), text(joined(p.aliases)),
                              text(joined(heads[p.key])), count(responsible[p.key])});
  return out;
}

std::string list_csv(const ListTable& t) {
  return report::render_csv_table(t.table);
}

std::string list_text(const ListTable& t) {
  const auto& cols = t.table.columns;
  std::vector<std::size_t> width(cols.size());
  for (std::size_t c = 0; c < cols.size(); ++c) {
    width[c] = shown_width(cols[c].header);
    for (const auto& row : t.table.rows)
      width[c] = std::max(width[c], shown_width(row[c].text));
  }
  std::string out;
  auto line = [&](auto&& cell_text) {
    std::string l;
    for (std::size_t c = 0; c < cols.size(); ++c) {
      const std::string s = cell_text(c);
      l += s;
      if (c + 1 < cols.size()) l += std::string(width[c] - shown_width(s) + 2, ' ');
    }
    while (!l.empty() && l.back() == ' ')
      l.pop_back();
    out += l + "\n";
  };
  line([&](std::size_t c) { return cols[c].header; });
  for (const auto& row : t.table.rows)
    line([&](std::size_t c) { return row[c].text; });
  return out;
}

Result<void> write_list(const ListTable& t, SheetFormat format, const std::string& path) {
  if (auto ok = io::check_output_path(path); !ok) return ok;
  if (format == SheetFormat::csv) return io::write_file_atomically(path, list_csv(t));
  return report::write_xlsx_tables({t.table}, t.title, path);
}

} // namespace traguardi::app
