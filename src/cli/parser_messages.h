// Italian for the argument parser's own words.
//
// CLI11 writes its errors ("File does not exist", "not in {pdf,html}", "The following arguments
// were not expected") and its help labels in English; users of an Italian PA read Italian only.
// Its messages are fixed English sentences, so they are translated here by pattern, once, for
// every subcommand: call italianize() on the main app before any subcommand is added (CLI11
// copies the settings to subcommands when they are created).
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace traguardi::cli {

/// The Italian text of a CLI11 error message (unknown sentences are returned unchanged).
std::string italian_parse_message(const std::string& english);

/// Italian help labels, help flag description and failure message ("traguardi: errore: ...").
void italianize(CLI::App& app);
/// The help flag of every subcommand in the Italian options group (call after registering).
void italianize_help(CLI::App& app);

} // namespace traguardi::cli
