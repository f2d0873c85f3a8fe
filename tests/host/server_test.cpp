// The real server on loopback: headers, refusals, misbehaving clients, and the headless
// host run as a program, including that nothing about a phone reaches any file.

#include "headless.h"
#include "host.h"
#include "loopback.h"
#include "room_code.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

namespace attune::host {
namespace {

namespace fs = std::filesystem;
using test::round_trip;
using test::status_of;

std::unique_ptr<Host> start_host(ApiLimits limits = {}) {
    HostOptions options;
    options.address = "127.0.0.1";
    options.port = 0;
    options.code = "KTWA";
    options.limits = limits;
    options.web_folder = fs::path(ATTUNE_SOURCE_DIR) / "assets" / "web";
    auto started = Host::start(options);
    REQUIRE(started);
    return std::move(*started);
}

std::string request(const std::string& method, const std::string& path,
                    const std::string& body = {}, const std::string& device = {}) {
    std::string text =
        method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!device.empty()) {
        text += "X-Device: " + device + "\r\n";
    }
    if (!body.empty() || method == "POST") {
        text += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                "\r\n";
    }
    return text + "\r\n" + body;
}

std::string body_of(const std::string& response) {
    const std::size_t start = response.find("\r\n\r\n");
    return start == std::string::npos ? std::string() : response.substr(start + 4);
}

std::string join(int port, const std::string& code = "KTWA") {
    const std::string response =
        round_trip(port, request("POST", "/api/join", R"({"code":")" + code + "\"}"));
    REQUIRE(status_of(response) == 200);
    return nlohmann::json::parse(body_of(response))["device"].get<std::string>();
}

bool has_security_headers(const std::string& response) {
    return response.find("Cache-Control: no-store\r\n") != std::string::npos &&
           response.find("Content-Security-Policy: default-src 'none'") != std::string::npos &&
           response.find("X-Content-Type-Options: nosniff\r\n") != std::string::npos;
}

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// A folder of its own for a program run by a test, removed at the end.
struct TestFolder {
    fs::path path;
    explicit TestFolder(const std::string& name)
        : path(fs::temp_directory_path() / (name + "-" + std::to_string(getpid()))) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TestFolder() { fs::remove_all(path); }
    TestFolder(const TestFolder&) = delete;
    TestFolder& operator=(const TestFolder&) = delete;
};

/// `attune host late-bus.json --headless` on loopback (any port, a minimum of 3 votes,
/// seed 7) with `extra` arguments, run in `folder`; once it has printed its address and
/// room code, `port` and `code` hold them.
struct LateBusHost {
    test::Headless process;
    int port = 0;
    std::string code;

    LateBusHost(const fs::path& folder, const std::vector<std::string>& extra)
        : process(arguments(extra), folder.string()) {
        const std::string address = process.wait_for("join address: ");
        const std::string code_line = process.wait_for("room code: ");
        std::smatch match;
        REQUIRE(std::regex_search(address, match, std::regex(R"(http://127\.0\.0\.1:(\d+)/)")));
        REQUIRE(code_line.find(": ") != std::string::npos);
        port = std::stoi(match[1]);
        code = code_line.substr(code_line.find(": ") + 2);
    }

private:
    static std::vector<std::string> arguments(const std::vector<std::string>& extra) {
        std::vector<std::string> all = {
            "host",
            (fs::path(ATTUNE_SOURCE_DIR) / "tests/data/stories/late-bus.json").string(),
            "--headless",
            "--port",
            "0",
            "--address",
            "127.0.0.1",
            "--min-votes",
            "3",
            "--seed",
            "7"};
        all.insert(all.end(), extra.begin(), extra.end());
        return all;
    }
};

} // namespace

TEST_CASE("server: every answer, even a refusal, carries no-store and the CSP") {
    const auto host = start_host();
    const int port = host->port();
    const std::string page = round_trip(port, request("GET", "/"));
    CHECK(status_of(page) == 200);
    CHECK(has_security_headers(page));
    for (const char* path : {"/nothing", "/api/state", "/api/../index.html"}) {
        const std::string response = round_trip(port, request("GET", path));
        CAPTURE(path);
        CHECK(status_of(response) >= 400);
        CHECK(has_security_headers(response));
    }
    // A body over the limit is refused before it is read, with the headers too.
    const std::string big =
        round_trip(port, "POST /api/vote HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n" +
                             std::string(1000, 'x'));
    CHECK(status_of(big) == 413);
    CHECK(has_security_headers(big));
}

TEST_CASE("server: traversal, encoded or not, reaches no file") {
    const auto host = start_host();
    for (const char* path : {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                             "/%252e%252e/%252e%252e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd",
                             "/.%2e/.%2e/CMakeLists.txt", "/assets/", "/stories/first-light.json",
                             "/%2e%2e%5c%2e%2e%5cetc%5cpasswd", "/index.html%00.json"}) {
        CAPTURE(path);
        const std::string response = round_trip(host->port(), request("GET", path));
        CHECK(status_of(response) >= 400);
        CHECK(response.find("root:") == std::string::npos);
        CHECK(response.find("cmake_minimum_required") == std::string::npos);
    }
}

TEST_CASE("server: malformed requests and huge headers are refused; the room goes on") {
    const auto host = start_host();
    const int port = host->port();
    host->room().open_round(Menu{"s", {"line"}, {{"a", "A", true, ""}, {"b", "B", true, ""}}});
    const std::string device = join(port);
    for (const std::string& junk :
         {std::string("HELLO\r\n\r\n"), std::string("GET\r\n\r\n"), std::string("\r\n\r\n"),
          std::string(100000, 'G'),
          "GET / HTTP/1.1\r\nX-Big: " + std::string(100000, 'a') + "\r\n\r\n",
          "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\n\r\n",
          request("POST", "/api/vote", "{\"round\":1,", device),
          request("POST", "/api/vote", std::string(3000, '['), device),
          std::string("\0\1\2\3\xff\r\n\r\n", 9)}) {
        const std::string response = round_trip(port, junk);
        CHECK((response.empty() || status_of(response) >= 400));
    }
    // Many headers (each short): still answered.
    std::string many = "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
    for (int i = 0; i < 2000; ++i) {
        many += "X-" + std::to_string(i) + ": y\r\n";
    }
    CHECK(status_of(round_trip(port, many + "\r\n")) > 0);
    const std::string voted =
        round_trip(port, request("POST", "/api/vote", R"({"round":1,"choice":1})", device));
    CHECK(status_of(voted) == 200);
    CHECK(host->room().view(device).your_vote == 1);
}

TEST_CASE("server: clients that stall cannot stop others voting") {
    const auto host = start_host();
    const int port = host->port();
    host->room().open_round(Menu{"s", {"line"}, {{"a", "A", true, ""}, {"b", "B", true, ""}}});
    const std::string device = join(port);
    // More stalled connections than the pool has threads: half a request line each, then
    // nothing. Each is dropped after the server's timeout.
    std::vector<std::unique_ptr<test::Connection>> stalled;
    for (int i = 0; i < 40; ++i) {
        stalled.push_back(std::make_unique<test::Connection>(port));
        stalled.back()->send("GET / HT");
    }
    const auto began = std::chrono::steady_clock::now();
    const std::string voted =
        round_trip(port, request("POST", "/api/vote", R"({"round":1,"choice":0})", device));
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    CHECK(status_of(voted) == 200);
    CHECK(seconds < 15);
    MESSAGE("a vote behind 40 stalled connections took " << seconds << " s");
    CHECK(host->room().view(device).your_vote == 0);
}

TEST_CASE("server: a flood from one address is refused; the phone that dropped keeps its vote") {
    // A low limit, so that even a slow build (sanitizers, a busy machine) floods it.
    ApiLimits limits;
    limits.per_address = {20, 2};
    const auto host = start_host(limits);
    const int port = host->port();
    host->room().open_round(Menu{"s", {"line"}, {{"a", "A", true, ""}, {"b", "B", true, ""}}});
    const std::string device = join(port);
    CHECK(status_of(round_trip(
              port, request("POST", "/api/vote", R"({"round":1,"choice":1})", device))) == 200);
    int refused = 0;
    for (int i = 0; i < 100; ++i) {
        refused += status_of(round_trip(port, request("GET", "/style.css"))) == 429;
    }
    CHECK(refused > 40);
    // Coming back (a new connection, the same token) finds the vote where it was.
    std::this_thread::sleep_for(std::chrono::seconds(3));
    const std::string again = round_trip(port, request("POST", "/api/join", R"({})", device));
    REQUIRE(status_of(again) == 200);
    CHECK(nlohmann::json::parse(body_of(again))["device"] == device);
    const std::string state = round_trip(port, request("GET", "/api/state", {}, device));
    CHECK(nlohmann::json::parse(body_of(state))["your_vote"] == 1);
}

TEST_CASE("headless host: prints the address and code, runs rounds from stdin, keeps nothing about "
          "phones") {
    const TestFolder folder("attune-host");
    std::vector<std::string> tokens;
    {
        LateBusHost started(folder.path, {"--qr-svg", (folder.path / "join.svg").string()});
        test::Headless& host = started.process;
        const int port = started.port;
        const std::string& code = started.code;
        CHECK(code.size() == 4);
        CHECK(status_of(round_trip(port, request("POST", "/api/join", R"({"code":"ZZZZ"})"))) ==
              403);
        for (int i = 0; i < 4; ++i) {
            tokens.push_back(join(port, code));
        }
        host.command("open");
        REQUIRE(!host.wait_for("round 1 open").empty());
        const auto vote = [port](const std::string& device, const std::string& ballot) {
            return status_of(round_trip(port, request("POST", "/api/vote", ballot, device)));
        };
        CHECK(vote(tokens[0], R"({"round":1,"choice":0})") == 200);
        CHECK(vote(tokens[1], R"({"round":1,"choice":1})") == 200);
        CHECK(vote(tokens[2], R"({"round":1,"choice":1})") == 200);
        CHECK(vote(tokens[3], R"({"round":1,"pass":true})") == 200);
        CHECK(vote(tokens[2], R"({"round":1,"choice":0})") == 200); // changed
        CHECK(vote(tokens[2], R"({"round":1,"choice":1})") == 200); // and back
        CHECK(status_of(round_trip(port, request("POST", "/api/pause", {}, tokens[3]))) == 202);
        CHECK(!host.wait_for("someone asked for a pause").empty());
        host.command("close");
        REQUIRE(!host.wait_for("4 took part").empty());
        CHECK(!host.wait_for("1: 1").empty());
        CHECK(!host.wait_for("2: 2").empty());
        CHECK(!host.wait_for("pass: 1").empty());
        CHECK(vote(tokens[0], R"({"round":1,"choice":1})") == 409); // closed
        host.command("reveal");
        CHECK(!host.wait_for("shown to the room").empty());
        host.command("confirm");
        CHECK(!host.wait_for("chosen: 2").empty());
        host.command("next");
        CHECK(!host.wait_for("type open").empty());
        // A round nobody votes in chooses nothing.
        host.command("open");
        CHECK(!host.wait_for("round 2 open").empty());
        host.command("confirm");
        CHECK(!host.wait_for("Fewer than 3 took part").empty());
        // The facilitator decides instead (a show of hands).
        host.command("confirm 1 we talked it through");
        CHECK(!host.wait_for("chosen: 1").empty());
        host.command("lock");
        CHECK(!host.wait_for("room locked").empty());
        CHECK(status_of(round_trip(
                  port, request("POST", "/api/join", R"({"code":")" + code + "\"}"))) == 403);
        host.command("pause");
        CHECK(!host.wait_for("paused").empty());
        const auto paused = nlohmann::json::parse(
            body_of(round_trip(port, request("GET", "/api/state", {}, tokens[0]))));
        CHECK(paused["paused"] == true);
        CHECK(paused["lines"].empty());
        host.command("quit");
        CHECK(!host.wait_for("room closed").empty());
        for (const std::string& token : tokens) {
            CHECK(host.output().find(token) == std::string::npos);
        }
    }
    // Every file the host wrote (the QR code here; nothing else should exist) is free of
    // any phone's token.
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(folder.path)) {
        if (!entry.is_regular_file()) {
            continue;
        }
        ++files;
        const std::string text = read_all(entry.path());
        CAPTURE(entry.path().string());
        for (const std::string& token : tokens) {
            CHECK(text.find(token) == std::string::npos);
        }
    }
    CHECK(files >= 1);
    CHECK(fs::exists(folder.path / "join.svg"));
}

} // namespace attune::host

namespace attune::host {

TEST_CASE("headless host: --debrief writes the room's splits when the room closes, and no reason") {
    const TestFolder folder("attune-host-debrief");
    std::vector<std::string> tokens;
    {
        LateBusHost started(folder.path, {"--debrief", (folder.path / "debrief.md").string()});
        test::Headless& host = started.process;
        const int port = started.port;
        const std::string& code = started.code;
        for (int i = 0; i < 4; ++i) {
            tokens.push_back(join(port, code));
        }
        const auto vote = [port](const std::string& device, const std::string& ballot) {
            return status_of(round_trip(port, request("POST", "/api/vote", ballot, device)));
        };
        // The first menu: 1 to 2 with a pass; the facilitator overrides, with a reason.
        host.command("open");
        REQUIRE(!host.wait_for("round 1 open").empty());
        CHECK(vote(tokens[0], R"({"round":1,"choice":0})") == 200);
        CHECK(vote(tokens[1], R"({"round":1,"choice":1})") == 200);
        CHECK(vote(tokens[2], R"({"round":1,"choice":1})") == 200);
        CHECK(vote(tokens[3], R"({"round":1,"pass":true})") == 200);
        host.command("close");
        REQUIRE(!host.wait_for("4 took part").empty());
        host.command("confirm 1 the back row wanted the easy road first");
        REQUIRE(!host.wait_for("chosen: 1").empty());
        host.command("next");
        REQUIRE(!host.wait_for("type open").empty());
        // The second: only one phone votes, below the minimum; a show of hands decides.
        host.command("open");
        REQUIRE(!host.wait_for("round 2 open").empty());
        CHECK(vote(tokens[0], R"({"round":2,"choice":0})") == 200);
        host.command("confirm 1");
        REQUIRE(!host.wait_for("chosen: 1").empty());
        host.command("next");
        REQUIRE(!host.wait_for("type open").empty());
        host.command("quit");
        CHECK(!host.wait_for("debrief written to").empty());
    }
    const std::string debrief = read_all(folder.path / "debrief.md");
    CAPTURE(debrief);
    // "its-fine" (1 vote) was chosen over "name-it" (2): the facilitator decided.
    CHECK(debrief.find("- **Chosen:** \"It's fine. Whatever.\": 1 vote ") != std::string::npos);
    CHECK(debrief.find(": 2 votes ") != std::string::npos);
    CHECK(debrief.find("- 1 passed\n\nA close call. The facilitator decided.\n") !=
          std::string::npos);
    CHECK(debrief.find("How the room voted: too few votes to show a split. Chosen: Call "
                       "them.") != std::string::npos);
    CHECK(debrief.find("back row") == std::string::npos);
    for (const std::string& token : tokens) {
        CHECK(debrief.find(token) == std::string::npos);
    }
}

TEST_CASE("headless host: a debrief name it cannot write is refused before the room opens") {
    const TestFolder folder("attune-host-badname");
    test::Headless host(
        {"host", "--headless", "--port", "0", "--address", "127.0.0.1", "--debrief", "debrief.pdf"},
        folder.path.string());
    CHECK(!host.wait_for("name it debrief.html").empty());
    CHECK(host.output().find("room code") == std::string::npos);
}

TEST_CASE("server: a room closed the moment it opens stops at once") {
    for (int i = 0; i < 20; ++i) {
        const auto began = std::chrono::steady_clock::now();
        start_host().reset();
        CHECK(std::chrono::steady_clock::now() - began < std::chrono::seconds(5));
    }
}

} // namespace attune::host
