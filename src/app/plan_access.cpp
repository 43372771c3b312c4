#include "app/plan_access.h"

#include <fmt/format.h>

#include "app/sheet_views.h"

namespace traguardi::app {

std::vector<Ente> visible_enti(Store& store, const Principal& p) {
  std::vector<Ente> out;
  for (auto& e : store.list_enti())
    if (p.ente.empty() || e.code == p.ente) out.push_back(std::move(e));
  return out;
}

namespace {

/// The ente code the user asked for and may see.
Result<std::string> ente_for(Store& store, const Principal& p, std::string_view requested) {
  std::string code(requested);
  if (!p.ente.empty()) {
    if (!code.empty() && code != p.ente)
      return fail(fmt::format("ente «{}» non trovato", code), "ente", ErrorKind::not_found);
    code = p.ente;
  }
  if (code.empty()) {
    auto enti = store.list_enti();
    if (enti.empty()) return fail("il database non contiene enti", "ente", ErrorKind::not_found);
    code = enti.front().code;
  }
  return code;
}

} // namespace

Result<std::shared_ptr<const Dataset>> shared_plan(Store& store, const Principal& p,
                                                   std::string_view requested, PlanCache& cache) {
  auto code = ente_for(store, p, requested);
  if (!code) return tl::unexpected(code.error());
  auto plan = cache.get(store, *code);
  if (!plan) return fail(fmt::format("ente «{}» non trovato", *code), "ente", ErrorKind::not_found);
  return plan;
}

Result<Dataset> load_plan(Store& store, const Principal& p, std::string_view requested) {
  std::string code(requested);
  if (!p.ente.empty()) {
    if (!code.empty() && code != p.ente)
      return fail(fmt::format("ente «{}» non trovato", code), "ente", ErrorKind::not_found);
    code = p.ente;
  }
  if (code.empty()) {
    auto enti = store.list_enti();
    if (enti.empty()) return fail("il database non contiene enti", "ente", ErrorKind::not_found);
    code = enti.front().code;
  }
  auto d = store.load(code);
  if (!d) return fail(fmt::format("ente «{}» non trovato", code), "ente", ErrorKind::not_found);
  return std::move(*d);
}

bool can_record_progress(const Principal& p, const Dataset& d, const Objective& o) {
  switch (p.role) {
  case UserRole::amministratore:
  case UserRole::controllo:
    return true;
  case UserRole::responsabile:
    return !p.center.empty() && center_within(d, o.center, p.center);
  case UserRole::lettore:
    return false;
  }
  return false;
}

bool can_author_plan(const Principal& p) {
  return p.role == UserRole::amministratore || p.role == UserRole::controllo;
}

bool can_manage_users(const Principal& p) {
  return p.role == UserRole::amministratore;
}

std::vector<const Objective*> objectives_to_fill(const Principal& p, const Dataset& d) {
  std::vector<const Objective*> out;
  if (p.role != UserRole::responsabile) return out;
  for (const auto& o : d.objectives) {
    if (!can_record_progress(p, d, o)) continue;
    bool missing = false;
    for (const auto& ph : o.phases)
      missing = missing || !ph.progress;
    for (const auto& i : o.indicators)
      missing = missing || !i.actual;
    if (missing) out.push_back(&o);
  }
  return out;
}

} // namespace traguardi::app
