// Candidate HTTP server: restinio 0.6.16 (Debian librestinio-dev).
//
//   bench_http_restinio [port] [plain|express]
//
// Listens on 127.0.0.1:<port> (default 8080) with 2 worker threads and serves
//   GET /api/v1/ping          -> {"ok":true,"service":"patron"}, answered inline
//   GET /api/v1/ping-deferred -> same body, answered later by a separate
//                                "group-commit writer" thread
// HTTP/1.1 keep-alive is restinio's default. Request bodies are limited to
// 1 MiB via incoming_http_msg_limits_t::max_body_size (restinio drops the
// connection, without a 413, when the limit is exceeded).
// "plain" (default) dispatches on the target by hand, like the Beast
// candidate; "express" uses restinio's express router (std::regex engine).
// Stops on SIGINT (restinio::run's break-signal handler) or SIGTERM.

#include <restinio/all.hpp>

#include <condition_variable>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <iostream>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

namespace {

constexpr std::string_view kBody = R"({"ok":true,"service":"patron"})";
constexpr std::uint64_t kMaxBodyBytes = 1024u * 1024u;  // 1 MiB
constexpr std::size_t kWorkerThreads = 2;

restinio::request_handling_status_t answer_ping(const restinio::request_handle_t& req) {
  return req->create_response()
      .append_header(restinio::http_field::content_type, "application/json")
      .set_body(std::string{kBody})
      .done();
}

// Stand-in for the group-commit writer: requests are parked in a queue and
// answered in batches from this thread, after the handler has returned.
class DeferredWriter {
 public:
  DeferredWriter() : thread_([this] { run(); }) {}
  DeferredWriter(const DeferredWriter&) = delete;
  DeferredWriter& operator=(const DeferredWriter&) = delete;
  ~DeferredWriter() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    cv_.notify_one();
    thread_.join();
  }

  void push(restinio::request_handle_t req) {
    {
      std::lock_guard lock(mutex_);
      pending_.push_back(std::move(req));
    }
    cv_.notify_one();
  }

 private:
  void run() {
    std::deque<restinio::request_handle_t> batch;
    for (;;) {
      {
        std::unique_lock lock(mutex_);
        cv_.wait(lock, [this] { return stop_ || !pending_.empty(); });
        if (stop_ && pending_.empty()) return;
        batch.swap(pending_);
      }
      // ... the durable write of the whole batch would happen here ...
      for (auto& req : batch) answer_ping(req);  // thread-safe: posts to the connection's strand
      batch.clear();
    }
  }

  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<restinio::request_handle_t> pending_;
  bool stop_ = false;
  std::thread thread_;
};

// Settings shared by both modes: loopback, 1 MiB body limit, TCP_NODELAY
// (the Beast candidate sets it too; restinio leaves Nagle on by default).
template <typename Settings>
Settings common(Settings&& settings, std::uint16_t port) {
  return std::forward<Settings>(settings)
      .address("127.0.0.1")
      .port(port)
      .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}.max_body_size(kMaxBodyBytes))
      .socket_options_setter([](restinio::socket_options_t& options) {
        asio::error_code ignored;
        options.set_option(asio::ip::tcp::no_delay{true}, ignored);
      });
}

using express_router_t = restinio::router::express_router_t<>;
struct express_traits_t : public restinio::default_traits_t {
  using request_handler_t = express_router_t;
};

}  // namespace

int main(int argc, char** argv) {
  const unsigned long port_arg = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 8080UL;
  if (port_arg == 0 || port_arg > 65535) {
    std::cerr << "usage: bench_http_restinio [port] [plain|express]\n";
    return 2;
  }
  const auto port = static_cast<std::uint16_t>(port_arg);
  const std::string_view mode = argc > 2 ? std::string_view{argv[2]} : std::string_view{"plain"};
  // restinio::run only listens for SIGINT; make SIGTERM (what compare.sh
  // sends) stop the server the same way.
  std::signal(SIGTERM, [](int) { std::raise(SIGINT); });

  DeferredWriter writer;
  try {
    if (mode == "express") {
      auto router = std::make_unique<express_router_t>();
      router->http_get("/api/v1/ping", [](auto req, auto) { return answer_ping(req); });
      router->http_get("/api/v1/ping-deferred", [&writer](auto req, auto) {
        writer.push(std::move(req));
        return restinio::request_accepted();
      });
      router->non_matched_request_handler([](auto req) {
        return req->create_response(restinio::status_not_found()).connection_close().done();
      });
      restinio::run(
          common(restinio::on_thread_pool<express_traits_t>(kWorkerThreads), port).request_handler(std::move(router)));
    } else if (mode == "plain") {
      restinio::run(common(restinio::on_thread_pool(kWorkerThreads), port)
                        .request_handler([&writer](restinio::request_handle_t req) {
                          if (req->header().method() == restinio::http_method_get()) {
                            const auto path = req->header().path();
                            if (path == "/api/v1/ping") return answer_ping(req);
                            if (path == "/api/v1/ping-deferred") {
                              writer.push(std::move(req));
                              return restinio::request_accepted();
                            }
                          }
                          return req->create_response(restinio::status_not_found())
                              .connection_close()
                              .done();
                        }));
    } else {
      std::cerr << "unknown mode '" << mode << "' (plain|express)\n";
      return 2;
    }
  } catch (const std::exception& e) {
    std::cerr << "bench_http_restinio: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
