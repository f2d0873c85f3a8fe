#pragma once
// The phone page's files (assets/web), read once into memory when hosting starts. The
// server answers only from this fixed list, so no path can reach any other file.

#include "base/result.h"

#include <filesystem>
#include <map>
#include <string>

namespace attune::host {

struct WebFile {
    std::string content_type;
    std::string body;
};

class WebFiles {
public:
    /// The files every phone needs, by name, from `folder` (the bundled assets/web when
    /// empty). An error names the missing file.
    static Result<WebFiles> load(const std::filesystem::path& folder = {});

    /// The file served at `path` ("/" is the page itself); null for anything else.
    const WebFile* find(const std::string& path) const;

private:
    std::map<std::string, WebFile> files_;
};

} // namespace attune::host
