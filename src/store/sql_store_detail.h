// What sql_store.cpp and sql_item_update.cpp share and nothing else may see: the transaction
// wrapper of SqlStore's member functions and the audit entry of a change. A private header, so
// that the store's public face (sql_store.h) stays free of template bodies.
#pragma once

#include <cstdint>
#include <string>
#include <type_traits>

#include "store/sql_store.h"

namespace traguardi::sql {

/// The audit entry of one change made by `a`.
AuditEntry entry(const ChangeAuthor& a, std::string action, std::string target,
                 std::string field = {}, std::string before = {}, std::string after = {},
                 std::int64_t version = 0);

template <typename F> auto SqlStore::in_transaction(F&& f, bool read_only) -> decltype(f()) {
  if (read_only)
    conn_->begin_read();
  else
    conn_->begin();
  try {
    if constexpr (std::is_void_v<decltype(f())>) {
      f();
      conn_->commit();
      if (!read_only) conn_->keep_file();
    } else {
      auto r = f();
      conn_->commit();
      if (!read_only) conn_->keep_file();
      return r;
    }
  } catch (...) {
    conn_->rollback();
    throw;
  }
}

} // namespace traguardi::sql
