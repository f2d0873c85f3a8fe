// What the server answers, without sockets: routes, files, sizes, bad input, rate limits.

#include "api.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

namespace attune::host {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

struct Fixture {
    Room room{"KTWA", {}};
    Api api{room, *WebFiles::load(std::filesystem::path(ATTUNE_SOURCE_DIR) / "assets" / "web")};
    Clock::time_point now = Clock::now();

    ApiResponse send(std::string method, std::string path, std::string body = {},
                     std::string device = {}, std::string address = "10.0.0.2") {
        now += std::chrono::milliseconds(600); // a patient phone: never rate-limited
        return api.handle({std::move(method), std::move(path), std::move(device), std::move(body),
                           std::move(address)},
                          now);
    }

    std::string join(const std::string& address = "10.0.0.2") {
        const ApiResponse joined = send("POST", "/api/join", R"({"code":"KTWA"})", {}, address);
        REQUIRE(joined.status == 200);
        return json::parse(joined.body)["device"].get<std::string>();
    }
};

Menu two_choices() {
    return Menu{"porch", {"It's late."}, {{"a", "Sit down", true, ""}, {"b", "Go in", true, ""}}};
}

} // namespace

TEST_CASE("api: serves the page's own files and nothing else") {
    Fixture f;
    const ApiResponse page = f.send("GET", "/");
    CHECK(page.status == 200);
    CHECK(page.content_type.rfind("text/html", 0) == 0);
    CHECK(page.body.find("Room code") != std::string::npos);
    CHECK(f.send("GET", "/app.js").status == 200);
    CHECK(f.send("GET", "/style.css").status == 200);
    // Traversal, decoded or not, and listings: nothing outside the list answers.
    for (const char* path :
         {"/../CMakeLists.txt", "/..", "/%2e%2e/%2e%2e/etc/passwd", "/%252e%252e/etc/passwd",
          "/assets/web/app.js", "//app.js", "/app.js/", "/./app.js", "/web/", "/stories/", "/api",
          "/api/", "/API/state", "/index.html%00", "/favicon.ico", ""}) {
        CAPTURE(path);
        CHECK(f.send("GET", path).status == 404);
    }
    CHECK(f.send("DELETE", "/api/nothing").status == 404);
    CHECK(f.send("POST", "/app.js").status == 405);
    CHECK(f.send("GET", "/api/vote").status == 405);
    CHECK(f.send("PUT", "/api/state").status == 405);
}

TEST_CASE("api: join, state, vote, pass, change, as a phone does") {
    Fixture f;
    CHECK(f.send("POST", "/api/join", R"({"code":"NOPE"})").status == 403);
    CHECK(f.send("POST", "/api/join", R"({})").status == 403);
    const std::string device = f.join();
    f.room.open_round(two_choices());
    json state = json::parse(f.send("GET", "/api/state", {}, device).body);
    CHECK(state["round"] == 1);
    CHECK(state["open"] == true);
    CHECK(state["choices"].size() == 2);
    CHECK(state["your_vote"].is_null());
    CHECK(f.send("POST", "/api/vote", R"({"round":1,"choice":1})", device).status == 200);
    CHECK(json::parse(f.send("GET", "/api/state", {}, device).body)["your_vote"] == 1);
    CHECK(f.send("POST", "/api/vote", R"({"round":1,"pass":true})", device).status == 200);
    CHECK(json::parse(f.send("GET", "/api/state", {}, device).body)["your_vote"] == "pass");
    CHECK(f.send("POST", "/api/vote", R"({"round":1,"choice":0})", device).status == 200);
    CHECK(json::parse(f.send("GET", "/api/state", {}, device).body)["your_vote"] == 0);
    // Without a token, or with a stranger's, the room says nothing about itself.
    const ApiResponse stranger =
        f.send("GET", "/api/state", {}, "0123456789abcdef0123456789abcdef");
    CHECK(stranger.status == 401);
    CHECK(stranger.body.find("round") == std::string::npos);
    CHECK(f.send("POST", "/api/pause", {}, device).status == 202);
    CHECK(f.room.take_pause_requests() == 1);
}

TEST_CASE("api: malformed and oversized requests are refused and change nothing") {
    Fixture f;
    const std::string device = f.join();
    f.room.open_round(two_choices());
    for (const char* body :
         {"", "{", "[1,2]", "null", "\"x\"", R"({"round":"1","choice":0})", R"({"round":1})",
          R"({"round":1,"choice":"0"})", R"({"round":1,"choice":-1})", R"({"round":1,"choice":9})",
          R"({"round":1,"choice":1e99})", R"({"round":99999999999,"choice":0})",
          R"({"round":1,"choice":18446744073709551615})", "\xff\xfe"}) {
        CAPTURE(body);
        const ApiResponse response = f.send("POST", "/api/vote", body, device);
        CHECK(response.status >= 400);
        CHECK(response.status < 500);
    }
    CHECK(f.send("POST", "/api/vote", std::string(5000, ' ') + "{}", device).status == 413);
    CHECK(f.send("GET", "/" + std::string(5000, 'a')).status == 404);
    CHECK(f.send("POST", "/api/join", "{\"code\":" + std::string(600, '[')).status == 400);
    CHECK(f.room.tally().taking_part == 0);
    CHECK(f.room.tally().round == 1);
}

TEST_CASE("api: rate limits per phone and per address") {
    Fixture f;
    const std::string device = f.join();
    f.room.open_round(two_choices());
    // Votes as fast as a script can send them: a burst gets through, then 429.
    int counted = 0;
    int refused = 0;
    for (int i = 0; i < 40; ++i) {
        const ApiResponse response = f.api.handle(
            {"POST", "/api/vote", device, R"({"round":1,"choice":0})", "10.0.0.3"}, f.now);
        counted += response.status == 200;
        refused += response.status == 429;
        if (response.status == 429) {
            CHECK(response.headers == HeaderList{{"Retry-After", "2"}});
        }
    }
    CHECK(counted == static_cast<int>(f.api.limits().votes_per_device.burst));
    CHECK(refused == 40 - counted);
    // After a pause the phone votes again.
    f.now += std::chrono::seconds(2);
    CHECK(
        f.api.handle({"POST", "/api/vote", device, R"({"round":1,"choice":1})", "10.0.0.3"}, f.now)
            .status == 200);

    // Guessing codes from one address stops after a few tries, right code or not.
    int guesses = 0;
    for (int i = 0; i < 30; ++i) {
        guesses += f.api.handle({"POST", "/api/join", "", R"({"code":"AAAA"})", "10.0.0.9"}, f.now)
                       .status == 403;
    }
    CHECK(guesses == static_cast<int>(f.api.limits().joins_per_address.burst));
    CHECK(f.api.handle({"POST", "/api/join", "", R"({"code":"KTWA"})", "10.0.0.9"}, f.now).status ==
          429);
    // One address flooding is refused; another address is not.
    int flooded = 0;
    for (int i = 0; i < 1000; ++i) {
        flooded += f.api.handle({"GET", "/", "", "", "10.0.0.7"}, f.now).status == 429;
    }
    CHECK(flooded > 0);
    CHECK(f.api.handle({"GET", "/", "", "", "10.0.0.8"}, f.now).status == 200);
}

TEST_CASE("api: every response is ready for the security headers") {
    const HeaderList& headers = security_headers();
    const auto has = [&headers](const std::string& name, const std::string& words) {
        for (const auto& [key, value] : headers) {
            if (key == name && value.find(words) != std::string::npos) {
                return true;
            }
        }
        return false;
    };
    CHECK(has("Cache-Control", "no-store"));
    CHECK(has("Content-Security-Policy", "default-src 'none'"));
    CHECK(has("Content-Security-Policy", "script-src 'self'"));
    CHECK(has("X-Content-Type-Options", "nosniff"));
}

} // namespace attune::host
