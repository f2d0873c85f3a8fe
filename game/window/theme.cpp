#include "theme.h"

#include <cctype>
#include <iterator>

namespace attune {

namespace {

constexpr ImU32 rgb(unsigned hex) {
    return IM_COL32((hex >> 16) & 0xff, (hex >> 8) & 0xff, hex & 0xff, 0xff);
}

constexpr Palette evening = {
    rgb(0x1c2230), rgb(0x252d3d), rgb(0x2a3244), rgb(0xeef1f6), rgb(0x9aa3b3), rgb(0xf2b46d),
    rgb(0xf6c9a0), rgb(0x6f8fb3), rgb(0x8a97ab), rgb(0xe8a4a0), rgb(0xb5564e), rgb(0x3a4458),
};

// Near-black with pure white text; accents brightened so they stay above 4.5:1.
constexpr Palette high_contrast_palette = {
    rgb(0x0b0d12), rgb(0x0b0d12), rgb(0x0b0d12), rgb(0xffffff), rgb(0xd0d4dc), rgb(0xffc680),
    rgb(0xffd8b4), rgb(0x9cc3ff), rgb(0xb4c0d4), rgb(0xffb8b4), rgb(0xff8a80), rgb(0x59606e),
};

} // namespace

const Palette& palette(bool high_contrast) {
    return high_contrast ? high_contrast_palette : evening;
}

ImVec4 to_vec4(ImU32 color) {
    return ImGui::ColorConvertU32ToFloat4(color);
}

std::optional<ImU32> parse_hex_color(std::string_view hex) {
    if (hex.size() != 7 || hex[0] != '#') {
        return std::nullopt;
    }
    unsigned value = 0;
    for (const char c : hex.substr(1)) {
        if (!std::isxdigit(static_cast<unsigned char>(c))) {
            return std::nullopt;
        }
        value = value * 16 + static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(c))
                                                       ? c - '0'
                                                       : std::tolower(c) - 'a' + 10);
    }
    return rgb(value);
}

ImU32 character_color(std::string_view hex, std::size_t index) {
    static constexpr ImU32 defaults[] = {rgb(0xf6c9a0), rgb(0xe8a4a0), rgb(0xa8c8b0),
                                         rgb(0xc9b6e4)};
    return parse_hex_color(hex).value_or(defaults[index % std::size(defaults)]);
}

void apply_theme(bool high_contrast, float text_px) {
    const Palette& p = palette(high_contrast);
    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    const float unit = text_px / 20.0f;
    style.WindowPadding = ImVec2(20 * unit, 18 * unit);
    style.FramePadding = ImVec2(14 * unit, 10 * unit);
    style.ItemSpacing = ImVec2(12 * unit, 10 * unit);
    style.ItemInnerSpacing = ImVec2(10 * unit, 8 * unit);
    style.ScrollbarSize = 14 * unit;
    style.GrabMinSize = 14 * unit;
    style.WindowRounding = 12 * unit;
    style.ChildRounding = 10 * unit;
    style.FrameRounding = 10 * unit;
    style.PopupRounding = 10 * unit;
    style.ScrollbarRounding = 7 * unit;
    style.GrabRounding = 7 * unit;
    style.WindowBorderSize = 0;
    style.FrameBorderSize = high_contrast ? 1.5f : 0;
    style.ButtonTextAlign = ImVec2(0, 0.5f);

    ImVec4* c = style.Colors;
    const ImVec4 text = to_vec4(p.text);
    const ImVec4 warm = to_vec4(p.warm);
    c[ImGuiCol_Text] = text;
    c[ImGuiCol_TextDisabled] = to_vec4(p.dim);
    c[ImGuiCol_WindowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = to_vec4(p.panel);
    c[ImGuiCol_TitleBg] = to_vec4(p.panel); // the story map and problem panels
    c[ImGuiCol_TitleBgActive] = to_vec4(p.panel);
    c[ImGuiCol_TitleBgCollapsed] = to_vec4(p.panel);
    c[ImGuiCol_Border] = high_contrast ? text : to_vec4(p.grid);
    c[ImGuiCol_FrameBg] =
        high_contrast ? ImVec4(0.1f, 0.1f, 0.12f, 1) : ImVec4(0.2f, 0.24f, 0.32f, 1);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.27f, 0.31f, 0.4f, 1);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.32f, 0.36f, 0.46f, 1);
    c[ImGuiCol_Button] =
        high_contrast ? ImVec4(0.08f, 0.09f, 0.12f, 1) : ImVec4(0.19f, 0.23f, 0.31f, 1);
    c[ImGuiCol_ButtonHovered] =
        high_contrast ? ImVec4(0.22f, 0.2f, 0.16f, 1) : ImVec4(0.29f, 0.29f, 0.33f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.42f, 0.34f, 0.26f, 1);
    c[ImGuiCol_Header] = c[ImGuiCol_Button];
    c[ImGuiCol_HeaderHovered] = c[ImGuiCol_ButtonHovered];
    c[ImGuiCol_HeaderActive] = c[ImGuiCol_ButtonActive];
    c[ImGuiCol_CheckMark] = warm;
    c[ImGuiCol_SliderGrab] = warm;
    c[ImGuiCol_SliderGrabActive] = warm;
    c[ImGuiCol_Separator] = to_vec4(p.grid);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = to_vec4(p.grid);
    c[ImGuiCol_NavHighlight] = warm;
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.05f, 0.06f, 0.09f, 0.7f);
    style.Colors[ImGuiCol_PlotLines] = warm;
    ImGui::GetStyle() = style;
}

} // namespace attune
