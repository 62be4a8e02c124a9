#include "core/export/CsvExport.h"

#include "core/export/JsonExport.h"
#include "core/vault/FileUtil.h"

#include <sodium.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <ctime>
#include <fcntl.h>
#include <functional>
#include <memory>
#include <span>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

namespace techo::exports {
namespace {

struct Column {
    std::string_view english;
    std::string_view japanese;
};

using Row = std::vector<std::string>;

constexpr Column kProvenanceColumns[] = {
    {"source", "情報源"},
    {"source_record_id", "情報源のレコードID"},
    {"fetched_at", "取得日時"},
    // 秘匿 marks (a later issue) fill this column; empty means an ordinary record.
    {"confidentiality", "秘匿区分"},
};

constexpr Column kProfileColumns[] = {
    {"profile_id", "プロファイルID"},
    {"display_name", "氏名（情報源）"},
    {"local_name", "表示名"},
    {"kana_name", "カナ氏名"},
    {"birth_date", "生年月日"},
    {"sex", "性別"},
    {"relationship", "続柄"},
    {"source", "情報源"},
    {"source_person_id", "情報源の個人ID"},
    {"created_at", "作成日時"},
};

constexpr Column kCheckupColumns[] = {
    {"profile_id", "プロファイルID"},
    {"profile_name", "氏名"},
    {"checkup_id", "健診ID"},
    {"performed_on", "受診日"},
    {"checkup_kind", "健診種別"},
    {"facility_code", "健診機関コード"},
    {"facility_name", "健診機関名"},
    {"insurer_number", "保険者番号"},
    {"observation_id", "検査結果ID"},
    {"item_code", "項目コード"},
    {"item_name", "項目名"},
    {"value_type", "値の型"},
    {"comparator", "比較記号"},
    {"value", "値"},
    {"unit", "単位"},
    {"unit_as_sent", "受信時の単位"},
    {"value_code", "コード値"},
    {"value_code_system", "コード体系"},
    {"value_label", "コード値の名称"},
    {"value_text", "文字列値"},
    {"range_flag", "測定範囲外"},
};

constexpr Column kDispensingColumns[] = {
    {"profile_id", "プロファイルID"},
    {"profile_name", "氏名"},
    {"dispensing_id", "調剤ID"},
    {"kind", "種別"},
    {"dispensed_on", "調剤日"},
    {"prescribed_on", "処方日"},
    {"pharmacy_code", "調剤機関コード"},
    {"pharmacy_name", "調剤機関名"},
    {"prescriber_code", "処方機関コード"},
    {"prescriber_name", "処方機関名"},
    {"in_out", "入外区分"},
    {"superseded_by", "置き換え先の調剤ID"},
    {"line_id", "薬剤行ID"},
    {"rp_number", "RP番号"},
    {"line_number", "行番号"},
    {"drug_code", "薬剤コード"},
    {"drug_code_system", "薬剤コード体系"},
    {"drug_name", "薬剤名"},
    {"ingredient_name", "成分名"},
    {"quantity", "用量"},
    {"unit", "単位"},
    {"usage_text", "用法"},
    {"special_instruction", "特別指示"},
    {"days", "調剤数量"},
    {"dosage_form", "剤形"},
    {"claims_category", "診療識別"},
};

constexpr Column kVaccinationColumns[] = {
    {"profile_id", "プロファイルID"},
    {"profile_name", "氏名"},
    {"vaccination_id", "接種ID"},
    {"occurred_on", "接種日"},
    {"vaccine_name", "ワクチン名"},
    {"vaccine_code", "ワクチンコード"},
    {"vaccine_code_system", "ワクチンコード体系"},
    {"target_disease", "対象疾病"},
    {"dose_number", "接種回数"},
    {"lot_number", "ロット番号"},
    {"manufacturer", "製造販売業者"},
    {"facility_code", "接種機関コード"},
    {"facility_name", "接種機関名"},
    {"municipality_code", "市町村コード"},
    {"site", "接種部位"},
    {"status", "状態"},
};

constexpr Column kMeasurementColumns[] = {
    {"profile_id", "プロファイルID"},
    {"profile_name", "氏名"},
    {"measurement_id", "測定ID"},
    {"measured_at", "測定日時"},
    {"item_code", "項目コード"},
    {"item_name", "項目名"},
    {"value_type", "値の型"},
    {"comparator", "比較記号"},
    {"value", "値"},
    {"unit", "単位"},
    {"value_text", "文字列値"},
    {"note", "メモ"},
};

std::string number(double value)
{
    std::array<char, 32> buffer {};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), result.ptr);
}

std::string text(const std::optional<std::string>& value)
{
    return value.value_or("");
}

std::string text(const std::optional<double>& value)
{
    return value ? number(*value) : "";
}

std::string text(const std::optional<int>& value)
{
    return value ? std::to_string(*value) : "";
}

std::string text(const std::optional<domain::Date>& value)
{
    return value ? domain::formatDate(*value) : "";
}

std::string text(const std::optional<domain::Timestamp>& value)
{
    return value ? domain::formatTimestamp(*value) : "";
}

template <domain::NamedEnum E> std::string text(const std::optional<E>& value)
{
    return value ? std::string(toString(*value)) : "";
}

void addProvenance(Row& row, const domain::Provenance& p)
{
    row.push_back(p.source);
    row.push_back(text(p.sourceRecordId));
    row.push_back(text(p.fetchedAt));
    row.emplace_back(); // confidentiality
}

// One CSV file being written: BOM, header, rows, each line ended by CRLF.
class CsvWriter final {
public:
    explicit CsvWriter(ExportFile file)
        : m_file(std::move(file))
    { }

    [[nodiscard]] Status header(std::initializer_list<std::span<const Column>> groups, bool japanese)
    {
        TECHO_TRY(m_file.write("\xEF\xBB\xBF"));
        Row row;
        for (const auto& group : groups)
            for (const Column& c : group)
                row.emplace_back(japanese ? c.japanese : c.english);
        m_columns = row.size();
        return writeRow(row);
    }
    [[nodiscard]] Status row(const Row& row)
    {
        if (row.size() != m_columns)
            return makeError(ErrorCode::Internal, "a CSV row does not match its header");
        ++m_rows;
        return writeRow(row);
    }
    [[nodiscard]] Result<std::string> finish() { return m_file.finish(); }

private:
    [[nodiscard]] Status writeRow(const Row& row)
    {
        m_line.clear();
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0)
                m_line += ',';
            m_line += csvField(row[i]);
        }
        m_line += "\r\n";
        return m_file.write(m_line);
    }

    ExportFile m_file;
    std::size_t m_columns = 0;
    std::int64_t m_rows = 0;
    std::string m_line;
};

// libzip's archive handle. Closing it (zip_close) is what writes the archive; whatever was not closed is discarded, and
// libzip removes its half-written temporary file.
struct ZipDiscard {
    void operator()(zip_t* archive) const noexcept { zip_discard(archive); }
};
using ZipArchive = std::unique_ptr<zip_t, ZipDiscard>;

struct ZipSourceFree {
    void operator()(zip_source_t* source) const noexcept { zip_source_free(source); }
};
using ZipSource = std::unique_ptr<zip_source_t, ZipSourceFree>;

Error zipError(const std::string& what, zip_error_t* error)
{
    return makeError(ErrorCode::Io, what + ": " + zip_error_strerror(error)).withKey("export.zip_failed");
}

// The time every entry carries: 1980-01-01 00:00, the earliest a zip can hold. libzip turns a time_t into the DOS time
// of the local time zone, so the local midnight is taken: the entries then read 1980-01-01 00:00 in any time zone.
std::time_t zipEntryTime()
{
    std::tm epoch {};
    epoch.tm_year = 80;
    epoch.tm_mon = 0;
    epoch.tm_mday = 1;
    epoch.tm_isdst = -1;
    return std::mktime(&epoch);
}

// Reads a written file back for its SHA-256 (hex) and size, and syncs it (libzip does not).
Result<std::pair<std::string, std::uint64_t>> hashAndSync(const std::string& path)
{
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.valid())
        return vault::ioError("cannot read back " + path, errno);
    crypto_hash_sha256_state state {};
    crypto_hash_sha256_init(&state);
    std::uint64_t size = 0;
    std::vector<unsigned char> buffer(1 << 16);
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return vault::ioError("cannot read back " + path, errno);
        if (n == 0)
            break;
        crypto_hash_sha256_update(&state, buffer.data(), static_cast<unsigned long long>(n));
        size += static_cast<std::uint64_t>(n);
    }
    if (::fsync(fd.get()) != 0)
        return vault::ioError("cannot sync " + path, errno);
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest {};
    crypto_hash_sha256_final(&state, digest.data());
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    for (const unsigned char b : digest) {
        hex += kDigits[b >> 4];
        hex += kDigits[b & 0xF];
    }
    return std::pair {hex, size};
}

} // namespace

std::string csvField(std::string_view field)
{
    if (field.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(field);
    std::string out = "\"";
    for (const char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string folderDigest(const std::map<std::string, std::string>& fileSha256)
{
    std::string listing;
    for (const auto& [name, sha] : fileSha256) // std::map<std::string> orders by bytes, as LC_ALL=C does
        listing += sha + "  " + name + "\n";
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest {};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(listing.data()), listing.size());
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (const unsigned char b : digest) {
        out += kDigits[b >> 4];
        out += kDigits[b & 0xF];
    }
    return out;
}

Result<CsvExportResult> writeCsvExport(ExportSource& source, const ExportRequest& request, StagedOutput& folder)
{
    CsvExportResult result;
    const bool ja = request.japaneseCsvHeaders;
    const auto open = [&](std::string_view name) -> Result<CsvWriter> {
        TECHO_ASSIGN(ExportFile file, folder.file(name));
        return CsvWriter(std::move(file));
    };
    const auto close = [&](CsvWriter& writer, const std::string& name) -> Status {
        TECHO_ASSIGN(std::string sha, writer.finish());
        result.fileSha256[name] = std::move(sha);
        return {};
    };
    const auto institution = [&](const std::optional<std::int64_t>& id, Row& row) -> Status {
        if (!id) {
            row.emplace_back();
            row.emplace_back();
            return {};
        }
        TECHO_ASSIGN(const domain::Provider provider, source.institution(*id));
        row.push_back(provider.code);
        row.push_back(provider.name);
        return {};
    };

    {
        TECHO_ASSIGN(CsvWriter csv, open("profiles.csv"));
        TECHO_TRY(csv.header({kProfileColumns}, ja));
        for (const domain::Profile& p : source.profiles())
            TECHO_TRY(csv.row({exportId("profile", p.id), p.displayName, text(p.localName), text(p.kanaName),
                text(p.birthDate), text(p.sex), std::string(toString(p.relationship)), p.source, text(p.sourcePersonId),
                domain::formatTimestamp(p.createdAt)}));
        TECHO_TRY(close(csv, "profiles.csv"));
        result.counts["profiles"] = static_cast<std::int64_t>(source.profiles().size());
    }

    if (source.selection().categories.checkups) {
        TECHO_ASSIGN(CsvWriter csv, open("checkups.csv"));
        TECHO_TRY(csv.header({kCheckupColumns, kProvenanceColumns}, ja));
        std::int64_t checkups = 0;
        std::int64_t observations = 0;
        const auto visitCheckup = [&](const domain::Profile& p, const domain::Checkup& c) -> Status {
            Row head {exportId("profile", p.id), p.shownName(), exportId("checkup", c.id),
                domain::formatDate(c.performedOn), c.kind};
            TECHO_TRY(institution(c.facilityId, head));
            head.push_back(text(c.insurerNumber));
            ++checkups;
            const auto emit = [&](const domain::Observation* o) -> Status {
                Row row = head;
                if (o != nullptr) {
                    row.insert(row.end(),
                        {exportId("observation", o->id), o->itemCode, o->itemName, std::string(toString(o->valueType)),
                            text(o->comparator), text(o->valueNum), text(o->unit), text(o->unitAsSent),
                            text(o->valueCode), text(o->valueCodeSystem), text(o->valueLabel), text(o->valueText),
                            text(o->rangeFlag)});
                } else {
                    row.resize(row.size() + 13);
                }
                addProvenance(row, c.provenance);
                return csv.row(row);
            };
            if (c.observations.empty())
                return emit(nullptr);
            for (const domain::Observation& o : c.observations) {
                ++observations;
                TECHO_TRY(emit(&o));
            }
            return {};
        };
        TECHO_TRY(source.forEachCheckup(visitCheckup));
        TECHO_TRY(close(csv, "checkups.csv"));
        result.counts["checkups"] = checkups;
        result.counts["observations"] = observations;
    }

    if (source.selection().categories.medications) {
        TECHO_ASSIGN(CsvWriter csv, open("dispensings.csv"));
        TECHO_TRY(csv.header({kDispensingColumns, kProvenanceColumns}, ja));
        std::int64_t dispensings = 0;
        std::int64_t lines = 0;
        const auto visitDispensing = [&](const domain::Profile& p, const domain::Dispensing& d) -> Status {
            Row head {exportId("profile", p.id), p.shownName(), exportId("dispensing", d.id),
                std::string(toString(d.kind)), domain::formatDate(d.dispensedOn), text(d.prescribedOn)};
            TECHO_TRY(institution(d.pharmacyId, head));
            TECHO_TRY(institution(d.prescriberId, head));
            head.push_back(text(d.inOut));
            head.push_back(d.supersededBy ? exportId("dispensing", *d.supersededBy) : "");
            ++dispensings;
            const auto emit = [&](const domain::MedicationLine* l) -> Status {
                Row row = head;
                if (l != nullptr) {
                    row.insert(row.end(),
                        {exportId("medication-line", l->id), std::to_string(l->rpNumber), std::to_string(l->lineNumber),
                            l->drugCode, std::string(toString(l->drugCodeSystem)), l->drugName, text(l->ingredientName),
                            text(l->quantity), text(l->unit), text(l->usageText), text(l->specialInstruction),
                            text(l->days), text(l->dosageForm), text(l->claimsCategory)});
                } else {
                    row.resize(row.size() + 14);
                }
                addProvenance(row, d.provenance);
                return csv.row(row);
            };
            if (d.lines.empty())
                return emit(nullptr);
            for (const domain::MedicationLine& l : d.lines) {
                ++lines;
                TECHO_TRY(emit(&l));
            }
            return {};
        };
        TECHO_TRY(source.forEachDispensing(visitDispensing));
        TECHO_TRY(close(csv, "dispensings.csv"));
        result.counts["dispensings"] = dispensings;
        result.counts["medication_lines"] = lines;
    }

    if (source.selection().categories.vaccinations) {
        TECHO_ASSIGN(CsvWriter csv, open("vaccinations.csv"));
        TECHO_TRY(csv.header({kVaccinationColumns, kProvenanceColumns}, ja));
        std::int64_t vaccinations = 0;
        const auto visitVaccination = [&](const domain::Profile& p, const domain::Vaccination& v) -> Status {
            Row row {exportId("profile", p.id), p.shownName(), exportId("vaccination", v.id),
                domain::formatDate(v.occurredOn), v.vaccineName, v.vaccineCode, text(v.vaccineCodeSystem),
                text(v.targetDisease), text(v.doseNumber), text(v.lotNumber), text(v.manufacturer)};
            TECHO_TRY(institution(v.facilityId, row));
            row.insert(row.end(), {text(v.municipalityCode), text(v.site), std::string(toString(v.status))});
            addProvenance(row, v.provenance);
            ++vaccinations;
            return csv.row(row);
        };
        TECHO_TRY(source.forEachVaccination(visitVaccination));
        TECHO_TRY(close(csv, "vaccinations.csv"));
        result.counts["vaccinations"] = vaccinations;
    }

    if (source.selection().categories.self) {
        // Self-recorded measurements arrive with a later issue: the file and its columns are already fixed.
        TECHO_ASSIGN(CsvWriter csv, open("measurements.csv"));
        TECHO_TRY(csv.header({kMeasurementColumns, kProvenanceColumns}, ja));
        TECHO_TRY(close(csv, "measurements.csv"));
        result.counts["measurements"] = 0;
    }
    result.counts["institutions"] = static_cast<std::int64_t>(source.institutionsSeen().size());
    return result;
}

Result<CsvZipResult> writeCsvZip(ExportSource& source, const ExportRequest& request, StagedOutput& zipFile)
{
    // The CSV files first, as the folder export writes them: the archive's entries are these very bytes.
    TECHO_ASSIGN(StagedOutput folder, StagedOutput::create(request.outPath, StagedOutput::Kind::Folder));
    TECHO_ASSIGN(CsvExportResult written, writeCsvExport(source, request, folder));

    const std::string& zipPath = zipFile.stagingPath();
    int code = 0;
    // The staged file exists (empty): ZIP_TRUNCATE makes it a new archive. zip_close writes a temporary file beside it
    // and renames it over the staged file, which publish() then moves to the target.
    ZipArchive archive(zip_open(zipPath.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code));
    if (!archive) {
        zip_error_t error;
        zip_error_init_with_code(&error, code);
        Error failure = zipError("cannot create the zip archive", &error);
        zip_error_fini(&error);
        return failure;
    }
    const std::time_t entryTime = zipEntryTime();
    for (const auto& [name, sha] : written.fileSha256) { // byte order of the names: a stable order of entries
        const std::string path = folder.stagingPath() + "/" + name;
        ZipSource entry(zip_source_file(archive.get(), path.c_str(), 0, -1));
        if (!entry)
            return zipError("cannot read " + name, zip_get_error(archive.get()));
        const zip_int64_t index = zip_file_add(archive.get(), name.c_str(), entry.get(), ZIP_FL_ENC_UTF_8);
        if (index < 0)
            return zipError("cannot add " + name + " to the zip archive", zip_get_error(archive.get()));
        (void)entry.release(); // the archive owns it now
        const auto at = static_cast<zip_uint64_t>(index);
        if (zip_file_set_mtime(archive.get(), at, entryTime, 0) != 0
            || zip_file_set_external_attributes(
                   archive.get(), at, 0, ZIP_OPSYS_UNIX, static_cast<zip_uint32_t>(S_IFREG | 0600) << 16)
                != 0)
            return zipError("cannot describe " + name + " in the zip archive", zip_get_error(archive.get()));
    }
    if (zip_close(archive.get()) != 0)
        return zipError("cannot write the zip archive", zip_get_error(archive.get()));
    (void)archive.release(); // zip_close freed it

    TECHO_ASSIGN(auto digest, hashAndSync(zipPath));
    CsvZipResult result;
    result.counts = std::move(written.counts);
    result.sha256 = std::move(digest.first);
    result.bytes = digest.second;
    return result;
}

} // namespace techo::exports
