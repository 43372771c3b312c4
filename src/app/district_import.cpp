#include "app/district_import.h"

#include <fstream>
#include <iterator>
#include <map>
#include <unordered_map>

#include "importer/piano_di_zona_import.h"
#include "importer/stats_csv.h"

namespace traguardi::app {

DistrictMergeReport merge_district(Dataset& target, const Dataset& imported) {
  DistrictMergeReport r;
  r.created = target.ente.code.empty();
  std::map<std::string, std::vector<ObjectiveLink>> links;
  if (target.district)
    for (const auto& m : target.district->macro_objectives)
      links[m.title] = m.links;
  if (r.created) target.ente = imported.ente;
  for (const auto& v : imported.vistas) {
    bool replaced = false;
    for (auto& old : target.vistas)
      if (old.code == v.code) old = v, replaced = true;
    if (!replaced) target.vistas.push_back(v);
  }
  target.district = imported.district;
  for (auto& m : target.district->macro_objectives)
    if (auto it = links.find(m.title); it != links.end() && m.links.empty()) m.links = it->second;
  // The document's own statistics are replaced; base data loaded with import-stats stays.
  std::erase_if(target.statistics, [&](const StatValue& s) {
    return s.provenance.document == imported.documents.front().name;
  });
  target.statistics.insert(target.statistics.end(), imported.statistics.begin(),
                           imported.statistics.end());
  std::erase_if(target.documents,
                [&](const SourceDocument& s) { return s.name == imported.documents.front().name; });
  target.documents.push_back(imported.documents.front());
  const auto& p = *target.district;
  r.comuni = static_cast<int>(p.comuni.size());
  r.evaluation_rows = static_cast<int>(p.evaluation.size());
  r.macro_objectives = static_cast<int>(p.macro_objectives.size());
  r.placements = placement_count(p);
  r.strategic = static_cast<int>(p.strategic.size());
  r.governance = static_cast<int>(p.governance.size());
  r.statistics = static_cast<int>(imported.statistics.size());
  return r;
}

int merge_statistics(Dataset& target, const std::vector<StatValue>& values) {
  auto key = [](const StatValue& s) {
    return s.territory + '\x1f' + s.measure + '\x1f' + s.dimension + '\x1f' + s.reference + '\x1f' +
           s.source;
  };
  std::unordered_map<std::string, std::size_t> index; // base values by identity
  for (std::size_t i = 0; i < target.statistics.size(); ++i)
    if (target.statistics[i].origin == StatOrigin::base) index[key(target.statistics[i])] = i;
  int added = 0;
  for (const auto& v : values) {
    auto [it, fresh] = index.emplace(key(v), target.statistics.size());
    if (fresh) {
      target.statistics.push_back(v);
      ++added;
    } else {
      target.statistics[it->second] = v;
    }
  }
  return added;
}

Result<DistrictImportOutcome> import_piano_di_zona(Session& s, const std::string& file, bool strict,
                                                   bool dry_run) {
  auto parsed = importer::import_piano_di_zona_file(file);
  if (!parsed) return tl::unexpected(parsed.error());
  auto& findings = parsed->findings;
  if (strict) importer::apply_strict(findings);
  DistrictImportOutcome out;
  for (const auto& f : findings)
    out.findings.push_back(f.format());
  out.errors = importer::count_severity(findings, Severity::error);
  out.warnings = importer::count_severity(findings, Severity::warning);
  out.infos = importer::count_severity(findings, Severity::info);
  // A missing database is not an error here: it is created when the plan is written.
  std::optional<Dataset> stored;
  const std::string code = s.ente.empty() ? parsed->ambito.ente.code : s.ente;
  parsed->ambito.ente.code = code;
  try {
    stored = s.store(OpenMode::existing).load(code);
  } catch (const StoreError&) {
  }
  Dataset target = stored ? std::move(*stored) : Dataset{};
  out.report = merge_district(target, parsed->ambito);
  out.ente = target.ente.code;
  out.name = target.ente.name;
  if (out.errors > 0 || dry_run) return out;
  s.store(OpenMode::create).replace(target, s.author());
  out.written = true;
  return out;
}

Result<StatsImportOutcome> import_statistics(Session& s, const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return fail("impossibile leggere il file " + file, file, ErrorKind::not_found);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto parsed = importer::parse_stats_csv(text, file);
  StatsImportOutcome out;
  out.values = parsed.values.size();
  if (!parsed.errors.empty()) {
    out.errors = std::move(parsed.errors);
    return out;
  }
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  out.added = merge_statistics(*d, parsed.values);
  out.ente = d->ente.code;
  s.store().replace(*d, s.author());
  return out;
}

} // namespace traguardi::app
