#pragma once
// The server's log goes to stdout. On a terminal each line shows at once; when
// stdout is a file or a pipe (a service manager, a log shipper, the load
// benchmark) lines are gathered and written every second, at once for a
// warning or an error, and at exit. With one access-log line per request, a
// write(2) per line was about 4 % of durable purchases/s. What a crash can
// lose is at most the last second of log lines, never a write to the stores.
#include <string>
#include <string_view>

namespace patron::app {

void configure_server_logging();

// `text` with the password of every URL in it replaced by ***
// (`mysql://user:***@host/db`), for anything that logs or prints a
// DATABASE_URL, MONGO_URI or DOCUMENT_STORE, or an error message quoting one.
std::string redact_url_credentials(std::string_view text);

}  // namespace patron::app
