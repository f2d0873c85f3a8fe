#pragma once
// The HTTP server: cpp-httplib on its own threads (one accepting, a fixed pool serving),
// never the game's. It only carries bytes: every request goes to Api::handle, and every
// response leaves with security_headers(). Binding happens in start(), so a port in use
// is reported at once; stop() (or the destructor) closes the port and joins the threads.

#include "api.h"

#include "base/result.h"

#include <memory>
#include <string>
#include <thread>

namespace httplib {
class Server;
}

namespace attune::host {

struct ServerOptions {
    std::string bind_address = "0.0.0.0"; ///< every interface
    int port = 8080;                      ///< 0: any free port
    int threads = 16;                     ///< the pool serving requests
    int timeout_seconds = 2;              ///< for each read, write and idle wait
    std::size_t max_body = 4096;          ///< larger bodies are refused before they are read
};

class Server {
public:
    /// Binds and starts serving `api`, which must outlive the server.
    static Result<std::unique_ptr<Server>> start(Api& api, const ServerOptions& options);

    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    int port() const { return port_; }
    void stop();

private:
    Server() = default;

    std::unique_ptr<httplib::Server> http_;
    std::thread listener_;
    int port_ = 0;
};

} // namespace attune::host
