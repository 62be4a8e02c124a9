#pragma once

// Internal to core/mynaportal: the field readers and shared rules the per-kind mappers (CheckupMapping,
// DispensingMapping, VaccinationMapping) are built from. Not part of the module's API (ResultMapping.h is).

#include "core/domain/RecordBatch.h"
#include "core/mynaportal/ResultMapping.h"
#include "core/util/Result.h"

#include <nlohmann/json.hpp>

#include <array>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace techo::mynaportal::detail {

using nlohmann::json;

// Why a field was refused: a stable key for translation (Rejection::reasonKey) and its English text.
// Neither ever quotes the value itself.
struct Reason {
    std::string_view key;
    std::string_view text;
};

namespace reason {
inline constexpr Reason kMissing {"missing", "is missing"};
inline constexpr Reason kNotString {"not_string", "must be a string"};
inline constexpr Reason kNotNumber {"not_number", "is not a number"};
inline constexpr Reason kNotWholeNumber {"not_whole_number", "is not a whole number"};
inline constexpr Reason kOutOfRange {"out_of_range", "is out of range"};
inline constexpr Reason kNotBoolean {"not_boolean", "must be true or false"};
inline constexpr Reason kNotArray {"not_array", "must be an array"};
inline constexpr Reason kNotObject {"not_object", "must be an object"};
inline constexpr Reason kDateForm {"date_form", "is not a date of the form YYYYMMDD"};
inline constexpr Reason kDateFormDashed {"date_form", "is not a valid date of the form YYYY-MM-DD"};
inline constexpr Reason kDateInvalid {"date_invalid", "is not a valid calendar date"};
inline constexpr Reason kDateInFuture {"date_in_future", "is in the future"};
inline constexpr Reason kDateBeforeBirth {"date_before_birth", "is before the person's date of birth"};
inline constexpr Reason kEmpty {"empty", "is empty"};
} // namespace reason

// A field problem: where (JSON path), what (reason), and parameters for a translated message (always the
// field's name; never a health value).
struct FieldError {
    std::string path;
    std::string reason;
    std::string reasonKey;
    std::vector<std::pair<std::string, std::string>> params;
    // A defect of the response's shape (an element of a list that is not an object), which refuses the whole
    // response rather than one record.
    bool wholeResponse = false;
};

[[nodiscard]] std::string at(const std::string& path, std::string_view key);
[[nodiscard]] std::string at(const std::string& path, std::size_t index);

// An element of a repeated group, with its JSON path.
struct Element {
    const json* value;
    std::string path;
};

// Alternative names of one field, most preferred first (held by value: string literals, at most four).
class Names {
public:
    Names(const char* name) { add(name); } // NOLINT(google-explicit-constructor): one name is a list of one
    Names(std::string_view name) { add(name); } // NOLINT(google-explicit-constructor)
    Names(std::initializer_list<std::string_view> names)
    {
        for (const std::string_view n : names)
            add(n);
    }
    template <std::size_t N> Names(const std::array<std::string_view, N>& names)
    {
        for (const std::string_view n : names)
            add(n);
    }
    [[nodiscard]] const std::string_view* begin() const { return m_names.data(); }
    [[nodiscard]] const std::string_view* end() const { return m_names.data() + m_size; }
    [[nodiscard]] std::string_view front() const { return m_size == 0 ? std::string_view() : m_names[0]; }

private:
    void add(std::string_view name)
    {
        if (!name.empty() && m_size < m_names.size())
            m_names[m_size++] = name;
    }
    std::array<std::string_view, 4> m_names {};
    std::size_t m_size = 0;
};

// Field readers over one JSON object: each returns the value or records the first error and returns nullopt.
// Where the real layout and the sandbox spell a field differently, a reader takes the alternatives in order
// of preference and reads the first one present; a missing field is named by the first alternative.
class Fields {
public:
    using Names = detail::Names;

    Fields(const json& object, std::string path)
        : m_object(object)
        , m_path(std::move(path))
    { }

    [[nodiscard]] bool failed() const { return m_error.has_value(); }
    [[nodiscard]] const FieldError& error() const { return *m_error; }
    [[nodiscard]] const std::string& path() const { return m_path; }
    [[nodiscard]] const json& object() const { return m_object; }

    // The first of `names` the object has (even if null), or the first name when it has none of them.
    [[nodiscard]] std::string_view present(Names names) const;
    [[nodiscard]] bool has(std::string_view key) const { return find(key) != nullptr; }

    // A string; null, "" and absence are all "no value".
    std::optional<std::string> text(Names names, bool required);
    // A string, or a JSON number as its decimal text (flags and segment codes that XML-to-JSON converters
    // sometimes turn into numbers); anything else is refused.
    std::optional<std::string> code(Names names, bool required);
    // A date of the XML layouts: 'YYYYMMDD', 和暦 'GYYMMDD' (G = M/T/S/H/R or 1–5) or '令和6年4月1日'
    // (full-width digits allowed). With dashed, PMH's ISO 'YYYY-MM-DD' only.
    std::optional<domain::Date> date(Names names, bool required, bool dashed = false);
    // A decimal: a JSON number or a plain decimal string ("5.8", full-width "５．８"); no '+', exponent or
    // unit (a '-' is read: the caller's range rule refuses it).
    std::optional<double> decimal(Names names, bool required);
    // A whole number in [minimum, 1'000'000]: a JSON integer or its decimal string.
    std::optional<int> integer(Names names, bool required, int minimum);
    std::optional<bool> boolean(std::string_view key);
    const json* object(Names names, bool required);

    // A repeated group: the sandbox's JSON array (`"DrugInfs": [ … ]`) or the XML layout rendered as JSON
    // (`"DrugInfs": {"DrugInf": [ … ] | { … }}`, or the item key itself beside its siblings). Missing is
    // empty; anything else is a structural error recorded here. Every element must be an object.
    std::optional<std::vector<Element>> list(Names listKeys, Names itemKeys);

    // Records the first error: the field `key` of this object (params: field = key).
    void fail(std::string_view key, Reason reason);
    // Adopts the error of a nested object's Fields, whose path already names the exact field.
    void fail(const FieldError& nested);

private:
    const json* find(std::string_view key) const;
    const json* first(Names names, std::string_view& which) const;

    const json& m_object;
    std::string m_path;
    std::optional<FieldError> m_error;
};

// The member `key` of a JSON object, or nullptr.
[[nodiscard]] const json* member(const json& object, std::string_view key);

// Collects the elements of one repeated value (array, object with an item key, or one object).
std::optional<FieldError> collect(
    const json& value, const std::string& path, Fields::Names itemKeys, std::vector<Element>& out);

[[nodiscard]] Error structural(const FieldError& e);
[[nodiscard]] domain::Rejection reject(std::string kind, std::string id, const FieldError& e);
[[nodiscard]] FieldError fieldError(std::string path, Reason reason);

// The plausibility rule every record date meets (fault 6 of issue 9): not after today in Japan plus one day
// (time zones and clocks a little fast), and not before the person's date of birth when the header gives it.
[[nodiscard]] std::optional<Reason> implausibleDate(
    domain::Date date, const std::optional<domain::Date>& birth, const MappingOptions& options);
// Checks `date` (read from field `name` of `fields`) with implausibleDate and records the error there.
void checkRecordDate(Fields& fields, std::string_view name, const std::optional<domain::Date>& date,
    const std::optional<domain::Date>& birth, const MappingOptions& options);

// The person header each layout carries under its own element names.
struct PersonKeys {
    Fields::Names object;
    Fields::Names name;
    Fields::Names kana;
    Fields::Names birth;
    bool dashedBirth;
    Fields::Names sex;
};
// Maps the person header (absent: no person) into batch.person. A malformed header, or a birth date in the
// future, is a structural error.
[[nodiscard]] Status mapPerson(const json& parent, const std::string& path, const PersonKeys& keys,
    const MappingOptions& options, domain::RecordBatch& batch);

// The XML layouts' envelope inside `data`: the header and body may be nested in MessageHeader/MessageBody
// (as in the XML) or be members of `data` itself (as the sandbox sends them). ResultCode other than 1 is the
// source refusing the request: an error carrying MessageContents.
struct Sections {
    const json* header = nullptr;
    std::string headerPath;
    const json* body = nullptr;
    std::string bodyPath;
};
[[nodiscard]] Result<Sections> xmlSections(const json& data, const std::string& path);

[[nodiscard]] Status mapCheckups(
    const json& data, const std::string& path, const MappingOptions& options, domain::RecordBatch& batch);
[[nodiscard]] Status mapDispensings(
    const json& data, const std::string& path, const MappingOptions& options, domain::RecordBatch& batch);
[[nodiscard]] Status mapVaccinations(
    const json& data, const std::string& path, const MappingOptions& options, domain::RecordBatch& batch);

} // namespace techo::mynaportal::detail
