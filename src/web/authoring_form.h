// What every authoring form of the web shares (objectives, fasi, indicators, stato di
// attuazione, strutture coinvolte, CdR, persons, assessorati, aree): the markup, reading a
// submission, the check that the record is still as the form showed it, and the answer to a use
// case's outcome.
//
// A form carries the version it was loaded with (when the record has one) and, as hidden
// "orig_" fields, the values it showed. Only the fields the user changed go to the use case, as
// the command line's flags would (an emptied field clears, "-"). A submission whose version is
// no longer current, or whose shown values no longer match the stored ones, is answered 409
// with what changed meanwhile and the form still holding what the user typed; a refusal of the
// use case naming a field comes back 400 with the message next to that field.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/edit_outcome.h"
#include "app/field_values.h"
#include "app/form_edits.h"
#include "app/session.h"
#include "web/routes.h"

namespace traguardi::web {

using Options = std::vector<std::pair<std::string, std::string>>; // value, label
using Values = std::map<std::string, std::string>;

struct FormField {
  enum class Kind { text, textarea, select };
  FormField(std::string name_, std::string label_, std::string hint_ = {}, Kind kind_ = Kind::text,
            Options options_ = {}, std::string extra_ = {}, bool required_ = false,
            bool disabled_ = false)
      : name(std::move(name_)), label(std::move(label_)), hint(std::move(hint_)), kind(kind_),
        options(std::move(options_)), extra(std::move(extra_)), required(required_),
        disabled(disabled_) {}
  std::string name; // form field = the use case's field name (as the command line's flag)
  std::string label;
  std::string hint;
  Kind kind = Kind::text;
  Options options;       // select: the choices after an empty "nessuno" one
  std::string extra;     // more attributes, e.g. inputmode="decimal"
  bool required = false; // announced; the use case decides
  bool disabled = false; // shown but not for this user to change
};

/// What one record looks like now, as the form shows it.
struct Current {
  Values values;
  std::optional<std::int64_t> version;
};

/// The page around a form.
struct FormPage {
  std::string title;
  std::string active = "piano"; // navigation entry
  std::vector<Crumb> crumbs;
  const Dataset* d = nullptr;
  std::string intro;  // HTML above the form (what the form is about, current lists)
  std::string after;  // HTML below it (links to other actions on the same record)
  std::string action; // where it posts
  std::string cancel; // where "Annulla" leads
  std::string submit = "Salva";
  bool reason = true; // offer "Motivo della modifica" (stored in the audit log)
};

/// A submitted form: typed values (absent fields count as left as shown), the shown ones, the
/// version it was loaded with (-1: none), the motivo.
struct Submission {
  Values typed, shown;
  std::int64_t version = -1;
  std::string reason;
};

class AuthoringForm {
public:
  AuthoringForm(Call& c, FormPage page, std::vector<FormField> fields);

  /// GET: the form filled with `now`.
  void show(const Current& now);
  /// POST: reads the submission; answers 409 itself and returns false when the record changed
  /// since the form was loaded.
  bool read(const Current& now);
  const Submission& submission() const { return sub_; }
  /// The edit asked for a field: nullopt when left as shown, "-" when emptied.
  app::FieldText asked(const std::string& field) const;
  /// The typed value, for creation forms (nullopt when empty).
  app::FieldText given(const std::string& field) const;
  /// A Session on the borrowed store for `ente`, the signed-in user as actor, the motivo.
  app::Session session(const std::string& ente) const;
  /// Redirects to `done` on success; else 400 (message next to its field), 409 (reloaded with
  /// `reload`, or next to `conflict_field` when the use case refused a duplicate), 404.
  void answer(const Result<app::EditOutcome>& r, const std::string& done,
              const std::function<Current()>& reload, const std::string& conflict_field = {});
  /// Re-shows the submission with a message next to `field` (or above the form).
  void invalid(int status, const std::string& field, const std::string& message);

private:
  void render(int status, const std::string& top, const Values& typed, const Current& now,
              const std::vector<app::FieldIssue>& issues);
  void stale(const Current& now, const std::string& why);

  Call& c_;
  FormPage page_;
  std::vector<FormField> fields_;
  Submission sub_;
};

/// 403 page with `message`; nothing changed.
void refuse(Call& c, const std::string& message);
/// The plan of the ente the request names (hidden field or ?ente=), answering 404 itself.
std::shared_ptr<const Dataset> plan_or_404(Call& c);

/// Exact Italian text of a number for a form ("1.234,5"), empty when absent.
std::string number_text(const std::optional<Decimal>& d);
std::string date_text(const std::optional<Date>& d);

/// Select choices from the plan.
Options center_options(const Dataset& d, const std::string& within = {});
Options person_options(const Dataset& d);
Options assessorato_options(const Dataset& d);
/// Aree tematiche of `vista` (all viste, labelled with it, when empty).
Options area_options(const Dataset& d, const std::string& vista);
/// Objectives above PEG that can be "collegato a" (of `vista`; all, labelled, when empty).
Options parent_options(const Dataset& d, const std::string& vista);

} // namespace traguardi::web
