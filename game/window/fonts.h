#pragma once
// Fonts found through fontconfig and loaded twice: into Dear ImGui's atlas (rebuilt when
// the text size changes) and into an sf::Font for the stage.

#include "base/result.h"

#include <SFML/Graphics/Font.hpp>

#include <optional>
#include <string>
#include <vector>

struct ImFont;

namespace attune {

/// The files of one font family: regular, bold and italic faces.
struct FontFiles {
    std::string family;
    std::string regular;
    std::string bold;
    std::string italic;
};

/// The files of `family` when fontconfig has that family itself (not a substitute).
std::optional<FontFiles> find_font_files(const std::string& family);

/// The families the Settings screen offers that are installed here.
std::vector<std::string> installed_families();

/// The body text size in pixels: about 20 px at 1280x720, scaled with the window and the
/// text-size setting (percent).
float text_pixel_size(unsigned width, unsigned height, int text_size);

/// The ImGui fonts of one size: body, bold for speaker names, italic for reasons, and a
/// larger heading.
struct FontSet {
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* italic = nullptr;
    ImFont* heading = nullptr;
};

/// The window's fonts. ImGui's atlas must be rebuilt between frames, never inside one.
class Fonts {
public:
    /// Finds `family` (falling back to DejaVu Sans); an error with a clear message if
    /// neither is installed.
    Result<> load(const std::string& family);

    /// Rebuilds ImGui's atlas at `pixel_size` when it differs from the current one.
    /// Returns true when the atlas changed (the renderer must upload it again).
    bool build(float pixel_size);

    const FontSet& imgui() const { return set_; }
    const sf::Font& stage_font() const { return stage_font_; }
    float pixel_size() const { return pixel_size_; }
    const std::string& family() const { return files_.family; }

private:
    FontFiles files_;
    sf::Font stage_font_;
    FontSet set_;
    float pixel_size_ = 0;
};

} // namespace attune
