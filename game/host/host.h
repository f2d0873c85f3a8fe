#pragma once
// Hosting a room: the Room, the API over it and the server, started and stopped as one.
// This is what a face holds while the room votes (the headless console now, the room
// window later). The server runs on its own threads; the face calls room() from its own
// thread (every Room method locks), and never waits on the network.

#include "api.h"
#include "qr_code.h"
#include "room.h"
#include "server.h"

#include "base/result.h"

#include <filesystem>
#include <memory>
#include <string>

namespace attune::host {

struct HostOptions {
    std::string address; ///< shown to phones, and listened on; empty: pick_join_address()
    int port = 8080;     ///< 0: any free port
    RoomOptions room;
    ApiLimits limits;
    std::filesystem::path web_folder; ///< empty: the bundled assets/web
    int threads = 16;
    std::string code; ///< empty: a fresh room code
};

class Host {
public:
    /// Loads the phone page, opens the room and starts listening. An error says why
    /// (the page missing, the port taken) and what to do.
    static Result<std::unique_ptr<Host>> start(const HostOptions& options);

    /// Stops the server first, so no request can reach the room as it goes.
    ~Host();

    Room& room() { return *room_; }
    const Room& room() const { return *room_; }
    int port() const { return server_->port(); }
    /// "http://192.168.1.20:8080/": what to type.
    const std::string& address_url() const { return address_url_; }
    /// The address with the room code in it, so a phone that scans the QR code joins at
    /// once: "http://192.168.1.20:8080/?code=KTWA".
    const std::string& join_url() const { return join_url_; }
    /// join_url() as a QR code.
    const QrCode& qr() const { return qr_; }

private:
    Host() = default;

    std::unique_ptr<Room> room_;
    std::unique_ptr<Api> api_;
    std::unique_ptr<Server> server_;
    std::string address_url_;
    std::string join_url_;
    QrCode qr_;
};

} // namespace attune::host
