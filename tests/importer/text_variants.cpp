#include "text_variants.h"

#include <array>
#include <sstream>
#include <vector>

namespace variants {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  std::string l;
  while (std::getline(ss, l))
    out.push_back(l);
  return out;
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines)
    out += l + "\n";
  return out;
}

bool starts_with_year(const std::string& s) {
  return s.size() >= 4 && std::isdigit(static_cast<unsigned char>(s[0])) &&
         std::isdigit(static_cast<unsigned char>(s[1])) &&
         std::isdigit(static_cast<unsigned char>(s[2])) &&
         std::isdigit(static_cast<unsigned char>(s[3]));
}

bool has_value_cells(const std::string& l) {
  for (const char* k : {"EFFICACIA ", "EFFICIENZA ", "QUANTITATIVO ", "QUALITA "})
    if (l.find(k) != std::string::npos) return true;
  return false;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
}

} // namespace

std::string tab_separated(const std::string& text) {
  // Alternate separators so that no single form of white space can be relied on.
  static const std::array<const char*, 4> seps{"\t", "  ", " \t ", "\t\t"};
  std::string out;
  std::size_t k = 0;
  for (char c : text) {
    if (c == ' ')
      out += seps[k++ % seps.size()];
    else
      out += c;
  }
  return out;
}

std::string rewrapped(const std::string& text, std::size_t width) {
  std::vector<std::string> out;
  for (const auto& line : lines_of(text)) {
    if (line.size() <= width + 20 || has_value_cells(line)) {
      out.push_back(line);
      continue;
    }
    std::string rest = line;
    while (rest.size() > width) {
      std::size_t cut = rest.rfind(' ', width);
      // Never start a continuation line with a year: it would read as a year marker (Q19).
      while (cut != std::string::npos && cut > 0 && starts_with_year(rest.substr(cut + 1)))
        cut = rest.rfind(' ', cut - 1);
      if (cut == std::string::npos || cut == 0) break;
      out.push_back(rest.substr(0, cut));
      rest = rest.substr(cut + 1);
    }
    out.push_back(rest);
  }
  return join(out);
}

std::string glued_labels(const std::string& text) {
  std::string s = text;
  replace_all(s, "Data elaborazione ", "Data elaborazione");
  replace_all(s, "\nVista ", "\nVista");
  replace_all(s, "\nLivello ", "\nLivello");
  replace_all(s, "MANDATO: ", "MANDATO:");
  replace_all(s, "MISSIONE: ", "MISSIONE:");
  replace_all(s, "PROGRAMMA: ", "PROGRAMMA:");
  replace_all(s, "Obiettivo Gestionale", "ObiettivoGestionale");
  replace_all(s, "Descrizione Tipo Valore Atteso", "DescrizioneTipo ValoreAtteso");
  replace_all(s, "Descrizione Peso Avanz.", "DescrizionePeso Avanz.");
  replace_all(s, "Inizio Previsto Fine Prevista", "InizioPrevisto FinePrevista");
  replace_all(s, "Peso Avanzamento Responsabile", "PesoAvanzamentoResponsabile");
  replace_all(s, "Effettivo Fine Effettiva", "EffettivoFine Effettiva");
  replace_all(s, "Relazione Competenza", "RelazioneCompetenza");
  return s;
}

std::string emphasized(const std::string& text) {
  static const std::array<const char*, 12> headings{"INDICATORI",
                                                    "Stato",
                                                    "FASE",
                                                    "FASI",
                                                    "Collegato a",
                                                    "Finalità",
                                                    "GANTT",
                                                    "FASI - ATTIVITA'",
                                                    "Strutture coinvolte",
                                                    "Soggetti coinvolti",
                                                    "STATO DI ATTUAZIONE",
                                                    "Modalità di Attuazione"};
  std::vector<std::string> out;
  for (auto line : lines_of(text)) {
    for (const char* h : headings)
      if (line == h) line = std::string("**") + h + "**";
    if (line == "In Corso") line = "_In Corso_";
    replace_all(line, "EFFICACIA ", "**EFFICACIA** ");
    replace_all(line, "EFFICIENZA ", "**EFFICIENZA** ");
    // The first purely alphabetic word of long narrative lines in italics.
    if (line.size() > 100) {
      std::size_t sp = line.find(' ');
      std::string first = line.substr(0, sp);
      bool alpha = first.size() >= 4;
      for (char c : first)
        alpha = alpha && std::isalpha(static_cast<unsigned char>(c));
      if (alpha && sp != std::string::npos) line = "_" + first + "_" + line.substr(sp);
    }
    out.push_back(line);
  }
  return join(out);
}

std::string page_feeds(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  for (char c : text) {
    if (c == '\n') {
      lines.push_back(line);
      line.clear();
    } else {
      line += c;
    }
  }
  lines.push_back(line);
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += lines[i];
    if (i + 1 == lines.size()) break;
    out += '\n';
    // Inside a cell (two printed lines in a row), as mutool ends a page of the printout.
    if (i % 37 == 36 && !lines[i].empty() && !lines[i + 1].empty()) out += "\n\f\n";
  }
  return out;
}

std::string crlf(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n')
      out += "\r\n";
    else
      out += c;
  }
  return out;
}

} // namespace variants
