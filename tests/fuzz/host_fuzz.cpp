// libFuzzer target: the room host's request handling (Api::handle), called directly
// with no sockets. An input is
//   METHOD PATH\n DEVICE\n ADDRESS\n BODY
// where DEVICE 0-3 stands for one of four phones that joined (anything else is sent as
// it is). Paths starting "/!" are the facilitator's moves instead (open, close, reveal,
// confirm, pause, resume, lock, remove), so requests meet the room in every state. After
// each input the tally must still add up.

#include "api.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

using namespace attune::host;

struct World {
    Room room{"KTWA", {}};
    Api api{room, *WebFiles::load()};
    std::string phones[4];

    World() {
        for (std::string& phone : phones) {
            phone = room.join("KTWA", "").device;
        }
        room.open_round(menu());
    }

    static Menu menu() {
        return Menu{"scene",
                    {"A line of the scene."},
                    {{"a", "One", true, ""},
                     {"b", "Two", true, ""},
                     {"c", "Three", false, "Too wound up."}}};
    }
};

std::string next_line(std::string& text) {
    const std::size_t end = text.find('\n');
    std::string line = text.substr(0, end);
    text.erase(0, end == std::string::npos ? text.size() : end + 1);
    return line;
}

void facilitator(World& world, const std::string& move) {
    Room& room = world.room;
    if (move == "/!open") {
        room.open_round(World::menu());
    } else if (move == "/!close") {
        room.close_round();
    } else if (move == "/!reveal") {
        room.reveal();
    } else if (move.rfind("/!confirm", 0) == 0) {
        const std::string n = move.substr(9);
        room.confirm(n.empty() ? std::nullopt : std::optional<int>(n[0] - '0'), "why");
    } else if (move == "/!pause" || move == "/!resume") {
        room.set_paused(move == "/!pause");
    } else if (move == "/!lock") {
        room.set_locked(!room.locked());
    } else if (move == "/!remove") {
        room.remove_phone(room.phones());
    } else if (move == "/!clear") {
        room.clear_round();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static World world;
    std::string text(reinterpret_cast<const char*>(data), size);
    const std::string first = next_line(text);
    const std::size_t space = first.find(' ');
    ApiRequest request;
    request.method = first.substr(0, space);
    request.path = space == std::string::npos ? "/" : first.substr(space + 1);
    const std::string device = next_line(text);
    request.device = device.size() == 1 && device[0] >= '0' && device[0] <= '3'
                         ? world.phones[device[0] - '0']
                         : device;
    request.address = next_line(text);
    request.body = text;
    if (request.path.rfind("/!", 0) == 0) {
        facilitator(world, request.path);
    } else {
        const ApiResponse response = world.api.handle(request);
        if (response.status < 200 || response.status > 599) {
            std::abort();
        }
    }
    const Tally tally = world.room.tally();
    int counted = tally.passes;
    for (const int count : tally.counts) {
        counted += count;
    }
    if (tally.enough ? counted != tally.taking_part : (counted != 0 || !tally.counts.empty())) {
        std::abort(); // the tally no longer adds up
    }
    if (tally.taking_part > world.room.phones()) {
        std::abort(); // more votes than phones
    }
    return 0;
}
