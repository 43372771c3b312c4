#include "app/sign_off.h"

#include <tuple>
#include <utility>

#include "store/sign_off_store.h"

namespace traguardi::app {
namespace {

constexpr const char* kTarget = "firme";
constexpr const char* kSet = "firme della scheda";
constexpr const char* kReset = "firme predefinite";

report::SignOff shown(const std::optional<SignOffLabels>& stored) {
  if (!stored) return {};
  return {stored->responsible, stored->control, stored->oiv};
}

/// The fields of the audit log, named as the options that change them.
void label_change(std::vector<FieldChange>& changes, const char* field, const FieldText& t,
                  std::string& slot) {
  if (!t) return;
  const std::string v = clears(t) ? "" : *t;
  if (v != slot) changes.push_back({field, slot, v});
  slot = v;
}

EditOutcome outcome(const std::string& ente, const char* action, std::vector<FieldChange> changes) {
  EditOutcome out;
  out.ente = ente;
  out.target = kTarget;
  out.action = action;
  out.changes = std::move(changes);
  return out;
}

} // namespace

Result<SignOffView> show_sign_off(Session& s) {
  auto code = ente_code(s);
  if (!code) return tl::unexpected(code.error());
  const auto stored = read_sign_off(s.location, *code);
  return SignOffView{*code, shown(stored), stored.has_value()};
}

Result<EditOutcome> set_sign_off(Session& s, const SignOffFields& f) {
  // A label is one line of a box a few centimetres wide.
  for (auto [field, t] : {std::pair{"responsabile", &f.responsible},
                          std::pair{"controllo", &f.control}, std::pair{"oiv", &f.oiv}})
    if (*t && (*t)->size() > 200)
      return field_error(field, "troppo lungo (al massimo 200 caratteri)");
  auto code = ente_code(s);
  if (!code) return tl::unexpected(code.error());
  s.store(); // fills the database role of the author on PostgreSQL
  report::SignOff labels = shown(read_sign_off(s.location, *code));
  std::vector<FieldChange> changes;
  label_change(changes, "responsabile", f.responsible, labels.responsible);
  label_change(changes, "controllo", f.control, labels.control);
  label_change(changes, "oiv", f.oiv, labels.oiv);
  if (!changes.empty())
    write_sign_off(s.location, *code, SignOffLabels{labels.responsible, labels.control, labels.oiv},
                   changes, kSet, s.author());
  return outcome(*code, kSet, std::move(changes));
}

Result<EditOutcome> reset_sign_off(Session& s) {
  auto code = ente_code(s);
  if (!code) return tl::unexpected(code.error());
  s.store();
  const auto stored = read_sign_off(s.location, *code);
  if (!stored) return outcome(*code, kReset, {});
  const report::SignOff now = shown(stored), defaults;
  std::vector<FieldChange> changes;
  for (auto [field, before, after] :
       {std::tuple{"responsabile", now.responsible, defaults.responsible},
        std::tuple{"controllo", now.control, defaults.control},
        std::tuple{"oiv", now.oiv, defaults.oiv}})
    if (before != after) changes.push_back({field, before, after});
  if (changes.empty()) changes.push_back({"firme", "dell'ente", "predefinite"});
  write_sign_off(s.location, *code, std::nullopt, changes, kReset, s.author());
  return outcome(*code, kReset, std::move(changes));
}

} // namespace traguardi::app
