#include "report/scheda_builder.h"

#include "core/figures.h"
#include "core/italian.h"
#include "report/scheda_parts.h"
#include "report/text_rules.h"

namespace traguardi::report {
namespace {

class SectionBuilder {
public:
  SectionBuilder(const Dataset& d, ReportKind kind, const Objective& o, Date produced,
                 const std::vector<RollupFigure>& rollups)
      : d_(d), kind_(kind), o_(o), produced_(produced), rollups_(rollups) {}

  Section build() {
    s_.code = o_.code;
    header();
    if (kind_ == ReportKind::scheda_peg_rendicontazione) {
      if (!o_.objective_type.empty()) add(Paragraph{"Tipo di Obiettivo", o_.objective_type, false});
      linked_to();
      status("STATO DI ATTUAZIONE AL " + as_of_label());
      gantt_and_phases("FASI");
      indicators();
    } else {
      linked_to();
      purposes();
      status("STATO DI ATTUAZIONE");
      if (!o_.structures.empty()) add(structures_table(o_));
      if (!o_.people.empty()) add(people_table(d_, o_));
      if (!o_.state.empty()) {
        add(Heading{"Stato"});
        add(Paragraph{"", o_.state, false});
      }
      gantt_and_phases(o_.level == Level::peg ? "FASI - ATTIVITA'" : "FASI");
      indicators();
    }
    add(Heading{"DATI CALCOLATI"});
    Table figures = figures_table(o_, rollup());
    figures.heading.clear(); // the heading above already names it
    add(std::move(figures));
    return std::move(s_);
  }

private:
  void add(Block b) { s_.blocks.push_back(std::move(b)); }

  const RollupFigure* rollup() const {
    const char* axis = o_.level == Level::programma  ? "programma"
                       : o_.level == Level::missione ? "missione"
                       : o_.level == Level::mandato  ? "mandato"
                                                     : nullptr;
    if (!axis) return nullptr;
    const std::string key = o_.vista + "/" + o_.code;
    for (const auto& r : rollups_)
      if (r.axis == axis && r.key == key) return &r;
    return nullptr;
  }

  std::string center_label() const {
    const ResponsibilityCenter* c = find_center(d_, o_.center);
    if (!c) return o_.center;
    return c->name.empty() ? c->short_name : c->name;
  }

  std::string assessorato_label() const {
    const Assessorato* a = find_assessorato(d_, o_.assessorato);
    return a ? a->description : o_.assessorato;
  }

  void header() {
    const std::string level = level_label(o_.level);
    const HeaderField description{"Descrizione", header_description(o_.description), 1};
    const HeaderField responsible{"Responsabile", person_name(d_, o_.responsible), 1};
    auto& rows = s_.header.rows;
    if (kind_ == ReportKind::scheda_peg_rendicontazione) {
      std::string area;
      if (o_.area)
        for (const auto& a : d_.areas)
          if (a.vista == o_.vista && a.number == *o_.area) area = short_name(a.description);
      rows.push_back({{level, o_.code, 1.1},
                      {"Area Tematica", area, 1.5},
                      {"Assessorato", assessorato_label(), 2},
                      {"Direzione", center_name(o_.direction), 1.3},
                      {"Direttore", person_name(d_, o_.director), 1.1}});
      rows.push_back({description});
      rows.push_back({{"Centro di responsabilità", center_label(), 1}, responsible});
    } else {
      std::string center = center_label();
      if (const Assessorato* a = find_assessorato(d_, o_.assessorato);
          a && !a->delegations.empty() && o_.level != Level::peg)
        center += "\nDeleghe: " + a->delegations;
      rows.push_back({{level, o_.code, 1},
                      {"Assessorato", assessorato_label(), 2},
                      {"Centro di Responsabilità", center, 2.2}});
      rows.push_back({description});
      rows.push_back({responsible});
    }
  }

  std::string center_name(const std::string& code) const {
    if (code.empty()) return "";
    const ResponsibilityCenter* c = find_center(d_, code);
    return c ? c->name : code;
  }

  void linked_to() {
    std::vector<const Objective*> chain;
    for (const Objective* cur = &o_; !cur->parent.empty() && chain.size() < 8;) {
      const Objective* p = find_objective(d_, o_.vista, cur->parent);
      if (!p) break;
      chain.insert(chain.begin(), p);
      cur = p;
    }
    if (chain.empty()) return;
    add(Heading{"Collegato a"});
    for (const Objective* p : chain) {
      const std::string& name =
          p->short_description.empty() ? p->description : p->short_description;
      add(Paragraph{std::string(level_label(p->level)) + ":", p->code + " " + name, false});
    }
  }

  void purposes() {
    if (!o_.strategic_purpose.empty() || !o_.operational_purpose.empty()) {
      add(Heading{"Finalità"});
      if (!o_.strategic_purpose.empty())
        add(Paragraph{"OBIETTIVO STRATEGICO:", o_.strategic_purpose, true});
      if (!o_.operational_purpose.empty())
        add(Paragraph{"OBIETTIVO OPERATIVO:", o_.operational_purpose, true});
    }
    if (!o_.implementation.empty()) {
      add(Heading{"Modalità di Attuazione"});
      add(Paragraph{"", o_.implementation, false});
    }
  }

  std::string as_of_label() const {
    for (const auto& s : o_.status)
      if (s.as_of && !(s.as_of->month == 12 && s.as_of->day == 31))
        return italian::format_date(*s.as_of);
    return "31 DICEMBRE";
  }

  void status(const std::string& heading) {
    if (o_.status.empty()) return;
    add(Heading{heading});
    // Several periods are told apart by their year, as on the multi-year sheets.
    const bool by_year = o_.status.size() > 1;
    for (const auto& s : o_.status) {
      std::string lead = by_year && s.year ? std::to_string(*s.year) : "";
      add(Paragraph{lead, s.text, true});
    }
  }

  void gantt_and_phases(const char* heading) {
    if (o_.phases.empty()) return;
    std::optional<Date> reference = produced_;
    if (kind_ == ReportKind::scheda_peg_rendicontazione && o_.year)
      reference = Date{*o_.year, 12, 31};
    add(Heading{"GANTT"});
    add(phases_gantt(o_, reference));
    add(phases_table(d_, o_, heading));
  }

  void indicators() {
    if (!o_.indicators.empty()) add(indicators_table(d_, o_));
  }

  const Dataset& d_;
  ReportKind kind_;
  const Objective& o_;
  Date produced_;
  const std::vector<RollupFigure>& rollups_;
  Section s_;
};

} // namespace

Document build_scheda(const Dataset& d, ReportKind kind, const SelectedObjectives& selected,
                      Date produced) {
  Document doc;
  doc.ente = d.ente.name;
  doc.title = report_title(kind);
  doc.produced = produced;
  doc.parameters = selected.parameters;
  doc.sections.reserve(selected.objectives.size());
  // Roll-ups cost a pass over the whole dataset: only when an objective without fasi needs one.
  std::vector<RollupFigure> rollups;
  for (const Objective* o : selected.objectives)
    if (o->level != Level::peg && o->phases.empty()) {
      rollups = compute_rollups(d, compute_all(d));
      break;
    }
  for (const Objective* o : selected.objectives)
    doc.sections.push_back(SectionBuilder(d, kind, *o, produced, rollups).build());
  return doc;
}

} // namespace traguardi::report
