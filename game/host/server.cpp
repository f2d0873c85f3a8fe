#include "server.h"

#include <httplib.h>
#include <pthread.h>
#include <sys/socket.h>

#include <chrono>

namespace attune::host {

namespace {

void send(const ApiResponse& from, httplib::Response& to) {
    to.status = from.status;
    for (const auto& [name, value] : from.headers) {
        to.set_header(name, value);
    }
    to.set_content(from.body, from.content_type.c_str());
}

// Room for a class joining at once: httplib listens with a backlog of 5, and Linux lets a
// listening socket be given a longer one by calling listen() again.
constexpr int listen_backlog = 256;

} // namespace

Result<std::unique_ptr<Server>> Server::start(Api& api, const ServerOptions& options) {
    Result<std::unique_ptr<Server>> result;
    std::unique_ptr<Server> server(new Server());
    server->http_ = std::make_unique<httplib::Server>();
    httplib::Server& http = *server->http_;

    const auto threads = static_cast<std::size_t>(std::max(1, options.threads));
    http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // One request per connection: a phone polls every second or two, and an idle
    // keep-alive connection would hold one of the pool's threads the whole time.
    http.set_keep_alive_max_count(1);
    http.set_keep_alive_timeout(options.timeout_seconds);
    http.set_read_timeout(options.timeout_seconds);
    http.set_write_timeout(options.timeout_seconds);
    http.set_payload_max_length(options.max_body);
    http.set_tcp_nodelay(true);
    httplib::Headers headers;
    for (const auto& [name, value] : security_headers()) {
        headers.emplace(name, value);
    }
    http.set_default_headers(headers);

    auto listening = std::make_shared<int>(-1);
    http.set_socket_options([listening](socket_t socket) {
        const int yes = 1;
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        *listening = socket;
    });

    const auto serve = [&api](const httplib::Request& request, httplib::Response& response) {
        ApiRequest plain{request.method, request.path, request.get_header_value("X-Device"),
                         request.body, request.remote_addr};
        send(api.handle(plain), response);
    };
    // httplib reads a body only after the pre-routing handler, and only for a route it
    // knows: so the POST routes are registered (their bodies are read within the size
    // limit), and everything else is answered before routing, with no pattern matched.
    for (const char* route : {"/api/join", "/api/vote", "/api/pause"}) {
        http.Post(route, serve);
    }
    http.set_pre_routing_handler(
        [serve](const httplib::Request& request, httplib::Response& response) {
            if (request.method == "POST" &&
                (request.path == "/api/join" || request.path == "/api/vote" ||
                 request.path == "/api/pause")) {
                return httplib::Server::HandlerResponse::Unhandled;
            }
            serve(request, response);
            return httplib::Server::HandlerResponse::Handled;
        });
    // What httplib refuses itself (a bad request line, a body over the limit) gets a
    // short plain answer; the default headers are already on it.
    http.set_error_handler([](const httplib::Request&, httplib::Response& response) {
        if (response.body.empty()) {
            response.set_content("That request could not be read.\n", "text/plain; charset=utf-8");
        }
    });
    http.set_exception_handler(
        [](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
            response.status = 500;
            response.set_content("Something went wrong.\n", "text/plain; charset=utf-8");
        });

    const bool bound = options.port == 0
                           ? (server->port_ = http.bind_to_any_port(options.bind_address)) > 0
                           : http.bind_to_port(options.bind_address, options.port);
    if (!bound) {
        result.diagnostics.push_back(
            plain(Severity::Error, "Could not listen on " + options.bind_address + " port " +
                                       std::to_string(options.port) +
                                       ": the port may be in use or the address not this "
                                       "machine's. Choose another with --port or --address."));
        return result;
    }
    if (options.port != 0) {
        server->port_ = options.port;
    }
    if (*listening >= 0) {
        ::listen(*listening, listen_backlog);
    }
    server->listener_ = std::thread([&http] {
        // Named so that top -H, a profiler or the frame bench tells the room's threads
        // from the game's; the pool's threads, started from this one, take the name too.
        pthread_setname_np(pthread_self(), "attune-room");
        http.listen_after_bind();
    });
    // httplib's stop() does nothing until the listening loop has begun, so a room closed
    // at once would leave stop() waiting for ever: wait for the loop (microseconds).
    for (int waited = 0; !http.is_running() && waited < 5000; ++waited) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    result.value = std::move(server);
    return result;
}

Server::~Server() {
    stop();
}

void Server::stop() {
    if (http_) {
        http_->stop();
    }
    if (listener_.joinable()) {
        listener_.join();
    }
}

} // namespace attune::host
