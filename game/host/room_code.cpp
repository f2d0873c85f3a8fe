#include "room_code.h"

#include <cstdint>
#include <random>

namespace attune::host {

namespace {

std::random_device& system_randomness() {
    thread_local std::random_device device;
    return device;
}

} // namespace

std::string make_room_code() {
    constexpr int letters = sizeof room_code_letters - 1;
    std::uniform_int_distribution<int> pick(0, letters - 1);
    std::string code;
    for (int i = 0; i < room_code_length; ++i) {
        code += room_code_letters[pick(system_randomness())];
    }
    return code;
}

bool code_matches(const std::string& typed, const std::string& code) {
    std::string cleaned;
    for (const char c : typed) {
        if (c == ' ' || c == '-') {
            continue;
        }
        cleaned += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        if (cleaned.size() > code.size()) {
            return false;
        }
    }
    if (cleaned.size() != code.size() || code.empty()) {
        return false;
    }
    unsigned difference = 0;
    for (std::size_t i = 0; i < code.size(); ++i) {
        difference |= static_cast<unsigned char>(cleaned[i] ^ code[i]);
    }
    return difference == 0;
}

std::string make_device_token() {
    // Four 32-bit draws, each written as 8 hex digits: 128 bits. One draw per digit (as
    // before) cost 32 draws, and a draw is a hardware RDRAND, which in a virtual machine
    // can take ~27 us: 0.9 ms a token, so 200 phones joining at once queued for 150 ms.
    static_assert(sizeof(std::random_device::result_type) == 4);
    static constexpr char hex[] = "0123456789abcdef";
    std::string token;
    for (int draw = 0; draw < 4; ++draw) {
        std::uint32_t bits = system_randomness()();
        for (int digit = 0; digit < 8; ++digit, bits >>= 4) {
            token += hex[bits & 0xF];
        }
    }
    return token;
}

bool looks_like_token(const std::string& text) {
    return text.size() == 32 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

} // namespace attune::host
