// A small fictional comune for the report tests (no text of the real sheets is used).
//
// It has what makes printing hard: a description over 255 characters, a narrative that spans
// pages, an objective with many fasi (the FASI table breaks across pages), a fase without
// avanzamento, a lower-is-better indicator, large values (1.134,00) and three years of history.
#pragma once

#include "core/model.h"

namespace traguardi::testing {

Dataset report_fixture();

} // namespace traguardi::testing
