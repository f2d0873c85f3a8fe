#include "imgui_platform.h"

#include <SFML/Window/Clipboard.hpp>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <string>

namespace attune {

namespace {

bool contains(const std::vector<int>& values, int value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

void map_keys(ImGuiIO& io) {
    using K = sf::Keyboard;
    io.KeyMap[ImGuiKey_Tab] = K::Tab;
    io.KeyMap[ImGuiKey_LeftArrow] = K::Left;
    io.KeyMap[ImGuiKey_RightArrow] = K::Right;
    io.KeyMap[ImGuiKey_UpArrow] = K::Up;
    io.KeyMap[ImGuiKey_DownArrow] = K::Down;
    io.KeyMap[ImGuiKey_PageUp] = K::PageUp;
    io.KeyMap[ImGuiKey_PageDown] = K::PageDown;
    io.KeyMap[ImGuiKey_Home] = K::Home;
    io.KeyMap[ImGuiKey_End] = K::End;
    io.KeyMap[ImGuiKey_Insert] = K::Insert;
    io.KeyMap[ImGuiKey_Delete] = K::Delete;
    io.KeyMap[ImGuiKey_Backspace] = K::Backspace;
    io.KeyMap[ImGuiKey_Space] = K::Space;
    io.KeyMap[ImGuiKey_Enter] = K::Enter;
    io.KeyMap[ImGuiKey_Escape] = K::Escape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = K::Enter;
    io.KeyMap[ImGuiKey_A] = K::A;
    io.KeyMap[ImGuiKey_C] = K::C;
    io.KeyMap[ImGuiKey_V] = K::V;
    io.KeyMap[ImGuiKey_X] = K::X;
    io.KeyMap[ImGuiKey_Y] = K::Y;
    io.KeyMap[ImGuiKey_Z] = K::Z;
}

const char* read_clipboard(void*) {
    // ImGui keeps the pointer only until the next call, so one buffer is enough.
    static std::string text;
    const auto utf8 = sf::Clipboard::getString().toUtf8();
    text.assign(utf8.begin(), utf8.end());
    return text.c_str();
}

void write_clipboard(void*, const char* text) {
    sf::Clipboard::setString(
        sf::String::fromUtf8(text, text + std::char_traits<char>::length(text)));
}

int mouse_button(sf::Mouse::Button button) {
    switch (button) {
    case sf::Mouse::Left:
        return 0;
    case sf::Mouse::Right:
        return 1;
    case sf::Mouse::Middle:
        return 2;
    default:
        return -1;
    }
}

} // namespace

MouseCursors::MouseCursors() {
    const std::array<sf::Cursor::Type, 9> types = {sf::Cursor::Arrow,
                                                   sf::Cursor::Text,
                                                   sf::Cursor::SizeAll,
                                                   sf::Cursor::SizeVertical,
                                                   sf::Cursor::SizeHorizontal,
                                                   sf::Cursor::SizeBottomLeftTopRight,
                                                   sf::Cursor::SizeTopLeftBottomRight,
                                                   sf::Cursor::Hand,
                                                   sf::Cursor::NotAllowed};
    static_assert(ImGuiMouseCursor_COUNT == 9);
    for (std::size_t i = 0; i < types.size(); ++i) {
        auto cursor = std::make_unique<sf::Cursor>();
        if (cursor->loadFromSystem(types[i])) {
            cursors_[i] = std::move(cursor);
        }
    }
}

const sf::Cursor* MouseCursors::get(int imgui_cursor) const {
    if (imgui_cursor < 0 || imgui_cursor >= static_cast<int>(cursors_.size())) {
        return nullptr;
    }
    return cursors_[imgui_cursor].get();
}

ImGuiPlatform::ImGuiPlatform(sf::RenderWindow& window, const MouseCursors& cursors)
    : window_(window), cursors_(cursors) {
    IMGUI_CHECKVERSION();
    context_ = ImGui::CreateContext(); // current only if it is the first one
    make_current();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // layout comes from code, never from a file in the working dir
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.BackendPlatformName = "attune_sfml";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.GetClipboardTextFn = read_clipboard;
    io.SetClipboardTextFn = write_clipboard;
    map_keys(io);
    (void)window_.setActive(true);
    ImGui_ImplOpenGL3_Init(nullptr);
}

ImGuiPlatform::~ImGuiPlatform() {
    make_current();
    (void)window_.setActive(true);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext(context_);
}

void ImGuiPlatform::make_current() const {
    ImGui::SetCurrentContext(context_);
}

namespace {

void set_modifiers(ImGuiIO& io, const sf::Event::KeyEvent& key) {
    io.KeyCtrl = key.control;
    io.KeyShift = key.shift;
    io.KeyAlt = key.alt;
    io.KeySuper = key.system;
}

} // namespace

void ImGuiPlatform::handle(const sf::Event& event) {
    make_current();
    ImGuiIO& io = ImGui::GetIO();
    switch (event.type) {
    case sf::Event::KeyPressed:
        if (event.key.code >= 0 && event.key.code < sf::Keyboard::KeyCount) {
            io.KeysDown[event.key.code] = true;
            pressed_keys_this_frame_.push_back(event.key.code);
        }
        set_modifiers(io, event.key);
        break;
    case sf::Event::KeyReleased:
        if (event.key.code >= 0 && event.key.code < sf::Keyboard::KeyCount) {
            if (contains(pressed_keys_this_frame_, event.key.code)) {
                pending_key_releases_.push_back(event.key.code);
            } else {
                io.KeysDown[event.key.code] = false;
            }
        }
        set_modifiers(io, event.key);
        break;
    case sf::Event::TextEntered:
        if (event.text.unicode >= ' ' && event.text.unicode != 127) {
            io.AddInputCharacter(event.text.unicode);
        }
        break;
    case sf::Event::MouseMoved:
        io.MousePos = ImVec2(float(event.mouseMove.x), float(event.mouseMove.y));
        break;
    case sf::Event::MouseButtonPressed:
        io.MousePos = ImVec2(float(event.mouseButton.x), float(event.mouseButton.y));
        if (const int button = mouse_button(event.mouseButton.button); button >= 0) {
            io.MouseDown[button] = true;
            pressed_buttons_this_frame_.push_back(button);
        }
        break;
    case sf::Event::MouseButtonReleased:
        if (const int button = mouse_button(event.mouseButton.button); button >= 0) {
            if (contains(pressed_buttons_this_frame_, button)) {
                pending_mouse_releases_.push_back(button);
            } else {
                io.MouseDown[button] = false;
            }
        }
        break;
    case sf::Event::MouseWheelScrolled:
        if (event.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel) {
            io.MouseWheel += event.mouseWheelScroll.delta;
        } else {
            io.MouseWheelH += event.mouseWheelScroll.delta;
        }
        break;
    case sf::Event::MouseLeft:
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        break;
    case sf::Event::LostFocus:
        io.AddFocusEvent(false);
        break;
    case sf::Event::GainedFocus:
        io.AddFocusEvent(true);
        break;
    default:
        break;
    }
}

void ImGuiPlatform::new_frame(float seconds) {
    make_current();
    ImGuiIO& io = ImGui::GetIO();
    const sf::Vector2u size = window_.getSize();
    io.DisplaySize = ImVec2(float(size.x), float(size.y));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.DeltaTime = std::max(seconds, 1e-4f);
    update_cursor();
    (void)window_.setActive(true);
    ImGui_ImplOpenGL3_NewFrame();
    // ImGui 1.86 activates a focused button with Space only; players expect Enter too.
    // (NewFrame adds the keyboard's own mapping on top of what is set here.)
    io.NavInputs[ImGuiNavInput_Activate] = io.KeysDown[sf::Keyboard::Enter] ? 1.0f : 0.0f;
    ImGui::NewFrame();
    apply_pending_releases();
}

void ImGuiPlatform::apply_pending_releases() {
    ImGuiIO& io = ImGui::GetIO();
    for (const int key : pending_key_releases_) {
        io.KeysDown[key] = false;
    }
    for (const int button : pending_mouse_releases_) {
        io.MouseDown[button] = false;
    }
    pending_key_releases_.clear();
    pending_mouse_releases_.clear();
    pressed_keys_this_frame_.clear();
    pressed_buttons_this_frame_.clear();
}

void ImGuiPlatform::render() {
    make_current();
    (void)window_.setActive(true);
    ImGui::Render();
    window_.pushGLStates();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    window_.popGLStates();
    // pop alone leaves SFML's texture cache stale (the next untextured draw comes out tinted).
    window_.resetGLStates();
}

void ImGuiPlatform::reload_fonts() {
    make_current();
    (void)window_.setActive(true);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void ImGuiPlatform::update_cursor() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.ConfigFlags & ImGuiConfigFlags_NoMouseCursorChange) {
        return;
    }
    const int wanted = io.MouseDrawCursor ? ImGuiMouseCursor_None : ImGui::GetMouseCursor();
    if (wanted == shown_cursor_) {
        return;
    }
    shown_cursor_ = wanted;
    const sf::Cursor* cursor = cursors_.get(wanted);
    window_.setMouseCursorVisible(cursor != nullptr);
    if (cursor) {
        window_.setMouseCursor(*cursor);
    }
}

} // namespace attune
