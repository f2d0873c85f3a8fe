#pragma once
// The address phones use to reach this machine.

#include <string>

namespace attune::host {

/// The first IPv4 address of a network interface that is up and not the loopback, in the
/// order the system lists them (usually the Wi-Fi or wired one); "127.0.0.1" when there
/// is none, so a room still opens for a test on this machine. With more than one network
/// (Wi-Fi and a VPN, say) choose with `--address`.
std::string pick_join_address();

/// "http://192.168.1.20:8080/"
std::string join_url(const std::string& address, int port);

} // namespace attune::host
