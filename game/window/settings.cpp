#include "settings.h"

#include "base/atomic_file.h"
#include "base/json_document.h"
#include "base/paths.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdlib>

namespace attune {

namespace {

using nlohmann::json;

constexpr std::array speeds = {TextSpeed::Gentle, TextSpeed::Steady, TextSpeed::Brisk,
                               TextSpeed::Instant};

TextSpeed speed_from_name(const std::string& name) {
    for (const TextSpeed speed : speeds) {
        if (name == text_speed_name(speed)) {
            return speed;
        }
    }
    throw std::runtime_error("unknown text speed '" + name + "'");
}

json to_json(const Settings& settings) {
    return {{"text_size", settings.text_size},
            {"font", settings.font},
            {"high_contrast", settings.high_contrast},
            {"reduced_motion", settings.reduced_motion},
            {"show_numbers", settings.show_numbers},
            {"text_speed", text_speed_name(settings.text_speed)},
            {"fullscreen", settings.fullscreen},
            {"seen_intro", settings.seen_intro},
            {"talk_to", settings.talk_to},
            {"vote_port", settings.vote_port},
            {"vote_address", settings.vote_address}};
}

// Missing keys keep their defaults, so files written by older versions still load.
Settings from_json(const json& in) {
    Settings settings;
    settings.text_size = in.value("text_size", settings.text_size);
    settings.font = in.value("font", settings.font);
    settings.high_contrast = in.value("high_contrast", settings.high_contrast);
    settings.reduced_motion = in.value("reduced_motion", settings.reduced_motion);
    settings.show_numbers = in.value("show_numbers", settings.show_numbers);
    settings.text_speed =
        speed_from_name(in.value("text_speed", text_speed_name(settings.text_speed)));
    settings.fullscreen = in.value("fullscreen", settings.fullscreen);
    settings.seen_intro = in.value("seen_intro", settings.seen_intro);
    settings.talk_to = in.value("talk_to", settings.talk_to);
    settings.vote_port = in.value("vote_port", settings.vote_port);
    settings.vote_address = in.value("vote_address", settings.vote_address);
    return clamped(settings);
}

} // namespace

Settings clamped(Settings settings) {
    settings.text_size = std::clamp(settings.text_size, min_text_size, max_text_size);
    if (settings.font.empty()) {
        settings.font = Settings{}.font;
    }
    settings.vote_port = std::clamp(settings.vote_port, 0, 65535);
    if (settings.vote_address.size() > max_vote_address) {
        settings.vote_address.clear(); // no address is that long: back to the Wi-Fi's
    }
    if (settings.talk_to.size() > max_talk_to) {
        settings.talk_to.resize(max_talk_to);
        // Never end halfway through a character: drop a cut one whole.
        while (!settings.talk_to.empty() &&
               (static_cast<unsigned char>(settings.talk_to.back()) & 0xC0) == 0x80) {
            settings.talk_to.pop_back();
        }
        if (!settings.talk_to.empty() &&
            static_cast<unsigned char>(settings.talk_to.back()) >= 0xC0) {
            settings.talk_to.pop_back();
        }
    }
    return settings;
}

double characters_per_second(TextSpeed speed) {
    switch (speed) {
    case TextSpeed::Gentle:
        return 30;
    case TextSpeed::Steady:
        return 55;
    case TextSpeed::Brisk:
        return 110;
    case TextSpeed::Instant:
        return 0;
    }
    return 0;
}

const char* text_speed_name(TextSpeed speed) {
    switch (speed) {
    case TextSpeed::Gentle:
        return "gentle";
    case TextSpeed::Steady:
        return "steady";
    case TextSpeed::Brisk:
        return "brisk";
    case TextSpeed::Instant:
        return "instant";
    }
    return "steady";
}

std::filesystem::path default_settings_path() {
    return xdg_folder("XDG_CONFIG_HOME", ".config") / "settings.json";
}

Result<Settings> load_settings(const std::filesystem::path& path) {
    Result<Settings> loaded{Settings{}, {}};
    remove_stale_temp_files(path.parent_path()); // left by a write that was killed
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        return loaded; // first run: the defaults
    }
    if (const Result<JsonDocument> doc = read_json_document(path)) {
        try {
            loaded.value = from_json(doc->value());
            return loaded;
        } catch (const std::exception&) {
            // a value of the wrong kind: the whole file is set aside below
        }
    }
    const std::optional<std::filesystem::path> aside = set_aside(path);
    loaded.diagnostics.push_back(
        plain(Severity::Warning,
              "Your settings file could not be read, so the defaults are in use. " +
                  (aside ? "The old file was kept as " + aside->filename().string() + "."
                         : "It could not be moved aside, so it is still at " + path.string() + "."),
              path.string()));
    return loaded;
}

Result<> save_settings(const Settings& settings, const std::filesystem::path& path) {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) {
        return {{plain(Severity::Error,
                       "cannot create " + path.parent_path().string() + ": " + ec.message(),
                       path.string())}};
    }
    return write_file_atomically(path, dump_json(to_json(settings), 2) + "\n");
}

} // namespace attune
