// `traguardi firme`: registered by main.cpp like the commands of commands.h (declared apart so
// that adding it did not rebuild every command file).
#pragma once

#include "cli/commands.h"

namespace traguardi::cli {

void register_sign_off(CLI::App& app, Context& ctx);

} // namespace traguardi::cli
