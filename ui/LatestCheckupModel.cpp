#include "ui/LatestCheckupModel.h"

#include "core/clinical/ItemCatalog.h"
#include "ui/CheckupText.h"
#include "ui/DateText.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <algorithm>
#include <cmath>

namespace techo::ui {
namespace {

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// Decimal places of a number's shortest form (5.6 → 1, 118 → 0).
int decimalsOf(double value)
{
    const QString text = QString::number(value, 'f', QLocale::FloatingPointShortest);
    const auto dot = text.indexOf(QLatin1Char('.'));
    return dot < 0 ? 0 : int(text.size() - dot - 1);
}

// A difference at the precision of the two values it was made from: 5.6 − 5.3 reads "+0.3", not the
// binary "+0.2999999999999998".
QString deltaText(double delta, double latest, double previous)
{
    const int decimals = std::max(decimalsOf(latest), decimalsOf(previous));
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::round(std::abs(delta) * scale) / scale;
    if (rounded == 0)
        return QStringLiteral("±0");
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return (delta > 0 ? QStringLiteral("+") : QStringLiteral("−")) + locale.toString(rounded, 'f', decimals);
}

// A point's value with its unit as the person reads it ("<5 U/L", "6.0 %", "450 ×10⁴/μL"): the same text as the
// 健診結果 table and the trend chart (CheckupText), so the screens cannot disagree.
QString valueText(const clinical::TrendPoint& point, const clinical::LogicalItem& item)
{
    QString text = CheckupText::valueText(point);
    if (text.isEmpty())
        return LatestCheckupModel::tr("(no value)");
    const QString unit = CheckupText::unitText(item);
    if (point.value && !unit.isEmpty())
        text += QLatin1Char(' ') + unit;
    return text;
}

// Free text and long coded labels (医師の判断, 心電図所見) can be a paragraph: the table shows their start and
// the tooltip all of it. Numbers with their unit are never cut.
QString shortened(const clinical::TrendPoint& point, const QString& text)
{
    constexpr qsizetype kShown = 10; // about the width of "138.5 mmHg" in CJK text
    if (point.value || text.size() <= kShown)
        return text;
    return text.left(kShown - 1) + QStringLiteral("…");
}

QString notJudgedText(clinical::NotJudged reason)
{
    switch (reason) {
    case clinical::NotJudged::NoRule:
        return LatestCheckupModel::tr("— no judgement value");
    case clinical::NotJudged::NoValue:
        return LatestCheckupModel::tr("— no value to judge");
    case clinical::NotJudged::UnknownItem:
    case clinical::NotJudged::UnknownCode:
        return LatestCheckupModel::tr("— unknown result code");
    case clinical::NotJudged::SexNeeded:
        return LatestCheckupModel::tr("— not judged (sex needed)");
    case clinical::NotJudged::BoundSpansBands:
        return LatestCheckupModel::tr("— not judged (value is a bound)");
    }
    return {};
}

bool darkPalette()
{
    const QPalette palette = QGuiApplication::palette();
    return palette.color(QPalette::Base).lightness() < palette.color(QPalette::Text).lightness();
}

// Muted and readable on the palette's base (a darker shade on a light theme, a lighter one on a dark theme);
// a secondary cue next to the text and symbol.
QColor bandColour(clinical::Band band)
{
    const bool dark = darkPalette();
    switch (band) {
    case clinical::Band::Normal:
        return dark ? QColor(0x8f, 0xd1, 0x9e) : QColor(0x2e, 0x6b, 0x3a);
    case clinical::Band::Guidance:
        return dark ? QColor(0xf2, 0xc1, 0x6b) : QColor(0x8a, 0x5a, 0x00);
    case clinical::Band::Referral:
        return dark ? QColor(0xff, 0x9a, 0x8f) : QColor(0xa3, 0x24, 0x1c);
    }
    return {};
}

bool japaneseUi()
{
    return QLocale().language() == QLocale::Japanese;
}

} // namespace

LatestCheckupModel::LatestCheckupModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

QString LatestCheckupModel::groupText(clinical::ItemGroup group)
{
    return CheckupText::groupName(group);
}

QString LatestCheckupModel::itemName(const clinical::LogicalItem& item)
{
    return fromView(japaneseUi() ? item.nameJa : item.nameEn);
}

QString LatestCheckupModel::bandText(clinical::Band band)
{
    switch (band) {
    case clinical::Band::Normal:
        return tr("○ Within reference range");
    case clinical::Band::Guidance:
        return tr("△ Health guidance level");
    case clinical::Band::Referral:
        return tr("▲ See a doctor (referral level)");
    }
    return {};
}

void LatestCheckupModel::setSummary(std::optional<clinical::CheckupSummary> summary)
{
    beginResetModel();
    m_summary = std::move(summary);
    m_rows.clear();
    if (m_summary) {
        std::optional<clinical::ItemGroup> group;
        for (const auto& change : m_summary->items) {
            if (!change.item || change.item->group == clinical::ItemGroup::Questionnaire)
                continue;
            if (change.item->group != group) {
                group = change.item->group;
                m_rows.push_back({group, nullptr});
            }
            m_rows.push_back({std::nullopt, &change});
        }
    }
    endResetModel();
    // The change column's heading names the previous checkup day.
    Q_EMIT headerDataChanged(Qt::Horizontal, ChangeColumn, ChangeColumn);
}

void LatestCheckupModel::clear()
{
    setSummary(std::nullopt);
}

int LatestCheckupModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LatestCheckupModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LatestCheckupModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = m_rows[std::size_t(index.row())];
    if (row.heading) {
        switch (role) {
        case GroupHeadingRole:
            return true;
        case BandRole:
            return -1;
        case Qt::DisplayRole:
            return index.column() == ItemColumn ? groupText(*row.heading) : QVariant();
        case Qt::FontRole: {
            QFont font;
            font.setBold(true);
            return font;
        }
        case Qt::BackgroundRole:
            return QGuiApplication::palette().brush(QPalette::AlternateBase);
        default:
            return {};
        }
    }
    if (role == GroupHeadingRole)
        return false;
    return itemData(*row.change, index.column(), role);
}

QVariant LatestCheckupModel::itemData(const clinical::ItemChange& change, int column, int role) const
{
    const clinical::Judgement& judgement = change.latest.judgement;
    if (role == BandRole)
        return judgement.band ? int(*judgement.band) : -1;
    switch (column) {
    case ItemColumn:
        if (role == Qt::DisplayRole)
            return itemName(*change.item);
        if (role == Qt::ToolTipRole) // the other language's name: the Japanese one is what a result sheet prints
            return fromView(japaneseUi() ? change.item->nameEn : change.item->nameJa);
        break;
    case ValueColumn:
        if (role == Qt::ToolTipRole)
            return valueText(change.latest, *change.item);
        if (role == Qt::DisplayRole)
            return shortened(change.latest, valueText(change.latest, *change.item));
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case JudgementColumn:
        if (role == Qt::DisplayRole)
            return judgement.band ? bandText(*judgement.band)
                                  : notJudgedText(judgement.notJudged.value_or(clinical::NotJudged::NoRule));
        if (role == Qt::ForegroundRole && judgement.band)
            return QBrush(bandColour(*judgement.band));
        if (role == Qt::ForegroundRole)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        if (role == Qt::ToolTipRole) {
            QStringList parts;
            if (judgement.guidance)
                parts << tr("Health guidance level: %1")
                             .arg(CheckupText::thresholdText(*judgement.guidance, change.item));
            if (judgement.referral)
                parts << tr("Referral level: %1").arg(CheckupText::thresholdText(*judgement.referral, change.item));
            const std::string_view citation = clinical::ruleCitation(judgement.source);
            if (!citation.empty())
                parts << fromView(citation);
            return parts.join(QLatin1Char('\n'));
        }
        break;
    case ChangeColumn:
        if (role == Qt::DisplayRole) {
            if (change.delta && change.latest.value && change.previous && change.previous->value)
                return deltaText(*change.delta, *change.latest.value, *change.previous->value);
            if (change.previous) {
                const QString before = valueText(*change.previous, *change.item);
                return before == valueText(change.latest, *change.item)
                    ? tr("unchanged")
                    : tr("was %1").arg(shortened(*change.previous, before));
            }
            return QString();
        }
        if (role == Qt::ToolTipRole && change.previous)
            return tr("Previous checkup (%1): %2")
                .arg(dateText(change.previous->date), valueText(*change.previous, *change.item));
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant LatestCheckupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // The change column is headed "Change"; its tooltip names the previous checkup day (the panel's date line
    // names it too), so the heading stays narrow.
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == ChangeColumn && m_summary
        && m_summary->previousDate)
        return tr("Change since %1").arg(dateText(*m_summary->previousDate));
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ItemColumn:
        return tr("Item");
    case ValueColumn:
        return tr("Result");
    case JudgementColumn:
        return tr("Judgement");
    case ChangeColumn:
        return tr("Change");
    default:
        return {};
    }
}

} // namespace techo::ui
