#pragma once
#include <cstdint>
#include <string>

#include "http/api.h"

namespace patron::http {

struct ServerOptions {
  std::string address = "0.0.0.0";
  std::uint16_t port = 3001;
  std::size_t threads = 2;
};

// Serves until SIGINT/SIGTERM.
void serve(Api& api, const ServerOptions& options);

}  // namespace patron::http
