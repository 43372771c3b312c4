#include "store/schema.h"

#include <fmt/format.h>

#include "core/error.h"

namespace traguardi::sql {
namespace {

const char* kStep1 = R"SQL(
CREATE TABLE schema_meta (key {TEXT} PRIMARY KEY, value {TEXT} NOT NULL){STRICT};
CREATE TABLE ente (
  code {TEXT} PRIMARY KEY, name {TEXT} NOT NULL, kind {TEXT} NOT NULL){STRICT};
CREATE TABLE vista (
  ente {TEXT} NOT NULL REFERENCES ente(code) ON DELETE CASCADE,
  code {TEXT} NOT NULL, description {TEXT} NOT NULL, year_from {INT} NOT NULL,
  year_to {INT} NOT NULL, levels {TEXT} NOT NULL, position {INT} NOT NULL,
  PRIMARY KEY (ente, code)){STRICT};
CREATE TABLE thematic_area (
  ente {TEXT} NOT NULL, vista {TEXT} NOT NULL, number {INT} NOT NULL,
  description {TEXT} NOT NULL, position {INT} NOT NULL,
  PRIMARY KEY (ente, vista, number),
  FOREIGN KEY (ente, vista) REFERENCES vista(ente, code) ON DELETE CASCADE){STRICT};
CREATE TABLE assessorato (
  ente {TEXT} NOT NULL REFERENCES ente(code) ON DELETE CASCADE,
  key {TEXT} NOT NULL, description {TEXT} NOT NULL, delegations {TEXT} NOT NULL,
  aliases {TEXT} NOT NULL, position {INT} NOT NULL,
  PRIMARY KEY (ente, key)){STRICT};
CREATE TABLE person (
  ente {TEXT} NOT NULL REFERENCES ente(code) ON DELETE CASCADE,
  key {TEXT} NOT NULL, name {TEXT} NOT NULL, username {TEXT} NOT NULL,
  aliases {TEXT} NOT NULL, position {INT} NOT NULL,
  PRIMARY KEY (ente, key)){STRICT};
CREATE TABLE center (
  ente {TEXT} NOT NULL REFERENCES ente(code) ON DELETE CASCADE,
  code {TEXT} NOT NULL, name {TEXT} NOT NULL, short_name {TEXT} NOT NULL,
  kind {TEXT} NOT NULL, parent {TEXT} NOT NULL, peg_sigla {TEXT} NOT NULL,
  head {TEXT} NOT NULL, valid_from {TEXT}, valid_to {TEXT}, aliases {TEXT} NOT NULL,
  position {INT} NOT NULL,
  PRIMARY KEY (ente, code)){STRICT};
CREATE TABLE objective (
  ente {TEXT} NOT NULL, vista {TEXT} NOT NULL, code {TEXT} NOT NULL,
  level {TEXT} NOT NULL, parent {TEXT} NOT NULL, year {INT},
  short_description {TEXT} NOT NULL, description {TEXT} NOT NULL,
  description_truncated {INT} NOT NULL, strategic_purpose {TEXT} NOT NULL,
  operational_purpose {TEXT} NOT NULL, implementation {TEXT} NOT NULL,
  objective_type {TEXT} NOT NULL, state {TEXT} NOT NULL, area {INT},
  assessorato {TEXT} NOT NULL, center {TEXT} NOT NULL, responsible {TEXT} NOT NULL,
  direction {TEXT} NOT NULL, director {TEXT} NOT NULL, version {INT} NOT NULL,
  src_document {TEXT} NOT NULL, src_from {INT} NOT NULL, src_to {INT} NOT NULL,
  position {INT} NOT NULL,
  PRIMARY KEY (ente, vista, code),
  FOREIGN KEY (ente, vista) REFERENCES vista(ente, code) ON DELETE CASCADE){STRICT};
CREATE TABLE status_report (
  ente {TEXT} NOT NULL, vista {TEXT} NOT NULL, objective {TEXT} NOT NULL,
  position {INT} NOT NULL, year {INT}, as_of {TEXT}, text {TEXT} NOT NULL,
  PRIMARY KEY (ente, vista, objective, position),
  FOREIGN KEY (ente, vista, objective) REFERENCES objective(ente, vista, code)
    ON DELETE CASCADE){STRICT};
CREATE TABLE involved_structure (
  ente {TEXT} NOT NULL, vista {TEXT} NOT NULL, objective {TEXT} NOT NULL,
  position {INT} NOT NULL, description {TEXT} NOT NULL, relation {TEXT} NOT NULL,
  mission {TEXT} NOT NULL, programme {TEXT} NOT NULL, share_micro {INT},
  start_date {TEXT}, end_date {TEXT},
  PRIMARY KEY (ente, vista, objective, position),
  FOREIGN KEY (ente, vista, objective) REFERENCES objective(ente, vista, code)
    ON DELETE CASCADE){STRICT};
CREATE TABLE involved_person (
  ente {TEXT} NOT NULL, vista {TEXT} NOT NULL, objective {TEXT} NOT NULL,
  position {INT} NOT NULL, person {TEXT} NOT NULL, relation {TEXT} NOT NULL,
  effort_micro {INT}, start_date {TEXT}, end_date {TEXT},
  PRIMARY KEY (ente, vista, objective, position),
  FOREIGN KEY (ente, vista, objective) REFERENCES objective(ente, vista, code)
    ON DELETE CASCADE){STRICT};
CREATE TABLE phase (
  ente {TEXT} NOT NULL, vista {TEXT} NOT NULL, objective {TEXT} NOT NULL,
  ord {INT} NOT NULL, description {TEXT} NOT NULL, weight_micro {INT}, progress_micro {INT},
  planned_start {TEXT}, planned_end {TEXT}, actual_start {TEXT}, actual_end {TEXT},
  responsible {TEXT} NOT NULL, center {TEXT} NOT NULL, note {TEXT} NOT NULL,
  version {INT} NOT NULL, src_document {TEXT} NOT NULL, src_from {INT} NOT NULL,
  src_to {INT} NOT NULL,
  PRIMARY KEY (ente, vista, objective, ord),
  FOREIGN KEY (ente, vista, objective) REFERENCES objective(ente, vista, code)
    ON DELETE CASCADE){STRICT};
CREATE TABLE indicator (
  ente {TEXT} NOT NULL, vista {TEXT} NOT NULL, objective {TEXT} NOT NULL,
  ord {INT} NOT NULL, reference_year {INT}, description {TEXT} NOT NULL,
  type {TEXT} NOT NULL, scale {TEXT} NOT NULL, polarity {TEXT} NOT NULL,
  target_micro {INT}, actual_micro {INT}, note {TEXT} NOT NULL, version {INT} NOT NULL,
  src_document {TEXT} NOT NULL, src_from {INT} NOT NULL, src_to {INT} NOT NULL,
  PRIMARY KEY (ente, vista, objective, ord),
  FOREIGN KEY (ente, vista, objective) REFERENCES objective(ente, vista, code)
    ON DELETE CASCADE){STRICT};
CREATE TABLE indicator_history (
  ente {TEXT} NOT NULL, vista {TEXT} NOT NULL, objective {TEXT} NOT NULL,
  ord {INT} NOT NULL, position {INT} NOT NULL, year {INT} NOT NULL, value_micro {INT},
  col {INT} NOT NULL, ambiguous {INT} NOT NULL,
  PRIMARY KEY (ente, vista, objective, ord, position),
  FOREIGN KEY (ente, vista, objective, ord) REFERENCES indicator(ente, vista, objective, ord)
    ON DELETE CASCADE){STRICT};
CREATE TABLE source_document (
  ente {TEXT} NOT NULL REFERENCES ente(code) ON DELETE CASCADE,
  position {INT} NOT NULL, name {TEXT} NOT NULL, sha256 {TEXT} NOT NULL, kind {TEXT} NOT NULL,
  produced {TEXT}, vista {TEXT} NOT NULL, level {TEXT} NOT NULL,
  filter_label {TEXT} NOT NULL, filter_value {TEXT} NOT NULL,
  PRIMARY KEY (ente, position)){STRICT};
CREATE TABLE audit_log (
  id {ID}, ente {TEXT} NOT NULL, at {TEXT} NOT NULL, actor {TEXT} NOT NULL,
  action {TEXT} NOT NULL, target {TEXT} NOT NULL, before_value {TEXT} NOT NULL,
  after_value {TEXT} NOT NULL){STRICT};
CREATE INDEX audit_log_ente ON audit_log(ente, id);
CREATE INDEX objective_parent ON objective(ente, vista, parent);
)SQL";

// Web accounts (store/accounts.h): users, sessions and login throttles live in the database so
// that several `serve` processes over one PostgreSQL share them.
const char* const kStep2 = R"SQL(
CREATE TABLE web_user (
  username {TEXT} PRIMARY KEY, password_hash {TEXT} NOT NULL, role {TEXT} NOT NULL,
  ente {TEXT} NOT NULL, center {TEXT} NOT NULL, disabled {INT} NOT NULL,
  created {TEXT} NOT NULL){STRICT};
CREATE TABLE web_session (
  token_hash {TEXT} PRIMARY KEY, username {TEXT} NOT NULL REFERENCES web_user(username)
    ON DELETE CASCADE, csrf {TEXT} NOT NULL, expires {TEXT} NOT NULL){STRICT};
CREATE INDEX web_session_user ON web_session(username);
CREATE TABLE login_throttle (
  key {TEXT} PRIMARY KEY, failures {INT} NOT NULL, window_start {TEXT} NOT NULL,
  locked_until {TEXT} NOT NULL){STRICT};
)SQL";

// Piano di Zona (core/district.h), levels as data and territorial statistics.
const char* const kStep3 = R"SQL(
CREATE TABLE vista_level (
  ente {TEXT} NOT NULL, vista {TEXT} NOT NULL, position {INT} NOT NULL, key {TEXT} NOT NULL,
  name {TEXT} NOT NULL, ord {INT} NOT NULL, code_pattern {TEXT} NOT NULL,
  PRIMARY KEY (ente, vista, position),
  FOREIGN KEY (ente, vista) REFERENCES vista(ente, code) ON DELETE CASCADE){STRICT};
CREATE TABLE district (
  ente {TEXT} PRIMARY KEY REFERENCES ente(code) ON DELETE CASCADE,
  title {TEXT} NOT NULL, vista {TEXT} NOT NULL, year_from {INT} NOT NULL,
  year_to {INT} NOT NULL){STRICT};
CREATE TABLE district_comune (
  ente {TEXT} NOT NULL REFERENCES ente(code) ON DELETE CASCADE, position {INT} NOT NULL,
  name {TEXT} NOT NULL, short_name {TEXT} NOT NULL, member_ente {TEXT} NOT NULL,
  capofila {INT} NOT NULL, PRIMARY KEY (ente, position)){STRICT};
CREATE TABLE governance_body (
  ente {TEXT} NOT NULL REFERENCES ente(code) ON DELETE CASCADE, position {INT} NOT NULL,
  name {TEXT} NOT NULL, kind {TEXT} NOT NULL, composition {TEXT} NOT NULL,
  functions {TEXT} NOT NULL, src_document {TEXT} NOT NULL, src_from {INT} NOT NULL,
  src_to {INT} NOT NULL, PRIMARY KEY (ente, position)){STRICT};
CREATE TABLE plan_area (
  ente {TEXT} NOT NULL REFERENCES ente(code) ON DELETE CASCADE, position {INT} NOT NULL,
  code {TEXT} NOT NULL, title {TEXT} NOT NULL, src_document {TEXT} NOT NULL,
  src_from {INT} NOT NULL, src_to {INT} NOT NULL, PRIMARY KEY (ente, position)){STRICT};
CREATE TABLE macro_objective (
  ente {TEXT} NOT NULL REFERENCES ente(code) ON DELETE CASCADE, position {INT} NOT NULL,
  code {TEXT} NOT NULL, title {TEXT} NOT NULL, actions {TEXT} NOT NULL, text {TEXT} NOT NULL,
  src_document {TEXT} NOT NULL, src_from {INT} NOT NULL, src_to {INT} NOT NULL,
  PRIMARY KEY (ente, position)){STRICT};
CREATE TABLE macro_placement (
  ente {TEXT} NOT NULL REFERENCES ente(code) ON DELETE CASCADE, macro {INT} NOT NULL,
  position {INT} NOT NULL, area {TEXT} NOT NULL, number {INT} NOT NULL,
  PRIMARY KEY (ente, macro, position)){STRICT};
CREATE TABLE macro_link (
  ente {TEXT} NOT NULL REFERENCES ente(code) ON DELETE CASCADE, macro {INT} NOT NULL,
  position {INT} NOT NULL, link_ente {TEXT} NOT NULL, link_vista {TEXT} NOT NULL,
  link_objective {TEXT} NOT NULL, PRIMARY KEY (ente, macro, position)){STRICT};
CREATE TABLE strategic_objective (
  ente {TEXT} NOT NULL REFERENCES ente(code) ON DELETE CASCADE, position {INT} NOT NULL,
  number {INT} NOT NULL, year {INT} NOT NULL, criterion {TEXT} NOT NULL,
  description {TEXT} NOT NULL, src_document {TEXT} NOT NULL, src_from {INT} NOT NULL,
  src_to {INT} NOT NULL, PRIMARY KEY (ente, position)){STRICT};
CREATE TABLE evaluation_row (
  ente {TEXT} NOT NULL REFERENCES ente(code) ON DELETE CASCADE, ord {INT} NOT NULL,
  area {TEXT} NOT NULL, name {TEXT} NOT NULL, sub_goals {TEXT} NOT NULL, type {TEXT} NOT NULL,
  needs {TEXT} NOT NULL, target {TEXT} NOT NULL, interventions {TEXT} NOT NULL,
  financial_resources {TEXT} NOT NULL, professional_resources {TEXT} NOT NULL,
  instruments {TEXT} NOT NULL, indicators {TEXT} NOT NULL, timing {TEXT} NOT NULL,
  text_blocks {TEXT} NOT NULL, src_document {TEXT} NOT NULL, src_from {INT} NOT NULL,
  src_to {INT} NOT NULL, PRIMARY KEY (ente, ord)){STRICT};
CREATE TABLE outcome_measure (
  ente {TEXT} NOT NULL REFERENCES ente(code) ON DELETE CASCADE, row_ord {INT} NOT NULL,
  position {INT} NOT NULL, description {TEXT} NOT NULL, period {TEXT} NOT NULL,
  value_micro {INT} NOT NULL, unit {TEXT} NOT NULL, src_document {TEXT} NOT NULL,
  src_from {INT} NOT NULL, src_to {INT} NOT NULL,
  PRIMARY KEY (ente, row_ord, position)){STRICT};
CREATE TABLE stat_value (
  ente {TEXT} NOT NULL REFERENCES ente(code) ON DELETE CASCADE, position {INT} NOT NULL,
  table_name {TEXT} NOT NULL, territory {TEXT} NOT NULL, measure {TEXT} NOT NULL,
  dimension {TEXT} NOT NULL, reference {TEXT} NOT NULL, value_micro {INT}, unit {TEXT} NOT NULL,
  source {TEXT} NOT NULL, origin {TEXT} NOT NULL, src_document {TEXT} NOT NULL,
  src_from {INT} NOT NULL, src_to {INT} NOT NULL, PRIMARY KEY (ente, position)){STRICT};
CREATE INDEX stat_value_measure ON stat_value(ente, measure, territory);
)SQL";

// Versions that never repeat and the audit hash chain (issue 8, issue 15 defects 1 and 6).
// ente_counter has no foreign key: it outlives the removal of its ente, so a re-imported ente
// continues from the versions already issued.
const char* const kStep4 = R"SQL(
CREATE TABLE ente_counter (
  ente {TEXT} PRIMARY KEY, version {INT} NOT NULL, audit_seq {INT} NOT NULL,
  audit_head {TEXT} NOT NULL){STRICT};
ALTER TABLE audit_log ADD COLUMN seq {INT} NOT NULL DEFAULT 0;
ALTER TABLE audit_log ADD COLUMN field {TEXT} NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN os_user {TEXT} NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN db_role {TEXT} NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN reason {TEXT} NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN record_version {INT} NOT NULL DEFAULT 0;
ALTER TABLE audit_log ADD COLUMN prev_hash {TEXT} NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN hash {TEXT} NOT NULL DEFAULT '';
CREATE UNIQUE INDEX audit_log_chain ON audit_log(ente, seq) WHERE seq > 0;
)SQL";

// Personal API tokens (issue 11): only the SHA-256 of the secret is stored; each token is
// bound to one ente and a role not above its user's, with an optional last day of validity.
const char* const kStep5 = R"SQL(
CREATE TABLE api_token (
  id {ID}, token_hash {TEXT} NOT NULL UNIQUE,
  username {TEXT} NOT NULL REFERENCES web_user(username) ON DELETE CASCADE,
  ente {TEXT} NOT NULL, role {TEXT} NOT NULL, expires {TEXT} NOT NULL, created {TEXT} NOT NULL,
  revoked {INT} NOT NULL){STRICT};
CREATE INDEX api_token_user ON api_token(username);
)SQL";

// The sign-off labels of an ente's sheets (issue 14): a row only for an ente that words its
// own; without one the sheets print the default labels. No foreign key: `replace` deletes and
// rewrites the ente's row, and the labels are a setting that outlives that (like ente_counter).
const char* const kStep6 = R"SQL(
CREATE TABLE ente_sign_off (
  ente {TEXT} PRIMARY KEY, responsible {TEXT} NOT NULL, control {TEXT} NOT NULL,
  oiv {TEXT} NOT NULL){STRICT};
)SQL";

// API rate limiting shared by every `serve` process (issue 11): each process adds its own
// requests per token and minute now and then, and reads the sum of all of them.
const char* const kStep7 = R"SQL(
CREATE TABLE api_rate (
  key {TEXT} NOT NULL, server {TEXT} NOT NULL, minute {INT} NOT NULL, count {INT} NOT NULL,
  PRIMARY KEY (key, server, minute)){STRICT};
)SQL";

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
}

} // namespace

const std::vector<std::string>& migration_steps() {
  static const std::vector<std::string> steps{kStep1, kStep2, kStep3, kStep4,
                                              kStep5, kStep6, kStep7};
  return steps;
}

std::string expand(const std::string& script, Dialect d) {
  std::string s = script;
  bool lite = d == Dialect::sqlite;
  replace_all(s, "{INT}", lite ? "INTEGER" : "BIGINT");
  replace_all(s, "{TEXT}", "TEXT");
  replace_all(s, "{STRICT}", lite ? " STRICT" : "");
  replace_all(s, "{ID}", lite ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY");
  return s;
}

int stored_schema_version(Connection& c) {
  if (!c.table_exists("schema_meta")) return 0;
  auto& st = c.prepare("SELECT value FROM schema_meta WHERE key = 'schema_version'");
  st.reset();
  int v = 0;
  if (st.step()) v = std::stoi(as_text(st.column(0)));
  st.reset();
  return v;
}

void ensure_schema(Connection& c, bool create, const std::string& location) {
  if (!c.table_exists("schema_meta")) {
    if (c.has_any_table())
      throw StoreError(fmt::format("{}: il database non è un database di traguardi (contiene "
                                   "altre tabelle)",
                                   location));
    if (!create)
      throw StoreError(fmt::format("{}: il database è vuoto; crearlo con «traguardi demo» o "
                                   "«traguardi import»",
                                   location));
  }
  int v = stored_schema_version(c);
  if (v > kSchemaVersion)
    throw StoreError(fmt::format("{}: lo schema del database è alla versione {}, questa "
                                 "versione di traguardi conosce fino alla {}; aggiornare "
                                 "traguardi",
                                 location, v, kSchemaVersion));
  if (v == kSchemaVersion) return;
  c.begin();
  try {
    const auto& steps = migration_steps();
    for (int k = v; k < kSchemaVersion; ++k)
      c.execute(expand(steps[k], c.dialect()));
    c.execute(fmt::format("DELETE FROM schema_meta WHERE key IN ('schema_version', "
                          "'application'); INSERT INTO schema_meta(key, value) VALUES "
                          "('schema_version', '{}'), ('application', '{}')",
                          kSchemaVersion, kApplicationId));
    c.commit();
  } catch (...) {
    c.rollback();
    throw;
  }
}

} // namespace traguardi::sql
