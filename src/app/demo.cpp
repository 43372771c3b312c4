#include "app/demo.h"

#include <array>
#include <cstdint>

#include <fmt/format.h>

namespace traguardi::demo {
namespace {

// splitmix64: tiny, fast and identical on every platform.
struct Rng {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
};

constexpr int kYear = 2025;
const char* kVista = "DUP_2025_2027";

struct Mandate {
  const char* name;
  std::array<const char*, 2> missions; // national missione codes
  std::array<const char*, 2> mission_names;
};
constexpr std::array<Mandate, 4> kMandates{{
    {"VALDORA CHE CURA", {"12", "04"}, {"Nessuno resta indietro", "Scuola aperta"}},
    {"VALDORA SOSTENIBILE", {"09", "10"}, {"Ambiente e decoro", "Muoversi meglio"}},
    {"VALDORA CHE LAVORA", {"14", "15"}, {"Commercio di vicinato", "Lavoro e competenze"}},
    {"VALDORA SEMPLICE", {"01", "05"}, {"Comune digitale", "Cultura diffusa"}},
}};

// The assessorato (key) of each mandate line, in kMandates order.
constexpr std::array<const char*, 4> kMandateAssessorati{"WELFARE E SCUOLA", "AMBIENTE E MOBILITA'",
                                                         "LAVORO E CULTURA", "SINDACO"};

struct Programme {
  int mandate;    // index in kMandates
  int mission_ix; // 0/1
  const char* programme;
  const char* name;
  const char* statement;
};
constexpr std::array<Programme, 12> kProgrammes{{
    {0, 0, "01", "Nidi per tutti", "Ampliare i posti nei nidi e ridurre le liste d'attesa"},
    {0, 0, "06", "Casa accessibile", "Aumentare l'offerta di alloggi a canone sostenibile"},
    {0, 0, "03", "Anziani a casa propria", "Sostenere la domiciliarità delle persone anziane"},
    {0, 1, "06", "Mensa e trasporto scolastico",
     "Migliorare qualità e puntualità dei servizi scolastici"},
    {1, 0, "03", "Raccolta differenziata", "Portare la raccolta differenziata oltre il 75%"},
    {1, 0, "02", "Verde urbano", "Curare e ampliare il verde pubblico di quartiere"},
    {1, 1, "05", "Strade sicure", "Ridurre gli incidenti sulle strade comunali"},
    {2, 0, "02", "Negozi di quartiere", "Sostenere l'apertura di nuove attività di vicinato"},
    {2, 1, "03", "Lavoro giovani", "Favorire l'inserimento lavorativo dei giovani"},
    {3, 0, "08", "Servizi online", "Rendere disponibili online i principali servizi"},
    {3, 0, "10", "Persone e competenze", "Formare il personale sulle competenze digitali"},
    {3, 1, "02", "Eventi in piazza", "Animare le piazze con una stagione culturale diffusa"},
}};

struct Center {
  const char* sigla;
  const char* name;
  const char* short_name;
  const char* kind;
  const char* head;
  std::array<const char*, 2> services;
};
constexpr std::array<Center, 5> kCenters{{
    {"S01",
     "SETTORE SERVIZI ALLA PERSONA",
     "SETT. SERVIZI ALLA PERSONA",
     "SETTORE",
     "MARINI ELENA",
     {"SERVIZIO SOCIALE", "SERVIZIO SCUOLA E INFANZIA"}},
    {"S02",
     "SETTORE TERRITORIO E AMBIENTE",
     "SETT. TERRITORIO E AMBIENTE",
     "SETTORE",
     "COLOMBO DAVIDE",
     {"SERVIZIO AMBIENTE", "SERVIZIO LAVORI PUBBLICI"}},
    {"S03",
     "SETTORE RISORSE E INNOVAZIONE",
     "SETT. RISORSE E INNOVAZIONE",
     "SETTORE",
     "FERRARI GIULIA",
     {"SERVIZIO PERSONALE", "SERVIZIO SISTEMI INFORMATIVI"}},
    {"S04",
     "SETTORE SVILUPPO ECONOMICO E CULTURA",
     "SETT. SVILUPPO ECON. E CULTURA",
     "SETTORE",
     "GALLI PAOLO",
     {"SERVIZIO ATTIVITA' PRODUTTIVE", "SERVIZIO CULTURA"}},
    {"C05",
     "CORPO DI POLIZIA LOCALE",
     "CORPO DI POLIZIA LOCALE",
     "CORPO",
     "RIVA MARCO",
     {"NUCLEO VIABILITA'", "NUCLEO PROSSIMITA'"}},
}};
// The programmes each centre works on (indices into kProgrammes), within its competences: the
// Polizia Locale runs road safety, not school services.
constexpr std::array<std::array<int, 4>, 5> kCenterProgrammes{
    {{0, 1, 2, 3}, {4, 5, 6, 4}, {9, 10, 9, 10}, {7, 8, 11, 7}, {6, 6, 6, 6}}};
// The centre (index in kCenters) that owns each programme, in kProgrammes order.
constexpr std::array<int, 12> kProgrammeCenter{0, 0, 0, 0, 1, 1, 4, 3, 3, 2, 2, 3};

constexpr std::array<const char*, 10> kStaff{
    "BIANCHI SARA", "CONTE LUCA",   "DE SANTIS ANNA", "ESPOSITO RITA",  "FONTANA IVO",
    "GRECO MARTA",  "LOMBARDI EVA", "MORETTI ALDO",   "PELLEGRINI UGO", "SALA NORA"};

constexpr std::array<const char*, 6> kActions{"Analisi dei bisogni e raccolta dati",
                                              "Progettazione dell'intervento",
                                              "Affidamento del servizio",
                                              "Attuazione e monitoraggio",
                                              "Comunicazione ai cittadini",
                                              "Verifica finale e rendicontazione"};

struct IndicatorTemplate {
  const char* description;
  IndicatorType type;
  Scale scale;
  Polarity polarity;
  int target;
};
// Indicators of each centre (kCenters order): the unit in the description is the scale.
constexpr std::array<std::array<IndicatorTemplate, 4>, 5> kIndicators{{
    {{{"Persone prese in carico dai servizi (numero)", IndicatorType::efficacia, Scale::count,
       Polarity::higher_is_better, 120},
      {"Domande di nido accolte sul totale (%)", IndicatorType::efficacia, Scale::percent,
       Polarity::higher_is_better, 90},
      {"Spesa per l'assistenza domiciliare (euro)", IndicatorType::quantitativo, Scale::euro,
       Polarity::higher_is_better, 45000},
      {"Giorni medi di attesa per la presa in carico", IndicatorType::qualita, Scale::count,
       Polarity::lower_is_better, 30}}},
    {{{"Raccolta differenziata sul totale dei rifiuti (%)", IndicatorType::efficacia,
       Scale::percent, Polarity::higher_is_better, 75},
      {"Alberi messi a dimora (numero)", IndicatorType::quantitativo, Scale::count,
       Polarity::higher_is_better, 150},
      {"Importo dei lavori aggiudicati (euro)", IndicatorType::quantitativo, Scale::euro,
       Polarity::higher_is_better, 250000},
      {"Relazione finale approvata (sì=1, no=0)", IndicatorType::efficacia, Scale::boolean,
       Polarity::higher_is_better, 1}}},
    {{{"Servizi disponibili online (numero)", IndicatorType::efficacia, Scale::count,
       Polarity::higher_is_better, 40},
      {"Dipendenti formati sul totale (%)", IndicatorType::efficacia, Scale::percent,
       Polarity::higher_is_better, 80},
      {"Giorni medi di risposta alle istanze online", IndicatorType::efficienza, Scale::count,
       Polarity::lower_is_better, 15},
      {"Spesa per la formazione del personale (euro)", IndicatorType::quantitativo, Scale::euro,
       Polarity::higher_is_better, 20000}}},
    {{{"Nuove attività di vicinato aperte (numero)", IndicatorType::efficacia, Scale::count,
       Polarity::higher_is_better, 25},
      {"Contributi erogati alle imprese (euro)", IndicatorType::quantitativo, Scale::euro,
       Polarity::higher_is_better, 60000},
      {"Presenze agli eventi culturali (numero)", IndicatorType::efficacia, Scale::count,
       Polarity::higher_is_better, 5000},
      {"Giovani inseriti al lavoro sul totale dei partecipanti (%)", IndicatorType::efficacia,
       Scale::percent, Polarity::higher_is_better, 60}}},
    {{{"Incidenti stradali rilevati (numero)", IndicatorType::efficacia, Scale::count,
       Polarity::lower_is_better, 80},
      {"Controlli su strada effettuati (numero)", IndicatorType::quantitativo, Scale::count,
       Polarity::higher_is_better, 600},
      {"Segnalazioni risolte entro 10 giorni (%)", IndicatorType::qualita, Scale::percent,
       Polarity::higher_is_better, 85},
      {"Relazione finale approvata (sì=1, no=0)", IndicatorType::efficacia, Scale::boolean,
       Polarity::higher_is_better, 1}}},
}};

/// A plausible measured value around `target`; percentages never exceed 100.
long measured(const IndicatorTemplate& t, Rng& rng, int from) {
  if (t.scale == Scale::boolean) return rng.below(6) ? 1 : 0;
  long v = t.target * (from + rng.below(45)) / 100;
  if (t.scale == Scale::percent && v > 100) v = 100;
  return v;
}

Decimal dec(long v, int decimals = 0) {
  long scale = 1;
  for (int i = 0; i < decimals; ++i)
    scale *= 10;
  return Decimal::from_units(v * (Decimal::kScale / scale));
}

std::string mission_code(const Programme& p) {
  return fmt::format("DUP_{:02}_{}01", p.mandate + 1, kMandates[p.mandate].missions[p.mission_ix]);
}
std::string programme_code(const Programme& p, int seq) {
  return fmt::format("{}_{}{:02}", mission_code(p), p.programme, seq);
}

void add_organisation(Dataset& d) {
  d.assessorati = {
      {"SINDACO", "Sindaco", "Coordinamento, bilancio, personale", {}},
      {"WELFARE E SCUOLA", "Welfare e scuola", "Servizi sociali, casa, scuola", {}},
      {"AMBIENTE E MOBILITA'", "Ambiente e mobilità", "Ambiente, verde, viabilità", {}},
      {"LAVORO E CULTURA", "Lavoro e cultura", "Commercio, lavoro, cultura", {}}};
  for (const auto& c : kCenters)
    d.persons.push_back({c.head, c.head, "", {}});
  for (const auto* s : kStaff)
    d.persons.push_back({s, s, "", {}});
  for (std::size_t i = 0; i < kCenters.size(); ++i) {
    const auto& c = kCenters[i];
    ResponsibilityCenter r;
    r.code = fmt::format("{}_{}_{}", c.sigla + 1, c.sigla[0], 2025);
    r.name = c.name;
    r.short_name = c.short_name;
    r.kind = c.kind;
    r.peg_sigla = c.sigla;
    r.head = c.head;
    r.valid_from = Date{2025, 1, 1};
    d.centers.push_back(r);
    for (std::size_t k = 0; k < c.services.size(); ++k) {
      ResponsibilityCenter s;
      s.code = fmt::format("{}.{}", r.code, k + 1);
      s.name = s.short_name = c.services[k];
      s.kind = "SERVIZIO";
      s.parent = r.code;
      s.head = kStaff[(i * 2 + k) % kStaff.size()];
      d.centers.push_back(s);
    }
  }
}

void add_dup(Dataset& d) {
  int area = 1;
  for (std::size_t m = 0; m < kMandates.size(); ++m) {
    d.areas.push_back({kVista, area, fmt::format("{}. {}", area, kMandates[m].name)});
    ++area;
    Objective o;
    o.vista = kVista;
    o.code = fmt::format("DUP_{:02}", m + 1);
    o.level = Level::mandato;
    o.short_description = kMandates[m].name;
    o.description = fmt::format("Linea di mandato: {}", kMandates[m].name);
    o.state = "In Corso";
    o.assessorato = "SINDACO";
    d.objectives.push_back(o);
    for (int k = 0; k < 2; ++k) {
      Objective mi = o;
      mi.code = fmt::format("DUP_{:02}_{}01", m + 1, kMandates[m].missions[k]);
      mi.level = Level::missione;
      mi.parent = o.code;
      mi.short_description = kMandates[m].mission_names[k];
      mi.description = fmt::format("Obiettivo strategico: {}", kMandates[m].mission_names[k]);
      d.objectives.push_back(mi);
    }
  }
  for (std::size_t i = 0; i < kProgrammes.size(); ++i) {
    const auto& p = kProgrammes[i];
    Objective o;
    o.vista = kVista;
    o.code = programme_code(p, 1);
    o.level = Level::programma;
    o.parent = mission_code(p);
    o.short_description = p.name;
    o.description = p.statement;
    o.strategic_purpose = fmt::format("Contribuire alla linea «{}».", kMandates[p.mandate].name);
    o.operational_purpose = p.statement;
    o.state = "In Corso";
    o.assessorato = kMandateAssessorati[p.mandate];
    o.center = d.centers[kProgrammeCenter[i] * 3].code;
    o.responsible = kCenters[kProgrammeCenter[i]].head;
    o.structures = {{p.name, "Programma", kMandates[p.mandate].missions[p.mission_ix], p.programme,
                     dec(100), std::nullopt, std::nullopt}};
    o.status = {{kYear, Date{kYear, 12, 31},
                 fmt::format("Nel {} le azioni previste sono state avviate secondo il "
                             "cronoprogramma.",
                             kYear)}};
    Indicator ind;
    ind.order = 1;
    ind.reference_year = kYear;
    ind.description = fmt::format("Avanzamento del programma «{}» (%)", p.name);
    ind.scale = Scale::percent;
    ind.target = dec(100);
    ind.actual = dec(70 + static_cast<long>(i) * 2);
    o.indicators = {ind};
    d.objectives.push_back(o);
  }
}

Objective peg_objective(Dataset& d, Rng& rng, int n) {
  const int ci = n % static_cast<int>(kCenters.size());
  const auto& c = kCenters[ci];
  const int pi = kCenterProgrammes[ci][(n / kCenters.size()) % 4];
  const auto& p = kProgrammes[pi];
  const std::string center_code = d.centers[ci * 3].code;
  Objective o;
  o.vista = kVista;
  o.code = fmt::format("{}_{}_{:02}", kYear, c.sigla, n / kCenters.size() + 1);
  o.level = Level::peg;
  o.parent = programme_code(p, 1);
  o.year = kYear;
  o.short_description = fmt::format("{} {}", p.name, n / kCenters.size() + 1).substr(0, 30);
  o.description = fmt::format("{}: intervento n. {} del {}", p.statement, n + 1, c.name);
  o.implementation = "Gruppo di lavoro interno con verifiche trimestrali.";
  o.objective_type = "Gestionale";
  o.area = p.mandate + 1;
  o.assessorato = kMandateAssessorati[p.mandate];
  o.center = center_code;
  o.responsible = c.head;
  // Fasi: 2-4 consecutive steps whose weights sum to 100.
  const int phases = 2 + rng.below(3);
  int remaining = 100, month = 1;
  for (int k = 0; k < phases; ++k) {
    Phase f;
    f.order = k + 1;
    // Consecutive steps of the standard sequence, so a plan reads in a sensible order.
    f.description = kActions[n % (kActions.size() - phases + 1) + k];
    int w = k == phases - 1 ? remaining : 10 * (1 + rng.below(remaining / 10 - (phases - k - 1)));
    remaining -= w;
    f.weight = dec(w);
    const int len = 12 / phases;
    f.planned_start = Date{kYear, month, 1};
    int end_month = k == phases - 1 ? 12 : month + len - 1;
    f.planned_end =
        Date::from_days(Date{kYear + (end_month == 12), end_month % 12 + 1, 1}.days() - 1);
    int progress = rng.below(4) == 0 ? 50 + 5 * rng.below(10) : 100;
    f.progress = dec(progress);
    f.actual_start = Date::from_days(f.planned_start->days() + rng.below(20));
    if (progress == 100) f.actual_end = Date::from_days(f.planned_end->days() - 10 + rng.below(25));
    f.responsible = kStaff[(ci * 2 + k) % kStaff.size()];
    f.center = d.centers[ci * 3 + 1 + k % 2].code;
    if (rng.below(3) == 0) f.note = "Attività svolta con il supporto di un partner esterno.";
    month = end_month + 1;
    o.phases.push_back(std::move(f));
  }
  // "Concluso" only when every fase is done.
  bool done = true;
  for (const auto& f : o.phases)
    if (!f.progress || *f.progress != dec(100)) done = false;
  o.state = done ? "Concluso" : "In Corso";
  o.status = {{kYear, Date{kYear, 12, 31},
               done ? fmt::format("Al 31/12/{} tutte le fasi risultano concluse, come documentato "
                                  "negli atti del settore.",
                                  kYear)
                    : fmt::format("Al 31/12/{} l'obiettivo è in corso: alcune fasi non sono "
                                  "ancora concluse e proseguono nell'anno successivo.",
                                  kYear)}};
  // Indicators with three years of history.
  const int indicators = 1 + rng.below(3);
  for (int k = 0; k < indicators; ++k) {
    const auto& t = kIndicators[ci][(n / kCenters.size() + k) % kIndicators[ci].size()];
    Indicator i;
    i.order = k + 1;
    i.description = t.description;
    i.type = t.type;
    i.scale = t.scale;
    i.polarity = t.polarity;
    i.target = dec(t.target);
    i.actual = dec(measured(t, rng, 75));
    for (int y = 1; y <= 3; ++y)
      i.history.push_back({kYear - y, dec(measured(t, rng, 65)), y, false});
    if (t.scale == Scale::boolean) i.note = "sì=1, no=0";
    o.indicators.push_back(std::move(i));
  }
  return o;
}

} // namespace

Dataset make_ente(int index, const Options& options) {
  Dataset d;
  Rng rng{0x7261677561726469ULL + static_cast<std::uint64_t>(index)};
  if (index == 0)
    d.ente = {"C_VALDORA", "Comune di Valdora", EnteKind::comune};
  else
    d.ente = {fmt::format("C_DEMO_{:05}", index), fmt::format("Comune demo {:05}", index),
              EnteKind::comune};
  d.vistas = {{kVista, "DUP 2025 2027", 2025, 2027, {}, {}}};
  d.vistas[0].levels = {Level::mandato, Level::missione, Level::programma, Level::peg};
  add_organisation(d);
  add_dup(d);
  for (int n = 0; n < options.peg_objectives; ++n)
    d.objectives.push_back(peg_objective(d, rng, n));
  return d;
}

} // namespace traguardi::demo
