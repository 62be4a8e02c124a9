// Tests the sandbox generator in-process over a large population (4,000 people × 40 years): the
// vaccination schedule's own rules (定期接種実施要領 intervals, age windows, product eras, MR 2期,
// same-day visits, corrections, adult programmes), realistic dispensings (pediatric forms by weight,
// irregular refills, 院内, both branches, same-day prescriptions, name spellings) and the API's real
// element names, plus the option that omits invented fields. The rules are restated here on purpose,
// independently of VaccinationGenerator.cpp's tables.

#include "tests/support/SandboxProcess.h"

#include <QTest>

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "DataGenerator.h"

using namespace techo::sandbox;
using nlohmann::ordered_json;

namespace {

constexpr int kPersons = 4000;
constexpr int kYears = 40;

struct PersonData {
    Person person;
    std::vector<Vaccination> vaccinations;
    std::vector<Dispensing> dispensings;
};

// Completed months of age in the law's sense: 生後N月に至った日 is the day before the birth date's day
// N months later (the month's last day when there is none), so born 15 Aug → 3 months on 14 Nov.
int ageMonths(Date birth, Date on)
{
    int months = (on.year() - birth.year()) * 12 + on.month() - birth.month() + 1;
    while (months > 0 && birth.plusMonths(months).plusDays(-1) > on)
        --months;
    return months;
}

// Elementary school starts on 1 April after the 6th birthday; a child born 2–1 April… is in the cohort
// of 2 April – 1 April (学校教育法 第17条, 年齢計算ニ関スル法律).
Date schoolStart(Date birth)
{
    const bool early = birth.month() < 4 || (birth.month() == 4 && birth.day() == 1);
    return Date::fromYmd(birth.year() + (early ? 6 : 7), 4, 1);
}

// The routine series a vaccine counts for (by product key in vaccines.json).
std::string seriesOf(const Vaccination& v)
{
    const std::string& k = v.vaccine->key;
    if (k == "dpt" || k == "dpt_ipv" || k == "dpt_ipv_hib")
        return "dtp";
    if (k == "pcv13" || k == "pcv15" || k == "pcv20")
        return "pcv";
    if (k == "mr")
        return v.target.empty() ? "mr" : "rubella5";
    if (k == "varicella")
        return v.target.empty() ? "varicella" : "zoster";
    if (k == "hpv4" || k == "hpv9")
        return "hpv";
    return k;
}

std::map<std::string, std::vector<const Vaccination*>> bySeries(const PersonData& d)
{
    std::map<std::string, std::vector<const Vaccination*>> out;
    for (const auto& v : d.vaccinations)
        if (!v.deleted)
            out[seriesOf(v)].push_back(&v);
    return out;
}

std::string describe(const PersonData& d, const Vaccination& v, const std::string& rule)
{
    return d.person.id + " born " + d.person.birth.iso() + ": " + v.vaccine->key + " #" + std::to_string(v.dose)
        + " on " + v.date.iso() + " breaks " + rule;
}

std::set<std::string> keysDeep(const ordered_json& j)
{
    std::set<std::string> out;
    std::function<void(const ordered_json&)> walk = [&](const ordered_json& x) {
        if (x.is_object())
            for (auto it = x.begin(); it != x.end(); ++it) {
                out.insert(it.key());
                walk(it.value());
            }
        else if (x.is_array())
            for (const auto& e : x)
                walk(e);
    };
    walk(j);
    return out;
}

std::size_t onBody(char* data, std::size_t size, std::size_t n, void* user)
{
    static_cast<std::string*>(user)->append(data, size * n);
    return size * n;
}

// A plain libcurl call to the sandbox's control API; returns the body ("" on failure).
std::string call(const techo::test::SandboxProcess& s, const std::string& method, const std::string& path,
    const std::string& body = {})
{
    std::string out;
    CURL* curl = curl_easy_init();
    const std::string url = s.baseUrl().toStdString() + path;
    const std::string ca = s.caFile().toStdString();
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");
    curl_easy_setopt(curl, CURLOPT_CAINFO, ca.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
    if (method == "POST")
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &out);
    const CURLcode rc = curl_easy_perform(curl);
    curl_easy_cleanup(curl);
    return rc == CURLE_OK ? out : std::string();
}

} // namespace

class TestScheduleRealism : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ReferenceData> m_ref;
    std::unique_ptr<DataGenerator> m_gen;
    std::vector<PersonData> m_people;

    ordered_json render(InfoKind kind, const Person& p, bool omitInvented = false) const
    {
        PageRequest r;
        r.pageSize = 1000000;
        r.omitInvented = omitInvented;
        return m_gen->page(kind, p, r).data;
    }

private slots:
    void initTestCase()
    {
        m_ref = std::make_unique<ReferenceData>(ReferenceData::load(TECHO_SANDBOX_DATA_DIR));
        m_gen = std::make_unique<DataGenerator>(*m_ref, GeneratorConfig {1, kPersons, kYears});
        for (int i = 0; i < kPersons; ++i) {
            PersonData d {m_gen->person(i), {}, {}};
            d.vaccinations = m_gen->vaccinations(d.person);
            d.dispensings = m_gen->dispensings(d.person);
            m_people.push_back(std::move(d));
        }
    }

    // Every routine dose respects its series' legal minimum interval and age window. "N日以上の間隔"
    // means N clear days between two doses (next ≥ previous + N + 1).
    void vaccinationIntervalsNeverBelowTheLegalMinimum()
    {
        long checked = 0;
        for (const auto& d : m_people) {
            const Date birth = d.person.birth;
            const auto series = bySeries(d);
            auto gapOk = [&](const std::string& s, int clearDays) {
                const auto it = series.find(s);
                if (it == series.end())
                    return;
                for (std::size_t i = 1; i < it->second.size(); ++i) {
                    const Vaccination& a = *it->second[i - 1];
                    const Vaccination& b = *it->second[i];
                    QVERIFY2(b.date.days - a.date.days >= clearDays + 1,
                        describe(d, b, std::to_string(clearDays) + "日以上").c_str());
                    ++checked;
                }
            };
            gapOk("hepb", 27);
            gapOk("rota", 27);
            gapOk("hib", 27);
            gapOk("pcv", 27);
            gapOk("dtp", 20);
            gapOk("je", 6);
            gapOk("opv", 41);
            auto each = [&](const std::string& s, const std::function<void(std::size_t, const Vaccination&)>& f) {
                const auto it = series.find(s);
                if (it != series.end())
                    for (std::size_t i = 0; i < it->second.size(); ++i)
                        f(i, *it->second[i]);
            };
            each("hepb", [&](std::size_t i, const Vaccination& v) {
                QVERIFY2(v.date < birth.plusYears(1), describe(d, v, "B型肝炎: 1歳に至るまで").c_str());
                if (i == 2)
                    QVERIFY2(v.date.days - series.at("hepb")[0]->date.days >= 140,
                        describe(d, v, "B型肝炎 3回目: 1回目から139日以上").c_str());
            });
            each("rota", [&](std::size_t i, const Vaccination& v) {
                const int days = v.date.days - birth.days;
                QVERIFY2(days >= 42 && days < (i == 0 ? 105 : 168), describe(d, v, "ロタ: 6週–14週6日 / 24週").c_str());
            });
            each("hib", [&](std::size_t i, const Vaccination& v) {
                QVERIFY2(ageMonths(birth, v.date) >= 2 && ageMonths(birth, v.date) < 60,
                    describe(d, v, "ヒブ: 生後2–60月").c_str());
                if (i > 0 && ageMonths(birth, v.date) >= 12) // 追加: 初回終了後7月以上
                    QVERIFY2(series.at("hib")[i - 1]->date.plusMonths(7) <= v.date,
                        describe(d, v, "ヒブ追加: 7月以上").c_str());
            });
            each("pcv", [&](std::size_t i, const Vaccination& v) {
                QVERIFY2(ageMonths(birth, v.date) >= 2 && ageMonths(birth, v.date) < 60,
                    describe(d, v, "小児肺炎球菌: 生後2–60月").c_str());
                if (i > 0 && ageMonths(birth, v.date) >= 24) // only 追加 after 24 months: 60日以上
                    QVERIFY2(v.date.days - series.at("pcv")[i - 1]->date.days >= 61,
                        describe(d, v, "小児肺炎球菌追加: 60日以上").c_str());
            });
            each("dtp", [&](std::size_t i, const Vaccination& v) {
                const int months = ageMonths(birth, v.date);
                const int minMonths = v.date < Date::fromYmd(2023, 4, 1) ? 3 : 2;
                QVERIFY2(months >= minMonths && months < 90, describe(d, v, "1期: 生後2(3)–90月").c_str());
                if (i == 3)
                    QVERIFY2(series.at("dtp")[2]->date.plusMonths(6) <= v.date,
                        describe(d, v, "1期追加: 初回終了後6月以上").c_str());
                // 五種混合 is also a ヒブ dose: 27日以上 after the last ヒブ.
                if (v.vaccine->key == "dpt_ipv_hib" && series.count("hib"))
                    for (const Vaccination* h : series.at("hib"))
                        if (h->date < v.date)
                            QVERIFY2(
                                v.date.days - h->date.days >= 28, describe(d, v, "五種: ヒブから27日以上").c_str());
            });
            each("varicella", [&](std::size_t i, const Vaccination& v) {
                QVERIFY2(ageMonths(birth, v.date) >= 12 && ageMonths(birth, v.date) < 36,
                    describe(d, v, "水痘: 生後12–36月").c_str());
                if (i == 1)
                    QVERIFY2(series.at("varicella")[0]->date.plusMonths(3) <= v.date,
                        describe(d, v, "水痘: 3月以上").c_str());
            });
            each("je", [&](std::size_t i, const Vaccination& v) {
                if (i == 2)
                    QVERIFY2(
                        series.at("je")[1]->date.plusMonths(6) <= v.date, describe(d, v, "日本脳炎1期追加").c_str());
            });
            each("bcg", [&](std::size_t, const Vaccination& v) {
                QVERIFY2(v.date < birth.plusYears(1), describe(d, v, "BCG: 1歳に至るまで").c_str());
            });
            // Two different 注射生ワクチン (MR, 水痘) on different days: 27日以上 apart.
            std::vector<const Vaccination*> live;
            for (const char* s : {"mr", "varicella"})
                if (series.count(s))
                    live.insert(live.end(), series.at(s).begin(), series.at(s).end());
            for (const Vaccination* a : live)
                for (const Vaccination* b : live)
                    if (a->vaccine != b->vaccine && a->date < b->date && b->date >= Date::fromYmd(2020, 10, 1))
                        QVERIFY2(
                            b->date.days - a->date.days >= 28, describe(d, *b, "注射生ワクチン間 27日以上").c_str());
        }
        qInfo("interval pairs checked: %ld", checked);
        QVERIFY(checked > 5000);
    }

    // MR 2期 is given in the year before elementary school, always; 1期 between 12 and 24 months.
    void mrSecondDoseInTheYearBeforeSchool()
    {
        long second = 0;
        for (const auto& d : m_people) {
            for (const auto& v : d.vaccinations) {
                if (v.deleted || seriesOf(v) != "mr")
                    continue;
                const int months = ageMonths(d.person.birth, v.date);
                if (months < 24) {
                    QVERIFY2(months >= 12, describe(d, v, "MR1期: 生後12–24月").c_str());
                    continue;
                }
                const Date school = schoolStart(d.person.birth);
                QVERIFY2(v.date >= school.plusYears(-1) && v.date < school, describe(d, v, "MR2期: 就学前1年").c_str());
                ++second;
            }
        }
        qInfo("MR 2期 doses: %ld, all in the year before school", second);
        QVERIFY(second > 100);
    }

    // 四種混合 → 五種混合: the dose number continues across products (1, 2, 3 then 4), never restarts.
    void dtpDoseNumbersContinueIntoFiveInOne()
    {
        long switched = 0, fiveInOne = 0;
        for (const auto& d : m_people) {
            const auto series = bySeries(d);
            if (!series.count("dtp"))
                continue;
            const auto& doses = series.at("dtp");
            for (std::size_t i = 0; i < doses.size(); ++i) {
                // The window may cut a series' first doses; inside it, numbers run on by one.
                if (i > 0)
                    QVERIFY2(
                        doses[i]->dose == doses[i - 1]->dose + 1, describe(d, *doses[i], "dose continuity").c_str());
                if (doses[i]->vaccine->key == "dpt_ipv_hib") {
                    QVERIFY(doses[i]->date >= Date::fromYmd(2024, 4, 1));
                    ++fiveInOne;
                    if (i > 0 && doses[i - 1]->vaccine->key == "dpt_ipv")
                        ++switched;
                }
            }
        }
        qInfo("五種混合 doses %ld; children switched from 四種 with the dose number continuing: %ld", fiveInOne,
            switched);
        QVERIFY(fiveInOne > 20);
        QVERIFY(switched > 3);
    }

    // COVID-19 primary series: second dose at the label's interval (スパイクバックス 28日, コミナティ 21日).
    void spikevaxSecondDoseAtTheLabelInterval()
    {
        long spikevax = 0;
        for (const auto& d : m_people) {
            const Vaccination* previous = nullptr;
            for (const auto& v : d.vaccinations) {
                if (v.deleted || v.vaccine->target != "COVID-19")
                    continue;
                if (previous && v.dose == 2 && previous->dose == 1 && previous->vaccine == v.vaccine) {
                    const int label = v.vaccine->key == "covid_spikevax" ? 28 : 21;
                    QVERIFY2(v.date.days - previous->date.days >= label, describe(d, v, "label interval").c_str());
                    spikevax += v.vaccine->key == "covid_spikevax" ? 1 : 0;
                }
                previous = &v;
            }
        }
        qInfo("スパイクバックス second doses: %ld", spikevax);
        QVERIFY(spikevax > 50);
    }

    // Several vaccines at one infant visit (同時接種) are the norm, not the exception.
    void infantsGetSeveralVaccinesAtOneVisit()
    {
        long infants = 0, withSameDay = 0;
        for (const auto& d : m_people) {
            if (d.person.birth < Date::fromYmd(2016, 4, 1)) // ヒブ, 肺炎球菌 and B型肝炎 all routine
                continue;
            std::map<int, int> perDay;
            bool infant = false;
            for (const auto& v : d.vaccinations)
                if (!v.deleted && ageMonths(d.person.birth, v.date) < 12) {
                    const std::string s = seriesOf(v);
                    if (s == "hib" || s == "pcv" || s == "hepb" || s == "dtp" || s == "rota") {
                        infant = true;
                        ++perDay[v.date.days];
                    }
                }
            if (!infant)
                continue;
            ++infants;
            for (const auto& [day, n] : perDay)
                if (n >= 3) {
                    ++withSameDay;
                    break;
                }
        }
        qInfo("infants with routine doses: %ld; with a visit of 3+ vaccines: %ld", infants, withSameDay);
        QVERIFY(infants > 50);
        QVERIFY(withSameDay * 2 > infants);
    }

    // A corrected vaccination comes with its original (isDeleted true, its own historyKey), in the same
    // response; historyKeys are unique.
    void correctionsKeepTheDeletedOriginal()
    {
        long corrections = 0;
        std::set<std::string> keys;
        for (const auto& d : m_people) {
            for (const auto& v : d.vaccinations) {
                QVERIFY2(keys.insert(v.historyKey).second, ("duplicate historyKey " + v.historyKey).c_str());
                if (!v.deleted)
                    continue;
                QCOMPARE(v.modificationSeg, std::string("3"));
                bool found = false;
                for (const auto& c : d.vaccinations)
                    found = found
                        || (!c.deleted && c.modificationSeg == "2" && seriesOf(c) == seriesOf(v)
                            && std::abs(c.date.days - v.date.days) <= 3);
                QVERIFY2(found, describe(d, v, "a deleted original needs its correction").c_str());
                ++corrections;
            }
        }
        qInfo("corrections: %ld", corrections);
        QVERIFY(corrections > 100);
        // Both records are in one rendered response.
        for (const auto& d : m_people) {
            const auto deleted = std::find_if(
                d.vaccinations.begin(), d.vaccinations.end(), [](const Vaccination& v) { return v.deleted; });
            if (deleted == d.vaccinations.end())
                continue;
            ordered_json data = render(InfoKind::PmhVac, d.person);
            int originals = 0, corrected = 0;
            for (const auto& im : data["immunizations"]) {
                originals += im["isDeleted"].get<bool>() ? 1 : 0;
                corrected += im["modificationSeg"] == "2" ? 1 : 0;
            }
            QVERIFY(originals >= 1);
            QCOMPARE(originals, corrected);
            break;
        }
    }

    // Records transcribed from paper ledgers have no vaccineCode: the name is then all that tells two
    // same-day vaccinations apart, and such days exist.
    void uncodedRecordsExistOnSharedDays()
    {
        long uncoded = 0, uncodedSameDay = 0;
        for (const auto& d : m_people) {
            std::map<int, std::set<std::string>> namesByDay;
            for (const auto& v : d.vaccinations)
                if (!v.coded) {
                    ++uncoded;
                    namesByDay[v.date.days].insert(v.vaccine->name);
                }
            for (const auto& [day, names] : namesByDay)
                uncodedSameDay += names.size() >= 2 ? 1 : 0;
        }
        qInfo("uncoded vaccinations %ld; days with 2+ uncoded vaccines %ld", uncoded, uncodedSameDay);
        QVERIFY(uncoded > 100);
        QVERIFY(uncodedSameDay > 10);
        for (const auto& d : m_people) {
            if (std::none_of(
                    d.vaccinations.begin(), d.vaccinations.end(), [](const Vaccination& v) { return !v.coded; }))
                continue;
            ordered_json data = render(InfoKind::PmhVac, d.person);
            QVERIFY(std::any_of(data["immunizations"].begin(), data["immunizations"].end(),
                [](const ordered_json& im) { return !im.contains("vaccineCode") && im.contains("vaccineName"); }));
            break;
        }
    }

    // 風しん第5期 (men born 1962-04-02 – 1979-04-01, 2019-04 – 2025-03), 帯状疱疹 only from FY2025 at the
    // eligible ages, 高齢者肺炎球菌 in the fiscal year of the 65th birthday.
    void adultRoutineProgrammesOccurInTheirEra()
    {
        long rubella = 0, zoster = 0, ppsv = 0;
        for (const auto& d : m_people) {
            for (const auto& v : d.vaccinations) {
                if (v.deleted)
                    continue;
                const std::string s = seriesOf(v);
                const Date b = d.person.birth;
                if (s == "rubella5") {
                    QVERIFY2(d.person.male && b >= Date::fromYmd(1962, 4, 2) && b <= Date::fromYmd(1979, 4, 1)
                            && v.date >= Date::fromYmd(2019, 4, 1) && v.date <= Date::fromYmd(2025, 3, 31),
                        describe(d, v, "風しん第5期").c_str());
                    ++rubella;
                } else if (s == "zoster" || v.vaccine->key == "shingrix") {
                    const int fy = v.date.month() >= 4 ? v.date.year() : v.date.year() - 1;
                    const int age = b.ageOn(Date::fromYmd(fy + 1, 3, 31));
                    const bool firstDose = v.dose == 1;
                    QVERIFY2(v.date >= Date::fromYmd(2025, 4, 1), describe(d, v, "帯状疱疹: from FY2025").c_str());
                    if (firstDose)
                        QVERIFY2(age == 65 || (age >= 70 && age <= 100 && age % 5 == 0) || (fy == 2025 && age > 100),
                            describe(d, v, "帯状疱疹: eligible age").c_str());
                    ++zoster;
                } else if (s == "ppsv23") {
                    const int fy = v.date.month() >= 4 ? v.date.year() : v.date.year() - 1;
                    QCOMPARE(b.ageOn(Date::fromYmd(fy + 1, 3, 31)), 65);
                    ++ppsv;
                }
            }
        }
        qInfo("風しん第5期 %ld, 帯状疱疹 %ld, 高齢者肺炎球菌 %ld", rubella, zoster, ppsv);
        QVERIFY(rubella > 10);
        QVERIFY(zoster > 10);
        QVERIFY(ppsv > 50);
    }

    // Missed doses are caught up later inside the window, not dropped for everyone nor given on time.
    void missedDosesAreCaughtUp()
    {
        long late = 0;
        for (const auto& d : m_people) {
            const auto series = bySeries(d);
            for (const char* s : {"hib", "pcv", "hepb", "dtp"}) {
                if (!series.count(s))
                    continue;
                const auto& doses = series.at(s);
                for (std::size_t i = 1; i < doses.size() && i < 3; ++i)
                    if (doses[i]->date.days - doses[i - 1]->date.days > 60)
                        ++late;
            }
        }
        qInfo("初回 doses caught up more than 60 days after the previous: %ld", late);
        QVERIFY(late > 20);
    }

    // Children under 2 get powders, dry syrups, syrups, tapes and suppositories, never tablets or
    // capsules, with amounts that grow with body weight.
    void smallChildrenGetPediatricFormsDosedByWeight()
    {
        long lines = 0;
        std::map<int, std::pair<double, int>> mucodyneByYear; // age in years → (sum g/day, n)
        for (const auto& d : m_people) {
            for (const auto& disp : d.dispensings) {
                const int age = d.person.birth.ageOn(disp.date);
                for (const auto& l : disp.lines) {
                    if (age < 2) {
                        QVERIFY2(l.drug->unit != "錠" && l.drug->unit != "カプセル",
                            (d.person.id + " got " + l.drug->name + " at age " + std::to_string(age)).c_str());
                        ++lines;
                    }
                    if (l.drug->key == "mucodyne_ds" && age < 6) {
                        mucodyneByYear[age].first += l.qty;
                        ++mucodyneByYear[age].second;
                    }
                }
            }
        }
        qInfo("lines for children under 2: %ld", lines);
        QVERIFY(lines > 100);
        QVERIFY(mucodyneByYear.count(0) && mucodyneByYear.count(5));
        const double infant = mucodyneByYear[0].first / mucodyneByYear[0].second;
        const double five = mucodyneByYear[5].first / mucodyneByYear[5].second;
        qInfo("ムコダインDS mean g/day: age 0 %.2f, age 5 %.2f", infant, five);
        QVERIFY(five > 1.5 * infant);
    }

    // Real feeds: decimal Qua1, units beyond 錠/枚, 院内 dispensing, the same dispensing in claims and
    // 電子処方箋, two clinics' prescriptions at one pharmacy on one day, refill gaps, stopped drugs.
    void dispensingsShowRealWorldIrregularities()
    {
        std::set<std::string> units;
        long decimals = 0, inHouse = 0, both = 0, sameDayTwoClinics = 0, gaps = 0, stopped = 0, insulin = 0;
        for (const auto& d : m_people) {
            std::map<std::pair<std::string, int>, std::set<std::string>> prescribersAt;
            std::map<std::string, std::vector<Date>> datesOf;
            for (const auto& disp : d.dispensings) {
                if (disp.inHouse) {
                    ++inHouse;
                    QVERIFY(!disp.eRx);
                    QCOMPARE(disp.pharmacy, disp.prescriber);
                }
                both += disp.claims && disp.eRx ? 1 : 0;
                prescribersAt[{disp.pharmacy->code, disp.date.days}].insert(disp.prescriber->code);
                for (const auto& l : disp.lines) {
                    units.insert(l.drug->unit);
                    decimals += l.qty != static_cast<double>(static_cast<long>(l.qty)) ? 1 : 0;
                    insulin += l.drug->form == "注射" ? 1 : 0;
                    if (l.meTrIdCl == "21" && l.times >= 28)
                        datesOf[l.drug->key].push_back(disp.date);
                }
            }
            for (const auto& [key, prescribers] : prescribersAt)
                sameDayTwoClinics += prescribers.size() >= 2 ? 1 : 0;
            for (const auto& [drug, dates] : datesOf) {
                for (std::size_t i = 1; i < dates.size(); ++i)
                    gaps += dates[i].days - dates[i - 1].days > 120 ? 1 : 0;
                // Stopped: the last refill of this drug is more than a year before the person's last one.
                if (!dates.empty() && dates.back().days < d.dispensings.back().date.days - 365)
                    ++stopped;
            }
        }
        qInfo("decimal Qua1 %ld, 院内 %ld, in both branches %ld, two clinics at one pharmacy on one day %ld, "
              "refill gaps >120 d %ld, stopped chronic drugs %ld, insulin lines %ld",
            decimals, inHouse, both, sameDayTwoClinics, gaps, stopped, insulin);
        for (const char* unit : {"錠", "枚", "g", "mL", "カプセル", "個", "キット"})
            QVERIFY2(units.count(unit), unit);
        QVERIFY(decimals > 100);
        QVERIFY(inHouse > 100);
        QVERIFY(both > 20);
        QVERIFY(sameDayTwoClinics > 20);
        QVERIFY(gaps > 100);
        QVERIFY(stopped > 50);
        QVERIFY(insulin > 20);
    }

    // Every drug code sent is one of resources/sandbox/drugs.json (real, or a marked placeholder).
    void drugCodesComeFromTheTables()
    {
        std::ifstream in(std::string(TECHO_SANDBOX_DATA_DIR) + "/drugs.json");
        const auto table = nlohmann::json::parse(in);
        std::set<std::string> codes;
        for (const auto& drug : table["drugs"])
            codes.insert(drug["drugc"].get<std::string>());
        for (int i = 0; i < 300; ++i) {
            ordered_json data = render(InfoKind::Yzk, m_people[static_cast<std::size_t>(i)].person);
            std::function<void(const ordered_json&)> walk = [&](const ordered_json& x) {
                if (x.is_object()) {
                    for (auto it = x.begin(); it != x.end(); ++it) {
                        if (it.key() == "DrugC" || it.key() == "CzDrugC" || it.key() == "ShDrugC")
                            QVERIFY2(codes.count(it.value().get<std::string>()), it.value().dump().c_str());
                        walk(it.value());
                    }
                } else if (x.is_array()) {
                    for (const auto& e : x)
                        walk(e);
                }
            };
            walk(data);
        }
    }

    // The real element names: TKK KanasName; YZK DiOrg/PrIsOrg, Cz…-prefixed 調剤 and Sh…-prefixed
    // 処方情報 branches, ResultCode; PMH basicFiveInfo with address and modificationSeg; pharmacy names
    // spelt differently between branches; qualitative urine results in several spellings.
    void apiShapeUsesTheRealElementNames()
    {
        ordered_json tkk = render(InfoKind::Tkk, m_people[0].person);
        QVERIFY(tkk["QualificationsInfo"].contains("KanasName"));
        QVERIFY(!tkk["QualificationsInfo"].contains("KanaName"));
        QVERIFY(tkk["ResultCode"] == "1");

        long czDates = 0, shDates = 0, renamed = 0, claimsRows = 0;
        std::set<std::string> urineSpellings;
        for (int i = 0; i < 600; ++i) {
            const Person& p = m_people[static_cast<std::size_t>(i)].person;
            ordered_json yzk = render(InfoKind::Yzk, p);
            QVERIFY(yzk["ResultCode"] == "1");
            std::map<std::string, std::string> claimsName;
            for (const auto& m : yzk["MeTrMonthInfs"]) {
                QVERIFY(m.contains("DiOrg") && m.contains("PrIsOrg") && m.contains("InOut"));
                claimsName[m["MeTrDiHCd"]] = m["MeTrDiHNm"];
                claimsRows += static_cast<long>(m["DiDateInfs"].size());
            }
            for (const auto& m : yzk["CzDiInf"]["CzDiMonthInfs"]) {
                for (const auto& k : keysDeep(m))
                    QVERIFY2(k.rfind("Cz", 0) == 0 || k == "RecordId" || k == "RpNo" || k == "LineNo" || k == "YjCode",
                        k.c_str());
                czDates += static_cast<long>(m["CzDiDateInfs"].size());
                const auto it = claimsName.find(m["CzMeTrDiHCd"]);
                renamed += it != claimsName.end() && it->second != m["CzMeTrDiHNm"] ? 1 : 0;
            }
            for (const auto& m : yzk["ShPrInf"]["ShPrMonthInfs"]) {
                for (const auto& k : keysDeep(m))
                    QVERIFY2(k.rfind("Sh", 0) == 0 || k == "RecordId" || k == "RpNo" || k == "LineNo" || k == "YjCode",
                        k.c_str());
                shDates += static_cast<long>(m["ShPrDateInfs"].size());
            }
            ordered_json t = render(InfoKind::Tkk, p);
            for (const auto& c : t["SpecificHealthCheckupInfos"])
                for (const auto& item : c["HealthCheckupResultAndQuestionInfos"])
                    if (item["Oid"] == "1.2.392.200119.6.2101")
                        urineSpellings.insert(item["DataValue"].get<std::string>());
        }
        qInfo("claims rows %ld, 調剤 (Cz) %ld, 処方 (Sh) %ld, same code spelt differently %ld, urine spellings %zu",
            claimsRows, czDates, shDates, renamed, urineSpellings.size());
        QVERIFY(czDates > 20 && shDates > 20);
        QVERIFY(renamed > 5);
        QVERIFY(urineSpellings.size() >= 6); // codes and at least one text spelling

        ordered_json vac = render(InfoKind::PmhVac, m_people[2].person);
        QVERIFY(
            vac["basicFiveInfo"].contains("address") && !vac["basicFiveInfo"]["address"].get<std::string>().empty());
        QVERIFY(!vac.contains("basicInfo"));
        for (const auto& im : vac["immunizations"])
            QVERIFY(im.contains("historyKey") && im.contains("modificationSeg") && im.contains("isDeleted"));
    }

    // With omitInvented, no invented record-level field is sent anywhere; without it they are.
    void omitInventedFieldsRemovesThemEverywhere()
    {
        const std::set<std::string> invented {
            "RecordId", "CheckupKind", "InsurerNumber", "OutOfRangeFlag", "YjCode", "RpNo", "LineNo"};
        std::set<std::string> withFields, without;
        for (int i = 0; i < 50; ++i) {
            const Person& p = m_people[static_cast<std::size_t>(i)].person;
            for (InfoKind kind : {InfoKind::Tkk, InfoKind::Yzk}) {
                for (const auto& k : keysDeep(render(kind, p, false)))
                    withFields.insert(k);
                for (const auto& k : keysDeep(render(kind, p, true)))
                    without.insert(k);
            }
        }
        for (const auto& field : invented) {
            QVERIFY2(withFields.count(field), field.c_str());
            QVERIFY2(!without.count(field), field.c_str());
        }
        QVERIFY(without.count("EffectiveTime") && without.count("CzDrugC") && without.count("DrugC"));
    }

    // The default family (--persons 3 --years 10), which the import suite and a newcomer see, carries
    // the real-world cases of issue 9 itself.
    void defaultFamilyShowsTheRealWorldCases()
    {
        const DataGenerator family(*m_ref, GeneratorConfig {1, 3, 10});
        PageRequest all;
        all.pageSize = 1000000;
        // P0001: two clinics' prescriptions at one pharmacy on one day, in the claims and 電子処方箋 branches.
        ordered_json yzk = family.page(InfoKind::Yzk, family.person(0), all).data;
        std::map<std::string, std::set<std::string>> claims, dispensed;
        for (const auto& m : yzk["MeTrMonthInfs"])
            for (const auto& d : m["DiDateInfs"])
                claims[m["MeTrDiHCd"].get<std::string>() + d["DiDate"].get<std::string>()].insert(m["PrlsHCd"]);
        for (const auto& m : yzk["CzDiInf"]["CzDiMonthInfs"])
            for (const auto& d : m["CzDiDateInfs"])
                dispensed[m["CzMeTrDiHCd"].get<std::string>() + d["CzDiDate"].get<std::string>()].insert(
                    m["CzPrlsHCd"]);
        auto twoClinics = [](const std::map<std::string, std::set<std::string>>& byDay) {
            return std::any_of(byDay.begin(), byDay.end(), [](const auto& e) { return e.second.size() >= 2; });
        };
        QVERIFY(twoClinics(claims));
        QVERIFY(twoClinics(dispensed));
        // P0002: a corrected vaccination with its deleted original.
        ordered_json vac = family.page(InfoKind::PmhVac, family.person(1), all).data;
        QVERIFY(std::any_of(vac["immunizations"].begin(), vac["immunizations"].end(),
            [](const ordered_json& im) { return im["isDeleted"].get<bool>(); }));
        // P0001: that pharmacy's name is spelt differently in the 電子処方箋 branch (same code).
        std::map<std::string, std::string> names;
        for (const auto& m : yzk["MeTrMonthInfs"])
            names[m["MeTrDiHCd"]] = m["MeTrDiHNm"];
        bool respelt = false;
        for (const auto& m : yzk["CzDiInf"]["CzDiMonthInfs"])
            respelt = respelt || (names.count(m["CzMeTrDiHCd"]) && names[m["CzMeTrDiHCd"]] != m["CzMeTrDiHNm"]);
        QVERIFY(respelt);
        // P0001's checkups spell 尿蛋白/尿糖 as text somewhere (not only the codes 1–5).
        ordered_json tkk = family.page(InfoKind::Tkk, family.person(0), all).data;
        bool text = false;
        for (const auto& c : tkk["SpecificHealthCheckupInfos"])
            for (const auto& item : c["HealthCheckupResultAndQuestionInfos"])
                if (item["Oid"] == "1.2.392.200119.6.2101")
                    text = text || item["DataValue"].get<std::string>().find_first_not_of("12345") != std::string::npos;
        QVERIFY(text);
    }

    // The command-line flag and the runtime toggle reach the server.
    void serverTogglesOmitInventedFields()
    {
        techo::test::SandboxProcess sandbox({QStringLiteral("--omit-invented-fields")});
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        auto state = [&] {
            return nlohmann::json::parse(call(sandbox, "GET", "/_sandbox/options"), nullptr, false)
                .value("omit_invented_fields", false);
        };
        QVERIFY(state());
        QVERIFY(!call(sandbox, "POST", "/_sandbox/options", R"({"omit_invented_fields":false})").empty());
        QVERIFY(!state());
    }
};

QTEST_GUILESS_MAIN(TestScheduleRealism)
#include "TestScheduleRealism.moc"
