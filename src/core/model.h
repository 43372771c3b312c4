// The planning model: one ente's plans, organisation and measured results.
//
// A Dataset holds everything that belongs to one ente (the tenant): its vistas (plan editions),
// the organisation (centri di responsabilità, persons, assessorati, aree tematiche) and the
// objective tree with fasi and indicatori. Records refer to each other by natural keys (codes
// and normalised names), not by database ids, so the same Dataset can be stored, exported as
// JSON, imported from legacy sheets and printed without knowing where it came from.
// Every editable record carries a version for optimistic concurrency (see store/store.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/decimal.h"
#include "core/district.h"
#include "core/provenance.h"
#include "core/statistics.h"

namespace traguardi {

/// Livello of an objective in the plan tree.
enum class Level { mandato, missione, programma, peg };
/// Tipo di indicatore.
enum class IndicatorType { efficacia, efficienza, quantitativo, qualita, altro };
/// Scala of an indicator value.
enum class Scale { count, percent, boolean, euro, index, other };
/// Direction in which an indicator improves.
enum class Polarity { higher_is_better, lower_is_better };
enum class EnteKind { comune, unione, ambito, altro };

struct Ente {
  std::string code; // codice (tenant key), e.g. "C_VALDORA"
  std::string name; // denominazione
  EnteKind kind = EnteKind::comune;
  bool operator==(const Ente&) const = default;
};

/// A level of a vista described as data: used by visions whose levels are not the comune's
/// fixed mandato → missione → programma → PEG (a Piano di Zona: area, macro-obiettivo, azione,
/// obiettivo strategico annuale).
struct LevelDefinition {
  std::string key;          // "macro_obiettivo"
  std::string name;         // "Macro-obiettivo", as users read it
  int order = 0;            // 1 = top of the tree
  std::string code_pattern; // how codes look, e.g. "MO[0-9]{2}"
  bool operator==(const LevelDefinition&) const = default;
};

/// Vista: one edition of a plan (DUP 2021-2023), with its configured levels.
/// A comune's DUP uses `levels`; a vista with `level_definitions` (a Piano di Zona) describes
/// its own levels and leaves `levels` as given.
struct Vista {
  std::string code; // "DUP_2021_2023"
  std::string description;
  int year_from = 0;
  int year_to = 0;
  std::vector<Level> levels{Level::mandato, Level::missione, Level::programma, Level::peg};
  std::vector<LevelDefinition> level_definitions;
  bool operator==(const Vista&) const = default;
};

/// Area tematica of a vista (a numbered policy area of the mandate).
struct ThematicArea {
  std::string vista;
  int number = 0;
  std::string description;
  bool operator==(const ThematicArea&) const = default;
};

struct Assessorato {
  std::string key;         // folded matching key (core/normalize.h)
  std::string description; // as first printed
  std::string delegations; // deleghe
  std::vector<std::string> aliases;
  bool operator==(const Assessorato&) const = default;
};

struct Person {
  std::string key;  // folded matching key
  std::string name; // nominativo as first printed
  std::string username;
  std::vector<std::string> aliases;
  bool operator==(const Person&) const = default;
};

/// Centro di responsabilità: a node of the organisation tree.
struct ResponsibilityCenter {
  std::string code;       // "08_S_2020", "ASS6"; unique per ente
  std::string name;       // long description, as in objective headers
  std::string short_name; // descrizione breve, at most 30 characters
  std::string kind;       // AREA, SETTORE, SERVIZIO, UNITA_ORGANIZZATIVA, CORPO, ASSESSORE, ...
  std::string parent;     // code of the parent centre
  std::string peg_sigla;  // "S08": the structure part of PEG codes
  std::string head;       // person key of the responsabile
  std::optional<Date> valid_from, valid_to;
  std::vector<std::string> aliases;
  bool operator==(const ResponsibilityCenter&) const = default;
};

/// Stato di attuazione: narrative for a period.
struct StatusReport {
  std::optional<int> year;
  std::optional<Date> as_of; // "al 31 dicembre"
  std::string text;
  bool operator==(const StatusReport&) const = default;
};

/// Strutture coinvolte: a budget programme or structure involved, with its share.
struct InvolvedStructure {
  std::string description;
  std::string relation;             // "Programma"
  std::string mission;              // national missione "12"
  std::string programme;            // national programma "06"
  std::optional<Decimal> share_pct; // competenza
  std::optional<Date> start, end;
  bool operator==(const InvolvedStructure&) const = default;
};

/// Soggetti coinvolti.
struct InvolvedPerson {
  std::string person; // person key
  std::string relation;
  std::optional<Decimal> effort_pct; // impegno
  std::optional<Date> start, end;
  bool operator==(const InvolvedPerson&) const = default;
};

/// Fase: a weighted step of an objective.
struct Phase {
  int order = 0;
  std::string description;
  std::optional<Decimal> weight;   // peso, percent of the objective
  std::optional<Decimal> progress; // avanzamento, 0-100; empty = not reported
  std::optional<Date> planned_start, planned_end, actual_start, actual_end;
  std::string responsible; // person key
  std::string center;      // centre code
  std::string note;
  std::int64_t version = 1;
  Provenance source;
  bool operator==(const Phase&) const = default;
};

/// A value of a previous year printed beside an indicator (Valore Raggiunto N-1 / N-2).
struct HistoryValue {
  int year = 0;
  std::optional<Decimal> value;
  int column = 0;         // 1 = N-1 column, 2 = N-2 column, 0 = linked from an earlier import
  bool ambiguous = false; // the column could not be told apart from the text
  bool operator==(const HistoryValue&) const = default;
};

struct Indicator {
  int order = 0;
  std::optional<int> reference_year; // "2021 - " prefix of programme-level rows
  std::string description;
  IndicatorType type = IndicatorType::efficacia;
  Scale scale = Scale::count;
  Polarity polarity = Polarity::higher_is_better;
  std::optional<Decimal> target; // valore atteso
  std::optional<Decimal> actual; // valore raggiunto
  std::vector<HistoryValue> history;
  std::string note;
  std::int64_t version = 1;
  Provenance source;
  bool operator==(const Indicator&) const = default;
};

struct Objective {
  std::string vista;
  std::string code;
  Level level = Level::peg;
  std::string parent; // code of the parent objective in the same vista
  std::optional<int> year;
  std::string short_description; // descrizione sintetica (<= 30)
  std::string description;
  bool description_truncated = false;
  std::string strategic_purpose;   // finalità: obiettivo strategico
  std::string operational_purpose; // finalità: obiettivo operativo
  std::string implementation;      // modalità di attuazione
  std::string objective_type;      // tipo di obiettivo ("Gestionale")
  std::string state;               // stato ("In Corso")
  std::optional<int> area;         // area tematica number in the vista
  std::string assessorato;         // assessorato key
  std::string center;              // centre code
  std::string responsible;         // person key
  std::string direction;           // direzione (centre code)
  std::string director;            // direttore (person key)
  std::vector<StatusReport> status;
  std::vector<InvolvedStructure> structures;
  std::vector<InvolvedPerson> people;
  std::vector<Phase> phases;
  std::vector<Indicator> indicators;
  std::int64_t version = 1;
  Provenance source;
  bool operator==(const Objective&) const = default;
};

/// A legacy sheet or file that records were imported from.
struct SourceDocument {
  std::string name; // file name as given
  std::string sha256;
  std::string kind;             // SCHEDA_OBIETTIVI, SCHEDA_PEG_RENDICONTAZIONE, JSON, ...
  std::optional<Date> produced; // data elaborazione
  std::string vista;
  std::string level;
  std::string filter_label;
  std::string filter_value;
  bool operator==(const SourceDocument&) const = default;
};

struct Dataset {
  Ente ente;
  std::vector<Vista> vistas;
  std::vector<ThematicArea> areas;
  std::vector<Assessorato> assessorati;
  std::vector<ResponsibilityCenter> centers;
  std::vector<Person> persons;
  std::vector<Objective> objectives;
  std::vector<SourceDocument> documents;
  std::optional<DistrictPlan> district; // only for an ente of kind ambito
  std::vector<StatValue> statistics;    // territorial statistics (core/statistics.h)
  bool operator==(const Dataset&) const = default;
};

// Stable lower-case names used in storage, JSON and the CLI.
const char* to_string(Level);
const char* to_string(IndicatorType);
const char* to_string(Scale);
const char* to_string(Polarity);
const char* to_string(EnteKind);
std::optional<Level> level_from_string(std::string_view);
std::optional<IndicatorType> indicator_type_from_string(std::string_view);
std::optional<Scale> scale_from_string(std::string_view);
std::optional<Polarity> polarity_from_string(std::string_view);
std::optional<EnteKind> ente_kind_from_string(std::string_view);
/// "OBIETTIVO DI PEG" and friends, as printed on the sheets.
const char* level_label(Level);
/// "EFFICACIA", "QUALITA" (without accent, as the sheets print it), ...
const char* indicator_type_label(IndicatorType);

// Lookups by natural key; nullptr when absent.
const Objective* find_objective(const Dataset&, std::string_view vista, std::string_view code);
Objective* find_objective(Dataset&, std::string_view vista, std::string_view code);
const ResponsibilityCenter* find_center(const Dataset&, std::string_view code);
const Person* find_person(const Dataset&, std::string_view key);
const Assessorato* find_assessorato(const Dataset&, std::string_view key);
const Vista* find_vista(const Dataset&, std::string_view code);

} // namespace traguardi
