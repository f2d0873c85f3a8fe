#include "web_files.h"

#include "base/paths.h"
#include "base/text_file.h"

namespace attune::host {

namespace {

struct Served {
    const char* name;
    const char* content_type;
};

constexpr Served served_files[] = {
    {"index.html", "text/html; charset=utf-8"},
    {"style.css", "text/css; charset=utf-8"},
    {"app.js", "text/javascript; charset=utf-8"},
};

} // namespace

Result<WebFiles> WebFiles::load(const std::filesystem::path& folder) {
    const std::filesystem::path from = folder.empty() ? data_dir() / "assets" / "web" : folder;
    Result<WebFiles> result;
    WebFiles files;
    for (const Served& served : served_files) {
        Result<std::string> text = read_text_file(from / served.name);
        result.diagnostics.insert(result.diagnostics.end(), text.diagnostics.begin(),
                                  text.diagnostics.end());
        if (!text) {
            return result;
        }
        files.files_["/" + std::string(served.name)] = WebFile{served.content_type, *text};
    }
    result.value = std::move(files);
    return result;
}

const WebFile* WebFiles::find(const std::string& path) const {
    const auto found = files_.find(path == "/" ? "/index.html" : path);
    return found == files_.end() ? nullptr : &found->second;
}

} // namespace attune::host
