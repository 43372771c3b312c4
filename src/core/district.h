// Piano di Zona: the plan of a social district (ambito distrettuale) of several comuni.
//
// An ambito is an ente of kind `ambito`; its Dataset carries one DistrictPlan: the member
// comuni (each may also be an ente of its own in the same database), the governance bodies,
// the plan by area (macro-obiettivi shared by several areas, their actions, the annual strategic
// objectives) and the evaluation of the previous plan. These are not objectives of the
// mandato → missione → programma → PEG tree: the plan's levels are described as data by the
// LevelDefinitions of its vista (core/model.h), so the comune case keeps its enum untouched.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "core/provenance.h"

namespace traguardi {

/// A comune of the ambito. `ente` is the code of its own ente when it is stored too.
struct MemberComune {
  std::string name;       // denominazione ("Cernusco sul Naviglio")
  std::string short_name; // as the tables print it ("Cernusco SN"); empty when the same
  std::string ente;
  bool capofila = false;
  bool operator==(const MemberComune&) const = default;
};

/// Organo di governance (assemblea dei sindaci, tavolo tecnico, ufficio di piano, ...).
struct GovernanceBody {
  std::string name;
  std::string kind;        // politico, tecnico, interistituzionale, tematico, terzo settore, ...
  std::string composition; // composizione
  std::string functions;   // funzioni
  Provenance source;
  bool operator==(const GovernanceBody&) const = default;
};

/// Macro area of the new programming.
struct PlanArea {
  std::string code; // "5.1"
  std::string title;
  Provenance source;
  bool operator==(const PlanArea&) const = default;
};

/// Where a macro-obiettivo appears: the area and its number inside that area's list.
struct AreaPlacement {
  std::string area; // PlanArea code
  int number = 0;
  bool operator==(const AreaPlacement&) const = default;
};

/// A PEG objective of a member comune that a macro-obiettivo is carried out through.
struct ObjectiveLink {
  std::string ente;
  std::string vista;
  std::string objective;
  bool operator==(const ObjectiveLink&) const = default;
};

/// Macro-obiettivo: one title, possibly placed in several areas (many-to-many).
struct MacroObjective {
  std::string code; // "MO01"
  std::string title;
  std::vector<AreaPlacement> placements;
  std::vector<std::string> actions; // azioni (bullet lines), in order
  std::string text;                 // a paragraph when the document gives no bullets
  std::vector<ObjectiveLink> links;
  Provenance source;
  bool operator==(const MacroObjective&) const = default;
};

/// Annual strategic objective (obiettivo strategico 2020).
struct StrategicObjective {
  int number = 0;
  int year = 0;
  std::string criterion;   // the regional criterion it answers
  std::string description; // the local objective and its target
  Provenance source;
  bool operator==(const StrategicObjective&) const = default;
};

/// A figure the evaluation gives as an outcome ("357 persone ricevute al 31/12/2017").
struct OutcomeMeasure {
  std::string description;
  std::string period; // "2017", "2016/2017"
  Decimal value;
  std::string unit; // "persone", "ore", "euro", "%"
  Provenance source;
  bool operator==(const OutcomeMeasure&) const = default;
};

/// One row of the "tabella per la valutazione degli esiti" of the previous plan.
struct EvaluationRow {
  int order = 0;
  std::string area;
  std::string name; // nome obiettivo
  std::vector<std::string> sub_goals;
  std::string type;                         // "Strategico" | "Specifico"
  std::string needs, target, interventions; // bisogni, target, interventi e attori
  std::string financial_resources;          // risorse finanziarie
  std::string professional_resources;       // risorse professionali
  std::string instruments;                  // strumenti utilizzati
  std::string indicators;                   // indicatori di esito e valutazione
  std::string timing;                       // tempistica
  std::vector<std::string> text_blocks;     // the rest of the row as printed, in order
  std::vector<OutcomeMeasure> outcomes;
  Provenance source;
  bool operator==(const EvaluationRow&) const = default;
};

struct DistrictPlan {
  std::string title;
  std::string vista; // the vista whose LevelDefinitions describe this plan
  int year_from = 0;
  int year_to = 0;
  std::vector<MemberComune> comuni;
  std::vector<GovernanceBody> governance;
  std::vector<PlanArea> areas;
  std::vector<MacroObjective> macro_objectives;
  std::vector<StrategicObjective> strategic;
  std::vector<EvaluationRow> evaluation;
  bool operator==(const DistrictPlan&) const = default;
};

/// The capofila, or nullptr.
const MemberComune* capofila(const DistrictPlan&);
/// Number of (area, macro-obiettivo) entries: a title shared by three areas counts three times.
int placement_count(const DistrictPlan&);

} // namespace traguardi
