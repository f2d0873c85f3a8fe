#pragma once
// The one shape of an operation that can fail: the value when there is one, and every
// problem found on the way (errors, warnings, notes for the player) as a Diagnostic.

#include "base/diagnostic.h"

#include <optional>
#include <utility>
#include <vector>

namespace attune {

/// A value, or none; and the diagnostics either way. True when there is a value.
template <class T = void> struct Result {
    std::optional<T> value;
    std::vector<Diagnostic> diagnostics;

    explicit operator bool() const { return value.has_value(); }
    T& operator*() { return *value; }
    const T& operator*() const { return *value; }
    T* operator->() { return &*value; }
    const T* operator->() const { return &*value; }
};

/// An operation that gives nothing back (a write): true when it found no error.
template <> struct Result<void> {
    std::vector<Diagnostic> diagnostics;

    explicit operator bool() const { return !has_errors(diagnostics); }
};

} // namespace attune
