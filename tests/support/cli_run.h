#pragma once
// A command line run through CLI11 as the program's main runs it, with what
// it writes to std::cout and std::cerr captured: for tests of the commands.
#include <gtest/gtest.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace patron::testing {

struct CliRun {
  int exit_code = 0;
  std::string out, err;
};

// `app` holds the commands under test; `args` come after the program's name.
inline CliRun run_cli(CLI::App& app, std::vector<std::string> args) {
  args.insert(args.begin(), "patron");
  std::vector<const char*> argv;
  for (const auto& arg : args) argv.push_back(arg.c_str());
  std::ostringstream out, err;
  auto* previous_out = std::cout.rdbuf(out.rdbuf());
  auto* previous_err = std::cerr.rdbuf(err.rdbuf());
  CliRun result;
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& error) {
    result.exit_code = app.exit(error, out, err);
  }
  std::cout.rdbuf(previous_out);
  std::cerr.rdbuf(previous_err);
  result.out = out.str();
  result.err = err.str();
  return result;
}

// `args` run through a fresh app holding what `add_commands(app)` adds.
template <class AddCommands>
CliRun run_commands(AddCommands add_commands, std::vector<std::string> args) {
  CLI::App app("patron");
  add_commands(app);
  return run_cli(app, std::move(args));
}

// What a run that must succeed printed, read as JSON.
inline nlohmann::json printed_json(const CliRun& result) {
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return nlohmann::json::parse(result.out);
}

}  // namespace patron::testing
