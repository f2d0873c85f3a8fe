#include "host.h"

#include "join_address.h"

namespace attune::host {

Result<std::unique_ptr<Host>> Host::start(const HostOptions& options) {
    Result<std::unique_ptr<Host>> result;
    Result<WebFiles> files = WebFiles::load(options.web_folder);
    result.diagnostics = files.diagnostics;
    if (!files) {
        return result;
    }
    std::unique_ptr<Host> host(new Host());
    host->room_ = options.code.empty() ? std::make_unique<Room>(options.room)
                                       : std::make_unique<Room>(options.code, options.room);
    host->api_ = std::make_unique<Api>(*host->room_, std::move(*files), options.limits);

    ServerOptions server;
    server.bind_address = options.address.empty() ? "0.0.0.0" : options.address;
    server.port = options.port;
    server.threads = options.threads;
    Result<std::unique_ptr<Server>> started = Server::start(*host->api_, server);
    result.diagnostics.insert(result.diagnostics.end(), started.diagnostics.begin(),
                              started.diagnostics.end());
    if (!started) {
        return result;
    }
    host->server_ = std::move(*started);

    const std::string address = options.address.empty() ? pick_join_address() : options.address;
    host->address_url_ = host::join_url(address, host->server_->port());
    host->join_url_ = host->address_url_ + "?code=" + host->room_->code();
    Result<QrCode> qr = make_qr_code(host->join_url_);
    result.diagnostics.insert(result.diagnostics.end(), qr.diagnostics.begin(),
                              qr.diagnostics.end());
    if (qr) {
        host->qr_ = std::move(*qr);
    }
    result.value = std::move(host);
    return result;
}

Host::~Host() {
    if (server_) {
        server_->stop();
    }
}

} // namespace attune::host
