#include "CheckupGenerator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "DataGenerator.h"
#include "Random.h"

namespace techo::sandbox {

namespace {

constexpr std::uint64_t kStreamHealth = 2;
constexpr std::uint64_t kStreamCheckupBase = 0x10000;
constexpr std::uint64_t kStreamTimeline = 0x20001;
constexpr std::uint64_t kFacilityPoolSeed = 0x7E57C4EC;

std::string formatNumber(double value, int decimals)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    return buf;
}

double roundTo(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

bool meets(const Threshold& t, double value, bool male)
{
    const auto limit = t.limit(male);
    if (!limit)
        return false;
    if (t.op == ">=")
        return value >= *limit;
    if (t.op == ">")
        return value > *limit;
    if (t.op == "<=")
        return value <= *limit;
    if (t.op == "<")
        return value < *limit;
    return false;
}

double logistic(double x)
{
    return 1 / (1 + std::exp(-x));
}

double logit(double p)
{
    return std::log(p / (1 - p));
}

// Check digit of a 医療機関コード: the 6 digits 郡市区番号 + 医療機関番号, weights 2,1,2,… from the left,
// digit sums, 10 − (sum mod 10) [I] (reproduces the codes in facilities.json).
char institutionCheckDigit(const std::string& six)
{
    int sum = 0;
    for (std::size_t i = 0; i < six.size(); ++i) {
        const int prod = (six[i] - '0') * (i % 2 == 0 ? 2 : 1);
        sum += prod / 10 + prod % 10;
    }
    return static_cast<char>('0' + (10 - sum % 10) % 10);
}

// A 6-digit 市町村国保 保険者番号: 都道府県番号 (2) + 保険者別番号 (3, here the municipality's own digits) +
// check digit (weights 2,1,2,… from the right, digit sums, 10 − (sum mod 10)) [I]; 千代田区 gives 131011.
std::string kokuhoNumber(const std::string& municipalityCode)
{
    const std::string five = municipalityCode.substr(0, 5);
    int sum = 0;
    for (std::size_t i = 0; i < five.size(); ++i) {
        const int prod = (five[five.size() - 1 - i] - '0') * (i % 2 == 0 ? 2 : 1);
        sum += prod / 10 + prod % 10;
    }
    return five + static_cast<char>('0' + (10 - sum % 10) % 10);
}

// Days on which checkups are not held: 年末年始 and the fixed national holidays (approximate: the moving
// Monday holidays and 振替休日 are not modelled).
bool isHoliday(Date d)
{
    const int m = d.month(), day = d.day();
    if ((m == 1 && day <= 3) || (m == 12 && day >= 29))
        return true;
    static constexpr std::array<std::pair<int, int>, 9> fixed {
        {{2, 11}, {2, 23}, {4, 29}, {5, 3}, {5, 4}, {5, 5}, {8, 11}, {11, 3}, {11, 23}}};
    return std::any_of(fixed.begin(), fixed.end(), [&](const auto& h) { return h.first == m && h.second == day; });
}

// Relative chance that a 健診機関 is open and booked on a weekday (0 = Sunday): weekdays alike, Saturday about
// half (many 健診センター open on Saturdays), Sunday rare.
double weekdayWeight(int weekday)
{
    static constexpr std::array<double, 7> w {0.05, 1.0, 1.0, 1.0, 1.0, 1.0, 0.5};
    return w[static_cast<std::size_t>(weekday)];
}

// Months in which each kind of examinee tends to be booked (weights Jan…Dec): workplace checkups cluster in
// spring and autumn, 市町村国保 ones run June–December.
int drawMonth(Rng& rng, bool workplace)
{
    static constexpr std::array<double, 12> employer {3, 2, 2, 9, 11, 12, 10, 6, 10, 12, 11, 6};
    static constexpr std::array<double, 12> municipal {1, 1, 0.5, 0.5, 4, 12, 14, 12, 13, 14, 13, 8};
    const auto& w = workplace ? employer : municipal;
    double total = 0;
    for (double x : w)
        total += x;
    double r = rng.uniform(0, total);
    for (int m = 0; m < 12; ++m) {
        r -= w[static_cast<std::size_t>(m)];
        if (r < 0)
            return m + 1;
    }
    return 12;
}

// A date near `target` on which a checkup can take place: redraws within ±10 days until the weekday and
// holiday rules accept it, so no day of the week collects the rejected dates.
Date bookDate(Rng& rng, Date target)
{
    for (int attempt = 0; attempt < 40; ++attempt) {
        const Date d = target.plusDays(rng.range(-10, 10));
        if (!isHoliday(d) && rng.chance(weekdayWeight(d.weekday())))
            return d;
    }
    return target;
}

// The pool of 健診機関: the tables' three, then generated 健診センター and local clinics with valid-shaped
// 医療機関コード in 東京都 (都道府県 13, 医科 1). Built from a fixed seed, so every --seed sees the same pool.
std::vector<Institution> facilityPool(const std::vector<Institution>& tables, std::size_t& centreCount)
{
    static const std::array<const char*, 30> prefixes {"あおば", "いずみ", "うみかぜ", "えのき", "おおぞら", "かえで",
        "きぼう", "くすのき", "けやき", "こすもす", "さくら", "しらかば", "すずかけ", "せせらぎ", "たちばな", "つばき",
        "ときわ", "なぎさ", "にじのまち", "のぞみ", "はくちょう", "ひだまり", "ふじみ", "ほたる", "まつば", "みなと",
        "むさしの", "やまぶき", "ゆりのき", "わかくさ"};
    static const std::array<const char*, 4> centreKinds {
        "健診センター", "健康管理センター", "総合健診クリニック", "メディカルプラザ"};
    static const std::array<const char*, 5> clinicKinds {
        "内科クリニック", "内科医院", "ファミリークリニック", "診療所", "総合病院"};
    Rng rng(kFacilityPoolSeed);
    std::vector<Institution> pool = tables;
    auto make = [&](const char* prefix, const char* kind) {
        char six[8];
        std::snprintf(six, sizeof six, "%02d%04d", rng.range(1, 23), rng.range(1, 9999));
        const std::string body = six;
        return Institution {"131" + body + institutionCheckDigit(body), std::string(prefix) + kind, "checkup"};
    };
    for (int i = 0; i < 40; ++i)
        pool.push_back(make(prefixes[static_cast<std::size_t>(i % 30)], centreKinds[static_cast<std::size_t>(i % 4)]));
    centreCount = pool.size();
    for (int i = 0; i < 80; ++i)
        pool.push_back(
            make(prefixes[static_cast<std::size_t>((i * 7) % 30)], clinicKinds[static_cast<std::size_t>(i % 5)]));
    return pool;
}

// A stationary AR(1) series with N(0, 1) margins and year-to-year correlation rho.
struct Ar1 {
    double value = 0, rho = 0;
    void init(Rng& rng, double r)
    {
        rho = r;
        value = rng.normal();
    }
    double step(Rng& rng)
    {
        value = rho * value + std::sqrt(1 - rho * rho) * rng.normal();
        return value;
    }
};

// A latent rank component: a person-level constant (share h of the variance) plus an AR(1) part.
struct Latent {
    double person = 0, h = 0;
    Ar1 ar;
    void init(Rng& rng, double persistence, double rho)
    {
        person = rng.normal();
        h = persistence;
        ar.init(rng, rho);
    }
    double step(Rng& rng) { return std::sqrt(h) * person + std::sqrt(1 - h) * ar.step(rng); }
};

enum class Insurance { Employee, Dependent, Kokuho };

} // namespace

CheckupGenerator::CheckupGenerator(const ReferenceData& ref, std::uint64_t seed, Date today, Date windowStart)
    : m_ref(ref)
    , m_seed(seed)
    , m_today(today)
    , m_windowStart(windowStart)
    , m_norms(CheckupNorms::load(ref.dir))
    , m_facilities(facilityPool(ref.checkupFacilities, m_centreCount))
{ }

// ---- health simulation ------------------------------------------------------------------------

HealthTimeline CheckupGenerator::simulate(const Person& p) const
{
    Rng rng = Rng::derive(m_seed, static_cast<std::uint64_t>(p.index), kStreamHealth);
    Rng life = Rng::derive(m_seed, static_cast<std::uint64_t>(p.index), kStreamTimeline);
    HealthTimeline t;
    const bool male = p.male;
    const int sex = male ? kMale : kFemale;
    const CheckupNorms& n = m_norms;
    const struct {
        const ItemNorm *bmi, *waist, *sbp, *dbp, *tg, *hdl, *ldl, *alt, *ast, *ggt, *hba1c, *fpg, *egfr, *hb,
            *urineProtein, *urineSugar;
    } norm {&n.item("bmi"), &n.item("waist"), &n.item("sbp"), &n.item("dbp"), &n.item("tg"), &n.item("hdl"),
        &n.item("ldl"), &n.item("alt"), &n.item("ast"), &n.item("ggt"), &n.item("hba1c"), &n.item("fpg"),
        &n.item("egfr"), &n.item("hb"), &n.item("urine_protein"), &n.item("urine_sugar")};

    // ---- latent ranks: a shared adiposity factor plus per-item persistent and yearly parts ----
    // Adiposity tracks strongly over a lifetime (mostly a personal constant) and drifts slowly.
    Latent adiposity;
    adiposity.init(rng, 0.75, 0.9);
    Latent bmiL, waistL, sbpL, dbpL, tgL, hdlL, ldlL, altL, astL, ggtL, hba1cL, fpgL, egfrL, hbL, proteinL, sugarL;
    bmiL.init(rng, 0.9, 0.6);
    waistL.init(rng, 0.5, 0.3);
    sbpL.init(rng, 0.55, 0.4);
    dbpL.init(rng, 0.5, 0.3);
    tgL.init(rng, 0.45, 0.3);
    hdlL.init(rng, 0.75, 0.4);
    ldlL.init(rng, 0.7, 0.5);
    altL.init(rng, 0.5, 0.4);
    astL.init(rng, 0.4, 0.3);
    ggtL.init(rng, 0.7, 0.5);
    hba1cL.init(rng, 0.8, 0.6);
    fpgL.init(rng, 0.5, 0.3);
    egfrL.init(rng, 0.85, 0.5);
    hbL.init(rng, 0.8, 0.4);
    proteinL.init(rng, 0.4, 0.2);
    sugarL.init(rng, 0.3, 0.1);
    // Treatment propensities: constant scores compared with the treated share at each age, so treatment,
    // once started, continues (the share only grows with age). Blood pressure and glucose treatment follow the
    // person's own level; lipid treatment barely does (statins bring treated people's LDL back to average).
    const double bpScore = 0.75 * sbpL.person + 0.66 * rng.normal();
    const double glucoseScore = 0.85 * hba1cL.person + 0.53 * rng.normal();
    const double lipidScore = 0.2 * ldlL.person + 0.98 * rng.normal();

    const double height = male ? rng.normal(170.5, 5.8) : rng.normal(157.5, 5.3);
    const double creatSexFactor = male ? 1.0 : 0.739;
    const double ua0 = male ? rng.normal(6.0, 1.1) : rng.normal(4.6, 0.9);
    bool smoker = rng.chance(male ? 0.3 : 0.1);
    const int quitAge = smoker && rng.chance(0.4) ? rng.range(35, 65) : 200;

    // ---- insurance, attendance and place of the yearly checkup ----
    Insurance insurance = Insurance::Kokuho;
    int retireAge = 200;
    double propensity = life.normal();
    if (p.index == 0) {
        insurance = Insurance::Employee; // the demo family's self: an employee who attends every year
        retireAge = 65;
        propensity = 2.5;
    } else if (p.index == 1) {
        insurance = Insurance::Dependent; // the spouse: 被扶養者 until the self retires
        retireAge = 62;
        propensity = 1.0;
    } else {
        const double r = life.uniform();
        if (male)
            insurance = r < 0.7 ? Insurance::Employee : Insurance::Kokuho;
        else
            insurance = r < 0.35 ? Insurance::Employee : (r < 0.7 ? Insurance::Dependent : Insurance::Kokuho);
        if (insurance != Insurance::Kokuho)
            retireAge = life.range(60, 66);
    }
    const Institution* centre = &m_facilities[static_cast<std::size_t>(life.range(0, int(m_centreCount) - 1))];
    auto localClinic = [&]() {
        return &m_facilities[static_cast<std::size_t>(life.range(int(m_centreCount), int(m_facilities.size()) - 1))];
    };
    const Institution* clinic = localClinic();
    int preferredMonthEmployer = drawMonth(life, true), preferredMonthLocal = drawMonth(life, false);
    const int preferredDay = life.range(1, 28);

    auto active = [&t](const std::string& condition, Date on) {
        auto it = t.onset.find(condition);
        return it != t.onset.end() && it->second <= on;
    };
    const Date firstCheckupDay = Date::fromYmd(kFirstFiscalYear, 4, 1);

    for (int year = p.birth.year() + 20; year <= m_today.year(); ++year) {
        // Latent ranks move every year whether or not the person is examined.
        const double f = adiposity.step(rng);
        const double zBmi = 0.85 * f + 0.527 * bmiL.step(rng);
        const double zWaist = 0.9 * zBmi + 0.436 * waistL.step(rng);
        const double zSbp = 0.35 * f + 0.937 * sbpL.step(rng);
        const double zDbp = 0.72 * zSbp + 0.694 * dbpL.step(rng);
        const double zTg = 0.5 * f + 0.866 * tgL.step(rng);
        const double zHdl = 0.45 * f + 0.893 * hdlL.step(rng);
        const double zLdl = 0.15 * f + 0.989 * ldlL.step(rng);
        const double zAlt = 0.55 * f + 0.835 * altL.step(rng);
        const double zAst = 0.7 * zAlt + 0.714 * astL.step(rng);
        const double zGgt = 0.3 * f + 0.954 * ggtL.step(rng);
        const double zHba1c = 0.4 * f + 0.917 * hba1cL.step(rng);
        const double zFpg = 0.8 * zHba1c + 0.6 * fpgL.step(rng);
        const double zEgfr = 0.15 * f + 0.989 * egfrL.step(rng);
        const double zHb = hbL.step(rng);
        const double zProtein = 0.25 * zSbp + 0.2 * zHba1c + 0.94 * proteinL.step(rng);
        const double zSugar = 0.85 * zHba1c + 0.527 * sugarL.step(rng);

        const int age0 = year - p.birth.year();
        const bool employed = age0 < retireAge && insurance != Insurance::Kokuho;
        const bool workplace = employed && insurance == Insurance::Employee;
        // Usual booking month; people sometimes move their checkup to another season.
        if (life.chance(0.12))
            (workplace ? preferredMonthEmployer : preferredMonthLocal) = drawMonth(life, workplace);
        const int month = workplace ? preferredMonthEmployer : preferredMonthLocal;
        const Date date = bookDate(life, Date::fromYmd(year, month, preferredDay));
        const int age = p.birth.ageOn(date);
        if (age < 20)
            continue;
        const double exactAge = age + (date.days - p.birth.plusYears(age).days) / 365.25;

        HealthTimeline::Year y;
        y.date = date;
        y.age = age;
        // Attendance: the year's chance depends on the insurance (workplace checkups are compulsory under 労働
        // 安全衛生法; dependants and 国保 members attend far less) and on a persistent personal propensity, so
        // regular attendees and long gaps both occur. Calibrated to the national 実施率 of about 56 %.
        const double base = workplace ? 0.88 : (employed ? 0.42 : 0.36);
        const bool attends = life.chance(logistic(logit(base) + 1.5 * propensity));
        y.attends = attends && age >= 40 && age <= 74 && date >= firstCheckupDay;
        y.insurerNumber = employed ? p.insurer->code : kokuhoNumber(p.municipality->code);
        if (life.chance(workplace ? 0.08 : 0.06))
            (workplace ? centre : clinic) = workplace
                ? &m_facilities[static_cast<std::size_t>(life.range(0, int(m_centreCount) - 1))]
                : localClinic();
        y.facility = workplace ? centre : clinic;

        // Treatment status (see the scores above).
        auto treated = [&](const char* condition, double score) {
            return score > normalQuantile(1 - std::max(1e-6, n.treatedShare(condition, sex, exactAge)));
        };
        const Date start = date.plusDays(life.range(14, 90));
        auto begin = [&t, start](const std::string& condition) { t.onset.emplace(condition, start); };
        if (treated("bp", bpScore) && !t.onset.count("hypertension"))
            begin("hypertension");
        if (treated("glucose", glucoseScore) && !t.onset.count("diabetes"))
            begin("diabetes");
        if (treated("lipid", lipidScore) && !t.onset.count("dyslipidemia"))
            begin("dyslipidemia");
        y.onBp = active("hypertension", date);
        y.onGlucose = active("diabetes", date);
        y.onLipid = active("dyslipidemia", date);
        y.onUricAcid = active("hyperuricemia", date);
        if (age >= quitAge)
            smoker = false;
        y.smoker = smoker;

        // Values: each item's national distribution for this sex and age, at the person's latent rank.
        auto value = [&](const ItemNorm& item, double z) { return item.value(sex, exactAge, normalCdf(z)); };
        y.height = roundTo(height - (age > 60 ? 0.1 * (age - 60) : 0.0), 1);
        const double h = y.height / 100.0;
        y.weight = roundTo(value(*norm.bmi, zBmi) * h * h, 1);
        y.bmi = roundTo(y.weight / (h * h), 1);
        y.waist = roundTo(value(*norm.waist, zWaist), 1);
        y.sbp = std::round(value(*norm.sbp, zSbp));
        y.dbp = std::round(value(*norm.dbp, zDbp));
        // Pulse pressure below 20 mmHg is rare; when the ranks would give one, take a plausible one instead.
        if (y.dbp > y.sbp - 20)
            y.dbp = y.sbp - 20 - life.range(0, 15);
        y.tg = std::round(value(*norm.tg, zTg));
        y.hdl = std::round(value(*norm.hdl, zHdl));
        y.ldl = std::round(value(*norm.ldl, zLdl));
        y.alt = std::round(value(*norm.alt, zAlt));
        y.ast = std::round(value(*norm.ast, zAst));
        y.ggt = std::round(value(*norm.ggt, zGgt));
        y.hba1c = roundTo(value(*norm.hba1c, zHba1c), 1);
        y.fpg = std::round(value(*norm.fpg, zFpg));
        // eGFR by the JSN equation (194 × Cr^−1.094 × age^−0.287, × 0.739 for women): the creatinine that gives
        // the drawn eGFR, rounded as reported, then the eGFR of that creatinine.
        const double egfrTarget = std::max(5.0, value(*norm.egfr, zEgfr));
        const double ageTerm = std::pow(static_cast<double>(age), -0.287) * creatSexFactor;
        y.creatinine = roundTo(std::pow(egfrTarget / (194 * ageTerm), -1 / 1.094), 2);
        y.egfr = roundTo(194 * std::pow(y.creatinine, -1.094) * ageTerm, 1);
        y.hb = roundTo(value(*norm.hb, zHb), 1);
        y.urineProtein = norm.urineProtein->code(sex, exactAge, normalCdf(zProtein));
        y.urineSugar = norm.urineSugar->code(sex, exactAge, normalCdf(zSugar));
        y.uricAcid = roundTo(ua0 + 0.12 * (y.bmi - 22) + rng.normal(0, 0.4) - (y.onUricAcid ? 2.2 : 0.0), 1);

        // Treatment intensifies when a treated value stays high.
        if (age >= 30) {
            if (y.onBp && !t.bpStep2 && y.sbp >= 150)
                t.bpStep2 = start;
            if (y.onGlucose && !t.glucoseStep2 && y.hba1c >= 7.5)
                t.glucoseStep2 = start;
            if (!t.onset.count("hyperuricemia") && y.uricAcid >= 8.5 && rng.chance(0.5))
                begin("hyperuricemia");
            if (!t.onset.count("gerd") && rng.chance(age >= 40 ? 0.01 : 0.004))
                begin("gerd");
            if (!t.onset.count("insomnia") && rng.chance(age >= 50 ? 0.008 : 0.002))
                begin("insomnia");
            if (!t.onset.count("cv_prevention") && t.onset.count("hypertension") && t.onset.count("diabetes")
                && age >= 60)
                begin("cv_prevention");
        }
        t.years.push_back(y);
    }
    return t;
}

// ---- 特定健診 -----------------------------------------------------------------------------------

std::vector<Checkup> CheckupGenerator::checkups(const Person& p) const
{
    return checkups(p, simulate(p));
}

std::vector<Checkup> CheckupGenerator::checkups(const Person& p, const HealthTimeline& t) const
{
    std::vector<Checkup> out;
    for (const auto& y : t.years) {
        if (!y.attends || !inWindow(y.date))
            continue;
        Rng rng = Rng::derive(m_seed, static_cast<std::uint64_t>(p.index),
            kStreamCheckupBase + static_cast<std::uint64_t>(y.date.year()));
        const int fy = fiscalYear(y.date);
        Checkup c;
        c.date = y.date;
        c.recordId = p.id + "-TKK-" + y.date.compact() + "-10";
        c.facility = y.facility;
        c.insurerNumber = y.insurerNumber;
        auto add = [&c](const CheckupItem& item, std::string value, std::string valueName = {}) {
            c.observations.push_back({&item, std::move(value), std::move(valueName), {}});
        };
        auto pq = [&](const char* key, double value) {
            const CheckupItem& item = m_ref.item(key);
            std::string flag;
            if (value > item.inputMax) {
                value = item.inputMax;
                flag = "H";
            } else if (value < item.inputMin) {
                value = item.inputMin;
                flag = "L";
            }
            c.observations.push_back({&item, formatNumber(value, item.decimals), {}, flag});
        };
        auto cd = [&](const char* key, const std::string& code) {
            const CheckupItem& item = m_ref.item(key);
            const auto it = item.values.find(code);
            add(item, code, it == item.values.end() ? std::string() : it->second);
        };
        const bool fasting = rng.chance(0.8);
        pq("height", y.height);
        pq("weight", y.weight);
        pq("bmi", y.bmi);
        pq("waist", y.waist);
        pq("sbp", y.sbp);
        pq("dbp", y.dbp);
        cd("fasting_state", fasting ? "1" : (rng.chance(0.7) ? "2" : "3"));
        // Until FY2023 one 中性脂肪 code served every sample; 随時中性脂肪 (after a meal) has its own code from FY2024.
        if (fasting || fy < kCasualTgFiscalYear)
            pq("tg_fasting", y.tg);
        else
            pq("tg_casual", std::round(y.tg * rng.uniform(1.05, 1.35)));
        pq("hdl", y.hdl);
        pq("ldl", y.ldl);
        pq("ast", y.ast);
        pq("alt", y.alt);
        pq("ggt", y.ggt);
        if (fasting)
            pq("fpg", y.fpg);
        else if (fy >= kCasualGlucoseFiscalYear)
            pq("casual_glucose", std::round(y.fpg + rng.uniform(0, 20))); // 3.5 h or more after a meal
        if (fy >= kNgspFiscalYear)
            pq("hba1c", y.hba1c);
        else
            pq("hba1c_jds", roundTo((y.hba1c - 0.25) / 1.02, 1)); // NGSP = 1.02 × JDS + 0.25
        cd("urine_sugar", y.urineSugar);
        cd("urine_protein", y.urineProtein);
        if (rng.chance(0.6)) {
            pq("hb", y.hb);
            pq("ht", roundTo(y.hb * 3.0 + rng.normal(0, 0.8), 1));
            pq("rbc", std::round(y.hb * 32 + rng.normal(0, 12)));
        }
        if (rng.chance(0.8)) {
            pq("creatinine", y.creatinine);
            pq("egfr", y.egfr);
        }
        if (rng.chance(0.7))
            pq("uric_acid", y.uricAcid);
        cd("med_bp", y.onBp ? "1" : "2");
        cd("med_glucose", y.onGlucose ? "1" : "2");
        cd("med_lipid", y.onLipid ? "1" : "2");
        cd("smoking", y.smoker ? "1" : "2");

        // メタボ判定 (2008 criteria) and 階層化 (display only, simplified).
        const bool waistHigh = y.waist >= (p.male ? 85 : 90);
        const bool riskBp = y.sbp >= 130 || y.dbp >= 85 || y.onBp;
        const bool riskGlucose = y.fpg >= 110 || y.hba1c >= 6.0 || y.onGlucose;
        const bool riskLipid = y.tg >= 150 || y.hdl < 40 || y.onLipid;
        const int risks = int(riskBp) + int(riskGlucose) + int(riskLipid);
        cd("metabo", waistHigh ? (risks >= 2 ? "1" : (risks == 1 ? "2" : "3")) : "3");
        std::string level = "3";
        if (!y.onBp && !y.onGlucose && !y.onLipid) {
            const int r2 = int(y.fpg >= 100 || y.hba1c >= 5.6) + int(y.tg >= 150 || y.hdl < 40)
                + int(y.sbp >= 130 || y.dbp >= 85);
            const int withSmoke = r2 + (r2 > 0 && y.smoker ? 1 : 0);
            if (waistHigh)
                level = withSmoke >= 2 ? "1" : (withSmoke == 1 ? "2" : "3");
            else if (y.bmi >= 25)
                level = withSmoke >= 3 ? "1" : (withSmoke >= 1 ? "2" : "3");
            if (level == "1" && y.age >= 65)
                level = "2";
        }
        cd("guidance_level", level);

        // 医師の判断: list the areas at or over the 受診勧奨判定値, else those over 保健指導判定値.
        std::vector<std::string> referral, guidance;
        for (const auto& obs : c.observations) {
            const CheckupItem& item = *obs.item;
            if (item.type != "PQ")
                continue;
            const double v = std::stod(obs.value);
            if (item.referral && meets(*item.referral, v, p.male))
                referral.push_back(item.name);
            else if (item.guidance && meets(*item.guidance, v, p.male))
                guidance.push_back(item.name);
        }
        std::string opinion;
        if (!referral.empty()) {
            opinion = "要医療（";
            for (std::size_t i = 0; i < referral.size(); ++i)
                opinion += (i ? "、" : "") + referral[i];
            opinion += "）";
        } else if (!guidance.empty()) {
            opinion = "要経過観察（";
            for (std::size_t i = 0; i < guidance.size(); ++i)
                opinion += (i ? "、" : "") + guidance[i];
            opinion += "）";
        } else {
            opinion = "異常なし";
        }
        add(m_ref.item("doctor_opinion"), opinion);
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace techo::sandbox
