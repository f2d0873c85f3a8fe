// Where Attune looks for its data and keeps the player's files: environment variables
// first, when set and not empty, then the XDG fallbacks under HOME.

#include "base/paths.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <optional>
#include <string>

namespace {

using namespace attune;

// Sets (or unsets) an environment variable for the life of the object, then restores it.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) {
            old_ = old;
        }
        if (value) {
            ::setenv(name, value, 1);
        } else {
            ::unsetenv(name);
        }
    }
    ~ScopedEnv() {
        if (old_) {
            ::setenv(name_, old_->c_str(), 1);
        } else {
            ::unsetenv(name_);
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

} // namespace

TEST_CASE("paths: ATTUNE_DATA_DIR, when set, is where stories and the model are found") {
    {
        const ScopedEnv data("ATTUNE_DATA_DIR", "/tmp/attune-data");
        CHECK(data_dir() == "/tmp/attune-data");
        CHECK(default_story_path() == "/tmp/attune-data/stories/first-light.json");
        CHECK(model_params_path() == "/tmp/attune-data/assets/model.json");
    }
    // Unset or empty, the data folder is the one built in: here, the source tree.
    {
        const ScopedEnv unset("ATTUNE_DATA_DIR", nullptr);
        CHECK(data_dir() == std::filesystem::path(ATTUNE_SOURCE_DIR));
    }
    const ScopedEnv empty("ATTUNE_DATA_DIR", "");
    CHECK(data_dir() == std::filesystem::path(ATTUNE_SOURCE_DIR));
}

TEST_CASE("paths: an XDG variable wins when set; otherwise the folder under HOME") {
    const ScopedEnv home("HOME", "/home/kit");
    {
        const ScopedEnv set("XDG_DATA_HOME", "/data/kit");
        CHECK(xdg_folder("XDG_DATA_HOME", ".local/share") == "/data/kit/attune");
    }
    {
        const ScopedEnv empty("XDG_DATA_HOME", "");
        CHECK(xdg_folder("XDG_DATA_HOME", ".local/share") == "/home/kit/.local/share/attune");
    }
    const ScopedEnv unset("XDG_DATA_HOME", nullptr);
    CHECK(xdg_folder("XDG_DATA_HOME", ".local/share") == "/home/kit/.local/share/attune");
    {
        const ScopedEnv no_home("HOME", "");
        CHECK(xdg_folder("XDG_DATA_HOME", ".local/share") == "./.local/share/attune");
    }
    const ScopedEnv no_home("HOME", nullptr);
    CHECK(xdg_folder("XDG_DATA_HOME", ".local/share") == "./.local/share/attune");
}
