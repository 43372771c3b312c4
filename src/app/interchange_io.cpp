#include "app/interchange_io.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "core/validation.h"
#include "interchange/json_format.h"
#include "interchange/json_pull.h"

namespace traguardi::app {

Result<std::string> export_json(Session& s, bool all) {
  std::vector<Dataset> enti;
  if (!all) {
    auto d = load_ente(s);
    if (!d) return tl::unexpected(d.error());
    enti.push_back(std::move(*d));
  } else {
    Store& store = s.store();
    for (const auto& e : store.list_enti())
      if (auto d = store.load(e.code)) enti.push_back(std::move(*d));
  }
  return interchange::to_json(enti);
}

namespace {

// Budget codes are law (D.Lgs. 118/2011): a file with an unknown missione or programma is
// refused at import, not only reported by `check`.
Result<void> check_budget_codes(const Dataset& d, std::size_t index, const std::string& file) {
  for (const auto& f : validate(d))
    if (f.code == "missione_sconosciuta" || f.code == "programma_sconosciuto")
      return fail(f.message, fmt::format("{}:$.enti[{}] (obiettivo {})", file, index, f.objective));
  return {};
}

std::vector<AuditEntry> merge_entries(const Dataset& before, const Dataset& in) {
  std::vector<AuditEntry> out;
  for (const auto& o : in.objectives) {
    const Objective* was = find_objective(before, o.vista, o.code);
    AuditEntry e;
    e.action = "importazione";
    e.target = o.vista + "/" + o.code;
    e.field = "obiettivo";
    if (!was) {
      e.after = "nuovo";
    } else {
      Objective a = *was, b = o;
      a.version = b.version = 0;
      for (auto* x : {&a, &b}) {
        for (auto& p : x->phases)
          p.version = 0;
        for (auto& i : x->indicators)
          i.version = 0;
      }
      if (a == b) continue;
      e.before = "precedente";
      e.after = "modificato";
    }
    out.push_back(std::move(e));
  }
  return out;
}

} // namespace

namespace {

// Reading the file is streamed (interchange/json_pull.h): memory follows one ente, except the
// enti merged into ones already stored, which wait for their merge.
std::ifstream open_json(const std::string& file) {
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec))
    throw InvalidInput(fmt::format("{}: è una cartella, non un file JSON", file));
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw InvalidInput(fmt::format("{}: file non trovato o non leggibile (controllare nome e "
                                   "permessi)",
                                   file));
  return in;
}

// First pass: the whole file is valid (syntax, limits, budget codes) before anything is
// written, and a file refused at its start creates no database.
std::vector<std::pair<std::string, std::size_t>> validate_file(const std::string& file) {
  auto in = open_json(file);
  interchange::PullReader reader(in, file, interchange::ReadLimits::from_environment());
  std::vector<std::pair<std::string, std::size_t>> enti; // code, objectives
  while (auto d = reader.next()) {
    if (auto ok = check_budget_codes(*d, enti.size(), file); !ok) raise(ok.error());
    enti.emplace_back(d->ente.code, d->objectives.size());
  }
  return enti;
}

} // namespace

Result<ImportOutcome> import_json(Session& s, const std::string& file, bool replace_whole) {
  const auto listed = validate_file(file);
  ImportOutcome out;
  out.enti = listed.size();
  Store& store = s.store(OpenMode::create);
  std::set<std::string> stored;
  for (const auto& e : store.list_enti())
    stored.insert(e.code);
  for (const auto& [code, objectives] : listed) {
    out.objectives += objectives;
    ImportedEnte r;
    r.code = code;
    r.created = !stored.count(code);
    out.details.push_back(std::move(r));
  }
  // With --sostituisci, what each stored ente will lose, said before it is replaced.
  if (replace_whole) {
    auto in = open_json(file);
    interchange::PullReader reader(in, file, interchange::ReadLimits::from_environment());
    for (std::size_t index = 0; auto d = reader.next(); ++index)
      if (!out.details[index].created)
        if (auto old = store.load(d->ente.code))
          out.details[index].removed = disappearing(*old, *d);
  }
  // Second pass: new enti (and all of them with --sostituisci) in one transaction; enti
  // already stored are kept aside and merged by identity afterwards.
  std::vector<std::pair<std::size_t, Dataset>> to_merge;
  {
    auto in = open_json(file);
    interchange::PullReader reader(in, file, interchange::ReadLimits::from_environment());
    std::size_t index = 0;
    store.replace_many(
        [&]() -> std::optional<Dataset> {
          while (auto d = reader.next()) {
            ImportedEnte& r = out.details.at(index++);
            if (r.created || replace_whole) return d;
            to_merge.emplace_back(index - 1, std::move(*d));
          }
          return std::nullopt;
        },
        s.author());
  }
  // The merge is checked against the ente as read; an edit committed meanwhile makes it start
  // again from the new state (the file is merged on top of it), a few times before giving up.
  constexpr int kAttempts = 5;
  for (const auto& [i, d] : to_merge)
    for (int attempt = 1;; ++attempt) {
      auto before = store.load(d.ente.code);
      if (!before) break;
      Dataset after = *before;
      out.details[i].merged = merge_by_identity(after, d);
      if (after == *before) break;
      try {
        store.replace_checked(*before, after, merge_entries(*before, d), s.author());
        break;
      } catch (const Conflict&) {
        if (attempt == kAttempts) throw;
      }
    }
  return out;
}

} // namespace traguardi::app
