#pragma once
// Talking to a server on this machine with raw bytes, as a misbehaving client would.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <string>

namespace attune::test {

/// A connected TCP socket to 127.0.0.1:port, closed on destruction; -1 if it failed.
/// `from` (say 127.0.0.12) is the address it connects from: every 127.x.y.z is this
/// machine, so simulated phones can each have their own address, as on a real network.
class Connection {
public:
    explicit Connection(int port, int timeout_seconds = 5, const char* from = nullptr) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        timeval timeout{timeout_seconds, 0};
        setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
        if (from != nullptr) {
            sockaddr_in source{};
            source.sin_family = AF_INET;
            inet_pton(AF_INET, from, &source.sin_addr);
            ::bind(fd_, reinterpret_cast<sockaddr*>(&source), sizeof source);
        }
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<std::uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
            ::close(fd_);
            fd_ = -1;
        }
    }
    ~Connection() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    bool ok() const { return fd_ >= 0; }

    /// Sends all of `bytes`; false if the server closed the connection first.
    bool send(const std::string& bytes) {
        std::size_t sent = 0;
        while (sent < bytes.size()) {
            const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) {
                return false;
            }
            sent += static_cast<std::size_t>(n);
        }
        return true;
    }

    /// Everything the server sends until it closes the connection (or the timeout).
    std::string receive_all() {
        std::string text;
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
            if (n <= 0) {
                return text;
            }
            text.append(buffer, static_cast<std::size_t>(n));
        }
    }

private:
    int fd_ = -1;
};

/// One request as raw bytes; the whole response as text.
inline std::string round_trip(int port, const std::string& request, const char* from = nullptr) {
    Connection connection(port, 5, from);
    if (!connection.ok() || !connection.send(request)) {
        return {};
    }
    return connection.receive_all();
}

/// "HTTP/1.1 404 Not Found..." -> 404; 0 when there is no status line.
inline int status_of(const std::string& response) {
    if (response.rfind("HTTP/1.1 ", 0) != 0 || response.size() < 12) {
        return 0;
    }
    return std::stoi(response.substr(9, 3));
}

} // namespace attune::test
