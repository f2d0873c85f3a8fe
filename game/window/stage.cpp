#include "stage.h"

#include "play/session.h"
#include "theme.h"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/Sprite.hpp>
#include <SFML/Graphics/Text.hpp>
#include <SFML/Graphics/VertexArray.hpp>

#include <algorithm>
#include <cmath>

namespace attune {

namespace {

constexpr double pi = 3.14159265358979323846;
constexpr double ease_seconds = 0.5;
constexpr double thread_seconds = 1.2; // re-knitting is slower, so it can be seen
constexpr double callout_in = 0.4;
constexpr double callout_hold = 3.0;
constexpr double callout_out = 0.6;
constexpr double broken_thread = 0.4; // how much of the thread is left during a rupture

// The palette of the art direction (theme.cpp holds it); the figures keep the evening
// colours in high contrast too, where only the backdrop turns near-black.
const Palette& evening = palette(false);
const sf::Color background_top = sf_color(evening.background_top);
const sf::Color background_bottom = sf_color(evening.background_bottom);
const sf::Color contrast_background = sf_color(palette(true).background_top);
const sf::Color warm = sf_color(evening.warm);
const sf::Color peach = sf_color(evening.peach);
const sf::Color cool = sf_color(evening.cool);
const sf::Color grey_blue = sf_color(evening.grey_blue);
const sf::Color repair_accent = sf_color(evening.repair);
const sf::Color rupture_accent = sf_color(evening.rupture);
const sf::Color text_color = sf_color(evening.text);

double clamp01(double v) {
    return std::clamp(v, 0.0, 1.0);
}

double smooth(double t) {
    t = clamp01(t);
    return t * t * (3 - 2 * t);
}

double lerp(double a, double b, double t) {
    return a + (b - a) * t;
}

sf::Color mix(sf::Color a, sf::Color b, double t, sf::Uint8 alpha = 255) {
    t = clamp01(t);
    return sf::Color(static_cast<sf::Uint8>(lerp(a.r, b.r, t)),
                     static_cast<sf::Uint8>(lerp(a.g, b.g, t)),
                     static_cast<sf::Uint8>(lerp(a.b, b.b, t)), alpha);
}

sf::Color with_alpha(sf::Color c, double alpha) {
    c.a = static_cast<sf::Uint8>(std::clamp(alpha, 0.0, 1.0) * 255);
    return c;
}

// Warmth of a figure's body: slate blue when guarded, amber when safe.
sf::Color warmth_color(double safety) {
    const double t = clamp01(safety / 100.0);
    return t < 0.5 ? mix(cool, grey_blue, t * 2) : mix(grey_blue, warm, (t - 0.5) * 2);
}

// A soft radial glow: a triangle fan from an opaque centre to a transparent rim.
void draw_glow(sf::RenderTarget& target, sf::Vector2f centre, float radius, sf::Color color) {
    sf::VertexArray fan(sf::TriangleFan, 42);
    fan[0] = sf::Vertex(centre, color);
    for (int i = 1; i < 42; ++i) {
        const double a = 2 * pi * (i - 1) / 40.0;
        fan[i] = sf::Vertex(centre + sf::Vector2f(static_cast<float>(std::cos(a)) * radius,
                                                  static_cast<float>(std::sin(a)) * radius),
                            with_alpha(color, 0));
    }
    target.draw(fan);
}

// A body like a soft capsule: an ellipse-topped column, drawn as a polygon.
void draw_capsule(sf::RenderTarget& target, sf::Vector2f base, float width, float height,
                  sf::Color color) {
    sf::VertexArray body(sf::TriangleFan, 50);
    body[0] = sf::Vertex(base - sf::Vector2f(0, height * 0.45f), color);
    for (int i = 1; i < 50; ++i) {
        const double a = 2 * pi * (i - 1) / 48.0;
        const double x = std::cos(a) * width / 2;
        double y = std::sin(a);
        // Flatter at the bottom, rounded at the shoulders.
        y = y > 0 ? y * 0.12 : y;
        body[i] = sf::Vertex(
            base + sf::Vector2f(static_cast<float>(x), static_cast<float>(y * height)), color);
    }
    target.draw(body);
}

sf::Vector2f cubic(sf::Vector2f a, sf::Vector2f c1, sf::Vector2f c2, sf::Vector2f b, float t) {
    const float u = 1 - t;
    return u * u * u * a + 3 * u * u * t * c1 + 3 * u * t * t * c2 + t * t * t * b;
}

sf::Vector2f bezier(sf::Vector2f a, sf::Vector2f control, sf::Vector2f b, float t) {
    const float u = 1 - t;
    return u * u * a + 2 * u * t * control + t * t * b;
}

// Breathing: slow and even at rest, quick when activated, irregular when flooded.
double breath(double phase, bool flooded) {
    double wave = std::sin(phase);
    if (flooded) {
        wave = 0.6 * wave + 0.4 * std::sin(phase * 2.7 + 1.3) * std::cos(phase * 0.6);
    }
    return wave;
}

double breaths_per_second(double arousal) {
    return 0.22 + 1.0 * clamp01(arousal / 100.0);
}

// Flooding shows as a jagged ring around the heart that never settles: rhythm and shape,
// not only colour, carry it.
void draw_flood_ring(sf::RenderTarget& target, sf::Vector2f heart, float radius, double phase,
                     bool high_contrast) {
    constexpr int points = 48;
    sf::VertexArray ring(sf::LineStrip, points + 1);
    sf::Color color = rupture_accent;
    color.a = 200;
    color = high_contrast ? sf::Color::White : color;
    for (int i = 0; i <= points; ++i) {
        const double a = 2 * pi * i / points;
        const double jag = (i % 2 ? 0.86 : 1.0) + 0.05 * std::sin(phase * 1.9 + i * 0.7);
        ring[i] = sf::Vertex(heart + sf::Vector2f(static_cast<float>(std::cos(a) * radius * jag),
                                                  static_cast<float>(std::sin(a) * radius * jag)),
                             color);
    }
    target.draw(ring);
}

// Simple greedy word wrap for the callout.
std::vector<std::string> wrap(const std::string& text, const sf::Font& font, unsigned size,
                              float width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) {
            end = text.size();
        }
        const std::string word = text.substr(start, end - start);
        const std::string candidate = line.empty() ? word : line + " " + word;
        sf::Text probe(sf::String::fromUtf8(candidate.begin(), candidate.end()), font, size);
        if (!line.empty() && probe.getLocalBounds().width > width) {
            lines.push_back(line);
            line = word;
        } else {
            line = candidate;
        }
        start = end + 1;
    }
    if (!line.empty()) {
        lines.push_back(line);
    }
    return lines;
}

} // namespace

namespace {

// Who is in the current scene: anyone who speaks in it or whom one of its choices faces.
// A scene of narration alone shows everyone, as does an ending.
std::vector<bool> in_scene(const Session& session) {
    const Story& story = session.story();
    std::vector<bool> present(story.characters.size(), false);
    if (!session.is_finished()) {
        for (const Line& line : session.scene().lines) {
            if (line.speaker >= 0) {
                present[line.speaker] = true;
            }
        }
        for (const Choice& choice : session.scene().choices) {
            for (const MoveRef& move : choice.moves) {
                if (move.target >= 0) {
                    present[move.target] = true;
                }
            }
        }
    }
    if (std::find(present.begin(), present.end(), true) == present.end()) {
        present.assign(present.size(), true);
    }
    return present;
}

} // namespace

StageTarget stage_target(const Session& session) {
    StageTarget target;
    const Story& story = session.story();
    const SessionState& state = session.state();
    const std::vector<bool> present = in_scene(session);
    for (std::size_t i = 0; i < story.characters.size(); ++i) {
        if (!present[i]) {
            continue;
        }
        const model::State& c = state.characters[i];
        target.characters.push_back({static_cast<int>(i), story.characters[i].profile.name,
                                     sf_color(character_color(story.characters[i].color, i)),
                                     c.safety, c.distance, c.arousal, model::is_flooded(c),
                                     model::is_shut_down(c), c.rupture_open});
    }
    target.player_arousal = state.player.arousal;
    target.player_flooded = model::is_player_flooded(state.player);
    return target;
}

// Figures are matched by character, so one who steps out of a scene and back in keeps
// their place and eases on from where they were.
void Stage::set_target(const StageTarget& target) {
    std::vector<Figure> next;
    for (std::size_t i = 0; i < target.characters.size(); ++i) {
        const FigureTarget& t = target.characters[i];
        const auto old = std::find_if(figures_.begin(), figures_.end(), [&](const Figure& f) {
            return f.target.character == t.character;
        });
        Figure f;
        if (old != figures_.end()) {
            f = *old;
        } else {
            f.safety = t.safety;
            f.distance = t.distance;
            f.arousal = t.arousal;
            f.thread = t.rupture ? broken_thread : 1.0;
            f.phase = 1.3 * static_cast<double>(i);
        }
        f.from_safety = f.safety;
        f.from_distance = f.distance;
        f.from_arousal = f.arousal;
        f.from_thread = f.thread;
        f.target = t;
        next.push_back(f);
    }
    figures_ = std::move(next);
    player_arousal_ = target.player_arousal;
    player_flooded_ = target.player_flooded;
    ease_time_ = 0;
}

void Stage::show_event(std::string sentence, bool is_repair) {
    event_text_ = std::move(sentence);
    event_is_repair_ = is_repair;
    event_age_ = 0;
}

void Stage::update(float seconds, const StageStyle& style) {
    clock_ += seconds;
    event_age_ += seconds;
    if (style.reduced_motion) {
        settle();
        return;
    }
    ease_time_ += seconds;
    const double t = smooth(ease_time_ / ease_seconds);
    const double t_thread = smooth(ease_time_ / thread_seconds);
    for (Figure& f : figures_) {
        f.safety = lerp(f.from_safety, f.target.safety, t);
        f.distance = lerp(f.from_distance, f.target.distance, t);
        f.arousal = lerp(f.from_arousal, f.target.arousal, t);
        f.thread = lerp(f.from_thread, f.target.rupture ? broken_thread : 1.0, t_thread);
        const double rate = f.target.shut_down ? 0.08 : breaths_per_second(f.arousal);
        f.phase += 2 * pi * rate * seconds;
    }
    player_phase_ += 2 * pi * breaths_per_second(player_arousal_) * seconds;
}

void Stage::settle() {
    ease_time_ = thread_seconds;
    event_age_ = std::max(event_age_, callout_in); // a callout still fading in shows fully
    for (Figure& f : figures_) {
        f.safety = f.target.safety;
        f.distance = f.target.distance;
        f.arousal = f.target.arousal;
        f.thread = f.target.rupture ? broken_thread : 1.0;
    }
}

bool Stage::is_animating() const {
    return ease_time_ < thread_seconds;
}

void Stage::draw(sf::RenderTarget& target, sf::FloatRect area, const StageStyle& style) const {
    draw_background(target, area, style);
    const float scale = std::min(area.width / 700.f, area.height / 420.f);
    // On a tall stage (the left half of a wide window) the figures stand a little below
    // the middle rather than at the bottom edge.
    const float floor_y =
        area.top + std::min(area.height * 0.80f, area.height * 0.5f + 170 * scale);
    const sf::Vector2f player_base(area.left + area.width * 0.17f, floor_y);
    const float heart_height = 105 * scale;
    const double still = style.reduced_motion ? 0.0 : 1.0;

    // A thread to someone further away arcs over the nearer figures' heads instead of
    // running through them, each a little higher than the last.
    const std::vector<float> xs = figure_xs(player_base.x, area, scale);
    for (std::size_t i = 0; i < figures_.size(); ++i) {
        const Figure& f = figures_[i];
        const sf::Vector2f base(xs[i], player_base.y);
        const auto nearer = std::count_if(xs.begin(), xs.end(), [&](float x) { return x < xs[i]; });
        const float lift = nearer == 0 ? 0 : (190 + 60 * static_cast<float>(nearer - 1)) * scale;
        draw_thread(target, player_base - sf::Vector2f(0, heart_height),
                    base - sf::Vector2f(0, heart_height), f, scale, style, lift);
    }
    const double player_pulse =
        still * breath(player_phase_, player_flooded_) * (0.015 + 0.03 * player_arousal_ / 100);
    draw_figure(target, player_base, scale, peach, 0.75, player_pulse, 0.55, false, style);
    if (player_flooded_) {
        draw_flood_ring(target, player_base - sf::Vector2f(0, heart_height), 44 * scale,
                        player_phase_, style.high_contrast);
    }
    for (std::size_t i = 0; i < figures_.size(); ++i) {
        const Figure& f = figures_[i];
        const sf::Vector2f base(xs[i], player_base.y);
        const double amplitude = f.target.shut_down ? 0.004 : 0.015 + 0.035 * f.arousal / 100;
        const double pulse = still * breath(f.phase, f.target.flooded) * amplitude;
        const double glow = f.target.shut_down ? 0.15 : 0.25 + 0.6 * f.safety / 100;
        draw_figure(target, base, scale, f.target.color, f.safety / 100, pulse, glow,
                    f.distance > 70, style);
        if (f.target.flooded) {
            draw_flood_ring(target, base - sf::Vector2f(0, heart_height), 44 * scale, f.phase,
                            style.high_contrast);
        }
    }
    draw_names(target, player_base, area, scale, style);
    draw_callout(target, area, scale, style);
}

unsigned Stage::label_size(float scale) const {
    return static_cast<unsigned>(std::max(12.f, 17 * text_scale_ * std::max(scale, 0.8f)));
}

float Stage::label_width(const std::string& name, float scale) const {
    if (!font_) {
        return 90 * scale;
    }
    const sf::Text text(sf::String::fromUtf8(name.begin(), name.end()), *font_, label_size(scale));
    return text.getLocalBounds().width;
}

// Distance is space: the gap from the player grows with it. With several characters each
// keeps the room its figure and name need: they are spread apart in the order of their
// distance, so the nearer one still stands nearer, and pushed back inside the stage.
std::vector<float> Stage::figure_xs(float player_x, sf::FloatRect area, float scale) const {
    const std::size_t count = figures_.size();
    std::vector<float> xs(count);
    std::vector<std::size_t> order(count);
    float room = 74 * scale; // a body and a little air
    for (std::size_t i = 0; i < count; ++i) {
        xs[i] = player_x + static_cast<float>(lerp(area.width * 0.26, area.width * 0.70,
                                                   figures_[i].distance / 100.0));
        order[i] = i;
        room = std::max(room, label_width(figures_[i].target.name, scale) + 18 * scale);
    }
    if (count < 2) {
        return xs;
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return xs[a] < xs[b]; });
    const float first = player_x + std::max(room, area.width * 0.2f);
    const float last = area.left + area.width - std::max(room / 2, 44 * scale);
    float previous = first - room;
    for (const std::size_t i : order) {
        xs[i] = std::max(xs[i], previous + room);
        previous = xs[i];
    }
    float next = last + room;
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        xs[*it] = std::min(xs[*it], next - room);
        next = xs[*it];
    }
    if (xs[order.front()] < first) { // more people than room: share the stage evenly
        const float step = (last - first) / static_cast<float>(count - 1);
        for (std::size_t k = 0; k < count; ++k) {
            xs[order[k]] = first + step * static_cast<float>(k);
        }
    }
    return xs;
}

// The gradient is opaque, so it is drawn without blending: on a software renderer, blended
// full-area fills are what a frame costs.
void draw_window_background(sf::RenderTarget& target, const Palette& colors) {
    const sf::Vector2f size(target.getSize());
    sf::VertexArray quad(sf::Quads, 4);
    quad[0] = sf::Vertex({0, 0}, sf_color(colors.background_top));
    quad[1] = sf::Vertex({size.x, 0}, sf_color(colors.background_top));
    quad[2] = sf::Vertex(size, sf_color(colors.background_bottom));
    quad[3] = sf::Vertex({0, size.y}, sf_color(colors.background_bottom));
    target.draw(quad, sf::RenderStates(sf::BlendNone));
}

// The backdrop (evening gradient and the pool of light) only changes with the stage's size
// or theme, so it is painted once into a texture and copied without blending each frame:
// on a software renderer, blended full-area fills are what a frame costs.
void Stage::draw_background(sf::RenderTarget& target, sf::FloatRect area,
                            const StageStyle& style) const {
    const sf::Vector2u size(static_cast<unsigned>(area.width), static_cast<unsigned>(area.height));
    if (size.x == 0 || size.y == 0) {
        return;
    }
    if (!backdrop_ || backdrop_->getSize() != size || backdrop_contrast_ != style.high_contrast) {
        backdrop_ = std::make_unique<sf::RenderTexture>();
        if (!backdrop_->create(size.x, size.y)) {
            backdrop_.reset();
            return;
        }
        paint_backdrop(*backdrop_, sf::FloatRect(0, 0, area.width, area.height), style);
        backdrop_->display();
        backdrop_contrast_ = style.high_contrast;
    }
    sf::Sprite sprite(backdrop_->getTexture());
    sprite.setPosition(area.left, area.top);
    target.draw(sprite, sf::RenderStates(sf::BlendNone));
}

void Stage::paint_backdrop(sf::RenderTarget& target, sf::FloatRect area, const StageStyle& style) {
    const sf::Color top = style.high_contrast ? contrast_background : background_top;
    const sf::Color bottom = style.high_contrast ? contrast_background : background_bottom;
    sf::VertexArray quad(sf::Quads, 4);
    quad[0] = sf::Vertex({area.left, area.top}, top);
    quad[1] = sf::Vertex({area.left + area.width, area.top}, top);
    quad[2] = sf::Vertex({area.left + area.width, area.top + area.height}, bottom);
    quad[3] = sf::Vertex({area.left, area.top + area.height}, bottom);
    target.draw(quad, sf::RenderStates(sf::BlendNone));
    // A faint pool of light on the floor, like a lamp in an evening kitchen.
    if (!style.high_contrast) {
        const sf::Vector2f centre(area.left + area.width * 0.5f, area.top + area.height * 0.84f);
        sf::Color pool = warm;
        pool.a = 22;
        draw_glow(target, centre, area.width * 0.42f, pool);
    }
}

void Stage::draw_thread(sf::RenderTarget& target, sf::Vector2f from, sf::Vector2f to,
                        const Figure& figure, float scale, const StageStyle& style,
                        float lift) const {
    constexpr int segments = 40;
    const double taut =
        clamp01(0.25 * figure.safety / 100 + 0.75 * (1 - figure.distance / 100)) * figure.thread;
    const float sag = static_cast<float>((18 + 70 * (1 - taut)) * scale);
    const double shimmer = style.reduced_motion ? 0 : 0.08 * std::sin(clock_ * 1.7);
    const sf::Vector2f control = (from + to) / 2.f + sf::Vector2f(0, sag);
    // A lifted thread rises from your heart and comes down steeply onto theirs, clearing
    // the heads of the people standing nearer.
    const sf::Vector2f rise(from.x + (to.x - from.x) * 0.3f, from.y - lift);
    const sf::Vector2f fall(to.x - (to.x - from.x) * 0.04f, to.y - lift);
    const sf::Color base =
        style.high_contrast ? sf::Color::White : mix(grey_blue, warm, figure.safety / 100);
    const double brightness = std::clamp(0.35 + 0.6 * taut + shimmer, 0.2, 1.0);
    const float width = (style.high_contrast ? 5.f : 4.f) * scale;
    // Segments are kept from both ends inward: a whole thread keeps all of them, a
    // broken one loses its middle and its loose ends droop; repair re-knits toward the centre.
    const double kept = figure.thread * segments / 2.0;
    const double broken = clamp01((1 - figure.thread) / (1 - broken_thread));
    sf::VertexArray strip(sf::Quads);
    auto point = [&](int k) {
        const double along = std::min(k, segments - k) / std::max(kept, 1.0);
        const double droop = broken * along * along * 48 * scale;
        const float t = static_cast<float>(k) / segments;
        return (lift > 0 ? cubic(from, rise, fall, to, t) : bezier(from, control, to, t)) +
               sf::Vector2f(0, static_cast<float>(droop));
    };
    for (int i = 0; i < segments; ++i) {
        if (std::min(i + 0.5, segments - i - 0.5) > kept) {
            continue;
        }
        const sf::Vector2f a = point(i);
        const sf::Vector2f b = point(i + 1);
        sf::Vector2f normal(-(b - a).y, (b - a).x);
        const float length = std::hypot(normal.x, normal.y);
        normal = length > 0 ? normal * (width / 2 / length) : normal;
        const double fade =
            style.high_contrast ? 1.0 : brightness * (figure.thread < 0.999 ? 0.85 : 1.0);
        const sf::Color c = with_alpha(base, fade);
        strip.append(sf::Vertex(a + normal, c));
        strip.append(sf::Vertex(b + normal, c));
        strip.append(sf::Vertex(b - normal, c));
        strip.append(sf::Vertex(a - normal, c));
    }
    target.draw(strip);
}

void Stage::draw_figure(sf::RenderTarget& target, sf::Vector2f base, float scale, sf::Color own,
                        double warmth, double pulse, double glow, bool turned_away,
                        const StageStyle& style) const {
    const float breathe = static_cast<float>(1 + pulse);
    const float height = 150 * scale * breathe;
    const float width = (turned_away ? 50.f : 66.f) * scale;
    sf::Color body = style.high_contrast ? mix(warmth_color(warmth * 100), sf::Color::White, 0.35)
                                         : mix(warmth_color(warmth * 100), own, 0.12);
    if (glow < 0.2) { // shut down: the figure dims toward the dark
        body = mix(body, background_bottom, style.high_contrast ? 0.25 : 0.45);
    }
    const sf::Vector2f heart = base - sf::Vector2f(0, 105 * scale);
    draw_glow(target, heart, static_cast<float>((78 + 56 * glow) * scale * breathe),
              with_alpha(mix(cool, warm, warmth), 0.18 + 0.4 * glow));
    draw_capsule(target, base, width, height, body);
    const float head_radius = 24 * scale * breathe;
    const float head_shift = turned_away ? 9 * scale : 0;
    sf::CircleShape head(head_radius, 40);
    head.setOrigin(head_radius, head_radius);
    head.setPosition(base.x + head_shift, base.y - height - head_radius * 1.25f);
    head.setFillColor(body);
    target.draw(head);
    sf::CircleShape core(6 * scale, 24);
    core.setOrigin(6 * scale, 6 * scale);
    core.setPosition(heart);
    core.setFillColor(with_alpha(mix(cool, peach, warmth), 0.55 + 0.45 * glow));
    target.draw(core);
}

void Stage::draw_names(sf::RenderTarget& target, sf::Vector2f player_base, sf::FloatRect area,
                       float scale, const StageStyle& style) const {
    if (!font_) {
        return;
    }
    const unsigned size = label_size(scale);
    auto label = [&](const std::string& name, sf::Vector2f base, sf::Color color) {
        sf::Text text(sf::String::fromUtf8(name.begin(), name.end()), *font_, size);
        const sf::FloatRect bounds = text.getLocalBounds();
        text.setOrigin(bounds.left + bounds.width / 2, 0);
        text.setPosition(std::round(base.x), std::round(base.y + 24 * scale));
        text.setFillColor(style.high_contrast ? sf::Color::White : color);
        target.draw(text);
    };
    label("You", player_base, text_color);
    const std::vector<float> xs = figure_xs(player_base.x, area, scale);
    for (std::size_t i = 0; i < figures_.size(); ++i) {
        const Figure& f = figures_[i];
        label(f.target.name, sf::Vector2f(xs[i], player_base.y),
              mix(f.target.color, text_color, 0.5));
    }
}

void Stage::draw_callout(sf::RenderTarget& target, sf::FloatRect area, float scale,
                         const StageStyle& style) const {
    const double total = callout_in + callout_hold + callout_out;
    if (!font_ || event_text_.empty() || event_age_ > total) {
        return;
    }
    double alpha = 1;
    if (!style.reduced_motion) {
        alpha = event_age_ < callout_in                  ? event_age_ / callout_in
                : event_age_ > callout_in + callout_hold ? (total - event_age_) / callout_out
                                                         : 1.0;
    }
    const unsigned size =
        static_cast<unsigned>(std::max(13.f, 18 * text_scale_ * std::max(scale, 0.8f)));
    const float max_width = area.width * 0.7f;
    const std::vector<std::string> lines = wrap(event_text_, *font_, size, max_width);
    const float line_height = font_->getLineSpacing(size);
    const float padding = 14 * std::max(scale, 0.8f);
    float widest = 0;
    for (const std::string& line : lines) {
        widest =
            std::max(widest, sf::Text(sf::String::fromUtf8(line.begin(), line.end()), *font_, size)
                                 .getLocalBounds()
                                 .width);
    }
    const sf::Vector2f box_size(widest + 2 * padding + 6, lines.size() * line_height + 2 * padding);
    const sf::Vector2f box_pos(area.left + (area.width - box_size.x) / 2, area.top + 14 * scale);
    sf::RectangleShape box(box_size);
    box.setPosition(box_pos);
    box.setFillColor(with_alpha(
        style.high_contrast ? sf::Color::Black : sf::Color(0x14, 0x19, 0x24), 0.88 * alpha));
    const sf::Color accent = event_is_repair_ ? repair_accent : rupture_accent;
    box.setOutlineColor(with_alpha(style.high_contrast ? sf::Color::White : accent, alpha));
    box.setOutlineThickness(1.5f);
    target.draw(box);
    sf::RectangleShape bar({5, box_size.y});
    bar.setPosition(box_pos);
    bar.setFillColor(with_alpha(accent, alpha));
    target.draw(bar);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        sf::Text text(sf::String::fromUtf8(lines[i].begin(), lines[i].end()), *font_, size);
        text.setPosition(std::round(box_pos.x + padding + 6),
                         std::round(box_pos.y + padding + i * line_height));
        text.setFillColor(with_alpha(text_color, alpha));
        target.draw(text);
    }
}

} // namespace attune
