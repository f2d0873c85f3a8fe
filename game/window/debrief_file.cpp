#include "debrief_file.h"

#include "report/debrief.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace attune {

namespace {

// "the-red-cup-2026-12-05-1430.html": sorts by time, and a second debrief in the same
// minute gets its own name.
std::filesystem::path free_name(const std::filesystem::path& folder, const std::string& story) {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%d-%H%M", &local);
    const std::string stem = story + "-" + stamp;
    std::filesystem::path file = folder / (stem + ".html");
    for (int n = 2; std::filesystem::exists(file); ++n) {
        file = folder / (stem + "-" + std::to_string(n) + ".html");
    }
    return file;
}

} // namespace

Result<std::filesystem::path> save_debrief(const Session& session,
                                           std::span<const Session> what_ifs,
                                           const std::string& talk_to,
                                           const std::filesystem::path& folder) {
    Result<std::filesystem::path> result;
    const std::filesystem::path into = folder / "debriefs";
    std::error_code ec;
    std::filesystem::create_directories(into, ec);
    if (ec) {
        result.diagnostics = {
            plain(Severity::Error, "cannot create " + into.string() + ": " + ec.message())};
        return result;
    }
    report::DebriefRecord record = report::debrief_record(session, what_ifs);
    record.talk_to = talk_to;
    const std::filesystem::path file = free_name(into, session.story().info.id);
    Result<> written = report::write_debrief(record, file);
    result.diagnostics = std::move(written.diagnostics);
    if (written) {
        result.value = file;
    }
    return result;
}

} // namespace attune
