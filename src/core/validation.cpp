#include "core/validation.h"

#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/classification.h"
#include "core/codes.h"
#include "core/figures.h"
#include "core/italian.h"
#include "core/statistics_checks.h"
#include "core/value_rules.h"

namespace traguardi {
namespace {

const Decimal kHundred = Decimal::from_int(100);

struct Checker {
  const Dataset& d;
  std::vector<Finding> out;

  void add(Severity s, std::string code, const Objective* o, std::string field,
           std::string message) {
    out.push_back(Finding{s, std::move(code), o ? o->vista : "", o ? o->code : "", std::move(field),
                          std::move(message)});
  }

  std::string name(const Objective& o) { return fmt::format("Obiettivo {}", o.code); }

  void dates(const Objective& o, const std::string& field, const std::optional<Date>& from,
             const std::optional<Date>& to, const char* what) {
    if (from && to && *to < *from)
      add(Severity::error, "fine_prima_di_inizio", &o, field,
          fmt::format("{}, {}: la fine {} ({}) precede l'inizio ({})", name(o), field, what,
                      italian::format_date(*to), italian::format_date(*from)));
  }

  void codes(const Objective& o) {
    if (auto dup = decode_dup(o.code)) {
      if (dup->level != o.level)
        add(Severity::error, "livello_incoerente", &o, "livello",
            fmt::format("{}: il codice indica il livello {} ma il livello registrato è {}", name(o),
                        to_string(dup->level), to_string(o.level)));
      if (!dup->parent_code.empty() && !o.parent.empty() && o.parent != dup->parent_code)
        add(Severity::warning, "codice_incoerente", &o, "codice",
            fmt::format("{}: il codice indica come livello superiore {} ma l'obiettivo è "
                        "collegato a {}",
                        name(o), dup->parent_code, o.parent));
      if (!dup->mission.empty() && !budget_mission_exists(dup->mission))
        add(Severity::error, "missione_sconosciuta", &o, "codice",
            fmt::format("{}: la missione di bilancio {} non esiste nella classificazione "
                        "nazionale (D.Lgs. 118/2011)",
                        name(o), dup->mission));
      else if (!dup->programme.empty() && !find_budget_programme(dup->mission, dup->programme))
        add(Severity::error, "programma_sconosciuto", &o, "codice",
            fmt::format("{}: il programma di bilancio {}.{} non esiste nella classificazione "
                        "nazionale (D.Lgs. 118/2011)",
                        name(o), dup->mission, dup->programme));
    } else if (auto peg = decode_peg(o.code)) {
      if (o.level != Level::peg)
        add(Severity::error, "livello_incoerente", &o, "livello",
            fmt::format("{}: il codice è di un obiettivo di PEG ma il livello registrato è {}",
                        name(o), to_string(o.level)));
      if (o.year && *o.year != peg->year)
        add(Severity::warning, "anno_incoerente", &o, "anno",
            fmt::format("{}: l'anno {} non corrisponde all'anno del codice ({})", name(o), *o.year,
                        peg->year));
    }
    for (std::size_t k = 0; k < o.structures.size(); ++k) {
      const auto& s = o.structures[k];
      if (!s.mission.empty() && !find_budget_programme(s.mission, s.programme))
        add(Severity::error, "programma_sconosciuto", &o, fmt::format("strutture[{}]", k),
            fmt::format("{}: la struttura coinvolta «{}» indica il programma di bilancio {}.{} "
                        "che non esiste nella classificazione nazionale",
                        name(o), s.description, s.mission, s.programme));
    }
  }

  // A chain of parents that comes back to the objective: roll-ups would never reach a root.
  void cycle(const Objective& o) {
    const Objective* cur = &o;
    std::set<const Objective*> seen{&o};
    std::string chain = o.code;
    while (!cur->parent.empty()) {
      cur = find_objective(d, o.vista, cur->parent);
      if (!cur) return;
      chain += " → " + cur->code;
      if (cur == &o) {
        add(Severity::error, "ciclo_collegamenti", &o, "collegato_a",
            fmt::format("{}: i collegamenti formano un ciclo ({})", name(o), chain));
        return;
      }
      if (!seen.insert(cur).second) return; // a cycle further up, reported on its members
    }
  }

  void parent(const Objective& o) {
    if (o.level == Level::mandato) return;
    if (o.parent.empty()) {
      if (o.level == Level::peg)
        add(Severity::warning, "senza_collegamento", &o, "collegato_a",
            fmt::format("{}: l'obiettivo di PEG non è collegato a un obiettivo di programma",
                        name(o)));
      return;
    }
    const Objective* p = find_objective(d, o.vista, o.parent);
    if (!p) {
      add(Severity::error, "collegamento_inesistente", &o, "collegato_a",
          fmt::format("{}: l'obiettivo collegato {} non esiste nella vista {}", name(o), o.parent,
                      o.vista));
      return;
    }
    cycle(o);
    if (o.level == Level::peg && p->level != Level::programma)
      add(Severity::error, "collegamento_livello", &o, "collegato_a",
          fmt::format("{}: un obiettivo di PEG deve essere collegato a un obiettivo di "
                      "programma, {} è di livello {}",
                      name(o), p->code, to_string(p->level)));
  }

  void phases(const Objective& o) {
    if (o.phases.empty()) return;
    Decimal sum;
    bool any = false;
    for (std::size_t k = 0; k < o.phases.size(); ++k) {
      const Phase& p = o.phases[k];
      std::string f = fmt::format("fasi[{}]", k + 1);
      if (p.weight) {
        any = true;
        sum += *p.weight;
        if (p.weight->is_negative() || *p.weight > kHundred)
          add(Severity::error, "peso_fuori_intervallo", &o, f + ".peso",
              fmt::format("{}, fase {}: peso {} fuori dall'intervallo 0–100", name(o), k + 1,
                          italian::format_number(*p.weight)));
      }
      if (p.progress && (p.progress->is_negative() || *p.progress > kHundred))
        add(Severity::error, "avanzamento_fuori_intervallo", &o, f + ".avanzamento",
            fmt::format("{}, fase {}: avanzamento {} fuori dall'intervallo 0–100", name(o), k + 1,
                        italian::format_number(*p.progress)));
      if (!p.progress)
        add(Severity::info, "avanzamento_non_rilevato", &o, f + ".avanzamento",
            fmt::format("{}, fase {}: avanzamento non rilevato", name(o), k + 1));
      if (p.actual_end && (!p.progress || *p.progress < kHundred))
        add(Severity::warning, "fine_effettiva_non_completa", &o, f + ".avanzamento",
            fmt::format("{}, fase {}: ha una fine effettiva ({}) ma l'avanzamento è {} invece "
                        "di 100",
                        name(o), k + 1, italian::format_date(*p.actual_end),
                        p.progress ? italian::format_percent(*p.progress) : "non rilevato"));
      dates(o, f + ".fine_prevista", p.planned_start, p.planned_end, "prevista");
      dates(o, f + ".fine_effettiva", p.actual_start, p.actual_end, "effettiva");
    }
    if (any && sum != kHundred)
      add(Severity::warning, "pesi_non_100", &o, "fasi.peso",
          fmt::format("{}: la somma dei pesi delle fasi è {} invece di 100; l'avanzamento è "
                      "calcolato normalizzando i pesi",
                      name(o), italian::format_number(sum)));
  }

  void indicators(const Objective& o) {
    for (std::size_t k = 0; k < o.indicators.size(); ++k) {
      const Indicator& i = o.indicators[k];
      negative_values(o, i, k);
      if (i.scale != Scale::boolean) continue;
      auto check = [&](const std::optional<Decimal>& v, const char* what) {
        if (v && *v != Decimal{} && *v != Decimal::from_int(1))
          add(Severity::warning, "si_no_non_binario", &o,
              fmt::format("indicatori[{}].{}", k + 1, what),
              fmt::format("{}, indicatore {} («{}»): indicatore si/no con valore {} {} "
                          "(atteso 0 o 1)",
                          name(o), k + 1, i.description.substr(0, 60), what,
                          italian::format_number(*v)));
      };
      check(i.target, "atteso");
      check(i.actual, "raggiunto");
      for (const auto& h : i.history)
        check(h.value, "storico");
    }
  }

  // Euro amounts and counts cannot be negative: authoring refuses them (core/value_rules.h);
  // a value that came in by import or from a legacy sheet is flagged here.
  void negative_values(const Objective& o, const Indicator& i, std::size_t k) {
    if (i.scale != Scale::euro && i.scale != Scale::count) return;
    auto check = [&](const std::optional<Decimal>& v, const char* what) {
      if (!v || !v->is_negative()) return;
      if (auto problem = indicator_value_problem(i, *v))
        add(Severity::warning, "valore_negativo", &o, fmt::format("indicatori[{}].{}", k + 1, what),
            fmt::format("{}, indicatore {} («{}»), valore {} {}: {}", name(o), k + 1,
                        i.description.substr(0, 60), what, italian::format_number(*v), *problem));
    };
    check(i.target, "atteso");
    check(i.actual, "raggiunto");
    for (const auto& h : i.history)
      check(h.value, "storico");
  }

  // "Concluso" is a claim about progress: below 100 % it deserves a look.
  void concluded(const Objective& o) {
    if (o.phases.empty() || matching_state(o.state) != "concluso") return;
    auto p = compute_progress(o);
    if (p.value && *p.value < kHundred)
      add(Severity::warning, "concluso_non_completo", &o, "stato",
          fmt::format("{}: lo stato è «{}» ma l'avanzamento è {}", name(o), o.state,
                      italian::format_percent(*p.value)));
  }

  static std::string matching_state(const std::string& s) {
    std::string out;
    for (char c : s)
      if (c != ' ') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }

  void run() {
    std::set<std::string> vistas;
    for (const auto& v : d.vistas)
      vistas.insert(v.code);
    std::map<std::pair<std::string, std::string>, int> seen;
    for (const auto& o : d.objectives) {
      if (++seen[{o.vista, o.code}] == 2)
        add(Severity::error, "codice_duplicato", &o, "codice",
            fmt::format("{}: codice duplicato nella vista {}", name(o), o.vista));
      if (!vistas.count(o.vista))
        add(Severity::error, "vista_inesistente", &o, "vista",
            fmt::format("{}: la vista {} non esiste", name(o), o.vista));
      codes(o);
      parent(o);
      phases(o);
      concluded(o);
      indicators(o);
      for (std::size_t k = 0; k < o.structures.size(); ++k)
        dates(o, fmt::format("strutture[{}].data_fine", k), o.structures[k].start,
              o.structures[k].end, "della struttura");
    }
  }
};

} // namespace

const char* to_string(Severity s) {
  switch (s) {
  case Severity::info:
    return "info";
  case Severity::warning:
    return "warning";
  case Severity::error:
    return "error";
  }
  return "error";
}

const char* severity_label(Severity s) {
  switch (s) {
  case Severity::info:
    return "INFO";
  case Severity::warning:
    return "AVVISO";
  case Severity::error:
    return "ERRORE";
  }
  return "ERRORE";
}

std::vector<Finding> validate(const Dataset& d) {
  Checker c{d, {}};
  c.run();
  auto stats = statistics_findings(d); // a Piano di Zona's printed vs computed figures
  c.out.insert(c.out.end(), stats.begin(), stats.end());
  return std::move(c.out);
}

bool has_errors(const std::vector<Finding>& findings) {
  for (const auto& f : findings)
    if (f.severity == Severity::error) return true;
  return false;
}

} // namespace traguardi
