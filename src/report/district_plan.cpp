// "Piano di Zona": member comuni, governance bodies, the plan by area with macro-obiettivi,
// actions and the PEG objectives of comuni they are linked to, and the strategic objectives.
#include <fmt/format.h>

#include "core/italian.h"
#include "report/district_builder.h"

namespace traguardi::report {
namespace {

std::string percent(const std::optional<Decimal>& v) {
  return v ? italian::format_percent(*v) : "n.d.";
}

const MacroLinkSummary* links_of(const std::vector<MacroLinkSummary>& all,
                                 const std::string& code) {
  for (const auto& l : all)
    if (l.macro == code) return &l;
  return nullptr;
}

std::string links_text(const MacroLinkSummary* l) {
  if (!l) return "";
  std::string out;
  for (const auto& o : l->objectives)
    out += (out.empty() ? "" : "\n") +
           fmt::format("{}: {} {}{} – avanzamento {}, raggiungimento {}", o.comune, o.objective,
                       o.description, o.found ? "" : " (non trovato)", percent(o.progress),
                       percent(o.achievement));
  out += fmt::format("\nMedia semplice: avanzamento {} (su {}), raggiungimento {} (su {})",
                     percent(l->mean_progress), l->with_progress, percent(l->mean_achievement),
                     l->with_achievement);
  return out;
}

Section comuni_section(const DistrictPlan& p) {
  Section s;
  s.code = "Ambito";
  s.header.rows = {{{"Ambito", "comuni e governance", 1}}};
  Table t;
  t.heading = "COMUNI DELL'AMBITO";
  t.sheet = "Comuni";
  t.columns = {{"Comune", 2}, {"Nome nelle tabelle", 1.5}, {"Capofila", 0.8}, {"Ente", 1}};
  for (const auto& c : p.comuni)
    t.rows.push_back({Cell::of_text(c.name), Cell::of_text(c.short_name),
                      Cell::of_text(c.capofila ? "sì" : ""), Cell::of_text(c.ente)});
  s.blocks.push_back(t);
  Table g;
  g.heading = "ORGANI DI GOVERNANCE";
  g.sheet = "Governance";
  g.columns = {{"Organo", 2}, {"Tipo", 1.2}, {"Composizione e funzioni", 4}, {"Fonte", 1}};
  for (const auto& b : p.governance) {
    std::string text = b.composition;
    if (!b.functions.empty()) text += (text.empty() ? "" : "\n") + b.functions;
    g.rows.push_back({Cell::of_text(b.name), Cell::of_text(b.kind), Cell::of_text(text),
                      Cell::of_text(fmt::format("{}:{}", b.source.document, b.source.line_from))});
  }
  s.blocks.push_back(g);
  return s;
}

} // namespace

Document build_plan_report(const Dataset& d, const std::vector<MacroLinkSummary>& links,
                           Date produced) {
  const DistrictPlan& p = *d.district;
  Document doc;
  doc.ente = d.ente.name;
  doc.title = "PIANO DI ZONA";
  doc.produced = produced;
  doc.parameters = {{"Piano", p.title},
                    {"Periodo", fmt::format("{}–{}", p.year_from, p.year_to)},
                    {"Vista", p.vista}};
  if (const Vista* v = find_vista(d, p.vista)) {
    std::string levels;
    for (const auto& l : v->level_definitions)
      levels += (levels.empty() ? "" : " → ") + l.name;
    doc.parameters.push_back({"Livelli", levels});
  }
  doc.sections.push_back(comuni_section(p));
  for (const auto& a : p.areas) {
    Section s;
    s.code = a.code;
    s.header.rows = {{{"Area", a.code + " " + a.title, 1}}};
    Table t;
    t.heading = "MACRO-OBIETTIVI";
    t.sheet = "Macro-obiettivi";
    t.columns = {{"N.", 0.4},
                 {"Macro-obiettivo", 2.2},
                 {"Azioni", 3.5},
                 {"Anche nelle aree", 1},
                 {"Obiettivi PEG dei comuni collegati", 3}};
    for (const auto& m : p.macro_objectives)
      for (const auto& pl : m.placements) {
        if (pl.area != a.code) continue;
        std::string actions;
        for (const auto& x : m.actions)
          actions += (actions.empty() ? "– " : "\n– ") + x;
        if (actions.empty()) actions = m.text;
        std::string others;
        for (const auto& o : m.placements)
          if (o.area != a.code) others += (others.empty() ? "" : ", ") + o.area;
        t.rows.push_back({Cell::of_text(std::to_string(pl.number)),
                          Cell::of_text(m.code + " " + m.title), Cell::of_text(actions),
                          Cell::of_text(others),
                          Cell::of_text(links_text(links_of(links, m.code)))});
      }
    s.blocks.push_back(t);
    doc.sections.push_back(std::move(s));
  }
  if (!p.strategic.empty()) {
    Section s;
    s.code = "Obiettivi strategici";
    s.header.rows = {{{"Obiettivi strategici", fmt::format("{}", p.strategic.front().year), 1}}};
    Table t;
    t.heading = "OBIETTIVI STRATEGICI";
    t.sheet = "Obiettivi strategici";
    t.columns = {{"N.", 0.4}, {"Anno", 0.6}, {"Criterio", 3}, {"Obiettivo e traguardo", 5}};
    for (const auto& o : p.strategic)
      t.rows.push_back({Cell::of_text(std::to_string(o.number)),
                        Cell::of_text(std::to_string(o.year)), Cell::of_text(o.criterion),
                        Cell::of_text(o.description)});
    s.blocks.push_back(t);
    doc.sections.push_back(std::move(s));
  }
  return doc;
}

} // namespace traguardi::report
