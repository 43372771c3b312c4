#include "cli/parser_messages.h"

#include <regex>
#include <utility>

namespace traguardi::cli {
namespace {

struct Rule {
  std::regex pattern;
  const char* italian; // std::regex_replace format
};

const std::vector<Rule>& rules() {
  // Order matters: validator messages arrive wrapped ("--format: pdfx not in {...}").
  static const std::vector<Rule> kRules = [] {
    std::vector<std::pair<const char*, const char*>> raw{
        {R"(File does not exist: (.*))", "il file «$1» non esiste"},
        {R"(Directory does not exist: (.*))", "la cartella «$1» non esiste"},
        {R"(Path does not exist: (.*))", "il percorso «$1» non esiste"},
        {R"((\S*) was not readable \(missing\?\))", "«$1» non è leggibile (manca?)"},
        {R"((.*) not in \{(.*)\})", "«$1» non è un valore ammesso; valori ammessi: $2"},
        {R"(Value (.*) not in range (\S+) to (\S+))",
         "il valore $1 è fuori dall'intervallo ammesso ($2–$3)"},
        {R"(Value (.*) could not be converted)", "il valore «$1» non è valido"},
        {R"(Failed parsing (.*) as a (.*))", "il valore «$1» non è valido (atteso: $2)"},
        {R"(Could not convert: (\S+) = (.*))", "$1: il valore «$2» non è valido"},
        {R"(The value (.*) is not an allowed value for (.*))", "$2: il valore «$1» non è ammesso"},
        {R"(The following arguments were not expected: (.*))", "argomenti non previsti: $1"},
        {R"(The following argument was not expected: (.*))", "argomento non previsto: $1"},
        {R"((\S+) is required)", "l'opzione $1 è obbligatoria"},
        {R"(A subcommand is required)", "manca il comando (es. traguardi demo)"},
        {R"(Requires at least (\d+) subcommands?)",
         "manca il comando (es. traguardi demo); elenco dei comandi con --help"},
        {R"(Subcommand required)", "manca il comando"},
        {R"((\S+): (\d+) required (.*) missing)", "$1: manca un valore ($3)"},
        {R"(Expected exactly (\d+) arguments? to (\S+).*)", "$2: attesi $1 valori"},
        {R"(Expected at least (\d+) arguments? to (\S+).*)", "$2: attesi almeno $1 valori"},
        {R"((\S+): too many inputs for a flag)", "$1: l'opzione non accetta valori"},
        {R"((\S+): Should be true/false or a number)", "$1: atteso vero/falso o un numero"},
        {R"((\S+) requires (\S+))", "$1 richiede $2"},
        {R"((\S+) excludes (\S+))", "$1 non si può usare con $2"},
        {R"((\S+) not found)", "$1 non trovato"},
    };
    std::vector<Rule> out;
    for (const auto& [from, to] : raw)
      out.push_back({std::regex(from), to});
    return out;
  }();
  return kRules;
}

} // namespace

std::string italian_parse_message(const std::string& english) {
  auto translate = [](const std::string& text, std::string& out) {
    for (const Rule& r : rules())
      if (std::regex_match(text, r.pattern)) {
        out = std::regex_replace(text, r.pattern, r.italian);
        return true;
      }
    return false;
  };
  std::string out;
  // "--format: x not in {a,b}", "scheda: ...": the name stays, the sentence after it is
  // translated.
  if (const auto colon = english.find(": "); colon != std::string::npos) {
    const std::string name = english.substr(0, colon);
    if (name.find(' ') == std::string::npos && translate(english.substr(colon + 2), out))
      return name + ": " + out;
  }
  if (translate(english, out)) return out;
  return english;
}

void italianize_help(CLI::App& app) {
  if (auto* help = app.get_help_ptr()) help->group("Opzioni");
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
    italianize_help(*sub);
}

void italianize(CLI::App& app) {
  auto f = app.get_formatter();
  f->label("Usage", "Uso");
  f->label("Options", "Opzioni");
  f->label("Positionals", "Argomenti");
  f->label("Subcommands", "Comandi");
  f->label("SUBCOMMAND", "COMANDO");
  f->label("SUBCOMMANDS", "COMANDI");
  f->label("OPTIONS", "OPZIONI");
  f->label("REQUIRED", "OBBLIGATORIO");
  f->label("TEXT", "TESTO");
  f->label("INT", "INTERO");
  f->label("FLOAT", "NUMERO");
  f->label("Excludes", "Esclude");
  f->label("Needs", "Richiede");
  f->label("Env", "Variabile");
  app.option_defaults()->group("Opzioni");
  app.set_help_flag("-h,--help", "Mostra questo aiuto ed esce");
  app.failure_message([](const CLI::App* a, const CLI::Error& e) {
    std::string out = "traguardi: errore: " + italian_parse_message(e.what()) + "\n";
    if (a->get_help_ptr())
      out += "Per maggiori informazioni: " + a->get_help_ptr()->get_name() + "\n";
    return out;
  });
}

} // namespace traguardi::cli
