#include "app/interchange_io.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
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
  // The audit log travels with its ente: imported into an empty database it still verifies.
  std::vector<std::vector<AuditEntry>> logs;
  for (const auto& d : enti)
    logs.push_back(s.store().audit_log(d.ente.code));
  return interchange::to_json(enti, logs);
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
struct Listed {
  std::string code;
  std::size_t objectives = 0, audit_entries = 0;
};

std::vector<Listed> validate_file(const std::string& file) {
  auto in = open_json(file);
  interchange::PullReader reader(in, file, interchange::ReadLimits::from_environment());
  std::vector<Listed> enti;
  while (auto r = reader.next_record()) {
    if (auto ok = check_budget_codes(r->dataset, enti.size(), file); !ok) raise(ok.error());
    enti.push_back({r->dataset.ente.code, r->dataset.objectives.size(), r->audit_log.size()});
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
  for (const auto& l : listed) {
    out.objectives += l.objectives;
    ImportedEnte r;
    r.code = l.code;
    r.created = !stored.count(l.code);
    r.audit_entries = l.audit_entries;
    r.audit_restored = r.created && l.audit_entries > 0;
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
  // New enti that carry their audit log are restored with it (the chain is checked first:
  // an altered log writes nothing); the other new enti (all of them with --sostituisci) are
  // written in one transaction; enti already stored are merged by identity afterwards.
  auto each_record = [&](const std::function<void(std::size_t, interchange::EnteRecord &&)>& f) {
    auto in = open_json(file);
    interchange::PullReader reader(in, file, interchange::ReadLimits::from_environment());
    for (std::size_t index = 0; auto r = reader.next_record(); ++index)
      f(index, std::move(*r));
  };
  if (std::any_of(out.details.begin(), out.details.end(),
                  [](const ImportedEnte& e) { return e.audit_restored; })) {
    std::vector<Store::EnteWithLog> logged;
    each_record([&](std::size_t i, interchange::EnteRecord&& r) {
      if (out.details[i].audit_restored)
        logged.emplace_back(std::move(r.dataset), std::move(r.audit_log));
    });
    std::size_t next = 0;
    store.restore_many(
        [&]() -> std::optional<Store::EnteWithLog> {
          if (next >= logged.size()) return std::nullopt;
          return std::move(logged[next++]);
        },
        s.author());
  }
  const bool any_whole = std::any_of(out.details.begin(), out.details.end(), [&](const auto& e) {
    return !e.audit_restored && (e.created || replace_whole);
  });
  std::vector<std::pair<std::size_t, Dataset>> to_merge;
  if (any_whole) {
    auto in = open_json(file);
    interchange::PullReader reader(in, file, interchange::ReadLimits::from_environment());
    std::size_t index = 0;
    store.replace_many(
        [&]() -> std::optional<Dataset> {
          while (auto d = reader.next()) {
            const ImportedEnte& e = out.details.at(index++);
            if (e.audit_restored) continue;
            if (e.created || replace_whole) return d;
            to_merge.emplace_back(index - 1, std::move(*d));
          }
          return std::nullopt;
        },
        s.author());
  } else {
    each_record([&](std::size_t i, interchange::EnteRecord&& r) {
      if (!out.details[i].created && !replace_whole) to_merge.emplace_back(i, std::move(r.dataset));
    });
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
