#include "app/copy.h"

#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "store/store.h"

namespace traguardi::app {
namespace {

bool same_database(const std::string& a, const std::string& b) {
  if (a == b) return true;
  if (is_postgres_url(a) || is_postgres_url(b)) return false;
  std::error_code ec;
  return std::filesystem::equivalent(a, b, ec);
}

} // namespace

Result<CopyOutcome> copy_enti(const std::string& from, const std::string& to,
                              const std::string& ente) {
  if (same_database(from, to)) return fail("origine e destinazione sono lo stesso database");
  CopyOutcome out;
  out.from_shown = shown_location(from);
  out.to_shown = shown_location(to);
  auto source = open_store(from, OpenMode::existing);
  std::vector<std::string> codes;
  if (!ente.empty())
    codes.push_back(ente);
  else
    for (const auto& e : source->list_enti())
      codes.push_back(e.code);
  if (codes.empty())
    return fail("il database di origine non contiene enti", out.from_shown, ErrorKind::not_found);
  auto target = open_store(to, OpenMode::create);
  std::size_t next = 0;
  // The audit log travels with its ente, verbatim: the chain verifies on the destination.
  target->restore_many([&]() -> std::optional<Store::EnteWithLog> {
    if (next >= codes.size()) return std::nullopt;
    const std::string& code = codes[next++];
    auto d = source->load(code);
    if (!d) throw NotFound(fmt::format("ente «{}» non presente nel database di origine", code));
    out.objectives += static_cast<long>(d->objectives.size());
    return Store::EnteWithLog{std::move(*d), source->audit_log(code)};
  });
  std::set<std::string> copied(codes.begin(), codes.end());
  for (const auto& e : target->list_enti())
    out.others_in_target += copied.count(e.code) ? 0 : 1;
  out.enti = codes.size();
  return out;
}

} // namespace traguardi::app
