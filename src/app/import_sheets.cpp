#include "app/import_sheets.h"

#include <cctype>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "app/record_edit.h"
#include "app/sheet_merge.h"
#include "core/normalize.h"
#include "importer/sheet_import.h"

namespace traguardi::app {
namespace {

// Code for a new ente named after the sheets ("Citta' di Cinisello Balsamo" ->
// "CITTA_DI_CINISELLO_BALSAMO").
std::string ente_code_from_name(const std::string& name) {
  std::string key = matching_key(name), code;
  for (char c : key) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0)
      code += c;
    else if (!code.empty() && code.back() != '_')
      code += '_';
  }
  while (!code.empty() && code.back() == '_')
    code.pop_back();
  return code.empty() ? "ENTE_IMPORTATO" : code;
}

Dataset new_ente(const std::string& code, const std::string& sheet_ente) {
  Dataset d;
  d.ente.code = code.empty() ? ente_code_from_name(sheet_ente) : code;
  d.ente.name = sheet_ente.empty() ? d.ente.code : sheet_ente;
  return d;
}

// The ente the sheets go into: the one named, the only one stored, or a new one named after
// the sheets when the database is empty or absent. A sheet of another ente, or an unknown
// --ente, is refused: merging into the wrong ente is the costliest mistake of an import.
Result<Dataset> target_dataset(Session& s, bool have_store, const std::string& sheet_ente,
                               bool allow_new) {
  const bool empty = !have_store || s.store().list_enti().empty();
  if (!s.ente.empty()) {
    if (have_store)
      if (auto d = s.store().load(s.ente)) return std::move(*d);
    if (!empty && !allow_new) {
      std::string codes;
      for (const auto& e : s.store().list_enti())
        codes += (codes.empty() ? "" : ", ") + e.code;
      return fail(fmt::format("ente «{}» non presente nel database (enti: {}); per crearlo "
                              "aggiungere --nuovo-ente",
                              s.ente, codes),
                  {}, ErrorKind::not_found);
    }
    return new_ente(s.ente, sheet_ente);
  }
  if (empty) return new_ente({}, sheet_ente);
  auto d = load_ente(s);
  if (!d) return d;
  if (!sheet_ente.empty() && matching_key(sheet_ente) != matching_key(d->ente.name))
    return fail(fmt::format("le schede sono dell'ente «{}», il database contiene «{}» ({}): "
                            "indicare l'ente di destinazione con --ente (--ente {} per unirle "
                            "comunque, --ente NUOVO_CODICE --nuovo-ente per un nuovo ente)",
                            sheet_ente, d->ente.name, d->ente.code, d->ente.code));
  return d;
}

// Rows the importer could not read completely: with them the plan would be silently partial.
bool unreadable_row(const importer::ImportFinding& f) {
  const std::string& c = f.code;
  auto ends = [&](const char* suffix) {
    std::string_view v(c), x(suffix);
    return v.size() >= x.size() && v.substr(v.size() - x.size()) == x;
  };
  return ends("_ignorata") || ends("_illeggibile") || c == "riga_fuori_sezione";
}

// Fields edited by hand (any change that is not an import) per target, from the audit log.
std::set<std::string> hand_edits(Session& s, const std::string& ente) {
  std::set<std::string> out;
  for (const auto& e : s.store().audit_log(ente)) {
    if (e.action != "importazione" && !e.field.empty()) out.insert(e.target + "|" + e.field);
  }
  return out;
}

// Puts back the hand-edited values the merge would overwrite; each becomes a finding.
void keep_hand_edits(const Dataset& stored, Dataset& merged, const std::set<std::string>& edited,
                     std::vector<importer::ImportFinding>& findings) {
  if (edited.empty()) return;
  for (auto& o : merged.objectives) {
    const Objective* was = find_objective(stored, o.vista, o.code);
    if (!was) continue;
    auto restore = [&](auto& now, const auto& before, const std::string& target, auto changes) {
      for (const auto& c : changes(before, now)) {
        if (!edited.count(target + "|" + c.field)) continue;
        copy_field(now, before, c.field);
        importer::ImportFinding f;
        f.severity = Severity::warning;
        f.file = target;
        f.code = "valore_modificato_a_mano";
        f.message = fmt::format("{} di {}: la scheda dice «{}», il valore modificato a mano «{}» "
                                "resta",
                                c.field, target, c.after, c.before);
        f.action = "mantenuto il valore modificato a mano (--sovrascrivi per usare la scheda)";
        findings.push_back(std::move(f));
      }
    };
    for (auto& p : o.phases)
      for (const auto& q : was->phases)
        if (q.order == p.order)
          restore(p, q, fmt::format("{}/{}/fase {}", o.vista, o.code, p.order), phase_changes);
    for (auto& i : o.indicators)
      for (const auto& q : was->indicators)
        if (q.order == i.order)
          restore(i, q, fmt::format("{}/{}/indicatore {}", o.vista, o.code, i.order),
                  indicator_changes);
  }
}

// Each sheet objective once, in printed order, before the sheet is moved into the merge.
class SheetObjectives {
public:
  void add(const importer::ImportedSheet& sheet) {
    for (const auto& o : sheet.objectives)
      if (seen_.emplace(o.vista, o.code).second)
        out_.push_back({o.vista, o.code,
                        o.short_description.empty() ? o.description : o.short_description, "",
                        static_cast<int>(o.phases.size()), static_cast<int>(o.indicators.size())});
  }
  std::vector<SheetObjectiveChange> take() { return std::move(out_); }

private:
  std::vector<SheetObjectiveChange> out_;
  std::set<std::pair<std::string, std::string>> seen_;
};

// nuovo / aggiornato / invariato, comparing the merged plan with the stored one (one index of
// each, so that a large import stays linear).
void classify(std::vector<SheetObjectiveChange>& changes, const Dataset& stored,
              const Dataset& merged) {
  auto index = [](const Dataset& d) {
    std::unordered_map<std::string, const Objective*> m;
    m.reserve(d.objectives.size());
    for (const auto& o : d.objectives)
      m.emplace(o.vista + "/" + o.code, &o);
    return m;
  };
  const auto before = index(stored), after = index(merged);
  for (auto& c : changes) {
    const std::string key = c.vista + "/" + c.code;
    auto b = before.find(key);
    auto a = after.find(key);
    c.kind = b == before.end()                                 ? "nuovo"
             : a != after.end() && !(*a->second == *b->second) ? "aggiornato"
                                                               : "invariato";
  }
}

// The sheets one at a time, files first: each is parsed, merged and freed before the next, so
// that a large import holds one sheet's text and parse at a time, not all of them.
class SheetSource {
public:
  explicit SheetSource(const SheetImportOptions& opt) : opt_(opt) {}
  std::size_t size() const { return opt_.files.size() + opt_.texts.size(); }
  Result<importer::ImportedSheet> read(std::size_t i) const {
    if (i >= opt_.files.size()) {
      const SheetText& t = opt_.texts[i - opt_.files.size()];
      return importer::import_sheet_bytes(t.bytes, t.name);
    }
    auto sheet = importer::import_sheet_file(opt_.files[i]);
    if (sheet && opt_.on_parsed) opt_.on_parsed(i + 1, opt_.files.size());
    return sheet;
  }

private:
  const SheetImportOptions& opt_;
};

} // namespace

Result<SheetImportOutcome> import_sheets(Session& s, const SheetImportOptions& opt) {
  const SheetSource source(opt);
  if (source.size() == 0) return fail("nessuna scheda indicata");
  // The first sheet names the ente the import goes into.
  auto first = source.read(0);
  if (!first) return tl::unexpected(first.error());
  SheetImportOutcome out;
  out.sheets = source.size();

  // The database is created only when there is something to write.
  bool have_store = true;
  try {
    s.store(OpenMode::existing);
  } catch (const StoreError&) {
    have_store = false;
  }
  auto target = target_dataset(s, have_store, first->ente_name, opt.new_ente);
  if (!target) return tl::unexpected(target.error());
  Dataset& d = *target;
  out.ente = d.ente.code;
  out.ente_name = d.ente.name;
  out.sheet_ente = first->ente_name;
  const Dataset stored = d;

  std::vector<importer::ImportFinding> findings;
  SheetObjectives printed;
  bool changed = false;
  // One merger for all the sheets: its indexes make the cost linear in the sheets' size.
  SheetMerger merger(d);
  merger.reserve((first->objectives.size() + first->ancestors.size()) * source.size());
  for (std::size_t i = 0; i < source.size(); ++i) {
    auto sheet = i == 0 ? std::move(first) : source.read(i);
    if (!sheet) return tl::unexpected(sheet.error());
    printed.add(*sheet);
    out.objectives += static_cast<int>(sheet->objectives.size());
    out.phases += sheet->phase_count();
    out.indicators += sheet->indicator_count();
    auto r = merger.merge(std::move(*sheet)); // leaves the findings
    findings.insert(findings.end(), std::make_move_iterator(sheet->findings.begin()),
                    std::make_move_iterator(sheet->findings.end()));
    out.added += r.objectives_added;
    out.updated += r.objectives_updated;
    out.unchanged += r.objectives_unchanged;
    changed = changed || r.changed();
    findings.insert(findings.end(), std::make_move_iterator(r.findings.begin()),
                    std::make_move_iterator(r.findings.end()));
  }
  out.changes = printed.take();
  if (changed && have_store && !opt.overwrite)
    keep_hand_edits(stored, d, hand_edits(s, d.ente.code), findings);
  if (!opt.partial)
    for (auto& f : findings)
      if (unreadable_row(f) && f.severity != Severity::error) {
        f.severity = Severity::error;
        f.action = "importazione annullata: la riga non è stata letta per intero (--parziale "
                   "per importare il resto)";
      }
  if (opt.strict) importer::apply_strict(findings);
  classify(out.changes, stored, d);
  for (const auto& f : findings)
    out.findings.push_back(f.format());
  out.errors = importer::count_severity(findings, Severity::error);
  out.warnings = importer::count_severity(findings, Severity::warning);
  out.infos = importer::count_severity(findings, Severity::info);
  if (out.errors > 0) return out;
  if (!changed || d == stored) {
    out.nothing_to_do = true; // a dry run says so too
    return out;
  }
  if (opt.dry_run) return out;
  s.store(OpenMode::create).replace(d, s.author());
  out.written = true;
  return out;
}

} // namespace traguardi::app
