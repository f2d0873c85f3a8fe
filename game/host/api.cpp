#include "api.h"

#include <nlohmann/json.hpp>

namespace attune::host {

namespace {

using nlohmann::json;

ApiResponse answer(int status, const json& body) {
    ApiResponse response;
    response.status = status;
    response.body = body.dump();
    return response;
}

ApiResponse problem(int status, const std::string& words) {
    return answer(status, json{{"error", words}});
}

ApiResponse not_found() {
    ApiResponse response;
    response.status = 404;
    response.content_type = "text/plain; charset=utf-8";
    response.body = "Not found.\n";
    return response;
}

ApiResponse too_many() {
    ApiResponse response = problem(429, "Too many requests from this phone: wait a moment.");
    response.headers.emplace_back("Retry-After", "2");
    return response;
}

ApiResponse not_in_room() {
    return problem(401, "This phone is not in the room. Join with the room code.");
}

/// The body as a JSON object, or nothing for anything else (malformed, an array...).
std::optional<json> object_body(const std::string& body) {
    json parsed = json::parse(body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
        return std::nullopt;
    }
    return parsed;
}

json view_json(const PhoneView& view) {
    json out{{"phone", view.phone},
             {"paused", view.paused},
             {"round", view.round},
             {"open", view.open},
             {"version", view.version}};
    json lines = json::array();
    for (const std::string& line : view.menu.lines) {
        lines.push_back(line);
    }
    json choices = json::array();
    for (const MenuChoice& choice : view.menu.choices) {
        choices.push_back(
            {{"text", choice.text}, {"open", choice.open}, {"reason", choice.reason}});
    }
    out["lines"] = std::move(lines);
    out["choices"] = std::move(choices);
    out["your_vote"] = view.your_vote == -2   ? json(nullptr)
                       : view.your_vote == -1 ? json("pass")
                                              : json(view.your_vote);
    out["split"] = view.percents.empty() ? json(nullptr) : json(view.percents);
    return out;
}

} // namespace

const HeaderList& security_headers() {
    static const HeaderList headers{
        {"Cache-Control", "no-store"},
        {"Content-Security-Policy",
         "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
         "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"X-Frame-Options", "DENY"},
    };
    return headers;
}

Api::Api(Room& room, WebFiles files, ApiLimits limits)
    : room_(room), files_(std::move(files)), limits_(limits),
      per_address_(limits.per_address, limits.max_tracked),
      joins_(limits.joins_per_address, limits.max_tracked),
      votes_(limits.votes_per_device, limits.max_tracked),
      polls_(limits.polls_per_device, limits.max_tracked),
      pauses_(limits.pauses_per_device, limits.max_tracked) {}

bool Api::allow(RateLimiter& limiter, const std::string& key, Clock::time_point now) {
    const std::lock_guard lock(limits_mutex_);
    return limiter.allow(key, now);
}

ApiResponse Api::handle(const ApiRequest& request, Clock::time_point now) {
    try {
        return route(request, now);
    } catch (const std::exception&) {
        // Only allocation can throw here; the room is unchanged by a failed request.
        return problem(500, "Something went wrong; try again.");
    }
}

ApiResponse Api::route(const ApiRequest& request, Clock::time_point now) {
    if (!allow(per_address_, request.address, now)) {
        return too_many();
    }
    if (request.path.size() > limits_.max_path) {
        return not_found();
    }
    if (request.body.size() > limits_.max_body) {
        return problem(413, "That request is too large.");
    }
    const bool get = request.method == "GET" || request.method == "HEAD";
    const bool post = request.method == "POST";
    if (const WebFile* file = files_.find(request.path)) {
        if (!get) {
            return problem(405, "Only GET here.");
        }
        ApiResponse response;
        response.content_type = file->content_type;
        response.body = file->body;
        return response;
    }
    const bool api_post =
        request.path == "/api/join" || request.path == "/api/vote" || request.path == "/api/pause";
    if (request.path == "/api/state") {
        return get ? state(request, now) : problem(405, "Only GET here.");
    }
    if (api_post && !post) {
        return problem(405, "Only POST here.");
    }
    if (request.path == "/api/join") {
        return join(request, now);
    }
    if (request.path == "/api/vote") {
        return vote(request, now);
    }
    if (request.path == "/api/pause") {
        return pause(request, now);
    }
    return not_found();
}

ApiResponse Api::join(const ApiRequest& request, Clock::time_point now) {
    const std::optional<json> body = object_body(request.body);
    if (!body) {
        return problem(400, "The request could not be read.");
    }
    const auto code = body->find("code");
    const std::string typed =
        code != body->end() && code->is_string() ? code->get<std::string>() : std::string();
    // A phone coming back with its token is not guessing a code.
    const bool returning = !request.device.empty() && room_.view(request.device).known;
    if (!returning && !allow(joins_, request.address, now)) {
        return too_many();
    }
    const JoinResult joined = room_.join(typed, request.device);
    switch (joined.status) {
    case JoinStatus::Joined:
        return answer(200, json{{"device", joined.device}, {"phone", joined.phone}});
    case JoinStatus::WrongCode:
        return problem(403, "That code does not open a room here. Check the code on the screen.");
    case JoinStatus::Locked:
        return problem(403, "The room is closed to new phones now.");
    case JoinStatus::Full:
        return problem(403, "The room is full.");
    case JoinStatus::Removed:
        return problem(403, "This phone was taken out of the room.");
    }
    return problem(403, "That code does not open a room here.");
}

ApiResponse Api::state(const ApiRequest& request, Clock::time_point now) {
    if (!allow(polls_, request.device, now)) {
        return too_many();
    }
    const PhoneView view = room_.view(request.device);
    if (!view.known) {
        return not_in_room();
    }
    ApiResponse response = answer(200, view_json(view));
    if (request.method == "HEAD") {
        response.body.clear();
    }
    return response;
}

ApiResponse Api::vote(const ApiRequest& request, Clock::time_point now) {
    if (!allow(votes_, request.device, now)) {
        return too_many();
    }
    const std::optional<json> body = object_body(request.body);
    if (!body) {
        return problem(400, "The request could not be read.");
    }
    Ballot ballot;
    const auto round = body->find("round");
    const auto choice = body->find("choice");
    const auto pass = body->find("pass");
    if (round == body->end() || !round->is_number_integer()) {
        return problem(400, "A vote names its round.");
    }
    const auto round_number = round->get<std::int64_t>();
    ballot.round =
        round_number < 0 || round_number > 1'000'000 ? -1 : static_cast<int>(round_number);
    ballot.pass = pass != body->end() && pass->is_boolean() && pass->get<bool>();
    if (!ballot.pass) {
        if (choice == body->end() || !choice->is_number_integer()) {
            return problem(400, "A vote names a choice, or passes.");
        }
        const auto index = choice->get<std::int64_t>();
        ballot.choice = index < 0 || index > 1000 ? -1 : static_cast<int>(index);
    }
    switch (room_.vote(request.device, ballot)) {
    case VoteStatus::Counted:
        return answer(200, json{{"counted", true}});
    case VoteStatus::UnknownDevice:
        return not_in_room();
    case VoteStatus::Paused:
        return problem(409, "The room is taking a pause.");
    case VoteStatus::RoundClosed:
        return problem(409, "This round is closed.");
    case VoteStatus::NoSuchChoice:
        return problem(400, "There is no such choice.");
    case VoteStatus::ChoiceClosed:
        return problem(409, "That choice is closed right now.");
    }
    return problem(400, "The request could not be read.");
}

ApiResponse Api::pause(const ApiRequest& request, Clock::time_point now) {
    if (!allow(pauses_, request.device, now)) {
        return too_many();
    }
    if (!room_.ask_pause(request.device)) {
        return not_in_room();
    }
    return answer(202, json::object());
}

} // namespace attune::host
