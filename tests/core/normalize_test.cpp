#include "core/normalize.h"

#include <gtest/gtest.h>

using traguardi::matching_key;

TEST(Normalize, FoldsPrintedVariantsToOneKey) {
  EXPECT_EQ(matching_key("Politiche Abitative - lntegrazione"),
            matching_key("Politiche  abitative - Integrazione"));
  EXPECT_EQ(matching_key("lstruzione - Educazione e Politiche per l'lnfanzia"),
            matching_key("Istruzione - Educazione e Politiche per l’Infanzia"));
  EXPECT_EQ(matching_key("FACCIAMO RETE!INSIEME"), matching_key("FACCIAMO RETE! INSIEME"));
  EXPECT_EQ(matching_key("caruso gianluca"), matching_key("CARUSO  GIANLUCA"));
  EXPECT_EQ(matching_key("Centralità"), "CENTRALITÀ");
  // A real word starting with l + consonant-like letters stays itself when it has a vowel next.
  EXPECT_EQ(matching_key("lavoro"), "LAVORO");
}
