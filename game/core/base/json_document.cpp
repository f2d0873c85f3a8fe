#include "base/json_document.h"

#include "base/text_file.h"

#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <unordered_set>

namespace attune {

namespace {

constexpr int max_depth = 64;
constexpr std::size_t checkpoint_step = 1024;

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

std::size_t skip_scalar(std::string_view text, std::size_t pos) {
    if (pos < text.size() && text[pos] == '"') {
        return skip_string(text, pos);
    }
    while (pos < text.size() && !is_space(text[pos]) && text[pos] != ',' && text[pos] != '}' &&
           text[pos] != ']') {
        ++pos;
    }
    return pos;
}

// A key's text: quick when it has no escapes, else decoded by nlohmann.
std::string key_text(std::string_view quoted) {
    if (quoted.find('\\') == std::string_view::npos && quoted.size() >= 2) {
        return std::string(quoted.substr(1, quoted.size() - 2));
    }
    const nlohmann::json name = nlohmann::json::parse(quoted, nullptr, false);
    return name.is_string() ? name.get<std::string>() : std::string();
}

std::string escape_token(std::string_view token) {
    std::string out;
    for (const char c : token) {
        out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    }
    return out;
}

/// What the walk reports besides each value.
struct DuplicateKey {
    std::string pointer;
    std::size_t first = 0;
    std::size_t second = 0;
};

/// Visits every value of a JSON text in document order with its JSON pointer and
/// offset, in one pass and without recursion. Stops quietly at text that is not JSON.
class Walk {
public:
    explicit Walk(std::string_view text) : text_(text) {}

    template <class Visit> void run(Visit&& visit, std::vector<DuplicateKey>* duplicates) {
        std::size_t pos = skip_space(text_, 0);
        while (pos < text_.size()) {
            visit(pointer_, pos);
            if (text_[pos] == '{' || text_[pos] == '[') {
                frames_.push_back({text_[pos] == '{', pointer_.size(), 0, {}});
                pos = skip_space(text_, pos + 1);
                if (pos >= text_.size() || (text_[pos] != '}' && text_[pos] != ']')) {
                    if (!enter_child(pos, duplicates)) {
                        return;
                    }
                    continue;
                }
            } else {
                pos = skip_space(text_, skip_scalar(text_, pos));
            }
            pos = close(pos);
            if (frames_.empty() || pos >= text_.size() || text_[pos] != ',') {
                return;
            }
            pos = skip_space(text_, pos + 1);
            if (!enter_child(pos, duplicates)) {
                return;
            }
        }
    }

private:
    struct Frame {
        bool object;
        std::size_t pointer_length; // of the container's own pointer
        long index;
        std::unordered_map<std::string, std::size_t> keys; // for duplicates
    };
    std::string_view text_;
    std::string pointer_;
    std::vector<Frame> frames_;

    // Pops every container closed at `pos`; returns where the next ',' may be.
    std::size_t close(std::size_t pos) {
        while (!frames_.empty() && pos < text_.size() && (text_[pos] == '}' || text_[pos] == ']')) {
            pointer_.resize(frames_.back().pointer_length);
            frames_.pop_back();
            pos = skip_space(text_, pos + 1);
        }
        if (!frames_.empty()) {
            pointer_.resize(frames_.back().pointer_length);
        }
        return pos;
    }

    // At a member's key or an element: sets the pointer and moves `pos` to the value.
    bool enter_child(std::size_t& pos, std::vector<DuplicateKey>* duplicates) {
        Frame& frame = frames_.back();
        pointer_.resize(frame.pointer_length);
        if (!frame.object) {
            pointer_ += "/" + std::to_string(frame.index++);
            return pos < text_.size();
        }
        if (pos >= text_.size() || text_[pos] != '"') {
            return false;
        }
        const std::size_t end = skip_string(text_, pos);
        const std::string key = key_text(text_.substr(pos, end - pos));
        pointer_ += "/" + escape_token(key);
        if (duplicates) {
            const auto [it, fresh] = frame.keys.emplace(key, pos);
            if (!fresh) {
                duplicates->push_back({pointer_, it->second, pos});
            }
        }
        pos = skip_space(text_, end);
        if (pos >= text_.size() || text_[pos] != ':') {
            return false;
        }
        pos = skip_space(text_, pos + 1);
        return pos < text_.size();
    }
};

// `pos` is at a value; returns the offset just past it (text known to be JSON-like).
std::size_t skip_value(std::string_view text, std::size_t pos) {
    if (pos >= text.size() || (text[pos] != '{' && text[pos] != '[')) {
        return skip_scalar(text, pos);
    }
    int depth = 0;
    for (; pos < text.size(); ++pos) {
        const char c = text[pos];
        if (c == '"') {
            pos = skip_string(text, pos) - 1;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            return pos + 1;
        }
    }
    return pos;
}

/// Builds a value from nlohmann's SAX events as json::parse would, but stops at a key
/// given twice in one object (json::parse keeps the last silently; Attune calls it an error).
class StrictBuilder {
public:
    using json = nlohmann::json;
    json root;

    bool null() { return put(nullptr); }
    bool boolean(bool value) { return put(value); }
    bool number_integer(json::number_integer_t value) { return put(value); }
    bool number_unsigned(json::number_unsigned_t value) { return put(value); }
    bool number_float(json::number_float_t value, const std::string&) { return put(value); }
    bool string(json::string_t& value) { return put(std::move(value)); }
    bool binary(json::binary_t&) { return false; }
    bool start_object(std::size_t) {
        stack_.push_back(place(json::object()));
        return true;
    }
    bool key(json::string_t& name) {
        auto [it, fresh] =
            stack_.back()->get_ref<json::object_t&>().emplace(std::move(name), nullptr);
        member_ = &it->second;
        return fresh;
    }
    bool end_object() {
        stack_.pop_back();
        return true;
    }
    bool start_array(std::size_t) {
        stack_.push_back(place(json::array()));
        return true;
    }
    bool end_array() {
        stack_.pop_back();
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
        return false;
    }

private:
    std::vector<json*> stack_; // the open containers
    json* member_ = nullptr;   // where an object's next value goes

    json* place(json value) {
        if (stack_.empty()) {
            root = std::move(value);
            return &root;
        }
        json& top = *stack_.back();
        if (top.is_array()) {
            top.get_ref<json::array_t&>().push_back(std::move(value));
            return &top.get_ref<json::array_t&>().back();
        }
        *member_ = std::move(value);
        return member_;
    }
    template <class T> bool put(T&& value) {
        place(json(std::forward<T>(value)));
        return true;
    }
};

/// The value in `text`, or nullopt when it is not valid JSON or repeats a key.
std::optional<nlohmann::json> parse_strict(std::string_view text) {
    StrictBuilder builder;
    if (!nlohmann::json::sax_parse(text.begin(), text.end(), &builder)) {
        return std::nullopt;
    }
    return std::move(builder.root);
}

// Builds from simdjson's tree exactly the value nlohmann's parse would: members in the
// order written, non-negative integers unsigned and negative ones signed. Gives up (false)
// where the two could differ or nlohmann would refuse: a key given twice, nesting past
// max_depth, and -0 (nlohmann keeps the integer 0, simdjson a floating -0.0).
bool from_simdjson(simdjson::dom::element element, nlohmann::json& out, int depth) {
    using simdjson::dom::element_type;
    if (depth > max_depth) {
        return false;
    }
    switch (element.type()) {
    case element_type::ARRAY: {
        out = nlohmann::json::array();
        auto& items = out.get_ref<nlohmann::json::array_t&>();
        const simdjson::dom::array array = element.get_array().value_unsafe();
        for (const simdjson::dom::element item : array) {
            items.emplace_back();
            if (!from_simdjson(item, items.back(), depth + 1)) {
                return false;
            }
        }
        return true;
    }
    case element_type::OBJECT: {
        out = nlohmann::json::object();
        auto& members = out.get_ref<nlohmann::json::object_t&>();
        const simdjson::dom::object object = element.get_object().value_unsafe();
        for (const simdjson::dom::key_value_pair member : object) {
            const auto [slot, fresh] = members.emplace(std::string(member.key), nullptr);
            if (!fresh || !from_simdjson(member.value, slot->second, depth + 1)) {
                return false;
            }
        }
        return true;
    }
    case element_type::INT64: {
        const std::int64_t value = element.get_int64().value_unsafe();
        if (value >= 0) {
            out = static_cast<std::uint64_t>(value);
        } else {
            out = value;
        }
        return true;
    }
    case element_type::UINT64:
        out = element.get_uint64().value_unsafe();
        return true;
    case element_type::DOUBLE: {
        const double value = element.get_double().value_unsafe();
        out = value;
        return !(value == 0 && std::signbit(value));
    }
    case element_type::STRING:
        out = std::string(element.get_string().value_unsafe());
        return true;
    case element_type::BOOL:
        out = element.get_bool().value_unsafe();
        return true;
    case element_type::NULL_VALUE:
        out = nullptr;
        return true;
    }
    return false;
}

/// The value in `text` read by simdjson, several times faster than nlohmann's lexer (which
/// builds each string a character at a time, 25% of loading a 45,000-scene story), or
/// nullopt when simdjson refuses it or from_simdjson gives up: parse_strict then decides, so
/// what is accepted and what is refused stays nlohmann's call.
std::optional<nlohmann::json> parse_fast(std::string_view text) {
    // One parser and one padded copy per thread, reused from entry to entry: simdjson reads
    // SIMDJSON_PADDING bytes past the end, and a parser keeps its buffers between documents.
    thread_local simdjson::dom::parser parser;
    thread_local std::string padded;
    padded.assign(text);
    padded.resize(text.size() + simdjson::SIMDJSON_PADDING);
    simdjson::dom::element root;
    if (parser.parse(padded.data(), text.size(), false).get(root) != simdjson::SUCCESS) {
        return std::nullopt;
    }
    nlohmann::json value;
    if (!from_simdjson(root, value, 1)) {
        return std::nullopt;
    }
    return value;
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

// nlohmann says only "number overflow"; the walk finds which number it was.
std::size_t overflowing_number(std::string_view text) {
    std::size_t found = 0;
    Walk(text).run(
        [&](const std::string&, std::size_t pos) {
            const char c = text[pos];
            if (found == 0 && (c == '-' || (c >= '0' && c <= '9'))) {
                const std::string token(text.substr(pos, skip_scalar(text, pos) - pos));
                if (!std::isfinite(std::strtod(token.c_str(), nullptr))) {
                    found = pos;
                }
            }
        },
        nullptr);
    return found;
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

/// A comma where JSON wants none, said in plain words: one too many before a closing
/// bracket, or two in a row. Moves `offset` onto the comma to remove.
std::optional<std::pair<std::string, std::string>> comma_problem(std::string_view text,
                                                                 std::size_t& offset) {
    if (offset >= text.size()) {
        return std::nullopt;
    }
    std::size_t before = offset;
    while (before > 0 && std::isspace(static_cast<unsigned char>(text[before - 1]))) {
        --before;
    }
    if (before == 0 || text[before - 1] != ',') {
        return std::nullopt;
    }
    const char here = text[offset];
    if (here != '}' && here != ']' && here != ',') {
        return std::nullopt;
    }
    offset = before - 1;
    if (here == ',') {
        return std::pair{std::string("this is not valid JSON: two commas in a row"),
                         std::string("Remove one of the two commas.")};
    }
    return std::pair{std::string("this is not valid JSON: this comma is one too many (nothing "
                                 "follows it before the closing '") +
                         here + "')",
                     std::string("Remove this comma: JSON has no comma after the last item.")};
}

std::string position_words(TextPosition at) {
    return "line " + std::to_string(at.line) + ", column " + std::to_string(at.column);
}

} // namespace

TextPositions::TextPositions(std::string_view text) : text_(text) {
    TextPosition at{1, 1};
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i % checkpoint_step == 0) {
            checkpoints_.push_back(at);
        }
        if (text[i] == '\n') {
            ++at.line;
            at.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++at.column; // columns count characters, not bytes
        }
    }
    if (text.size() % checkpoint_step == 0) {
        checkpoints_.push_back(at);
    }
}

TextPosition TextPositions::at(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    const std::size_t block = offset / checkpoint_step;
    TextPosition at = checkpoints_[block];
    for (std::size_t i = block * checkpoint_step; i < offset; ++i) {
        if (text_[i] == '\n') {
            ++at.line;
            at.column = 1;
        } else if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) {
            ++at.column;
        }
    }
    return at;
}

JsonDocument::JsonDocument(std::string file, std::string text, nlohmann::json value)
    : file_(std::move(file)), text_(std::make_shared<const std::string>(std::move(text))),
      value_(std::move(value)) {}

TextPosition JsonDocument::locate(std::string_view pointer) const {
    if (!index_) {
        std::unordered_map<std::string, std::size_t> offsets;
        Walk(*text_).run([&](const std::string& at, std::size_t pos) { offsets.emplace(at, pos); },
                         nullptr);
        index_ = std::make_shared<const Index>(Index{std::move(offsets), TextPositions(*text_)});
    }
    std::string key(pointer);
    for (;;) {
        if (const auto it = index_->offsets.find(key); it != index_->offsets.end()) {
            return index_->positions.at(it->second);
        }
        const auto slash = key.rfind('/');
        if (slash == std::string::npos) {
            return index_->positions.at(0);
        }
        key.resize(slash);
    }
}

const std::vector<JsonSpan>* JsonDocument::section(std::string_view key) const {
    for (const auto& [name, spans] : sections_) {
        if (name == key) {
            return &spans;
        }
    }
    return nullptr;
}

nlohmann::json JsonDocument::entry(JsonSpan span) const {
    const std::string_view text =
        std::string_view(*text_).substr(span.begin, span.end - span.begin);
    std::optional<nlohmann::json> value = parse_fast(text);
    if (!value) {
        value = parse_strict(text);
    }
    if (!value) {
        broken_ = true;
        return nullptr;
    }
    return std::move(*value);
}

std::optional<std::string_view> JsonDocument::plain_member(JsonSpan span,
                                                           std::string_view key) const {
    const std::string_view text = std::string_view(*text_).substr(0, span.end);
    std::size_t pos = span.begin;
    if (pos >= text.size() || text[pos] != '{') {
        return std::nullopt;
    }
    pos = skip_space(text, pos + 1);
    while (pos < text.size() && text[pos] == '"') {
        const std::size_t key_end = skip_string(text, pos);
        const std::string_view name = text.substr(pos + 1, key_end - pos - 2);
        pos = skip_space(text, key_end);
        if (pos >= text.size() || text[pos] != ':') {
            return std::nullopt;
        }
        pos = skip_space(text, pos + 1);
        const std::size_t value_end = skip_value(text, pos);
        if (name == key) {
            const std::string_view value = text.substr(pos, value_end - pos);
            if (value.size() < 2 || value.front() != '"' || value.back() != '"' ||
                value.find('\\') != std::string_view::npos) {
                return std::nullopt;
            }
            return value.substr(1, value.size() - 2);
        }
        pos = skip_space(text, value_end);
        if (pos >= text.size() || text[pos] != ',') {
            return std::nullopt;
        }
        pos = skip_space(text, pos + 1);
    }
    return std::nullopt;
}

void JsonDocument::locate_all(std::vector<Diagnostic>& diagnostics) const {
    std::vector<std::string> pointers;
    for (const Diagnostic& d : diagnostics) {
        if (d.file == file_ && d.line == 0) {
            pointers.push_back(d.pointer);
        }
    }
    if (pointers.empty()) {
        return;
    }
    const std::vector<TextPosition> positions = locate_pointers(*text_, pointers);
    std::size_t next = 0;
    for (Diagnostic& d : diagnostics) {
        if (d.file == file_ && d.line == 0) {
            d.line = positions[next].line;
            d.column +=
                positions[next].column; // a condition's problem already holds its column within
            ++next;
        }
    }
}

Diagnostic JsonDocument::problem(std::string code, std::string pointer, std::string message,
                                 std::string fix, Severity severity) const {
    const TextPosition at = deferred_ ? TextPosition{} : locate(pointer);
    return Diagnostic{severity,           std::move(code),    file_,         at.line, at.column,
                      std::move(pointer), std::move(message), std::move(fix)};
}

std::vector<TextPosition> locate_pointers(std::string_view text,
                                          const std::vector<std::string>& pointers) {
    constexpr std::size_t unseen = std::string_view::npos;
    // Each pointer and its parents, as views into `pointers` (a parent is a prefix): copies
    // of 45,000 findings' pointers were 2.6 MB at the peak of `check --random`.
    std::unordered_map<std::string_view, std::size_t> wanted;
    const auto parent = [](std::string_view key) {
        const std::size_t slash = key.rfind('/');
        return key.substr(0, slash == std::string_view::npos ? 0 : slash);
    };
    for (const std::string& pointer : pointers) {
        for (std::string_view key = pointer;; key = parent(key)) {
            if (!wanted.emplace(key, unseen).second || key.find('/') == std::string_view::npos) {
                break;
            }
        }
    }
    wanted.emplace(std::string_view(), unseen);
    Walk(text).run(
        [&](const std::string& at, std::size_t pos) {
            if (const auto it = wanted.find(at); it != wanted.end() && it->second == unseen) {
                it->second = pos;
            }
        },
        nullptr);
    const TextPositions positions(text);
    std::vector<TextPosition> out;
    out.reserve(pointers.size());
    for (const std::string& pointer : pointers) {
        std::string_view key = pointer;
        while (wanted[key] == unseen && !key.empty()) {
            key = parent(key);
        }
        out.push_back(positions.at(wanted[key] == unseen ? 0 : wanted[key]));
    }
    return out;
}

Result<JsonDocument> parse_json_document(std::string file, std::string text) {
    Result<JsonDocument> result;
    auto fail = [&](std::size_t offset, std::string code, std::string message, std::string fix) {
        const TextPosition at = TextPositions(text).at(offset);
        result.diagnostics.push_back({Severity::Error, std::move(code), file, at.line, at.column,
                                      "", std::move(message), std::move(fix)});
        return result;
    };
    if (text.size() > max_input_bytes) {
        return fail(0, "too-large",
                    "the file is larger than " + size_words(max_input_bytes) +
                        ", the most Attune reads",
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
    nlohmann::json value;
    try {
        value = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& error) {
        std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
        if (const auto comma = comma_problem(text, offset)) {
            return fail(offset, "bad-json", comma->first, comma->second);
        }
        return fail(offset, "bad-json", plain_parse_message(error.what()),
                    "Look just before this point for a missing comma, quote, colon or bracket.");
    } catch (const nlohmann::json::exception&) {
        // The only other parse failure: a number beyond the range of a double.
        return fail(overflowing_number(text), "number-too-large",
                    "this number is too large for Attune to hold",
                    "Use a number between -1e300 and 1e300; stories need far smaller ones.");
    }
    std::vector<DuplicateKey> duplicates;
    Walk(text).run([](const std::string&, std::size_t) {}, &duplicates);
    if (!duplicates.empty()) {
        const TextPositions positions(text);
        for (const DuplicateKey& d : duplicates) {
            const TextPosition first = positions.at(d.first);
            const TextPosition second = positions.at(d.second);
            result.diagnostics.push_back(
                {Severity::Error, "duplicate-key", file, second.line, second.column, d.pointer,
                 "this key is given twice in one object; the first is at " + position_words(first),
                 "Keep one of the two; JSON would silently use only the last."});
        }
        return result;
    }
    result.value = JsonDocument(std::move(file), std::move(text), std::move(value));
    return result;
}

namespace {

/// The top level of an object text split into members: each value parsed, except the
/// lists named in `sections`, whose entries are only delimited. Nullopt when the text is
/// not shaped so (then it is parsed whole, which also finds its error).
struct TopLevel {
    nlohmann::json value = nlohmann::json::object();
    std::vector<std::pair<std::string, std::vector<JsonSpan>>> sections;
};

// The entries of the list at `pos` (a '['), or nullopt; moves `pos` past its ']'.
std::optional<std::vector<JsonSpan>> split_list(std::string_view text, std::size_t& pos) {
    std::vector<JsonSpan> spans;
    pos = skip_space(text, pos + 1);
    if (pos < text.size() && text[pos] == ']') {
        ++pos;
        return spans;
    }
    while (pos < text.size()) {
        const std::size_t end = skip_value(text, pos);
        if (end == pos) {
            return std::nullopt;
        }
        spans.push_back({pos, end});
        pos = skip_space(text, end);
        if (pos < text.size() && text[pos] == ']') {
            ++pos;
            return spans;
        }
        if (pos >= text.size() || text[pos] != ',') {
            return std::nullopt;
        }
        pos = skip_space(text, pos + 1);
    }
    return std::nullopt;
}

std::optional<TopLevel> split_top_level(std::string_view text,
                                        const std::vector<std::string>& sections) {
    TopLevel top;
    std::size_t pos = skip_space(text, 0);
    if (pos >= text.size() || text[pos] != '{') {
        return std::nullopt;
    }
    pos = skip_space(text, pos + 1);
    bool first = true;
    while (pos < text.size() && text[pos] != '}') {
        if (!first) {
            if (text[pos] != ',') {
                return std::nullopt;
            }
            pos = skip_space(text, pos + 1);
        }
        first = false;
        if (pos >= text.size() || text[pos] != '"') {
            return std::nullopt;
        }
        const std::size_t key_end = skip_string(text, pos);
        const std::optional<nlohmann::json> key = parse_strict(text.substr(pos, key_end - pos));
        if (!key || !key->is_string()) {
            return std::nullopt;
        }
        const std::string name = key->get<std::string>();
        if (top.value.contains(name)) {
            return std::nullopt; // a key given twice: reported by the whole parse
        }
        pos = skip_space(text, key_end);
        if (pos >= text.size() || text[pos] != ':') {
            return std::nullopt;
        }
        pos = skip_space(text, pos + 1);
        const bool kept_as_text =
            pos < text.size() && text[pos] == '[' &&
            std::find(sections.begin(), sections.end(), name) != sections.end();
        if (kept_as_text) {
            std::optional<std::vector<JsonSpan>> spans = split_list(text, pos);
            if (!spans) {
                return std::nullopt;
            }
            top.value[name] = nlohmann::json::array();
            top.sections.emplace_back(name, std::move(*spans));
        } else {
            const std::size_t end = skip_value(text, pos);
            std::optional<nlohmann::json> value = parse_strict(text.substr(pos, end - pos));
            if (end == pos || !value) {
                return std::nullopt;
            }
            top.value[name] = std::move(*value);
            pos = end;
        }
        pos = skip_space(text, pos);
    }
    if (pos >= text.size() || skip_space(text, pos + 1) != text.size()) {
        return std::nullopt;
    }
    return top;
}

} // namespace

Result<JsonDocument> parse_json_sections(std::string file, std::string text,
                                         const std::vector<std::string>& sections) {
    // The refusals parse_json_document makes before parsing come first, from it.
    std::size_t deep_at = 0;
    if (text.size() > max_input_bytes || text.find('\0') != std::string::npos ||
        nesting_too_deep(text, deep_at)) {
        return parse_json_document(std::move(file), std::move(text));
    }
    std::optional<TopLevel> top = split_top_level(text, sections);
    if (!top) {
        return parse_json_document(std::move(file), std::move(text));
    }
    JsonDocument doc(std::move(file), std::move(text), std::move(top->value));
    doc.sections_ = std::move(top->sections);
    doc.deferred_ = true;
    return {std::move(doc), {}};
}

Result<JsonDocument> read_json_document(const std::filesystem::path& path) {
    Result<std::string> text = read_text_file(path);
    if (!text) {
        return {std::nullopt, std::move(text.diagnostics)};
    }
    return parse_json_document(path.string(), std::move(*text));
}

namespace {

// The length of the UTF-8 sequence starting at `i`, or 0 when it is not one. Rejects
// overlong forms, surrogates and code points beyond U+10FFFF, as JSON writers do.
int utf8_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    const int length = lead < 0x80   ? 1
                       : lead < 0xC2 ? 0
                       : lead < 0xE0 ? 2
                       : lead < 0xF0 ? 3
                       : lead < 0xF5 ? 4
                                     : 0;
    if (length <= 1) {
        return length;
    }
    if (i + length > text.size()) {
        return 0;
    }
    for (int k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            return 0;
        }
    }
    const unsigned char second = byte(i + 1);
    const bool bad = (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second >= 0xA0) ||
                     (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second >= 0x90);
    return bad ? 0 : length;
}

} // namespace

std::size_t invalid_utf8_at(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const int length = utf8_length(text, i);
        if (length == 0) {
            return i;
        }
        i += static_cast<std::size_t>(length);
    }
    return std::string_view::npos;
}

} // namespace attune
