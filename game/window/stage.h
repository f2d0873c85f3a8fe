#pragma once
// The stage: the player and each character as soft figures, drawn with SFML. Space between
// figures is distance, warmth is felt safety, the breathing pulse is arousal, and a thread
// between hearts frays at a rupture and re-knits at a repair. The stage eases toward the
// session's state; it never changes the session.

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTarget.hpp>

#include <SFML/Graphics/RenderTexture.hpp>

#include <memory>
#include <string>
#include <vector>

namespace attune {

class Session;
struct Palette;

/// What one character looks like on stage, derived from the relational state.
struct FigureTarget {
    int character = 0;      ///< index in the story's characters: figures are matched by it
    std::string name;       ///< shown under the figure
    sf::Color color;        ///< the character's own colour (name and outline)
    double safety = 50;     ///< 0..100: cool to warm
    double distance = 50;   ///< 0..100: close to far
    double arousal = 20;    ///< 0..100
    bool flooded = false;   ///< jagged pulse
    bool shut_down = false; ///< dim, still
    bool rupture = false;   ///< thread broken
};

/// Everything the stage shows; a pure function of a session (see stage_target).
struct StageTarget {
    std::vector<FigureTarget> characters;
    double player_arousal = 20;
    bool player_flooded = false;
};

/// A palette colour (ImGui's packed RGBA) as SFML's colour.
inline sf::Color sf_color(unsigned packed) {
    return sf::Color(packed & 0xff, (packed >> 8) & 0xff, (packed >> 16) & 0xff,
                     (packed >> 24) & 0xff);
}

/// The whole window's evening gradient, under the screens and the stage.
void draw_window_background(sf::RenderTarget& target, const Palette& colors);

/// The stage for the session's current scene: the characters in it, as they feel now.
StageTarget stage_target(const Session& session);

/// Look options from the settings.
struct StageStyle {
    bool reduced_motion = false;
    bool high_contrast = false;
};

class Stage {
public:
    /// The font for names under figures and for event callouts; must outlive the stage.
    void set_font(const sf::Font& font, float text_scale) {
        font_ = &font;
        text_scale_ = text_scale;
    }

    /// Shows a rupture or repair callout with its cause sentence for a few seconds.
    void show_event(std::string sentence, bool is_repair);

    /// Sets where the stage is heading; changes ease in over about half a second.
    void set_target(const StageTarget& target);

    /// Advances animation by `seconds`.
    void update(float seconds, const StageStyle& style);

    /// Jumps straight to the target (reduced motion, screenshots, tests).
    void settle();

    /// Draws into `area` of `target`; the caller has set a view matching the target.
    void draw(sf::RenderTarget& target, sf::FloatRect area, const StageStyle& style) const;

    /// Whether any eased value is still moving.
    bool is_animating() const;

private:
    struct Figure {
        FigureTarget target;
        double safety = 50;
        double distance = 50;
        double arousal = 20;
        double thread = 1; ///< 1: whole, 0: broken (eases too, so repair re-knits)
        double phase = 0;  ///< breathing phase, radians
        double from_safety = 50;
        double from_distance = 50;
        double from_arousal = 20;
        double from_thread = 1;
    };
    std::vector<Figure> figures_;
    double player_arousal_ = 20;
    double player_phase_ = 0;
    bool player_flooded_ = false;
    mutable std::unique_ptr<sf::RenderTexture> backdrop_; ///< painted once per size and theme
    mutable bool backdrop_contrast_ = false;
    const sf::Font* font_ = nullptr;
    float text_scale_ = 1;
    std::string event_text_;
    bool event_is_repair_ = false;
    double event_age_ = 1e9; ///< seconds since the callout appeared
    double ease_time_ = 1;   ///< seconds since the last target change
    double clock_ = 0;

    std::vector<float> figure_xs(float player_x, sf::FloatRect area, float scale) const;
    unsigned label_size(float scale) const;
    float label_width(const std::string& name, float scale) const;
    static void paint_backdrop(sf::RenderTarget& target, sf::FloatRect area,
                               const StageStyle& style);
    void draw_background(sf::RenderTarget& target, sf::FloatRect area,
                         const StageStyle& style) const;
    void draw_thread(sf::RenderTarget& target, sf::Vector2f from, sf::Vector2f to,
                     const Figure& figure, float scale, const StageStyle& style,
                     float lift = 0) const;
    void draw_figure(sf::RenderTarget& target, sf::Vector2f base, float scale, sf::Color own,
                     double warmth, double pulse, double glow, bool turned_away,
                     const StageStyle& style) const;
    void draw_names(sf::RenderTarget& target, sf::Vector2f player_base, sf::FloatRect area,
                    float scale, const StageStyle& style) const;
    void draw_callout(sf::RenderTarget& target, sf::FloatRect area, float scale,
                      const StageStyle& style) const;
};

} // namespace attune
