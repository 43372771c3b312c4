// The token look-up every API request makes (issue 11): one joined query must answer exactly
// what the two separate look-ups answer, on every back-end, including a revoked token and a
// disabled user (the caller refuses both, so their flags must come back as stored).
#include <gtest/gtest.h>

#include "store_fixture.h"

namespace traguardi::testing {
namespace {

UserAccount user(const std::string& name, bool disabled) {
  return {name,   "$argon2id$finto", "responsabile",        "C_PROVA",
          "01_S", disabled,          "2026-01-02T03:04:05Z"};
}

ApiToken token(const std::string& hash, const std::string& username, bool revoked) {
  ApiToken t;
  t.token_hash = hash;
  t.username = username;
  t.ente = "C_PROVA";
  t.role = "lettore";
  t.expires = "2099-12-31";
  t.created = "2026-01-02T03:04:05Z";
  t.revoked = revoked;
  return t;
}

TEST_P(StoreTest, TokenHolderIsTheTokenAndItsUserInOneLookUp) {
  auto store = open();
  Accounts& a = store->accounts();
  a.add_user(user("rossi", false));
  a.add_user(user("bianchi", true));
  const std::int64_t first = a.add_token(token(std::string(64, 'a'), "rossi", false));
  a.add_token(token(std::string(64, 'b'), "bianchi", false));
  a.add_token(token(std::string(64, 'c'), "rossi", false));
  a.revoke_token(first);

  for (char c : {'a', 'b', 'c'}) {
    const std::string hash(64, c);
    auto holder = a.find_token_holder(hash);
    auto t = a.find_token(hash);
    ASSERT_TRUE(holder && t) << hash;
    auto u = a.find_user(t->username);
    ASSERT_TRUE(u);
    EXPECT_EQ(holder->token.id, t->id);
    EXPECT_EQ(holder->token.token_hash, hash);
    EXPECT_EQ(holder->token.username, t->username);
    EXPECT_EQ(holder->token.ente, "C_PROVA");
    EXPECT_EQ(holder->token.role, "lettore");
    EXPECT_EQ(holder->token.expires, "2099-12-31");
    EXPECT_EQ(holder->token.created, t->created);
    EXPECT_EQ(holder->token.revoked, t->revoked);
    EXPECT_EQ(holder->user.username, u->username);
    EXPECT_EQ(holder->user.role, "responsabile");
    EXPECT_EQ(holder->user.center, "01_S");
    EXPECT_EQ(holder->user.disabled, u->disabled);
    EXPECT_EQ(holder->user.password_hash, u->password_hash);
  }
  EXPECT_TRUE(a.find_token_holder(std::string(64, 'a'))->token.revoked);
  EXPECT_TRUE(a.find_token_holder(std::string(64, 'b'))->user.disabled);
  EXPECT_FALSE(a.find_token_holder(std::string(64, 'd')));
}

} // namespace
} // namespace traguardi::testing
