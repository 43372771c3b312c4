#include "report/scheda_builder.h"

#include <unordered_map>

#include "core/figures.h"
#include "core/italian.h"
#include "report/scheda_parts.h"
#include "report/text_rules.h"

namespace traguardi::report {
namespace {

/// PEG objective codes under each objective ("vista/code"), for roll-ups that name their inputs.
using Inputs = std::unordered_map<std::string, std::vector<std::string>>;

Inputs peg_inputs(const Dataset& d) {
  std::unordered_map<std::string, const Objective*> by_key;
  for (const auto& o : d.objectives)
    by_key[o.vista + "/" + o.code] = &o;
  Inputs out;
  for (const auto& o : d.objectives) {
    if (o.level != Level::peg) continue;
    const Objective* cur = &o;
    for (int guard = 0; !cur->parent.empty() && guard < 8; ++guard) {
      auto it = by_key.find(o.vista + "/" + cur->parent);
      if (it == by_key.end()) break;
      cur = it->second;
      out[o.vista + "/" + cur->code].push_back(o.code);
    }
  }
  return out;
}

/// The date the Gantt of an objective is drawn at: the one asked for, else the end of the
/// objective's year, else the document's reference.
std::optional<Date> section_reference(const Objective& o, const SheetOptions& opt) {
  if (opt.as_of) return opt.as_of;
  if (o.year) return Date{*o.year, 12, 31};
  return opt.reference;
}

class SectionBuilder {
public:
  SectionBuilder(const Dataset& d, ReportKind kind, const Objective& o, const SheetOptions& opt,
                 const std::vector<RollupFigure>& rollups, const Inputs& inputs)
      : d_(d), kind_(kind), o_(o), opt_(opt), rollups_(rollups), inputs_(inputs) {}

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
    // The table carries its own heading, so the pager keeps the two on one page.
    const auto in = inputs_.find(o_.vista + "/" + o_.code);
    Table figures = figures_table(o_, rollup(), in == inputs_.end() ? kNone : in->second);
    // Inside the figures table: readers of the sheet (src/importer) skip it as a whole.
    if (description_cut_)
      figures.rows.push_back({Cell::of_text(std::string("Descrizione completa ") + kCutMark),
                              Cell{}, Cell::of_text(o_.description)});
    add(std::move(figures));
    details();
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

  std::string area_label() const {
    if (!o_.area) return "";
    for (const auto& a : d_.areas)
      if (a.vista == o_.vista && a.number == *o_.area) {
        // The number is part of the printed name ("4. PRIMA LA NOSTRA GENTE").
        const std::string n = std::to_string(a.number);
        if (a.description.rfind(n, 0) == 0) return a.description;
        return n + ". " + a.description;
      }
    return std::to_string(*o_.area);
  }

  /// The header description: the legacy box holds 255 characters; a longer text is cut there
  /// with a mark and printed whole at the end of the objective.
  HeaderField description_field() {
    HeaderField f{"Descrizione", header_description(o_.description), 1};
    // The header keeps the legacy shape readers rely on ("..." marks the cut); the whole text
    // follows at the end of the objective under a heading that says why.
    if (f.value != o_.description)
      description_cut_ = true;
    else if (o_.description_truncated)
      f.mark = kSourceCutMark;
    return f;
  }

  std::string assessorato_label() const {
    const Assessorato* a = find_assessorato(d_, o_.assessorato);
    return a ? a->description : o_.assessorato;
  }

  void header() {
    const std::string level = level_label(o_.level);
    const HeaderField description = description_field();
    const HeaderField responsible{"Responsabile", person_name(d_, o_.responsible), 1};
    auto& rows = s_.header.rows;
    if (kind_ == ReportKind::scheda_peg_rendicontazione) {
      rows.push_back({{level, o_.code, 1.1},
                      {"Area Tematica", area_label(), 1.5},
                      {"Assessorato", assessorato_label(), 2},
                      {"Direzione", center_name(o_.direction), 1.3},
                      {"Direttore", person_name(d_, o_.director), 1.1}});
      rows.push_back({description});
      rows.push_back({{"Centro di responsabilità", center_label(), 1}, responsible});
    } else {
      std::vector<HeaderField> top{{level, o_.code, 1}, {"Assessorato", assessorato_label(), 2}};
      // The deleghe belong to the assessorato: a field of their own, not inside the CdR box.
      if (const Assessorato* a = find_assessorato(d_, o_.assessorato);
          a && !a->delegations.empty() && o_.level != Level::peg)
        top.push_back({"Deleghe", a->delegations, 2});
      top.push_back({"Centro di Responsabilità", center_label(), 2.2});
      rows.push_back(std::move(top));
      rows.push_back({description});
      rows.push_back({responsible});
    }
  }

  void details() {
    std::string linked, status;
    for (const Objective* cur = &o_; !cur->parent.empty() && linked.size() < 400;) {
      const Objective* p = find_objective(d_, o_.vista, cur->parent);
      if (!p) break;
      linked = std::string(level_label(p->level)) + " " + p->code + (linked.empty() ? "" : " > ") +
               linked;
      cur = p;
    }
    for (const auto& r : o_.status) {
      if (!status.empty()) status += "\n\n";
      if (o_.status.size() > 1 && r.year) status += std::to_string(*r.year) + ": ";
      status += r.text;
    }
    s_.details = {{"Tipo di Obiettivo", o_.objective_type, 1},
                  {"Collegato a", linked, 1},
                  {"Stato", o_.state, 1},
                  {"Stato di attuazione", status, 1}};
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
    add(Heading{"GANTT"});
    add(phases_gantt(o_, section_reference(o_, opt_)));
    add(phases_table(d_, o_, heading));
  }

  void indicators() {
    if (!o_.indicators.empty()) add(indicators_table(d_, o_));
  }

  const Dataset& d_;
  ReportKind kind_;
  const Objective& o_;
  const SheetOptions& opt_;
  const std::vector<RollupFigure>& rollups_;
  const Inputs& inputs_;
  Section s_;
  bool description_cut_ = false;
  inline static const std::vector<std::string> kNone;
};

} // namespace

Document build_scheda(const Dataset& d, ReportKind kind, const SelectedObjectives& selected,
                      Date produced) {
  SheetOptions opt;
  opt.produced = produced;
  return build_scheda(d, kind, selected, opt);
}

Document build_scheda(const Dataset& d, ReportKind kind, const SelectedObjectives& selected,
                      SheetOptions opt) {
  Document doc;
  doc.ente = d.ente.name;
  doc.title = report_title(kind);
  doc.produced = opt.produced;
  doc.draft = opt.draft;
  if (opt.sign_off) doc.sign_off = SignOff{};
  opt.reference = sheet_reference(selected, opt);
  doc.reference = opt.reference;
  doc.parameters = selected.parameters;
  if (doc.reference)
    doc.parameters.push_back({"Data di riferimento", italian::format_date(*doc.reference)});
  doc.sections.reserve(selected.objectives.size());
  // Roll-ups cost a pass over the whole dataset: only when an objective without fasi needs one.
  std::vector<RollupFigure> rollups;
  Inputs inputs;
  for (const Objective* o : selected.objectives)
    if (o->level != Level::peg && o->phases.empty()) {
      rollups = compute_rollups(d, compute_all(d));
      inputs = peg_inputs(d);
      break;
    }
  for (const Objective* o : selected.objectives)
    doc.sections.push_back(SectionBuilder(d, kind, *o, opt, rollups, inputs).build());
  return doc;
}

std::optional<Date> sheet_reference(const SelectedObjectives& selected, const SheetOptions& opt) {
  if (opt.as_of) return opt.as_of;
  // One year shared by every objective printed is the period reported; else the vista's first.
  std::optional<int> year;
  bool one_year = true;
  for (const Objective* o : selected.objectives) {
    if (!o->year) continue;
    if (year && *year != *o->year) one_year = false;
    year = o->year;
  }
  if (year && one_year) return Date{*year, 12, 31};
  if (selected.vista && selected.vista->year_from > 0)
    return Date{selected.vista->year_from, 12, 31};
  return std::nullopt;
}

} // namespace traguardi::report
