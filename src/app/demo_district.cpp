#include "app/demo_district.h"

#include <fmt/format.h>

#include "app/demo.h"
#include "core/district_levels.h"

namespace traguardi::demo {
namespace {

constexpr const char* kAmbito = "A_VALDORA";
constexpr const char* kReference = "2024-12-31";
constexpr const char* kSource = "Anagrafi comunali (dati dimostrativi)";

struct ComuneData {
  const char* name;
  const char* ente; // code of its own dataset, or empty
  // Residents by band and sex: 0-4, 5-14, 15-49, 50-64, 65+ (M then F).
  int residents[5][2];
  int births, foreigners;
  const char* printed_vecchiaia; // what the fictional document prints
};

const ComuneData kComuni[] = {
    {"Valdora",
     "C_VALDORA",
     {{310, 295}, {720, 690}, {3150, 3080}, {1420, 1460}, {1630, 2010}},
     118,
     1210,
     "180,6"},
    {"Roccamonte",
     "C_ROCCAMONTE",
     {{95, 90}, {230, 221}, {980, 955}, {510, 498}, {640, 790}},
     34,
     260,
     "224,8"},
    {"Pievelunga",
     "C_PIEVELUNGA",
     {{160, 152}, {370, 362}, {1630, 1580}, {760, 770}, {820, 1010}},
     61,
     540,
     "175,3"},
    {"Borgoleto", "", {{70, 66}, {160, 158}, {700, 690}, {380, 372}, {520, 640}}, 22, 150, "255,5"},
    {"Castelquieto",
     "",
     {{120, 118}, {300, 287}, {1300, 1270}, {590, 600}, {610, 760}},
     50,
     330,
     "166,1"},
};

const char* kBands[] = {"0-4", "5-14", "15-49", "50-64", "65+"};

Decimal dec(const char* italian_text) {
  std::string s(italian_text);
  for (auto& c : s)
    if (c == ',') c = '.';
  return *Decimal::parse(s);
}

void add_statistics(Dataset& d) {
  for (const auto& c : kComuni) {
    for (int b = 0; b < 5; ++b)
      for (int s = 0; s < 2; ++s)
        d.statistics.push_back({"Popolazione per età e sesso",
                                c.name,
                                "popolazione",
                                fmt::format("eta={};sesso={}", kBands[b], s ? "F" : "M"),
                                kReference,
                                Decimal::from_int(c.residents[b][s]),
                                "persone",
                                kSource,
                                StatOrigin::base,
                                {}});
    d.statistics.push_back({"Nati e stranieri",
                            c.name,
                            "nati",
                            "",
                            kReference,
                            Decimal::from_int(c.births),
                            "persone",
                            kSource,
                            StatOrigin::base,
                            {}});
    d.statistics.push_back({"Nati e stranieri",
                            c.name,
                            "stranieri",
                            "",
                            kReference,
                            Decimal::from_int(c.foreigners),
                            "persone",
                            kSource,
                            StatOrigin::base,
                            {}});
    d.statistics.push_back({"Indice di vecchiaia (stampato)",
                            c.name,
                            "indice_vecchiaia",
                            "",
                            kReference,
                            dec(c.printed_vecchiaia),
                            "indice",
                            "Piano di Zona dimostrativo",
                            StatOrigin::printed,
                            {}});
  }
  // District figures as the fictional document prints them: the first agrees with the ratio of
  // sums, the second with none of the rules (the check shows it).
  d.statistics.push_back({"Testo",
                          d.ente.name,
                          "indice_vecchiaia",
                          "",
                          kReference,
                          dec("189,6"),
                          "indice",
                          "Piano di Zona dimostrativo",
                          StatOrigin::printed,
                          {}});
  d.statistics.push_back({"Testo",
                          d.ente.name,
                          "quota_popolazione",
                          "eta=65+",
                          kReference,
                          dec("24,0"),
                          "%",
                          "Piano di Zona dimostrativo",
                          StatOrigin::printed,
                          {}});
}

EvaluationRow row(int order, const char* area, const char* name, const char* type,
                  const char* timing) {
  EvaluationRow r;
  r.order = order;
  r.area = area;
  r.name = name;
  r.type = type;
  r.timing = timing;
  return r;
}

DistrictPlan plan() {
  DistrictPlan p;
  p.title = "Piano di Zona dell'ambito della Val d'Ora 2024-2026";
  p.vista = "PDZ_2024_2026";
  p.year_from = 2024;
  p.year_to = 2026;
  for (const auto& c : kComuni)
    p.comuni.push_back({c.name, "", c.ente, std::string(c.name) == "Valdora"});
  p.governance = {{"Assemblea dei sindaci",
                   "politico",
                   "i cinque sindaci dell'ambito",
                   "indirizzo e approvazione del piano",
                   {}},
                  {"Tavolo tecnico",
                   "tecnico",
                   "responsabili dei servizi sociali dei comuni",
                   "istruttoria e monitoraggio",
                   {}},
                  {"Ufficio di Piano",
                   "tecnico",
                   "coordinatrice e due assistenti sociali",
                   "gestione associata dei servizi",
                   {}},
                  {"Tavolo del terzo settore",
                   "terzo settore",
                   "cooperative e associazioni della valle",
                   "co-progettazione degli interventi",
                   {}}};
  p.areas = {{"1", "Inclusione sociale", {}},
             {"2", "Famiglie e minori", {}},
             {"3", "Anziani e fragilità", {}}};
  auto macro = [](const char* code, const char* title, std::vector<AreaPlacement> where,
                  std::vector<std::string> actions) {
    MacroObjective m;
    m.code = code;
    m.title = title;
    m.placements = std::move(where);
    m.actions = std::move(actions);
    return m;
  };
  p.macro_objectives = {
      macro("MO01", "SPORTELLO SOCIALE UNICO DI VALLE", {{"1", 1}, {"3", 1}},
            {"Apertura di un punto di accesso in ogni comune", "Cartella sociale condivisa"}),
      macro("MO02", "SOSTEGNO ALL'ABITARE", {{"1", 2}},
            {"Fondo di garanzia per gli affitti", "Alloggi temporanei"}),
      macro("MO03", "CENTRO PER LE FAMIGLIE", {{"2", 1}},
            {"Gruppi di genitori", "Consulenza educativa"}),
      macro("MO04", "DOMICILIARITÀ E SOLLIEVO", {{"3", 2}},
            {"Assistenza domiciliare accreditata", "Ricoveri di sollievo"})};
  p.macro_objectives[0].links = {{"C_ROCCAMONTE", "DUP_2025_2027", ""},
                                 {"C_PIEVELUNGA", "DUP_2025_2027", ""}};
  p.macro_objectives[3].links = {{"C_PIEVELUNGA", "DUP_2025_2027", ""}};
  p.strategic = {{1,
                  2025,
                  "Uniformità delle regole di accesso",
                  "regolamento unico per le tariffe di due servizi entro il 2025",
                  {}},
                 {2,
                  2025,
                  "Innovazione sociale",
                  "équipe di valle per la disabilità con almeno 20 progetti di vita",
                  {}}};
  p.evaluation = {
      row(1, "Inclusione sociale", "SEGRETARIATO SOCIALE DI VALLE", "Strategico",
          "Gennaio 2021/dicembre 2023"),
      row(2, "Inclusione sociale", "Borse lavoro", "Specifico", "Per tutto il triennio"),
      row(3, "Famiglie e minori", "AFFIDO E RETI DI FAMIGLIE", "Strategico", "2022/2023"),
      row(4, "Anziani e fragilità", "Trasporti sociali", "Specifico", "Per tutto il triennio")};
  auto& r1 = p.evaluation[0];
  r1.needs = "uniformare l'accesso ai servizi nei cinque comuni";
  r1.target = "tutta la popolazione";
  r1.interventions = "sportello in ogni comune/Ufficio di Piano";
  r1.financial_resources = "Fondo nazionale politiche sociali";
  r1.professional_resources = "due assistenti sociali";
  r1.instruments = "convenzione tra i comuni";
  r1.indicators = "al 31/12/2023: 412 persone ricevute, 96 prese in carico";
  r1.outcomes = {{"persone ricevute", "2023", Decimal::from_int(412), "persone", {}},
                 {"prese in carico", "2023", Decimal::from_int(96), "persone", {}}};
  p.evaluation[2].outcomes = {
      {"famiglie affidatarie", "2023", Decimal::from_int(14), "famiglie", {}}};
  return p;
}

Dataset comune(int index, const char* code, const char* name) {
  Options o;
  o.peg_objectives = 6;
  Dataset d = make_ente(index, o);
  d.ente.code = code;
  d.ente.name = name;
  return d;
}

/// The first PEG objective of a comune: what a link points to.
std::string first_peg(const Dataset& d, int skip) {
  for (const auto& o : d.objectives)
    if (o.level == Level::peg && skip-- == 0) return o.code;
  return {};
}

/// Links to the capofila's PEG objectives whose programme fits the macro-obiettivo, when the
/// demo wrote them (fewer objectives per ente leave some out).
void link_capofila(DistrictPlan& p, const Dataset& capofila) {
  const std::pair<const char*, const char*> fits[] = {
      {"MO02", "2025_S01_02"}, // Casa accessibile
      {"MO04", "2025_S01_03"}, // Anziani a casa propria
  };
  for (const auto& [macro, code] : fits) {
    const Objective* o = nullptr;
    for (const auto& x : capofila.objectives)
      if (x.code == code && x.level == Level::peg) o = &x;
    if (!o) continue;
    for (auto& m : p.macro_objectives)
      if (m.code == macro) m.links.push_back({capofila.ente.code, o->vista, o->code});
  }
}

} // namespace

std::vector<Dataset> make_district(const Dataset* capofila) {
  Dataset a;
  a.ente = {kAmbito, "Ambito sociale della Val d'Ora", EnteKind::ambito};
  Vista v;
  v.code = "PDZ_2024_2026";
  v.description = "Piano di Zona 2024-2026";
  v.year_from = 2024;
  v.year_to = 2026;
  v.level_definitions = piano_di_zona_levels();
  a.vistas.push_back(v);
  a.district = plan();
  // The Ufficio di Piano runs the plan: the centre a responsabile of the ambito answers for.
  ResponsibilityCenter udp;
  udp.code = "UDP_2024";
  udp.name = udp.short_name = "UFFICIO DI PIANO";
  udp.kind = "UFFICIO";
  udp.head = "RINALDI TERESA";
  udp.valid_from = Date{2024, 1, 1};
  a.centers.push_back(udp);
  a.persons.push_back({udp.head, udp.head, "", {}});
  add_statistics(a);
  std::vector<Dataset> out{a};
  out.push_back(comune(9001, "C_ROCCAMONTE", "Comune di Roccamonte"));
  out.push_back(comune(9002, "C_PIEVELUNGA", "Comune di Pievelunga"));
  // Links point to real PEG objectives of the generated comuni.
  auto& links = out[0].district->macro_objectives;
  links[0].links[0].objective = first_peg(out[1], 0);
  links[0].links[1].objective = first_peg(out[2], 0);
  links[3].links[0].objective = first_peg(out[2], 1);
  if (capofila) link_capofila(*out[0].district, *capofila);
  return out;
}

} // namespace traguardi::demo
