#pragma once
// The short code a room is joined with, and the random token a phone keeps.

#include <string>

namespace attune::host {

/// The letters a room code is made of: none that can be read as another letter or a
/// digit (no O or 0, I or 1, nor B, G, S, Z, which pass for 8, 6, 5, 2).
inline constexpr char room_code_letters[] = "ACDEFHJKLMNPQRTUVWXY";
inline constexpr int room_code_length = 4;

/// A fresh code from the system's randomness, e.g. "KTWA".
std::string make_room_code();

/// The code as typed: spaces and dashes dropped, lower case raised. Compared to the
/// room's code in constant time, so timing cannot tell how much of a guess was right.
bool code_matches(const std::string& typed, const std::string& code);

/// A phone's token: 128 random bits as 32 lower-case hex digits.
std::string make_device_token();

/// True for text shaped like a token (32 lower-case hex digits).
bool looks_like_token(const std::string& text);

} // namespace attune::host
