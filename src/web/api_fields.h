// Request bodies of the /api/v1 authoring endpoints turned into the use cases' typed text.
//
// The authoring use cases (app/objective_authoring.h, item_authoring.h, organisation.h) take
// fields as a user types them on the command line, so the API, the CLI and the pages refuse
// the same values with the same Italian messages. A body names each field once, in JSON:
// exact numbers (JSON numbers or decimal strings with a point), ISO dates, whole numbers,
// strings, and null to clear. Each binding says which JSON member fills which use-case field
// and under which name the use case reports it (`where`, the command-line flag without "--"),
// so a refusal points at the member of the body (RFC 6901 pointer) that caused it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/field_values.h"
#include "app/session.h"
#include "web/api_access.h"

namespace traguardi::web {

enum class FieldKind { number, integer, date, text };

struct FieldBinding {
  const char* json;  // member of the body: "fine_effettiva"
  const char* where; // the use case's field name: "fine-effettiva"
  FieldKind kind;
  app::FieldText* slot;
  bool required = false; // on creation
};

/// One JSON value as the text a use case reads, or nullopt with the reason in `why`. A null
/// reads as `null_text`: "-" clears a field for the command-line-style use cases, "" for the
/// progress forms'. Texts longer than `max_text_bytes` are refused.
std::optional<std::string> json_field_text(const Json& v, FieldKind kind, std::string& why,
                                           const char* null_text = "-",
                                           std::size_t max_text_bytes = 8000);

/// Fills every bound slot named in `body`; members not bound, values of the wrong type and
/// missing required members become errors of `bad` (422) with their pointer.
void read_fields(const Json& body, const std::vector<FieldBinding>& fields, Problem& bad);
/// The problem of a use case's refusal: a field error (422 pointing at the member bound to
/// `e.where`), a stale version (409), a missing record (404), anything else 422.
Problem problem_of_refusal(const Error& e, const std::vector<FieldBinding>& fields);

/// A session for the use cases acting as the caller on the ente of the path: the pooled store,
/// the signed-in user as the declared actor of the audit log.
app::Session api_session(ApiCall& c, const std::string& ente);

/// The version named by If-Match ("\"42\"", W/"42" or 42), or -1 when it names none.
std::int64_t if_match_version(const std::string& header);
/// False (a 412 already sent) when If-Match is present and does not name `current`.
bool if_match_ok(ApiCall& c, std::int64_t current);
/// As if_match_ok, and false (a 428 sent) without If-Match: for the changes that name an entry
/// by its position (delete or move a fase, an indicator, a struttura or soggetto coinvolto).
/// The others move up after them, so a retried request without a version would act on the
/// next entry.
bool if_match_required(ApiCall& c, std::int64_t current);

/// 403 for a caller whose role or CdR may not make this change.
void send_forbidden(ApiCall& c, const std::string& detail = {});

} // namespace traguardi::web
