#include "room_code.h"

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
    static constexpr char hex[] = "0123456789abcdef";
    std::uniform_int_distribution<int> nibble(0, 15);
    std::string token;
    for (int i = 0; i < 32; ++i) {
        token += hex[nibble(system_randomness())];
    }
    return token;
}

bool looks_like_token(const std::string& text) {
    return text.size() == 32 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

} // namespace attune::host
