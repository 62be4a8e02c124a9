#include "core/mynaportal/MappingFields.h"

#include "core/clinical/TextForms.h"
#include "core/mynaportal/LayoutDates.h"

#include <charconv>
#include <cmath>

namespace techo::mynaportal::detail {
namespace {

std::optional<domain::Sex> sexFromCode(const std::optional<std::string>& code)
{
    if (!code)
        return std::nullopt;
    if (*code == "1" || *code == "male")
        return domain::Sex::Male;
    if (*code == "2" || *code == "female")
        return domain::Sex::Female;
    return domain::Sex::Unknown;
}

} // namespace

std::string at(const std::string& path, std::string_view key)
{
    return path + "." + std::string(key);
}

std::string at(const std::string& path, std::size_t index)
{
    return path + "[" + std::to_string(index) + "]";
}

const json* member(const json& object, std::string_view key)
{
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

const json* Fields::find(std::string_view key) const
{
    return member(m_object, key);
}

const json* Fields::first(Names names, std::string_view& which) const
{
    for (const std::string_view name : names) {
        if (const json* value = find(name)) {
            which = name;
            return value;
        }
    }
    which = names.front();
    return nullptr;
}

std::string_view Fields::present(Names names) const
{
    std::string_view which;
    first(names, which);
    return which;
}

std::optional<std::string> Fields::text(Names names, bool required)
{
    std::string_view key;
    const json* value = first(names, key);
    if (value == nullptr || value->is_null() || (value->is_string() && value->get_ref<const std::string&>().empty())) {
        if (required)
            fail(key, reason::kMissing);
        return std::nullopt;
    }
    if (!value->is_string()) {
        fail(key, reason::kNotString);
        return std::nullopt;
    }
    return value->get<std::string>();
}

std::optional<std::string> Fields::code(Names names, bool required)
{
    std::string_view key;
    const json* value = first(names, key);
    if (value != nullptr && value->is_number_integer())
        return std::to_string(value->get<long long>());
    return text(names, required);
}

std::optional<domain::Date> Fields::date(Names names, bool required, bool dashed)
{
    const std::string_view key = present(names);
    const auto raw = text(names, required);
    if (!raw)
        return std::nullopt;
    if (dashed) {
        auto parsed = domain::parseDate(*raw);
        if (!parsed)
            fail(key, reason::kDateFormDashed);
        return parsed;
    }
    domain::Date out {};
    switch (parseLayoutDate(*raw, out)) {
    case DateParse::Ok:
        return out;
    case DateParse::Form:
        fail(key, reason::kDateForm);
        return std::nullopt;
    case DateParse::Invalid:
        fail(key, reason::kDateInvalid);
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<double> Fields::decimal(Names names, bool required)
{
    std::string_view key;
    const json* value = first(names, key);
    if (value != nullptr && value->is_number()) {
        const double d = value->get<double>();
        if (std::isfinite(d))
            return d;
    }
    if (value != nullptr && !value->is_null() && !value->is_string()) {
        fail(key, reason::kNotNumber); // not "must be a string": a JSON number is fine too
        return std::nullopt;
    }
    const auto raw = text(names, required);
    if (!raw)
        return std::nullopt;
    const auto normalised = clinical::nfkc(*raw); // full-width digits and decimal point
    if (normalised) {
        double out = 0;
        const char* begin = normalised->data();
        const char* end = begin + normalised->size();
        // A negative number is a number: the caller's range rule refuses it. No '+', exponent or unit.
        const auto [ptr, ec] = std::from_chars(begin, end, out, std::chars_format::fixed);
        if (ec == std::errc() && ptr == end && std::isfinite(out))
            return out;
    }
    fail(key, reason::kNotNumber);
    return std::nullopt;
}

std::optional<int> Fields::integer(Names names, bool required, int minimum)
{
    std::string_view key;
    const json* value = first(names, key);
    long long out = 0;
    if (value != nullptr && value->is_number_integer()) {
        out = value->get<long long>();
    } else if (value != nullptr && !value->is_null() && !value->is_string()) {
        fail(key, reason::kNotWholeNumber); // 1.5, true, {} …: a JSON integer is fine, so not "must be a string"
        return std::nullopt;
    } else {
        const auto raw = text(names, required);
        if (!raw)
            return std::nullopt;
        const auto normalised = clinical::nfkc(*raw);
        const std::string digits = normalised.value_or(std::string());
        const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
        if (!normalised || ec != std::errc() || ptr != digits.data() + digits.size()) {
            fail(key, reason::kNotWholeNumber);
            return std::nullopt;
        }
    }
    if (out < minimum || out > 1'000'000) {
        fail(key, reason::kOutOfRange);
        return std::nullopt;
    }
    return static_cast<int>(out);
}

std::optional<bool> Fields::boolean(std::string_view key)
{
    const json* value = find(key);
    if (value == nullptr || value->is_null())
        return std::nullopt;
    if (!value->is_boolean()) {
        fail(key, reason::kNotBoolean);
        return std::nullopt;
    }
    return value->get<bool>();
}

const json* Fields::object(Names names, bool required)
{
    std::string_view key;
    const json* value = first(names, key);
    if (value == nullptr || value->is_null()) {
        if (required)
            fail(key, reason::kMissing);
        return nullptr;
    }
    if (!value->is_object()) {
        fail(key, reason::kNotObject);
        return nullptr;
    }
    return value;
}

std::optional<FieldError> collect(
    const json& value, const std::string& path, Fields::Names itemKeys, std::vector<Element>& out)
{
    if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (!value[i].is_object()) {
                FieldError e = fieldError(at(path, i), reason::kNotObject);
                e.wholeResponse = true;
                return e;
            }
            out.push_back({&value[i], at(path, i)});
        }
        return std::nullopt;
    }
    if (value.is_object()) {
        for (const std::string_view item : itemKeys) {
            const json* child = member(value, item);
            if (child == nullptr)
                continue;
            const std::string itemPath = at(path, item);
            if (child->is_object()) {
                out.push_back({child, itemPath});
                return std::nullopt;
            }
            if (child->is_array())
                return collect(*child, itemPath, {}, out);
            return fieldError(itemPath, child->is_null() ? reason::kMissing : reason::kNotObject);
        }
    }
    return fieldError(path, reason::kNotArray);
}

std::optional<std::vector<Element>> Fields::list(Names listKeys, Names itemKeys)
{
    std::vector<Element> out;
    std::string_view key;
    const json* value = first(listKeys, key);
    if (value == nullptr) {
        // The XML form without a wrapper: the repeated element itself beside its siblings.
        for (const std::string_view item : itemKeys) {
            const json* direct = find(item);
            if (direct == nullptr || direct->is_null())
                continue;
            const std::string itemPath = at(m_path, item);
            if (direct->is_object()) {
                out.push_back({direct, itemPath});
                return out;
            }
            if (auto e = collect(*direct, itemPath, {}, out)) {
                fail(*e);
                return std::nullopt;
            }
            return out;
        }
        return out;
    }
    if (value->is_null())
        return out;
    if (auto e = collect(*value, at(m_path, key), itemKeys, out)) {
        fail(*e);
        return std::nullopt;
    }
    return out;
}

void Fields::fail(std::string_view key, Reason reason)
{
    if (!m_error)
        m_error = fieldError(at(m_path, key), reason);
}

void Fields::fail(const FieldError& nested)
{
    if (!m_error)
        m_error = nested;
}

FieldError fieldError(std::string path, Reason reason)
{
    const std::size_t dot = path.find_last_of(".");
    std::string field = dot == std::string::npos ? path : path.substr(dot + 1);
    if (const std::size_t bracket = field.find('['); bracket != std::string::npos)
        field.erase(bracket);
    FieldError e {std::move(path), std::string(reason.text), std::string(reason.key), {}};
    e.params.emplace_back("field", std::move(field));
    return e;
}

Error structural(const FieldError& e)
{
    Error error
        = makeError(ErrorCode::InvalidData, "the response is not in the expected form: " + e.path + " " + e.reason);
    error.key = "import.malformed_response"; // the keys ResultEnvelope uses for the same errors
    error.params = e.params;
    error.params.emplace_back("path", e.path);
    error.params.emplace_back("reason", e.reasonKey);
    return error;
}

domain::Rejection reject(std::string kind, std::string id, const FieldError& e)
{
    domain::Rejection r;
    r.recordKind = std::move(kind);
    r.sourceRecordId = std::move(id);
    r.jsonPath = e.path;
    r.reason = e.reason;
    r.reasonKey = e.reasonKey;
    r.params = e.params;
    return r;
}

std::optional<Reason> implausibleDate(
    domain::Date date, const std::optional<domain::Date>& birth, const MappingOptions& options)
{
    const auto latest = std::chrono::sys_days(options.clock.todayInJapan()) + std::chrono::days(1);
    if (std::chrono::sys_days(date) > latest)
        return reason::kDateInFuture;
    if (birth && date < *birth)
        return reason::kDateBeforeBirth;
    return std::nullopt;
}

void checkRecordDate(Fields& fields, std::string_view name, const std::optional<domain::Date>& date,
    const std::optional<domain::Date>& birth, const MappingOptions& options)
{
    if (!date || fields.failed())
        return;
    if (const auto problem = implausibleDate(*date, birth, options))
        fields.fail(name, *problem);
}

Status mapPerson(const json& parent, const std::string& path, const PersonKeys& keys, const MappingOptions& options,
    domain::RecordBatch& batch)
{
    Fields root(parent, path);
    const std::string_view objectKey = root.present(keys.object);
    const json* header = root.object(keys.object, false);
    if (root.failed())
        return structural(root.error());
    if (header == nullptr)
        return {};
    Fields p(*header, at(path, objectKey));
    domain::PersonInfo person;
    person.name = p.text(keys.name, false).value_or("");
    person.kana = p.text(keys.kana, false);
    person.birthDate = p.date(keys.birth, false, keys.dashedBirth);
    person.sex = sexFromCode(p.code(keys.sex, false));
    if (!p.failed() && person.birthDate && implausibleDate(*person.birthDate, std::nullopt, options))
        p.fail(p.present(keys.birth), reason::kDateInFuture);
    if (p.failed())
        return structural(p.error());
    batch.person = std::move(person);
    return {};
}

Result<Sections> xmlSections(const json& data, const std::string& path)
{
    Fields f(data, path);
    Sections s {&data, path, &data, path};
    if (const json* header = f.object("MessageHeader", false)) {
        s.header = header;
        s.headerPath = at(path, "MessageHeader");
    }
    if (const json* body = f.object("MessageBody", false)) {
        s.body = body;
        s.bodyPath = at(path, "MessageBody");
    }
    if (f.failed())
        return structural(f.error());
    // ResultCode / MessageContents: wherever the layout puts them (//ResultCode in the XML).
    for (const auto& [object, objectPath] : {std::pair {s.header, s.headerPath}, std::pair {s.body, s.bodyPath}}) {
        Fields r(*object, objectPath);
        const auto code = r.code("ResultCode", false);
        const auto message = r.text("MessageContents", false);
        if (r.failed())
            return structural(r.error());
        if (code && *code != "1")
            return makeError(ErrorCode::Network,
                "the data source refused the request (ResultCode " + *code + ")" + (message ? ": " + *message : ""))
                .withKey("import.api_refused")
                .with("code", *code)
                .with("message", message.value_or(""));
    }
    return s;
}

} // namespace techo::mynaportal::detail
