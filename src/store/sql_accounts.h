// Accounts (store/accounts.h) over the shared SQL surface, for both back-ends.
//
// Kept apart from sql_store.cpp, which maps Datasets: these tables have no ente key in their
// primary key because a user may span enti (the national amministratore).
#pragma once

#include "store/accounts.h"
#include "store/sql_connection.h"

namespace traguardi::sql {

class SqlAccounts final : public Accounts {
public:
  explicit SqlAccounts(Connection& c) : c_(c) {}
  std::vector<UserAccount> list_users() override;
  std::optional<UserAccount> find_user(std::string_view username) override;
  void add_user(const UserAccount& u) override;
  void update_user(const UserAccount& u) override;
  void add_session(const WebSession& s) override;
  std::optional<WebSession> find_session(std::string_view token_hash) override;
  std::optional<SignedIn> find_signed_in(std::string_view token_hash) override;
  void remove_session(std::string_view token_hash) override;
  void remove_sessions_of(std::string_view username) override;
  void remove_expired_sessions(std::string_view now) override;
  LoginThrottle throttle(std::string_view key) override;
  void put_throttle(std::string_view key, const LoginThrottle& t) override;
  void clear_throttle(std::string_view key) override;
  std::int64_t add_token(const ApiToken& t) override;
  std::vector<ApiToken> list_tokens(std::string_view username) override;
  std::optional<ApiToken> find_token(std::string_view token_hash) override;
  std::optional<TokenHolder> find_token_holder(std::string_view token_hash) override;
  void revoke_token(std::int64_t id) override;
  std::pair<std::int64_t, std::int64_t> add_rate_count(std::string_view key,
                                                       std::string_view server, std::int64_t minute,
                                                       std::int64_t delta) override;
  void prune_rate_counts(std::int64_t minute) override;

private:
  Connection& c_;
};

} // namespace traguardi::sql
