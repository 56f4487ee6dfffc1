#pragma once
// A command line run through CLI11 as the program's main runs it, with what
// it writes to std::cout and std::cerr captured: for tests of the commands.
#include <iostream>
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

}  // namespace patron::testing
