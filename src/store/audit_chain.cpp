#include "store/audit_chain.h"

#include <chrono>
#include <ctime>

#include <fmt/format.h>
#include <sodium.h>

#include "store/value_codec.h"

namespace traguardi::sql {

std::string now_iso() {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

EnteCounter read_counter(Connection& c, const std::string& ente) {
  EnteCounter k;
  k.ente = ente;
  Statement& st =
      c.prepare("SELECT version, audit_seq, audit_head FROM ente_counter WHERE ente = ?");
  st.reset();
  st.bind(1, ente);
  if (st.step()) {
    k.version = as_int(st.column(0)).value_or(0);
    k.audit_seq = as_int(st.column(1)).value_or(0);
    k.audit_head = as_text(st.column(2));
  }
  st.reset();
  return k;
}

void save_counter(Connection& c, const EnteCounter& k, bool known_absent) {
  // UPDATE, then INSERT when there was no row: no ON CONFLICT, which needs the primary key
  // that a bulk load into empty tables builds only at the end (pg_deferred_keys.h).
  if (known_absent ||
      run(c, "UPDATE ente_counter SET version = ?, audit_seq = ?, audit_head = ? WHERE ente = ?",
          {val(k.version), val(k.audit_seq), val(k.audit_head), val(k.ente)}) == 0)
    run(c, "INSERT INTO ente_counter (ente, version, audit_seq, audit_head) VALUES (?,?,?,?)",
        {val(k.ente), val(k.version), val(k.audit_seq), val(k.audit_head)});
}

std::string entry_hash(const std::string& ente, const AuditEntry& e) {
  // Length-prefixed fields: no separator can be forged inside a value.
  std::string content;
  auto add = [&](const std::string& s) { content += fmt::format("{}:{};", s.size(), s); };
  add(ente);
  add(std::to_string(e.seq));
  add(e.at);
  add(e.actor);
  add(e.os_user);
  add(e.db_role);
  add(e.action);
  add(e.target);
  add(e.field);
  add(e.before);
  add(e.after);
  add(e.reason);
  add(std::to_string(e.record_version));
  add(e.prev_hash);
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(content.data()),
                     content.size());
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : digest) {
    out += hex[b >> 4];
    out += hex[b & 15];
  }
  return out;
}

namespace {

void insert_entry(Connection& c, const std::string& ente, const AuditEntry& e) {
  run(c,
      "INSERT INTO audit_log (ente, at, actor, action, target, before_value, after_value, seq, "
      "field, os_user, db_role, reason, record_version, prev_hash, hash) VALUES "
      "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
      {val(ente), val(e.at), val(e.actor), val(e.action), val(e.target), val(e.before),
       val(e.after), val(e.seq), val(e.field), val(e.os_user), val(e.db_role), val(e.reason),
       val(e.record_version), val(e.prev_hash), val(e.hash)});
}

} // namespace

void append_audit(Connection& c, EnteCounter& k, AuditEntry e) {
  if (e.at.empty()) e.at = now_iso();
  e.seq = k.audit_seq + 1;
  e.prev_hash = k.audit_head;
  e.hash = entry_hash(k.ente, e);
  insert_entry(c, k.ente, e);
  k.audit_seq = e.seq;
  k.audit_head = e.hash;
}

void append_audit_verbatim(Connection& c, EnteCounter& k, const std::vector<AuditEntry>& entries) {
  for (const auto& e : entries) {
    insert_entry(c, k.ente, e);
    k.audit_seq = e.seq;
    k.audit_head = e.hash;
  }
}

std::vector<AuditEntry> read_audit(Connection& c, const std::string& ente) {
  std::vector<AuditEntry> out;
  Statement& st = c.prepare(
      "SELECT seq, at, actor, os_user, db_role, action, target, field, before_value, "
      "after_value, reason, record_version, prev_hash, hash FROM audit_log WHERE ente = ? "
      "ORDER BY seq, id");
  st.reset();
  st.bind(1, ente);
  while (st.step()) {
    AuditEntry e;
    e.seq = as_int(st.column(0)).value_or(0);
    e.at = as_text(st.column(1));
    e.actor = as_text(st.column(2));
    e.os_user = as_text(st.column(3));
    e.db_role = as_text(st.column(4));
    e.action = as_text(st.column(5));
    e.target = as_text(st.column(6));
    e.field = as_text(st.column(7));
    e.before = as_text(st.column(8));
    e.after = as_text(st.column(9));
    e.reason = as_text(st.column(10));
    e.record_version = as_int(st.column(11)).value_or(0);
    e.prev_hash = as_text(st.column(12));
    e.hash = as_text(st.column(13));
    out.push_back(std::move(e));
  }
  st.reset();
  return out;
}

AuditCheck verify_chain(Connection& c, const std::string& ente) {
  AuditCheck r;
  auto entries = read_audit(c, ente);
  EnteCounter k = read_counter(c, ente);
  std::int64_t expected = 1;
  std::string prev;
  auto broken = [&](std::int64_t seq, std::string problem) {
    r.broken_seq = seq;
    r.problem = std::move(problem);
    return r;
  };
  for (const auto& e : entries) {
    if (e.seq == 0) {
      ++r.unchained; // written before the chain existed (schema 1)
      continue;
    }
    if (e.seq != expected)
      return broken(expected,
                    e.seq > expected
                        ? fmt::format("la voce n. {} manca (dopo la n. {} viene la n. {})",
                                      expected, expected - 1, e.seq)
                        : fmt::format("la voce n. {} è duplicata", e.seq));
    if (e.prev_hash != prev)
      return broken(e.seq, fmt::format("la voce n. {} non è collegata alla precedente "
                                       "(hash precedente diverso)",
                                       e.seq));
    if (entry_hash(ente, e) != e.hash)
      return broken(e.seq, fmt::format("il contenuto della voce n. {} ({}, {} {}) è stato "
                                       "alterato",
                                       e.seq, e.at, e.action, e.target));
    prev = e.hash;
    ++expected;
    ++r.entries;
  }
  if (k.audit_seq != expected - 1 || k.audit_head != prev)
    return broken(expected,
                  k.audit_seq > expected - 1
                      ? fmt::format("mancano le voci dalla n. {} alla n. {}", expected, k.audit_seq)
                      : "la testa della catena non corrisponde all'ultima voce");
  return r;
}

} // namespace traguardi::sql
