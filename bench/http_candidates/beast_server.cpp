// Candidate HTTP server: Boost.Beast from Boost 1.74 (Debian libboost-dev).
//
//   bench_http_beast [port]
//
// Listens on 127.0.0.1:<port> (default 8080) with 2 threads running one
// io_context and serves
//   GET /api/v1/ping          -> {"ok":true,"service":"patron"}, answered inline
//   GET /api/v1/ping-deferred -> same body, answered later by a separate
//                                "group-commit writer" thread
// HTTP/1.1 keep-alive follows the request. Request bodies are limited to
// 1 MiB with request_parser::body_limit; an oversized body gets a 413.
// Stops on SIGINT or SIGTERM.

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/version.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <functional>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

constexpr std::string_view kBody = R"({"ok":true,"service":"patron"})";
constexpr std::uint64_t kMaxBodyBytes = 1024u * 1024u;  // 1 MiB
constexpr int kWorkerThreads = 2;
constexpr auto kIoTimeout = std::chrono::seconds(30);

// Stand-in for the group-commit writer: jobs are queued by the I/O threads and
// run in batches on this thread, after the request handler has returned.
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

  void push(std::function<void()> job) {
    {
      std::lock_guard lock(mutex_);
      pending_.push_back(std::move(job));
    }
    cv_.notify_one();
  }

 private:
  void run() {
    std::deque<std::function<void()>> batch;
    for (;;) {
      {
        std::unique_lock lock(mutex_);
        cv_.wait(lock, [this] { return stop_ || !pending_.empty(); });
        if (stop_ && pending_.empty()) return;
        batch.swap(pending_);
      }
      for (auto& job : batch) job();
      batch.clear();
    }
  }

  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> pending_;
  bool stop_ = false;
  std::thread thread_;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, DeferredWriter& writer) : stream_(std::move(socket)), writer_(writer) {}

  void start() {
    // Run on the connection's strand, as every later handler will be.
    net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::do_read, shared_from_this()));
  }

 private:
  void do_read() {
    parser_.emplace();
    parser_->body_limit(kMaxBodyBytes);
    stream_.expires_after(kIoTimeout);
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t /*bytes*/) {
    if (ec == http::error::end_of_stream) return do_close();
    if (ec == http::error::body_limit) return send(make_response(http::status::payload_too_large, false, {}));
    if (ec) return;  // timeout, reset, parse error: drop the connection

    const auto& req = parser_->get();
    const bool keep_alive = req.keep_alive();
    if (req.method() == http::verb::get && req.target() == "/api/v1/ping") {
      return send(make_response(http::status::ok, keep_alive, kBody));
    }
    if (req.method() == http::verb::get && req.target() == "/api/v1/ping-deferred") {
      // Answer from another thread: the writer builds the response there and
      // hands it back to this connection's strand for the actual write.
      writer_.push([self = shared_from_this(), keep_alive] {
        auto res = make_response(http::status::ok, keep_alive, kBody);
        net::post(self->stream_.get_executor(),
                  [self, res = std::move(res)]() mutable { self->send(std::move(res)); });
      });
      return;
    }
    send(make_response(http::status::not_found, false, {}));
  }

  static http::response<http::string_body> make_response(http::status status, bool keep_alive,
                                                         std::string_view body) {
    http::response<http::string_body> res{status, 11};
    res.keep_alive(keep_alive);
    if (!body.empty()) res.set(http::field::content_type, "application/json");
    res.body() = std::string{body};
    res.prepare_payload();
    return res;
  }

  void send(http::response<http::string_body>&& res) {
    res_ = std::move(res);
    stream_.expires_after(kIoTimeout);
    http::async_write(stream_, res_,
                      beast::bind_front_handler(&Session::on_write, shared_from_this(), res_.keep_alive()));
  }

  void on_write(bool keep_alive, beast::error_code ec, std::size_t /*bytes*/) {
    if (ec) return;
    if (!keep_alive) return do_close();
    do_read();
  }

  void do_close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::string_body> res_;
  DeferredWriter& writer_;
};

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(net::io_context& ioc, const tcp::endpoint& endpoint, DeferredWriter& writer)
      : ioc_(ioc), acceptor_(net::make_strand(ioc)), writer_(writer) {
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(net::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(net::socket_base::max_listen_connections);
  }

  void start() { do_accept(); }

 private:
  void do_accept() {
    acceptor_.async_accept(net::make_strand(ioc_),
                           beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
  }

  void on_accept(beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted) return;
    if (!ec) {
      socket.set_option(tcp::no_delay(true), ec);
      std::make_shared<Session>(std::move(socket), writer_)->start();
    }
    do_accept();
  }

  net::io_context& ioc_;
  tcp::acceptor acceptor_;
  DeferredWriter& writer_;
};

}  // namespace

int main(int argc, char** argv) {
  const unsigned long port_arg = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 8080UL;
  if (port_arg == 0 || port_arg > 65535) {
    std::cerr << "usage: bench_http_beast [port]\n";
    return 2;
  }
  const auto port = static_cast<std::uint16_t>(port_arg);

  try {
    net::io_context ioc{kWorkerThreads};
    DeferredWriter writer;  // destroyed before ioc: its last jobs may still post to ioc
    std::make_shared<Listener>(ioc, tcp::endpoint{net::ip::make_address("127.0.0.1"), port}, writer)->start();

    net::signal_set signals(ioc, SIGINT, SIGTERM);
    signals.async_wait([&ioc](const beast::error_code&, int) { ioc.stop(); });

    std::vector<std::thread> threads;
    threads.reserve(kWorkerThreads - 1);
    for (int i = 0; i < kWorkerThreads - 1; ++i) threads.emplace_back([&ioc] { ioc.run(); });
    ioc.run();
    for (auto& t : threads) t.join();
  } catch (const std::exception& e) {
    std::cerr << "bench_http_beast: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
