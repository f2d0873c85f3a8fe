#include "base/json_document.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace attune {

namespace {

constexpr int max_depth = 64;

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::size_t skip_space(std::string_view text, std::size_t pos) {
    while (pos < text.size() && is_space(text[pos])) {
        ++pos;
    }
    return pos;
}

// `pos` is at an opening quote; returns the offset just past the closing one.
std::size_t skip_string(std::string_view text, std::size_t pos) {
    for (++pos; pos < text.size(); ++pos) {
        if (text[pos] == '\\') {
            ++pos;
        } else if (text[pos] == '"') {
            return pos + 1;
        }
    }
    return pos;
}

// Skips one value without recursion, so deep nesting cannot exhaust the stack.
std::size_t skip_value(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) {
        return pos;
    }
    if (text[pos] == '"') {
        return skip_string(text, pos);
    }
    if (text[pos] != '{' && text[pos] != '[') {
        while (pos < text.size() && !is_space(text[pos]) && text[pos] != ',' && text[pos] != '}' &&
               text[pos] != ']') {
            ++pos;
        }
        return pos;
    }
    int depth = 0;
    while (pos < text.size()) {
        const char c = text[pos];
        if (c == '"') {
            pos = skip_string(text, pos);
            continue;
        }
        if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            return pos + 1;
        }
        ++pos;
    }
    return pos;
}

std::string unescape_token(std::string_view token) {
    std::string out;
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size()) {
            out += token[i + 1] == '1' ? '/' : '~';
            ++i;
        } else {
            out += token[i];
        }
    }
    return out;
}

// From an object's '{', the offset of the value for `key`, or npos.
std::size_t find_member(std::string_view text, std::size_t pos, const std::string& key) {
    pos = skip_space(text, pos + 1);
    while (pos < text.size() && text[pos] == '"') {
        const std::size_t end = skip_string(text, pos);
        const nlohmann::json name =
            nlohmann::json::parse(text.substr(pos, end - pos), nullptr, false);
        pos = skip_space(text, end);
        pos = skip_space(text, pos + 1); // past ':'
        if (name.is_string() && name.get<std::string>() == key) {
            return pos;
        }
        pos = skip_space(text, skip_value(text, pos));
        if (pos < text.size() && text[pos] == ',') {
            pos = skip_space(text, pos + 1);
        }
    }
    return std::string_view::npos;
}

// From an array's '[', the offset of element `index`, or npos.
std::size_t find_element(std::string_view text, std::size_t pos, long index) {
    pos = skip_space(text, pos + 1);
    for (long i = 0; pos < text.size() && text[pos] != ']'; ++i) {
        if (i == index) {
            return pos;
        }
        pos = skip_space(text, skip_value(text, pos));
        if (pos < text.size() && text[pos] == ',') {
            pos = skip_space(text, pos + 1);
        }
    }
    return std::string_view::npos;
}

std::size_t find_child(std::string_view text, std::size_t pos, const std::string& token) {
    if (text[pos] == '{') {
        return find_member(text, pos, token);
    }
    if (text[pos] == '[' && !token.empty() &&
        token.find_first_not_of("0123456789") == std::string::npos && token.size() < 10) {
        return find_element(text, pos, std::stol(token));
    }
    return std::string_view::npos;
}

// nlohmann nests arrays and objects without limit; stories never need more than a few levels.
bool nesting_too_deep(std::string_view text, std::size_t& where) {
    int depth = 0;
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
        const char c = text[pos];
        if (c == '"') {
            pos = skip_string(text, pos) - 1;
        } else if (c == '{' || c == '[') {
            if (++depth > max_depth) {
                where = pos;
                return true;
            }
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return false;
}

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1,
// column 2: "; keep only the part that says what was wrong.
std::string plain_parse_message(const std::string& what) {
    const auto colon = what.find(": ");
    std::string message = colon == std::string::npos ? what : what.substr(colon + 2);
    if (message.rfind("syntax error while parsing ", 0) == 0) {
        message = message.substr(27);
    }
    const bool missing_comma =
        message.find("unexpected string literal; expected '}'") != std::string::npos ||
        message.find("expected ']'") != std::string::npos;
    return missing_comma ? "this is not valid JSON: a comma is probably missing before this point"
                         : "this is not valid JSON: " + message;
}

} // namespace

JsonDocument::JsonDocument(std::string file, std::string text, nlohmann::json value)
    : file_(std::move(file)), text_(std::move(text)), value_(std::move(value)) {}

TextPosition JsonDocument::locate(std::string_view pointer) const {
    std::size_t pos = skip_space(text_, 0);
    std::size_t start = 1;
    while (start <= pointer.size() && pos < text_.size()) {
        std::size_t end = pointer.find('/', start);
        if (end == std::string_view::npos) {
            end = pointer.size();
        }
        const std::size_t child =
            find_child(text_, pos, unescape_token(pointer.substr(start, end - start)));
        if (child == std::string_view::npos) {
            break;
        }
        pos = child;
        start = end + 1;
    }
    return position_of(text_, pos);
}

Diagnostic JsonDocument::problem(std::string code, std::string pointer, std::string message,
                                 std::string fix, Severity severity) const {
    const TextPosition at = locate(pointer);
    return Diagnostic{severity,           std::move(code),    file_,         at.line, at.column,
                      std::move(pointer), std::move(message), std::move(fix)};
}

TextPosition position_of(std::string_view text, std::size_t offset) {
    TextPosition at{1, 1};
    offset = std::min(offset, text.size());
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++at.line;
            at.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++at.column;
        }
    }
    return at;
}

std::optional<JsonDocument> parse_json_document(std::string file, std::string text,
                                                std::vector<Diagnostic>& diagnostics) {
    auto fail = [&](std::size_t offset, std::string code, std::string message, std::string fix) {
        const TextPosition at = position_of(text, offset);
        diagnostics.push_back({Severity::Error, std::move(code), file, at.line, at.column, "",
                               std::move(message), std::move(fix)});
        return std::nullopt;
    };
    if (text.size() > max_json_bytes) {
        return fail(0, "too-large", "the file is larger than 64 MiB",
                    "Check that this is the right file; stories are far smaller.");
    }
    if (const auto zero = text.find('\0'); zero != std::string::npos) {
        return fail(zero, "binary", "the file holds binary data, not text",
                    "A story is a UTF-8 text file of JSON; check that this is the right file.");
    }
    std::size_t deep_at = 0;
    if (nesting_too_deep(text, deep_at)) {
        return fail(deep_at, "too-deep", "brackets are nested more than 64 levels deep",
                    "Check for unclosed '[' or '{'; stories never nest this deeply.");
    }
    try {
        nlohmann::json value = nlohmann::json::parse(text);
        return JsonDocument(std::move(file), std::move(text), std::move(value));
    } catch (const nlohmann::json::parse_error& error) {
        const std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
        return fail(offset, "bad-json", plain_parse_message(error.what()),
                    "Look just before this point for a missing comma, quote, colon or bracket.");
    }
}

std::optional<JsonDocument> read_json_document(const std::string& path,
                                               std::vector<Diagnostic>& diagnostics) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        diagnostics.push_back({Severity::Error, "unreadable", path, 0, 0, "",
                               "this is a folder, not a file", "Give the path of a .json file."});
        return std::nullopt;
    }
    if (const auto size = std::filesystem::file_size(path, ec); !ec && size > max_json_bytes) {
        diagnostics.push_back({Severity::Error, "too-large", path, 0, 0, "",
                               "the file is larger than 64 MiB",
                               "Check that this is the right file; stories are far smaller."});
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diagnostics.push_back({Severity::Error, "unreadable", path, 0, 0, "",
                               "the file cannot be opened", "Check the path and its permissions."});
        return std::nullopt;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parse_json_document(path, std::move(buffer).str(), diagnostics);
}

} // namespace attune
