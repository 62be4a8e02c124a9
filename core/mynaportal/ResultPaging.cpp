#include "core/mynaportal/ResultPaging.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <string>

namespace techo::mynaportal {
namespace {

constexpr const char* kPartNumberPath = "$.medicalInsuranceInfoProvisionInfo.partNumber";
constexpr const char* kTotalPartsPath = "$.medicalInsuranceInfoProvisionInfo.totalParts";

// Tracks where the parser is (the root object, the info object under it, the last key at depth 1 or 2)
// and records the two paging fields.
class PagingReader final : public nlohmann::json_sax<nlohmann::json> {
public:
    ResultPaging paging;

    bool null() override { return scalar(false, 0); }
    bool boolean(bool) override { return scalar(false, 0); }
    bool number_integer(number_integer_t value) override { return scalar(true, value); }
    bool number_unsigned(number_unsigned_t value) override
    {
        return scalar(true, static_cast<std::int64_t>(std::min<number_unsigned_t>(value, INT64_MAX)));
    }
    bool number_float(number_float_t, const string_t&) override { return scalar(false, 0); }
    bool string(string_t&) override { return scalar(false, 0); }
    bool binary(binary_t&) override { return scalar(false, 0); }
    bool start_object(std::size_t) override
    {
        if (m_depth == 1 && m_key == "medicalInsuranceInfoProvisionInfo" && m_rootIsObject) {
            m_inInfo = true;
            paging.envelope = true;
        } else if (!scalar(false, 0)) { // an object where a paging number belongs is not a number
            return false;
        }
        m_rootIsObject = m_rootIsObject || m_depth == 0;
        ++m_depth;
        return true;
    }
    bool key(string_t& name) override
    {
        if (m_depth <= 2)
            m_key = name;
        return true;
    }
    bool end_object() override
    {
        --m_depth;
        if (m_inInfo && m_depth == 1) {
            m_inInfo = false;
            return false; // everything needed is read; stop here
        }
        return true;
    }
    bool start_array(std::size_t) override
    {
        if (!scalar(false, 0))
            return false;
        ++m_depth;
        return true;
    }
    bool end_array() override
    {
        --m_depth;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override
    {
        paging = {}; // not JSON: the handler's mapping names the error
        return false;
    }

private:
    bool scalar(bool isInteger, std::int64_t value)
    {
        if (!m_inInfo || m_depth != 2)
            return true;
        if (m_key == "partNumber") {
            paging.partNumber = value;
            paging.partNumberNotInteger = !isInteger;
        } else if (m_key == "totalParts") {
            paging.totalParts = value;
            paging.totalPartsNotInteger = !isInteger;
        }
        // Both read: stop. The sandbox (and the fixtures) put them before `data`, so this is cheap; a
        // body that puts them after `data` is scanned to them. A key repeated later is not seen here; the
        // mapping's own partNumber <= totalParts check and checkTotalParts on its count still apply.
        return !(paging.partNumber && paging.totalParts);
    }

    int m_depth = 0;
    bool m_rootIsObject = false;
    bool m_inInfo = false;
    std::string m_key;
};

} // namespace

ResultPaging ResultPaging::read(std::string_view body)
{
    PagingReader reader;
    (void)nlohmann::json::sax_parse(body, &reader); // false when stopped early or not JSON; the reader knows which
    return reader.paging;
}

Status ResultPaging::checkTotalParts(std::int64_t total, int totalSoFar)
{
    if (total < 1 || total > kMaxParts)
        return makeError(ErrorCode::InvalidData,
            std::string(kTotalPartsPath) + " is " + std::to_string(total) + ": it must be between 1 and "
                + std::to_string(kMaxParts));
    if (totalSoFar != 0 && total != totalSoFar)
        return makeError(ErrorCode::InvalidData,
            std::string(kTotalPartsPath) + " changed from " + std::to_string(totalSoFar) + " to "
                + std::to_string(total) + " between parts");
    return {};
}

Status ResultPaging::check(int requested, int totalSoFar) const
{
    if (!envelope)
        return {};
    if (!partNumberNotInteger) {
        const std::int64_t number = partNumber.value_or(1);
        if (number != requested)
            return makeError(ErrorCode::InvalidData,
                std::string(kPartNumberPath) + " is " + std::to_string(number) + ", but part "
                    + std::to_string(requested) + " was requested");
    }
    if (!totalPartsNotInteger)
        return checkTotalParts(totalParts.value_or(1), totalSoFar);
    return {};
}

} // namespace techo::mynaportal
