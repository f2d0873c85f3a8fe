#pragma once
// How many times each scene has been entered in one session. Only scenes entered at least
// once are held, so copying a state (rewind keeps one per choice) costs the same in a story
// of 40 scenes or of 40,000.

#include <algorithm>
#include <utility>
#include <vector>

namespace attune {

/// Visit counts by scene index; a scene never entered counts 0. Comparable, so two
/// states with the same counts compare equal however they were built.
class VisitCounts {
public:
    /// (scene, count) for every scene entered at least once, by scene index.
    using Entries = std::vector<std::pair<int, int>>;

    int operator[](int scene) const {
        const auto it = find(scene);
        return it != entries_.end() && it->first == scene ? it->second : 0;
    }

    /// One more visit to `scene`.
    void add(int scene) {
        const auto it = find(scene);
        if (it != entries_.end() && it->first == scene) {
            ++it->second;
        } else {
            entries_.insert(it, {scene, 1});
        }
    }

    /// Sets the count of `scene`; 0 forgets it.
    void set(int scene, int count) {
        const auto it = find(scene);
        const bool held = it != entries_.end() && it->first == scene;
        if (count == 0) {
            if (held) {
                entries_.erase(it);
            }
        } else if (held) {
            it->second = count;
        } else {
            entries_.insert(it, {scene, count});
        }
    }

    const Entries& entries() const { return entries_; }

    bool operator==(const VisitCounts&) const = default;

private:
    Entries entries_;

    Entries::iterator find(int scene) {
        return std::lower_bound(entries_.begin(), entries_.end(), std::pair{scene, 0},
                                [](const auto& a, const auto& b) { return a.first < b.first; });
    }
    Entries::const_iterator find(int scene) const {
        return std::lower_bound(entries_.begin(), entries_.end(), std::pair{scene, 0},
                                [](const auto& a, const auto& b) { return a.first < b.first; });
    }
};

} // namespace attune
