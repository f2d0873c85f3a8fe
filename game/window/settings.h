#pragma once
// The player's settings: plain data, kept as JSON in $XDG_CONFIG_HOME/attune/settings.json
// (else ~/.config/attune). Loading never fails: a bad file gives the defaults, a message,
// and is kept aside for inspection.

#include "base/result.h"

#include <filesystem>
#include <string>

namespace attune {

/// How quickly story text appears.
enum class TextSpeed { Gentle, Steady, Brisk, Instant };

/// Everything the Settings screen changes.
struct Settings {
    int text_size = 100; ///< percent, 75..200
    std::string font = "DejaVu Sans";
    bool high_contrast = false;
    bool reduced_motion = false;
    bool show_numbers = false; ///< off: states in words ("guarded", "open")
    TextSpeed text_speed = TextSpeed::Steady;
    bool fullscreen = false;
    bool seen_intro = false; ///< the first-run card was shown and closed
    /// "If this brought something up, you can talk to ...": who, set by a player or a
    /// facilitator; shown on the ending screen. Empty: not shown.
    std::string talk_to;
    /// Room mode's vote from phones: the port phones connect to (0: any free one) and the
    /// address shown to them and listened on (empty: the Wi-Fi's; see docs/voting.md).
    int vote_port = 8080;
    std::string vote_address;
    bool operator==(const Settings&) const = default;
};

inline constexpr int min_text_size = 75;
inline constexpr int max_text_size = 200;
inline constexpr std::size_t max_talk_to = 160;     ///< bytes: one short line
inline constexpr std::size_t max_vote_address = 64; ///< bytes: an IPv4 or IPv6 address

/// The settings with every value brought into its allowed range.
Settings clamped(Settings settings);

/// Characters revealed per second at `speed` (0 for instant).
double characters_per_second(TextSpeed speed);

/// Plain names for the speeds, for the Settings screen and the file.
const char* text_speed_name(TextSpeed speed);

/// $XDG_CONFIG_HOME/attune/settings.json, else ~/.config/attune/settings.json.
std::filesystem::path default_settings_path();

/// Reads `path`: always settings. A missing file gives the defaults silently; a bad one
/// gives the defaults and a warning for the player, and is renamed aside.
Result<Settings> load_settings(const std::filesystem::path& path);

/// Writes `settings` to `path` atomically, creating its folder.
Result<> save_settings(const Settings& settings, const std::filesystem::path& path);

} // namespace attune
