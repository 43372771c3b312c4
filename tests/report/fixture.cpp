#include "fixture.h"

namespace traguardi::testing {
namespace {

Decimal num(const char* s) {
  return *Decimal::parse(s);
}
Date day(int y, int m, int d) {
  return Date{y, m, d};
}

Phase phase(int order, std::string description, const char* weight, std::optional<Decimal> progress,
            Date ps, Date pe, std::optional<Date> as, std::optional<Date> ae, std::string person,
            std::string center, std::string note = {}) {
  Phase p;
  p.order = order;
  p.description = std::move(description);
  p.weight = num(weight);
  p.progress = progress;
  p.planned_start = ps;
  p.planned_end = pe;
  p.actual_start = as;
  p.actual_end = ae;
  p.responsible = std::move(person);
  p.center = std::move(center);
  p.note = std::move(note);
  return p;
}

Indicator indicator(int order, std::string description, IndicatorType type, const char* target,
                    std::optional<Decimal> actual, std::optional<Decimal> prev1,
                    std::optional<Decimal> prev2, int year, std::string note = {}) {
  Indicator i;
  i.order = order;
  i.description = std::move(description);
  i.type = type;
  i.target = num(target);
  i.actual = actual;
  if (prev1) i.history.push_back({year - 1, prev1, 1, false});
  if (prev2) i.history.push_back({year - 2, prev2, 2, false});
  i.note = std::move(note);
  return i;
}

Objective dup(std::string code, Level level, std::string parent, std::string short_description,
              std::string description) {
  Objective o;
  o.vista = "DUP_2024_2026";
  o.code = std::move(code);
  o.level = level;
  o.parent = std::move(parent);
  o.short_description = std::move(short_description);
  o.description = std::move(description);
  o.center = "ASS2";
  o.assessorato = "AMBIENTE E MOBILITA";
  o.responsible = "ELENA.MARTINI";
  return o;
}

} // namespace

Dataset report_fixture() {
  Dataset d;
  d.ente = {"C_VALDORA", "Comune di Valdora", EnteKind::comune};
  d.vistas.push_back({"DUP_2024_2026", "DUP 2024 2026", 2024, 2026, {}, {}});
  d.vistas.back().levels = {Level::mandato, Level::missione, Level::programma, Level::peg};
  d.vistas.push_back({"DUP_2023_2025", "DUP 2023 2025", 2023, 2025, {}, {}});
  d.areas.push_back({"DUP_2024_2026", 3, "3. UNA CITTÀ CHE RESPIRA E SI MUOVE BENE"});
  d.assessorati.push_back({"AMBIENTE E MOBILITA",
                           "Ambiente e mobilità sostenibile",
                           "Ambiente - Verde pubblico - Mobilità - Energia",
                           {}});
  d.assessorati.push_back({"SINDACO", "Sindaco", "", {}});
  d.centers.push_back({"ASS2",
                       "Assessore Elena Martini",
                       "Assessore Elena Martini",
                       "ASSESSORE",
                       "",
                       "",
                       "ELENA.MARTINI",
                       {},
                       {},
                       {}});
  d.centers.push_back({"05_S_2024",
                       "SETTORE TERRITORIO, AMBIENTE E LAVORI PUBBLICI",
                       "SETT. TERRITORIO AMBIENTE E LL",
                       "SETTORE",
                       "",
                       "S05",
                       "FERRI PAOLO",
                       {},
                       {},
                       {}});
  d.centers.push_back({"05_V_2024",
                       "SERVIZIO VERDE PUBBLICO E PARCHI CITTADINI",
                       "SERVIZIO VERDE PUBBLICO E PARCHI",
                       "SERVIZIO",
                       "05_S_2024",
                       "",
                       "",
                       {},
                       {},
                       {}});
  d.centers.push_back({"05_M_2024",
                       "SERVIZIO MOBILITÀ",
                       "SERVIZIO MOBILITÀ",
                       "SERVIZIO",
                       "05_S_2024",
                       "",
                       "",
                       {},
                       {},
                       {}});
  d.centers.push_back({"02_S_2024",
                       "SETTORE SERVIZI FINANZIARI",
                       "SETT. SERVIZI FINANZIARI",
                       "SETTORE",
                       "",
                       "S02",
                       "NERI GIULIA",
                       {},
                       {},
                       {}});
  d.persons.push_back({"ELENA.MARTINI", "ELENA.MARTINI", "elena.martini", {}});
  d.persons.push_back({"FERRI PAOLO", "FERRI PAOLO", "", {}});
  d.persons.push_back({"BIANCHI LUCIA", "BIANCHI LUCIA", "", {}});
  d.persons.push_back({"ROSSETTI MARCO ANTONIO", "ROSSETTI MARCO ANTONIO", "", {}});
  d.persons.push_back({"NERI GIULIA", "NERI GIULIA", "", {}});

  d.objectives.push_back(
      dup("DUP_03", Level::mandato, "", "UNA CITTÀ CHE RESPIRA",
          "Una città più verde, con aria più pulita e spostamenti sostenibili."));
  d.objectives.push_back(dup("DUP_03_0901", Level::missione, "DUP_03", "Tutela del territorio",
                             "Tutelare il territorio e l'ambiente naturale della città."));
  Objective prog = dup("DUP_03_0901_0201", Level::programma, "DUP_03_0901", "Verde urbano",
                       "Aumentare e curare il verde urbano: nuovi alberi nei quartieri, parchi "
                       "più accessibili e manutenzione programmata.");
  prog.strategic_purpose = "Rendere la città più vivibile riducendo le isole di calore e "
                           "migliorando la qualità dell'aria in tutti i quartieri.";
  prog.operational_purpose = prog.description;
  prog.state = "In Corso";
  prog.status.push_back(
      {2024, std::nullopt,
       "Sono stati messi a dimora 412 alberi e riaperti due parchi di quartiere."});
  prog.status.push_back({2025, std::nullopt, "Avviata la mappatura delle alberature esistenti."});
  prog.structures.push_back({"Tutela, valorizzazione e recupero ambientale", "Programma", "09",
                             "02", num("0"), std::nullopt, std::nullopt});
  for (int y = 2024; y <= 2026; ++y) {
    Indicator i = indicator(y - 2023, "N. NUOVI ALBERI MESSI A DIMORA", IndicatorType::efficacia,
                            "400", y == 2024 ? std::optional<Decimal>(num("412")) : std::nullopt,
                            std::nullopt, std::nullopt, 2024);
    i.reference_year = y;
    prog.indicators.push_back(i);
  }
  d.objectives.push_back(prog);

  // A PEG objective with a long description, a narrative over pages and many fasi.
  Objective peg;
  peg.vista = "DUP_2024_2026";
  peg.code = "2024_S05_07";
  peg.level = Level::peg;
  peg.parent = "DUP_03_0901_0201";
  peg.year = 2024;
  peg.short_description = "Piano del verde";
  peg.description =
      "Redigere il piano del verde urbano con il censimento delle alberature, la definizione dei "
      "criteri di manutenzione programmata, il coinvolgimento delle scuole e dei comitati di "
      "quartiere, la pubblicazione dei dati aperti sul portale comunale e la verifica annuale dei "
      "risultati raggiunti con una relazione pubblica al consiglio.";
  peg.objective_type = "Gestionale";
  peg.state = "In Corso";
  peg.area = 3;
  peg.assessorato = "AMBIENTE E MOBILITA";
  peg.center = "05_S_2024";
  peg.responsible = "FERRI PAOLO";
  std::string narrative;
  for (int k = 1; k <= 40; ++k)
    narrative += "Paragrafo " + std::to_string(k) +
                 ": nel corso dell'anno il servizio ha proseguito il censimento delle alberature "
                 "e ha coinvolto le scuole e i comitati di quartiere; le attività sono state "
                 "documentate e pubblicate, con attenzione all'accessibilità dei parchi.\n";
  peg.status.push_back({2024, day(2024, 12, 31), narrative});
  const char* centers[] = {"05_V_2024", "05_M_2024"};
  for (int k = 1; k <= 14; ++k) {
    std::optional<Decimal> progress = num("100");
    if (k == 14) progress = std::nullopt;
    if (k == 13) progress = num("50");
    std::string note = k % 4 == 0 ? "Attività svolta in collaborazione con le associazioni di "
                                    "volontariato; verbale agli atti del servizio."
                                  : "";
    peg.phases.push_back(
        phase(k,
              "Fase " + std::to_string(k) +
                  " del censimento: rilievo delle "
                  "alberature del quartiere " +
                  std::to_string(k) + " e inserimento nel sistema informativo",
              k <= 12 ? "7" : "8", progress, day(2024, k <= 6 ? 1 : 5, 1),
              day(2024, k <= 6 ? 6 : 12, k <= 6 ? 30 : 31), day(2024, k <= 6 ? 1 : 5, 15),
              k == 14 ? std::optional<Date>() : day(2024, k <= 6 ? 7 : 11, 20),
              k % 2 ? "BIANCHI LUCIA" : "ROSSETTI MARCO ANTONIO", centers[k % 2], note));
  }
  peg.indicators.push_back(indicator(1, "Alberi censiti nel sistema informativo",
                                     IndicatorType::efficacia, "1134", num("1134"), num("980"),
                                     num("546045"), 2024, "dato del sistema informativo"));
  peg.indicators.push_back(indicator(2, "Pubblicazione dei dati aperti (si=1 no=0)",
                                     IndicatorType::efficienza, "1", num("1"), num("0"),
                                     std::nullopt, 2024));
  Indicator slow =
      indicator(3, "Tempo medio di risposta alle segnalazioni (giorni)", IndicatorType::qualita,
                "10", num("12.5"), num("14"), num("15"), 2024, "minore è meglio");
  slow.polarity = Polarity::lower_is_better;
  peg.indicators.push_back(slow);
  peg.indicators.push_back(indicator(4, "Incontri con le scuole", IndicatorType::quantitativo, "20",
                                     std::nullopt, num("18"), num("12"), 2024));
  d.objectives.push_back(peg);

  Objective small;
  small.vista = "DUP_2024_2026";
  small.code = "2024_S05_03";
  small.level = Level::peg;
  small.parent = "DUP_03_0901_0201";
  small.year = 2024;
  small.short_description = "Orti urbani";
  small.description = "Assegnare gli orti urbani con un nuovo bando.";
  small.objective_type = "Gestionale";
  small.area = 3;
  small.assessorato = "AMBIENTE E MOBILITA";
  small.center = "05_V_2024";
  small.responsible = "BIANCHI LUCIA";
  small.status.push_back({2024, day(2024, 12, 31), "Il bando è stato pubblicato e chiuso."});
  small.phases.push_back(phase(1, "Pubblicazione del bando", "60", num("100"), day(2024, 2, 1),
                               day(2024, 3, 31), day(2024, 2, 5), day(2024, 3, 28), "BIANCHI LUCIA",
                               "05_V_2024"));
  small.phases.push_back(phase(2, "Assegnazione degli orti", "40", num("100"), day(2024, 4, 1),
                               day(2024, 6, 30), day(2024, 4, 2), day(2024, 6, 15), "BIANCHI LUCIA",
                               "05_V_2024"));
  small.indicators.push_back(indicator(1, "Orti assegnati", IndicatorType::efficacia, "45",
                                       num("47"), num("40"), num("38"), 2024));
  d.objectives.push_back(small);

  Objective other = small;
  other.code = "2024_S02_01";
  other.center = "02_S_2024";
  other.parent = "";
  other.responsible = "NERI GIULIA";
  other.assessorato = "SINDACO";
  other.description = "Ridurre i tempi medi di pagamento delle fatture.";
  d.objectives.push_back(other);
  return d;
}

} // namespace traguardi::testing
