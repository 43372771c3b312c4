// libpq, loaded when the first PostgreSQL connection is opened rather than at start-up.
//
// libpq brings about twenty shared libraries (Kerberos, LDAP, TLS, ...) that every traguardi
// process paid for at start-up, SQLite-only commands included (BENCHMARKS.md, "Start-up").
// The back-end calls libpq only through this table, resolved once with dlopen.
#pragma once

#include <libpq-fe.h>

namespace traguardi::sql {

struct PqApi {
#define TRAGUARDI_PQ_FUNCTIONS(X)                                                                  \
  X(PQclear)                                                                                       \
  X(PQcmdTuples)                                                                                   \
  X(PQconnectdbParams)                                                                             \
  X(PQerrorMessage)                                                                                \
  X(PQexec)                                                                                        \
  X(PQexecPrepared)                                                                                \
  X(PQfinish)                                                                                      \
  X(PQftype)                                                                                       \
  X(PQgetResult)                                                                                   \
  X(PQgetisnull)                                                                                   \
  X(PQgetlength)                                                                                   \
  X(PQgetvalue)                                                                                    \
  X(PQntuples)                                                                                     \
  X(PQprepare)                                                                                     \
  X(PQputCopyData)                                                                                 \
  X(PQputCopyEnd)                                                                                  \
  X(PQresultErrorField)                                                                            \
  X(PQresultStatus)                                                                                \
  X(PQsetNoticeProcessor)                                                                          \
  X(PQstatus)                                                                                      \
  X(PQtransactionStatus)
#define TRAGUARDI_PQ_MEMBER(name) decltype(&::name) name = nullptr;
  TRAGUARDI_PQ_FUNCTIONS(TRAGUARDI_PQ_MEMBER)
#undef TRAGUARDI_PQ_MEMBER
};

/// The libpq functions; loads libpq on first use. Throws StoreError (Italian) when libpq is
/// not installed.
const PqApi& pq();

} // namespace traguardi::sql
