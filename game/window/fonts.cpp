#include "fonts.h"

#include <fontconfig/fontconfig.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <strings.h>

namespace attune {

namespace {

constexpr const char* fallback_family = "DejaVu Sans";
constexpr const char* offered_families[] = {"DejaVu Sans", "OpenDyslexic"};

// Latin text with accented names, typographic quotes, dashes, ellipsis and arrows. Kept
// small on purpose: the atlas grows with the square of the size (200% text at 4K).
constexpr ImWchar glyph_ranges[] = {0x0020, 0x017F, 0x2010, 0x2027, 0x2190, 0x2193, 0};

// The file fontconfig picks for `family` at this weight and slant, if it is that family.
std::optional<std::string> match_file(const std::string& family, int weight, int slant) {
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcPatternAddInteger(pattern, FC_WEIGHT, weight);
    FcPatternAddInteger(pattern, FC_SLANT, slant);
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, pattern, &result);
    FcPatternDestroy(pattern);
    std::optional<std::string> file;
    FcChar8* found_family = nullptr;
    FcChar8* found_file = nullptr;
    if (match && FcPatternGetString(match, FC_FAMILY, 0, &found_family) == FcResultMatch &&
        FcPatternGetString(match, FC_FILE, 0, &found_file) == FcResultMatch &&
        strcasecmp(reinterpret_cast<const char*>(found_family), family.c_str()) == 0) {
        file = reinterpret_cast<const char*>(found_file);
    }
    if (match) {
        FcPatternDestroy(match);
    }
    return file;
}

ImFont* add_font(const std::string& file, float size) {
    ImFontConfig config;
    // Horizontal oversampling sharpens small text; large text does not need it and would
    // make the atlas needlessly big.
    config.OversampleH = size < 40 ? 2 : 1;
    config.OversampleV = 1;
    return ImGui::GetIO().Fonts->AddFontFromFileTTF(file.c_str(), size, &config, glyph_ranges);
}

} // namespace

std::optional<FontFiles> find_font_files(const std::string& family) {
    const auto regular = match_file(family, FC_WEIGHT_REGULAR, FC_SLANT_ROMAN);
    if (!regular) {
        return std::nullopt;
    }
    FontFiles files;
    files.family = family;
    files.regular = *regular;
    files.bold = match_file(family, FC_WEIGHT_BOLD, FC_SLANT_ROMAN).value_or(*regular);
    auto italic = match_file(family, FC_WEIGHT_REGULAR, FC_SLANT_ITALIC);
    if (!italic) {
        italic = match_file(family, FC_WEIGHT_REGULAR, FC_SLANT_OBLIQUE);
    }
    files.italic = italic.value_or(*regular);
    return files;
}

std::vector<std::string> installed_families() {
    std::vector<std::string> families;
    for (const char* family : offered_families) {
        if (find_font_files(family)) {
            families.emplace_back(family);
        }
    }
    return families;
}

float text_pixel_size(unsigned width, unsigned height, int text_size) {
    const float scale = std::min(height / 720.0f, width / 1280.0f);
    return std::round(std::max(14.0f, 20.0f * scale) * text_size / 100.0f);
}

Result<> Fonts::load(const std::string& family) {
    auto failed = [](std::string message) {
        return Result<>{{plain(Severity::Error, std::move(message))}};
    };
    auto files = find_font_files(family);
    if (!files) {
        files = find_font_files(fallback_family);
    }
    if (!files) {
        return failed("No usable font was found. Attune needs DejaVu Sans (Debian: apt install "
                      "fonts-dejavu-core) or OpenDyslexic (fonts-opendyslexic).");
    }
    if (!stage_font_.loadFromFile(files->regular)) {
        return failed("The font file " + files->regular + " could not be read.");
    }
    files_ = *files;
    pixel_size_ = 0; // the atlas must be rebuilt with the new faces
    return {};
}

bool Fonts::build(float pixel_size) {
    if (pixel_size == pixel_size_ || files_.regular.empty()) {
        return false;
    }
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    atlas.Clear();
    set_.body = add_font(files_.regular, pixel_size);
    set_.bold = add_font(files_.bold, pixel_size);
    set_.italic = add_font(files_.italic, pixel_size);
    set_.heading = add_font(files_.regular, std::round(pixel_size * 1.6f));
    atlas.Build();
    pixel_size_ = pixel_size;
    return true;
}

} // namespace attune
