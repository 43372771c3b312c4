// The plan parts of a Piano di Zona: member comuni, governance bodies, macro areas with their
// macro-obiettivi and actions, annual strategic objectives (seed-spec §2.23.3, .6, .7).
#include <cctype>
#include <map>
#include <regex>

#include <fmt/format.h>

#include "importer/piano_di_zona_parts.h"
#include "importer/value_shapes.h"

namespace traguardi::importer::pdz {
namespace {

std::string trim_punct(std::string s) {
  while (!s.empty() && (s.back() == '.' || s.back() == ';' || s.back() == ',' || s.back() == ' '))
    s.pop_back();
  return s;
}

bool has_lower(const std::string& s) {
  for (unsigned char c : s)
    if (std::islower(c)) return true;
  return false;
}

/// "1 L’area della mappa in rosa.": a footnote body (number, space, text).
bool is_footnote(const TextLine& l) {
  const std::string& t = l.text;
  std::size_t i = 0;
  while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])))
    ++i;
  return i > 0 && i < 3 && i < t.size() && t[i] == ' ';
}

} // namespace

Territory parse_territory(const std::vector<TextLine>& lines, FindingSink& sink) {
  Territory out;
  // "I Comuni afferenti all'ambito di Cernusco sul Naviglio sono:" then one comune a line.
  std::size_t i = find_line(lines, "I Comuni afferenti");
  if (i == lines.size()) {
    sink.warn(0, "pdz_comuni_assenti", "elenco dei comuni dell'ambito non trovato",
              "una frase «I Comuni afferenti all'ambito di … sono:»", "ambito senza comuni");
    return out;
  }
  static const std::regex kHead(R"(ambito di (.+?) sono)", std::regex::icase);
  std::smatch m;
  std::string capofila;
  if (std::regex_search(lines[i].text, m, kHead)) capofila = m[1].str();
  out.ambito_name = capofila.empty() ? "Ambito" : "Ambito distrettuale di " + capofila;
  for (std::size_t k = i + 1; k < lines.size() && k < i + 40; ++k) {
    const TextLine& l = lines[k];
    if (l.blank() || is_footnote(l)) continue;
    if (!l.leading_space() || l.text.size() > 40) break;
    bool last = l.text.back() == '.';
    MemberComune c;
    c.name = trim_punct(l.text);
    c.capofila = fold(c.name) == fold(capofila);
    out.comuni.push_back(c);
    if (last) break;
  }
  if (!capofila.empty() && !capofila_of(out))
    sink.warn(lines[i].number, "pdz_capofila", "il comune capofila non è nell'elenco", capofila,
              "nessun capofila indicato");
  return out;
}

const MemberComune* capofila_of(const Territory& t) {
  for (const auto& c : t.comuni)
    if (c.capofila) return &c;
  return nullptr;
}

std::vector<GovernanceBody> parse_governance(const std::vector<TextLine>& lines,
                                             const std::string& file) {
  // The kinds of body a district's governance is made of (vocabulary, not document text):
  // name pattern → canonical name and kind. The first mention gives line and description.
  struct Kind {
    const char* pattern;
    const char* name;
    const char* kind;
  };
  static const Kind kKinds[] = {
      {"assemblea (distrettuale )?dei sindaci", "Assemblea distrettuale dei Sindaci", "politico"},
      {"tavolo tecnico", "Tavolo tecnico", "tecnico"},
      {"ufficio di piano", "Ufficio di Piano", "tecnico"},
      {"tavolo politico", "Tavolo politico", "politico"},
      {"cabina di regia(?! territoriale)", "Cabina di Regia", "interistituzionale"},
      {"cabina di regia territoriale", "Cabina di regia Territoriale", "interistituzionale"},
      {"comitato promotore", "Comitato Promotore", "terzo settore"},
      {"tavolo tematico area", "Tavolo tematico area minori e famiglia", "tematico"},
      {"gruppo di programmazione strategica", "Gruppo di Programmazione Strategica (GPS)",
       "misto pubblico/privato"},
      {"tavoli tematici", "Tavoli tematici d'area", "tematico"},
      {"tavolo di co-programmazione", "Tavolo di co-programmazione delle politiche",
       "co-programmazione"},
      {"coordinamento macram", "Coordinamento Macramè", "rete di enti gestori"},
      {"labt", "LabT", "laboratorio"},
      {"coordinamento tecnico politico", "Coordinamento tecnico politico interdistrettuale",
       "interdistrettuale"},
      {"rete interdistrettuale antiviolenza", "Rete interdistrettuale antiviolenza V.I.O.L.A.",
       "rete"},
  };
  std::vector<GovernanceBody> out;
  for (const auto& k : kKinds) {
    std::regex re(k.pattern, std::regex::icase);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      std::string t = lines[i].text;
      if (i + 1 < lines.size()) t += ' ' + lines[i + 1].text; // names wrap over two lines
      std::smatch m;
      if (!std::regex_search(t, m, re) ||
          static_cast<std::size_t>(m.position(0)) >= lines[i].text.size())
        continue;
      // The sentence that names it, up to three lines.
      std::string sentence = join_text(lines, i, std::min(lines.size(), i + 3));
      out.push_back({k.name, k.kind, sentence, "", {file, lines[i].number, lines[i].number}});
      break;
    }
  }
  return out;
}

void parse_new_programming(const std::vector<TextLine>& lines, const std::string& file,
                           DistrictPlan& plan, FindingSink& sink) {
  static const std::regex kArea(R"(^(\d+\.\d+) AREA [“"](.+)[”"]$)");
  static const std::regex kItem(R"(^(\d+)\. (.+)$)");
  std::size_t end = find_line(lines, "6. OBIETTIVI STRATEGICI");
  std::map<std::string, std::size_t> by_title; // folded title → macro index
  std::string area;
  bool in_list = false;
  MacroObjective* current = nullptr;
  int number = 0;
  for (std::size_t i = 0; i < end; ++i) {
    const TextLine& l = lines[i];
    std::smatch m;
    if (std::regex_match(l.text, m, kArea)) {
      area = m[1].str();
      std::string title = m[2].str();
      while (!title.empty() && title.back() == ' ')
        title.pop_back();
      plan.areas.push_back({area, title, {file, l.number, l.number}});
      in_list = false;
      current = nullptr;
      continue;
    }
    if (area.empty() || l.blank() || is_page_footer(l)) continue;
    if (fold(l.text).rfind(fold("Macro Obiettivi qualificanti"), 0) == 0) {
      in_list = true;
      continue;
    }
    if (!in_list) continue;
    if (std::regex_match(l.text, m, kItem) && !has_lower(m[2].str())) {
      number = std::stoi(m[1].str());
      std::string title = trim_punct(m[2].str());
      auto key = fold(title);
      auto it = by_title.find(key);
      if (it == by_title.end()) {
        MacroObjective mo;
        mo.code = fmt::format("MO{:02}", plan.macro_objectives.size() + 1);
        mo.title = title;
        mo.source = {file, l.number, l.number};
        it = by_title.emplace(key, plan.macro_objectives.size()).first;
        plan.macro_objectives.push_back(mo);
        current = &plan.macro_objectives.back();
      } else {
        current = nullptr; // the same title again: its actions were read the first time
        sink.info(l.number, "pdz_macro_condiviso",
                  fmt::format("macro-obiettivo «{}» ripetuto nell'area {}", title, area),
                  "un titolo per area", "collegato anche a quest'area (molti-a-molti)");
      }
      plan.macro_objectives[it->second].placements.push_back({area, number});
      continue;
    }
    if (!current) continue;
    current->source.line_to = l.number;
    if (l.leading_space() && starts_upper(l.text)) {
      current->actions.push_back(l.text);
    } else if (!current->actions.empty()) {
      current->actions.back() += ' ' + l.text;
    } else {
      current->text += (current->text.empty() ? "" : " ") + l.text;
    }
  }
  if (plan.areas.empty())
    sink.warn(0, "pdz_aree_assenti", "aree della nuova programmazione non trovate",
              "titoli «5.1 AREA “…”»", "piano senza aree");
}

std::vector<StrategicObjective> parse_strategic(const std::vector<TextLine>& lines,
                                                const std::string& file, FindingSink& sink) {
  std::vector<StrategicObjective> out;
  std::size_t start = find_line(lines, "6. OBIETTIVI STRATEGICI");
  if (start == lines.size()) return out;
  static const std::regex kYear(R"((\d{4}))");
  std::smatch y;
  int year = std::regex_search(lines[start].text, y, kYear) ? std::stoi(y[1].str()) : 0;
  static const std::regex kObj(R"(^Obiettivo strategico (\d+)\. (.*)$)", std::regex::icase);
  std::vector<std::size_t> heads;
  for (std::size_t i = start; i < lines.size(); ++i)
    if (std::regex_match(lines[i].text, kObj)) heads.push_back(i);
  for (std::size_t h = 0; h < heads.size(); ++h) {
    std::size_t i = heads[h];
    std::size_t stop = h + 1 < heads.size() ? heads[h + 1] : lines.size();
    // The closing remark after the last objective ("I tre obiettivi ...") is not part of it.
    if (h + 1 == heads.size())
      for (std::size_t k = i + 1; k < stop; ++k)
        if (lines[k].text.rfind("I tre obiettivi", 0) == 0 ||
            lines[k].text.rfind("Gli obiettivi", 0) == 0) {
          stop = k;
          break;
        }
    std::smatch m;
    std::regex_match(lines[i].text, m, kObj);
    StrategicObjective s;
    s.number = std::stoi(m[1].str());
    s.year = year;
    // The criterion runs to the first blank line, the local description after it.
    std::size_t k = i + 1;
    while (k < stop && !lines[k].blank())
      ++k;
    s.criterion = m[2].str();
    std::string more = join_text(lines, i + 1, k);
    if (!more.empty()) s.criterion += ' ' + more;
    s.description = join_text(lines, k, stop);
    s.source = {file, lines[i].number, lines[stop - 1].number};
    out.push_back(std::move(s));
  }
  if (out.empty())
    sink.warn(lines[start].number, "pdz_obiettivi_strategici",
              "nessun «Obiettivo strategico N.» nella sezione", "obiettivi numerati",
              "nessun obiettivo strategico importato");
  return out;
}

} // namespace traguardi::importer::pdz
