#include "importer/sheet_import.h"

#include <algorithm>

#include "core/codes.h"
#include "core/normalize.h"
#include "importer/cell_stream.h"
#include "importer/entity_dictionary.h"
#include "importer/gantt_ticks.h"
#include "importer/indicator_rows.h"
#include "importer/objective_body.h"
#include "importer/page_starts.h"
#include "importer/phase_rows.h"
#include "importer/responsible_block.h"
#include "importer/sheet_labels.h"
#include "importer/sheet_layout.h"
#include "importer/value_shapes.h"

namespace traguardi::importer {
namespace {

struct Group {
  std::string code;
  const PageHeader* header = nullptr;
  int first_line = 0;
  int header_line = 0; // of the first copy of the header, for provenance
  std::vector<Line> body;
};

std::string without_ellipsis(std::string s) {
  while (!s.empty() && (s.back() == '.' || s.back() == ' '))
    s.pop_back();
  return s;
}

std::string flat(std::string s) {
  for (char& c : s)
    if (c == '\n') c = ' ';
  return s;
}

class SheetBuilder {
public:
  // `exact_wrap`: a text made of the HTML sheet, wrapped greedily if at all (text_width).
  SheetBuilder(const SheetLayout& layout, ImportedSheet& out, FindingSink& sink, bool exact_wrap)
      : layout_(layout), out_(out), sink_(sink), exact_wrap_(exact_wrap) {}

  void run() {
    const Cover& c = layout_.cover;
    if (istarts_with(c.filter_label, "Centro di")) {
      auto w = split_words(c.filter_value);
      if (!w.empty()) {
        filter_center_ = dict_.center_with_code(std::string(w[0]), join_words(w, 1, w.size()), "");
        // "Assessore Riccardo Visentin" is headed by the person printed as RICCARDO.VISENTIN.
      }
    }
    if (istarts_with(c.filter_label, "Descrizione sintetica")) short_description_ = c.filter_value;
    auto gs = groups();
    out_.objectives.reserve(gs.size());
    for (auto& g : gs)
      build(g);
    for (auto& a : dict_.centers)
      if (a.kind == "ASSESSORE" && a.head.empty()) link_head(a);
    out_.persons = std::move(dict_.persons); // the dictionary is done
    out_.assessorati = std::move(dict_.assessorati);
    out_.areas = std::move(dict_.areas);
    out_.centers = std::move(dict_.centers);
  }

private:
  std::vector<Group> groups() {
    std::vector<Group> gs;
    const auto& pages = layout_.pages;
    for (std::size_t pi = 0; pi < pages.size(); ++pi) {
      const Page& page = pages[pi];
      if (out_.ente_name.empty()) out_.ente_name = page.ente;
      bool continues = !gs.empty() && (!page.header || page.header->code == gs.back().code);
      if (continues) {
        if (page.header) merge_header(gs.back(), *page.header);
        gs.back().body.push_back(Line{page.title_line, "", true});
      } else if (!page.header) {
        sink_.warn(page.title_line, "pagina_orfana", "pagina senza obiettivo",
                   "l'intestazione con il codice dell'obiettivo", "pagina ignorata");
        continue;
      } else {
        for (const auto& g : gs)
          if (g.code == page.header->code)
            sink_.warn(page.header->first_line, "obiettivo_ripetuto",
                       "obiettivo " + g.code + " stampato due volte in punti diversi",
                       "pagine consecutive per ogni obiettivo", "seconda stampa importata a parte");
        gs.push_back(
            Group{page.header->code, &*page.header, page.title_line, page.header->first_line, {}});
        // The pages that continue this objective, for one allocation of its body.
        std::size_t lines = page.body.size();
        for (std::size_t k = pi + 1;
             k < pages.size() && (!pages[k].header || pages[k].header->code == gs.back().code); ++k)
          lines += pages[k].body.size() + 1;
        gs.back().body.reserve(lines);
      }
      gs.back().body.insert(gs.back().body.end(), page.body.begin(), page.body.end());
    }
    return gs;
  }

  // A header printed again on a later page of the same objective: the copies must agree; when
  // they do not, the copy whose cells were better separated wins and the difference is a finding.
  void merge_header(Group& g, const PageHeader& again) {
    const PageHeader& first = *g.header;
    // Header cells are joined from normalised (single-spaced) lines: plain comparison.
    if (first.description == again.description && first.assessorato == again.assessorato &&
        first.area_text == again.area_text && first.center_name == again.center_name &&
        first.responsible == again.responsible)
      return;
    const int want = header_cells(layout_.templ);
    const bool better = std::abs(again.cells - want) < std::abs(first.cells - want);
    sink_.info(
        again.first_line, "intestazione_ripetuta_diversa",
        "l'intestazione di " + g.code + " ristampata a riga " + std::to_string(again.first_line) +
            " non coincide con quella di riga " + std::to_string(first.first_line),
        "la stessa intestazione su ogni pagina",
        better ? "tenuta questa copia, con le celle meglio separate" : "tenuta la prima copia");
    if (better) g.header = &again;
  }

  void link_head(ResponsibilityCenter& center) {
    const std::string& display = dict_.key_of(center.short_name);
    for (const auto& p : dict_.persons) {
      if (p.username.empty()) continue;
      std::string spaced = dict_.key_of(p.username);
      for (char& ch : spaced)
        if (ch == '.') ch = ' ';
      if (display.size() >= spaced.size() &&
          display.compare(display.size() - spaced.size(), spaced.size(), spaced) == 0)
        center.head = p.key;
    }
  }

  void build(Group& g) {
    const PageHeader& h = *g.header;
    Objective o;
    o.vista = out_.vista.code;
    o.code = g.code;
    o.level = level_of_code(g.code).value_or(layout_.cover.level.value_or(Level::peg));
    auto peg = decode_peg(g.code);
    if (peg) o.year = peg->year;
    o.short_description = short_description_;
    o.description = h.description;
    if (o.description.size() >= 3 && o.description.ends_with("...")) o.description_truncated = true;
    o.assessorato = dict_.assessorato(h.assessorato, h.delegations);
    o.responsible = dict_.person(h.responsible);
    if (!h.area_text.empty()) {
      o.area = dict_.area(o.vista, h.area_text);
      if (!o.area)
        sink_.warn(h.first_line, "area_illeggibile", "area tematica senza numero: " + h.area_text,
                   "«N. DESCRIZIONE»", "area non assegnata");
    }
    o.center = resolve_header_center(h, peg);
    ObjectiveBody b = split_sections(g.body, sink_);
    width_ = text_width({&b.strategic, &b.operational, &b.implementation, &b.status}, exact_wrap_);
    o.objective_type = b.objective_type;
    o.state = b.state;
    apply_links(o, b);
    o.strategic_purpose = join_paragraphs(b.strategic, width_);
    o.operational_purpose = join_paragraphs(b.operational, width_);
    if (o.description_truncated && !o.operational_purpose.empty()) {
      std::string prefix = collapse_spaces(without_ellipsis(o.description));
      std::string full = collapse_spaces(flat(o.operational_purpose));
      if (full.starts_with(prefix)) {
        o.description = full;
        o.description_truncated = false;
      }
    }
    o.implementation = join_paragraphs(b.implementation, width_);
    apply_status(o, b);
    apply_structures(o, b.structures);
    apply_people(o, b.people);
    apply_phases(o, b);
    IndicatorContext ctx{out_.document.name, layout_.templ == SheetTemplate::programme, o.year};
    o.indicators = parse_indicators(b.indicators, ctx, sink_);
    o.source = Provenance{out_.document.name, g.header_line, std::max(b.last_line, h.last_line)};
    out_.objectives.push_back(std::move(o));
  }

  std::string resolve_header_center(const PageHeader& h, const std::optional<PegCode>& peg) {
    std::string sigla = peg ? peg->sigla : std::string();
    if (h.center_name.empty()) return filter_center_;
    if (!filter_center_.empty()) {
      auto* fc = dict_.find_center(filter_center_);
      if (fc &&
          (fc->name.empty() || same_entity(dict_.key_of(fc->name), dict_.key_of(h.center_name)))) {
        if (fc->name.empty()) fc->name = collapse_spaces(h.center_name);
        if (fc->peg_sigla.empty()) fc->peg_sigla = sigla;
        return fc->code;
      }
    }
    return dict_.center_by_name(h.center_name, sigla, sigla);
  }

  void apply_links(Objective& o, const ObjectiveBody& b) {
    std::string child_parent;
    for (const auto& link : b.links) {
      auto level = level_named(link.level_label);
      if (!level) level = level_of_code(link.code);
      auto it = std::find_if(out_.ancestors.begin(), out_.ancestors.end(),
                             [&](const Objective& a) { return a.code == link.code; });
      if (it == out_.ancestors.end()) {
        Objective a;
        a.vista = o.vista;
        a.code = link.code;
        a.level = level.value_or(Level::programma);
        a.short_description = link.name;
        if (auto d = decode_dup(link.code)) a.parent = d->parent_code;
        a.source = Provenance{out_.document.name, link.line, link.line};
        out_.ancestors.push_back(a);
      } else if (it->short_description.empty()) {
        it->short_description = link.name;
      }
      if (!child_parent.empty()) {
        auto d = decode_dup(link.code);
        if (d && d->parent_code != child_parent)
          sink_.warn(link.line, "catena_incoerente",
                     "il codice " + link.code + " non discende da " + child_parent,
                     "una catena mandato → missione → programma coerente", "collegamento tenuto");
      }
      child_parent = link.code;
    }
    if (!b.links.empty())
      o.parent = b.links.back().code;
    else if (auto d = decode_dup(o.code))
      o.parent = d->parent_code;
    if (o.area && !b.links.empty()) {
      auto d = decode_dup(b.links.front().code);
      if (d && d->mandate != *o.area)
        sink_.info(b.links.front().line, "area_diversa_dal_mandato",
                   "area tematica " + std::to_string(*o.area) + " su un obiettivo del mandato " +
                       b.links.front().code,
                   "area con lo stesso numero del mandato", "area tenuta come stampata");
    }
  }

  void apply_status(Objective& o, const ObjectiveBody& b) {
    const auto& lines = b.status;
    if (layout_.templ != SheetTemplate::programme) {
      std::string text = join_paragraphs(lines, width_);
      if (text.empty()) return;
      StatusReport r;
      r.year = o.year;
      if (b.status_year_end && o.year) r.as_of = Date::make(*o.year, 12, 31);
      r.text = text;
      o.status.push_back(r);
      return;
    }
    // Programme sheets: one paragraph per year, "2019 - text" or a bare "2020" line (Q19).
    std::vector<std::pair<std::optional<int>, std::vector<Line>>> parts;
    for (const auto& l : lines) {
      std::string_view t = l.text;
      bool marker = t.size() >= 4 && (t.starts_with("19") || t.starts_with("20")) &&
                    t.substr(0, 4).find_first_not_of("0123456789") == std::string::npos &&
                    (t.size() == 4 || t.substr(4, 3) == " - ");
      if (marker) {
        parts.push_back({std::stoi(std::string(t.substr(0, 4))), {}});
        if (t.size() > 7) parts.back().second.push_back(Line{l.number, t.substr(7), false});
        continue;
      }
      if (parts.empty()) parts.push_back({std::nullopt, {}});
      parts.back().second.push_back(l);
    }
    for (auto& [year, part] : parts) {
      std::string text = join_paragraphs(part, width_);
      if (text.empty()) continue;
      o.status.push_back(StatusReport{year, std::nullopt, text});
    }
  }

  void apply_structures(Objective& o, const std::vector<Line>& lines) {
    for (const auto& l : lines) {
      if (l.blank() || is_label_line(l.text)) continue;
      auto w = split_words(l.text);
      std::size_t p = w.size();
      for (std::size_t i = 0; i < w.size(); ++i)
        if (cell_percent(w[i])) p = i;
      if (p == w.size() || p < 2) {
        sink_.warn(l.number, "struttura_illeggibile", "riga di «Strutture coinvolte» non letta",
                   "Descrizione Relazione Competenza% [Data Inizio] [Data Fine]", "riga ignorata");
        continue;
      }
      InvolvedStructure s;
      s.description = join_words(w, 0, p - 1);
      s.relation = std::string(w[p - 1]);
      s.share_pct = cell_percent(w[p]);
      if (p + 1 < w.size()) s.start = cell_date(w[p + 1]);
      if (p + 2 < w.size()) s.end = cell_date(w[p + 2]);
      if (auto d = decode_dup(o.code); d && d->level == Level::programma) {
        s.mission = d->mission;
        s.programme = d->programme;
      }
      o.structures.push_back(s);
    }
  }

  void apply_people(Objective& o, const std::vector<Line>& lines) {
    for (const auto& l : lines) {
      if (l.blank() || is_label_line(l.text)) continue;
      auto w = split_words(l.text);
      std::size_t p = w.size();
      for (std::size_t i = 0; i < w.size(); ++i)
        if (cell_percent(w[i])) p = i;
      std::size_t n = 0;
      while (n < p && is_upper_word(w[n]))
        ++n;
      if (p == w.size() || n == 0) {
        sink_.warn(l.number, "soggetto_illeggibile", "riga di «Soggetti coinvolti» non letta",
                   "Nominativo Relazione Impegno% [Data Inizio] [Data Fine]", "riga ignorata");
        continue;
      }
      InvolvedPerson ip;
      ip.person = dict_.person(join_words(w, 0, n));
      ip.relation = join_words(w, n, p);
      ip.effort_pct = cell_percent(w[p]);
      if (p + 1 < w.size()) ip.start = cell_date(w[p + 1]);
      if (p + 2 < w.size()) ip.end = cell_date(w[p + 2]);
      o.people.push_back(ip);
    }
  }

  void apply_phases(Objective& o, const ObjectiveBody& b) {
    CenterLookup known = [this](const std::vector<std::string_view>& w, std::size_t i) {
      return dict_.known_short_name(w, i);
    };
    auto rows = parse_phases(b.phases, known, out_.document.name, sink_);
    Decimal total;
    for (auto& r : rows) {
      r.phase.responsible = dict_.person(r.responsible_raw);
      if (!r.center_raw.empty())
        r.phase.center = dict_.center_by_short_name(r.center_raw, o.center);
      if (r.phase.weight) total += *r.phase.weight;
      o.phases.push_back(std::move(r.phase));
    }
    if (!o.phases.empty() && total != Decimal::from_int(100))
      sink_.warn(o.phases.front().source.line_from, "pesi_non_100",
                 "i pesi delle fasi di " + o.code + " sommano a " + total.to_string(2),
                 "pesi che sommano a 100", "fasi importate come stampate");
  }

  const SheetLayout& layout_;
  ImportedSheet& out_;
  FindingSink& sink_;
  EntityDictionary dict_;
  std::string filter_center_;
  std::string short_description_;
  const bool exact_wrap_;
  TextWrap width_; // of the objective's text, for the paragraphs of its narratives
};

} // namespace

Result<ImportedSheet> parse_sheet_text(std::string_view text, const std::string& name) {
  forget_label_lines();
  FindingSink sink(name);
  TextArena arena;
  auto lines = split_lines(text, arena);
  titles_to_page_starts(lines, sink);
  responsible_before_links(lines, sink);
  gantt_ticks_under_heading(lines, sink);
  auto layout = read_layout(lines, sink);
  // No page with an objective: a text made of the HTML sheet prints no pages and draws its
  // tables in a tool's own style; its cell stream has the printed sheet's structure.
  std::vector<Line> cells;
  if (!layout) {
    cells = cell_stream_lines(text, arena);
    sink.items().clear();
    if (auto again = read_layout(cells, sink))
      layout = std::move(again);
    else
      sink.items().clear();
  }
  if (!layout) return tl::unexpected(layout.error());
  ImportedSheet out;
  const Cover& c = layout->cover;
  out.document.name = name;
  out.document.sha256 = sha256_hex(text);
  out.document.kind = c.title == "SCHEDA PEG DI RENDICONTAZIONE" ? "SCHEDA_PEG_RENDICONTAZIONE"
                                                                 : "SCHEDA_OBIETTIVI";
  out.document.produced = c.produced;
  out.document.level = c.level_text;
  out.document.filter_label = c.filter_label;
  out.document.filter_value = c.filter_value;
  out.vista.code = c.vista_code.empty() ? "VISTA_NON_INDICATA" : c.vista_code;
  out.vista.description = c.vista_description;
  if (c.vista_code.size() == 13 && c.vista_code[3] == '_' && c.vista_code[8] == '_') {
    try {
      out.vista.year_from = std::stoi(c.vista_code.substr(4, 4));
      out.vista.year_to = std::stoi(c.vista_code.substr(9, 4));
    } catch (const std::exception&) {
    }
  }
  out.document.vista = out.vista.code;
  SheetBuilder(*layout, out, sink, !cells.empty()).run();
  out.findings = std::move(sink.items());
  return out;
}

} // namespace traguardi::importer
