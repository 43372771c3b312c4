// Matching keys for names printed in many spellings.
//
// Legacy sheets print the same assessorato, person or centre with different case, spacing,
// apostrophes and OCR slips ("lntegrazione" for "Integrazione"). Records keep the raw text for
// printing; matching uses the folded key computed here (seed-spec §4 Q15).
#pragma once

#include <string>
#include <string_view>

namespace traguardi {

/// Upper case (ASCII and Italian accented letters), single spaces, typographic quotes folded to
/// ASCII, no spaces around '!' ',' '.', and a lower-case 'l' at word start before a consonant
/// read as 'I' (lntegrazione -> INTEGRAZIONE, l'lnfanzia -> L'INFANZIA).
std::string matching_key(std::string_view text);

/// Trim and collapse runs of white space to one space.
std::string collapse_spaces(std::string_view text);

} // namespace traguardi
