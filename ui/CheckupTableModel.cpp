#include "ui/CheckupTableModel.h"

#include "core/clinical/ItemCatalog.h"
#include "ui/DateText.h"

#include <QBrush>
#include <QFont>
#include <QLocale>

#include <algorithm>
#include <set>

namespace techo::ui {
namespace {

// The English UI adds an English gloss to the official Japanese name; the Japanese UI shows the name only.
// Decided by the UI locale, as ui/DateText decides the date format, so names and dates switch together.
bool glossNames()
{
    return QLocale().language() != QLocale::Japanese;
}

// Free text and long coded labels (医師の判断, 心電図所見) can be a paragraph: the cell shows its start, the
// tooltip all of it. Numbers are never cut.
QString shortened(const QString& text, qsizetype shown)
{
    return text.size() <= shown ? text : text.left(shown - 1) + QStringLiteral("…");
}

int severityOf(const clinical::Judgement& judgement)
{
    if (judgement.band)
        return int(*judgement.band) + 1; // Normal 1, Guidance 2, Referral 3
    return 0;
}

bool differsBySex(const std::optional<clinical::Threshold>& threshold)
{
    return threshold && threshold->male != threshold->female;
}

} // namespace

CheckupTableModel::CheckupTableModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_colours(BandColours::forPalette(QPalette()))
{ }

void CheckupTableModel::setTable(std::vector<clinical::TrendSeries> series, std::optional<domain::Sex> sex,
    std::map<std::int64_t, domain::Provider> providers, const QPalette& palette)
{
    beginResetModel();
    m_rows.clear();
    m_days.clear();
    m_sex = sex;
    m_providers = std::move(providers);
    m_colours = BandColours::forPalette(palette);

    // Columns: every checkup day of any item, newest first (a series has at most one point per day).
    std::set<domain::Date, std::greater<>> days;
    std::map<domain::Date, std::set<std::int64_t>> facilities;
    for (const auto& s : series) {
        for (const auto& point : s.points) {
            days.insert(point.date);
            if (point.facilityId)
                facilities[point.date].insert(*point.facilityId);
        }
    }
    std::map<domain::Date, int> columnOf;
    for (const auto& date : days) {
        Day day;
        day.date = date;
        const QString when = dateText(date);
        QStringList names;
        for (const auto id : facilities[date])
            names << facilityName(id);
        names.removeAll(QString());
        // Five characters and "…" keep a column about as wide as its date; the tooltip names it in full.
        QString facility = names.isEmpty() ? QString() : shortened(names.front(), 6);
        if (names.size() > 1)
            facility = tr("%1 and %n more", nullptr, int(names.size() - 1)).arg(facility);
        day.header = facility.isEmpty() ? when : when + QLatin1Char('\n') + facility;
        day.tooltip = names.isEmpty() ? when : when + QLatin1Char('\n') + names.join(QLatin1Char('\n'));
        columnOf.emplace(date, int(m_days.size()));
        m_days.push_back(std::move(day));
    }

    const bool gloss = glossNames();
    m_rows.reserve(series.size());
    for (auto& s : series) {
        if (!s.item)
            continue;
        Row row;
        const clinical::LogicalItem& item = *s.item;
        // "HbA1c（NGSP値）（%）" in Japanese; in English the unit stays next to the official name and the gloss
        // comes last, so a narrow column cuts the gloss, never the unit: "HbA1c（NGSP値） (%) · HbA1c (NGSP)".
        const QString official = CheckupText::fromUtf8(item.nameJa);
        const QString unit = CheckupText::unitText(item);
        row.name = official;
        row.display = unit.isEmpty() ? official : tr("%1 (%2)", "item name (unit)").arg(official, unit);
        row.withUnit = row.display;
        if (gloss && CheckupText::glossAddsSomething(item.nameJa, item.nameEn)) {
            const QString english = CheckupText::fromUtf8(item.nameEn);
            row.name = tr("%1 · %2", "official Japanese item name, English gloss").arg(official, english);
            row.display = tr("%1 · %2", "official Japanese item name, English gloss").arg(row.display, english);
        }
        const clinical::JudgementRule rule = clinical::ruleFor(item);
        row.sexSpecific = differsBySex(rule.guidance) || differsBySex(rule.referral);
        row.cells.resize(m_days.size());
        for (std::size_t i = 0; i < s.points.size(); ++i) {
            const clinical::TrendPoint& point = s.points[i];
            Cell& cell = row.cells[std::size_t(columnOf.at(point.date))];
            cell.point = int(i);
            QString value = CheckupText::valueText(point);
            if (!point.value)
                value = shortened(value, 12);
            const clinical::Judgement& judgement = point.judgement;
            cell.severity = severityOf(judgement);
            if (judgement.band) {
                cell.band = int(*judgement.band);
                cell.display = value + QLatin1Char(' ') + CheckupText::bandSymbol(*judgement.band);
                cell.accessible = value + QStringLiteral(", ") + CheckupText::bandName(*judgement.band);
            } else if (judgement.notJudged && *judgement.notJudged != clinical::NotJudged::NoRule) {
                cell.unjudged = true;
                cell.display = value + QLatin1Char(' ') + CheckupText::notJudgedSymbol();
                cell.accessible = value + QStringLiteral(", ") + tr("not judged");
            } else {
                cell.display = value;
                cell.accessible = value;
            }
        }
        row.series = std::move(s);
        m_rows.push_back(std::move(row));
    }
    endResetModel();
}

void CheckupTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_days.clear();
    m_providers.clear();
    m_sex.reset();
    endResetModel();
}

void CheckupTableModel::setPalette(const QPalette& palette)
{
    m_colours = BandColours::forPalette(palette);
    if (!m_rows.empty() && !m_days.empty())
        Q_EMIT dataChanged(index(0, FirstCheckupColumn), index(rowCount() - 1, columnCount() - 1),
            {Qt::ForegroundRole, Qt::BackgroundRole});
}

std::vector<clinical::ItemGroup> CheckupTableModel::groups() const
{
    std::vector<clinical::ItemGroup> result;
    for (const auto& row : m_rows) {
        if (result.empty() || result.back() != row.series.item->group)
            result.push_back(row.series.item->group);
    }
    return result;
}

int CheckupTableModel::rowOfKey(const QString& logicalKey) const
{
    const QByteArray key = logicalKey.toUtf8();
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].series.item->key == std::string_view(key.constData(), std::size_t(key.size())))
            return int(i);
    }
    return -1;
}

QString CheckupTableModel::itemName(const QString& logicalKey) const
{
    const int row = rowOfKey(logicalKey);
    return row < 0 ? QString() : m_rows[std::size_t(row)].name;
}

QString CheckupTableModel::facilityName(std::optional<std::int64_t> id) const
{
    if (!id)
        return {};
    const auto found = m_providers.find(*id);
    return found == m_providers.end() ? QString() : QString::fromStdString(found->second.name);
}

int CheckupTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CheckupTableModel::columnCount(const QModelIndex& parent) const
{
    // The two leading columns exist even when empty, so a view keeps its header between profiles.
    return parent.isValid() ? 0 : FirstCheckupColumn + int(m_days.size());
}

QVariant CheckupTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[std::size_t(index.row())];
    const clinical::LogicalItem& item = *row.series.item;
    switch (role) {
    case LogicalKeyRole:
        return CheckupText::fromUtf8(item.key);
    case GroupRole:
        return int(item.group);
    case OrderRole:
        return index.row();
    default:
        break;
    }
    if (index.column() == GroupColumn) {
        switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole:
        case Qt::ToolTipRole: // a narrow group column elides the name
            return CheckupText::groupName(item.group);
        case SortRole:
            return index.row();
        case Qt::TextAlignmentRole:
            return int(Qt::AlignLeft | Qt::AlignTop);
        default:
            return {};
        }
    }
    if (index.column() == ItemColumn) {
        switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole:
            return row.display;
        case Qt::ToolTipRole:
            return tr("%1\nSelect the row to see its trend.").arg(row.display);
        case NameWithUnitRole:
            return row.withUnit;
        case SortRole:
            return index.row();
        default:
            return {};
        }
    }
    const Cell& cell = row.cells[std::size_t(index.column() - FirstCheckupColumn)];
    switch (role) {
    case Qt::DisplayRole:
        return cell.display;
    case Qt::AccessibleTextRole:
        return cell.point < 0 ? tr("no value") : cell.accessible;
    case Qt::ToolTipRole:
        return cell.point < 0
            ? QVariant()
            : QVariant(cellToolTip(row, cell, m_days[std::size_t(index.column() - FirstCheckupColumn)]));
    case BandRole:
        return cell.band;
    case SortRole:
        return cell.severity;
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (cell.band >= 0)
            return QBrush(m_colours.text[cell.band]);
        if (cell.unjudged)
            return QBrush(m_colours.notJudged);
        return {};
    case Qt::BackgroundRole:
        return cell.band > 0 ? QVariant(QBrush(m_colours.background[cell.band])) : QVariant();
    default:
        return {};
    }
}

QString CheckupTableModel::cellToolTip(const Row& row, const Cell& cell, const Day& day) const
{
    const clinical::TrendPoint& point = row.series.points[std::size_t(cell.point)];
    const clinical::Judgement& judgement = point.judgement;
    const QString unit = CheckupText::unitText(*row.series.item);
    const int decimals = CheckupText::usualDecimals(*row.series.item);
    QStringList lines;
    lines << tr("%1 — %2").arg(row.name, dateText(day.date));
    const QString facility = facilityName(point.facilityId);
    if (!facility.isEmpty())
        lines << facility;
    // The whole value: the cell shows only the start of a long coded or text value.
    QString value = CheckupText::valueText(point);
    if (!unit.isEmpty() && point.value)
        value += QLatin1Char(' ') + unit;
    lines << value;
    if (judgement.band) {
        lines << CheckupText::bandSymbol(*judgement.band) + QLatin1Char(' ') + CheckupText::bandName(*judgement.band);
    } else if (judgement.notJudged) {
        lines << CheckupText::notJudgedText(*judgement.notJudged);
    }
    if (judgement.guidance || judgement.referral) {
        QStringList values;
        if (judgement.guidance)
            values
                << tr("Health guidance level %1").arg(CheckupText::thresholdText(*judgement.guidance, row.series.item));
        if (judgement.referral)
            values << tr("Referral level %1").arg(CheckupText::thresholdText(*judgement.referral, row.series.item));
        QString thresholds = values.join(QStringLiteral(" · "));
        if (row.sexSpecific && m_sex == domain::Sex::Male)
            thresholds = tr("%1 (the values for men)").arg(thresholds);
        else if (row.sexSpecific && m_sex == domain::Sex::Female)
            thresholds = tr("%1 (the values for women)").arg(thresholds);
        lines << thresholds;
    }
    if (point.comparator && point.value)
        lines << tr("Reported as a bound: every value %1.")
                     .arg(CheckupText::comparatorText(*point.comparator)
                         + CheckupText::numberText(*point.value, decimals));
    if (point.origin == clinical::PointOrigin::ConvertedFromJds && point.valueAsSent)
        lines << tr("Converted from the JDS value %1 % (NGSP = 1.02 × JDS + 0.25).")
                     .arg(CheckupText::numberText(*point.valueAsSent, decimals));
    if (point.origin == clinical::PointOrigin::MeanOfReadings)
        lines << tr("The mean of the 1st and 2nd readings of the day.");
    const std::string_view citation = clinical::ruleCitation(judgement.source);
    if (!citation.empty())
        lines << tr("Source: %1").arg(CheckupText::fromUtf8(citation));
    return lines.join(QLatin1Char('\n'));
}

QVariant CheckupTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == GroupColumn || section == ItemColumn) {
        if (role == Qt::DisplayRole)
            return section == GroupColumn ? tr("Group") : tr("Item");
        if (role == Qt::ToolTipRole)
            return tr("Sort in the official order of the 特定健診 result");
        if (role == Qt::InitialSortOrderRole)
            return int(Qt::AscendingOrder);
        return {};
    }
    const Day& day = m_days[std::size_t(section - FirstCheckupColumn)];
    switch (role) {
    case Qt::DisplayRole:
        return day.header;
    case Qt::ToolTipRole:
        return day.tooltip + QLatin1Char('\n') + tr("Click to sort by this checkup's judgements, most serious first");
    case Qt::AccessibleTextRole:
        return day.tooltip;
    case Qt::InitialSortOrderRole:
        // The first click on a checkup puts its 受診勧奨 rows first.
        return int(Qt::DescendingOrder);
    default:
        return {};
    }
}

} // namespace techo::ui
