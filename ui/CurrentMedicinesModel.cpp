#include "ui/CurrentMedicinesModel.h"

#include "ui/DateText.h"

#include <QApplication>
#include <QIcon>
#include <QLocale>
#include <QStringList>
#include <QStyle>

#include <algorithm>

namespace techo::ui {
namespace {

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

QString quantityText(const domain::MedicationLine& line)
{
    if (!line.quantity)
        return {};
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return locale.toString(*line.quantity, 'f', QLocale::FloatingPointShortest) + fromStd(line.unit.value_or(""));
}

// 調剤数量 as a person reads it: 日分 for 内服, 回分 for 屯服, none for 外用.
QString supplyText(const domain::MedicationLine& line)
{
    switch (clinical::supplyKindOf(line)) {
    case clinical::SupplyKind::Daily:
        return line.days ? (*line.days == 1 ? CurrentMedicinesModel::tr("1 day")
                                            : CurrentMedicinesModel::tr("%1 days").arg(*line.days))
                         : QString();
    case clinical::SupplyKind::AsNeeded:
        if (!line.days)
            return CurrentMedicinesModel::tr("as needed");
        return *line.days == 1 ? CurrentMedicinesModel::tr("1 dose, as needed")
                               : CurrentMedicinesModel::tr("%1 doses, as needed").arg(*line.days);
    case clinical::SupplyKind::Topical:
        return CurrentMedicinesModel::tr("external use");
    }
    return {};
}

} // namespace

CurrentMedicinesModel::CurrentMedicinesModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void CurrentMedicinesModel::setMedicines(std::vector<clinical::CurrentMedicine> medicines,
    std::map<std::int64_t, domain::Provider> providers, std::set<std::string> duplicateIngredients)
{
    beginResetModel();
    m_medicines = std::move(medicines);
    m_providers = std::move(providers);
    m_duplicates = std::move(duplicateIngredients);
    endResetModel();
}

void CurrentMedicinesModel::clear()
{
    setMedicines({}, {}, {});
}

int CurrentMedicinesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_medicines.size());
}

int CurrentMedicinesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CurrentMedicinesModel::institutionText(const clinical::MedicineSupply& supply) const
{
    const std::int64_t id = supply.prescriberId.value_or(supply.pharmacyId);
    const auto it = m_providers.find(id);
    return it == m_providers.end() || it->second.name.empty() ? tr("unknown institution") : fromStd(it->second.name);
}

QVariant CurrentMedicinesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const clinical::CurrentMedicine& medicine = m_medicines[std::size_t(index.row())];
    const bool duplicate = m_duplicates.contains(medicine.ingredientKey);
    if (role == DuplicateRole)
        return duplicate;
    if (role == IngredientKeyRole)
        return fromStd(medicine.ingredientKey);
    // One line per supply in every column, in the same order, so a product, its 用法, its prescriber and its end
    // date read across one line (two clinics prescribing the ingredient are two lines, never one merged claim).
    const auto perSupply = [&](const auto& text) {
        QStringList lines;
        for (const clinical::MedicineSupply& supply : medicine.supplies)
            lines << text(supply);
        return lines.join(QLatin1Char('\n'));
    };
    switch (index.column()) {
    case MedicineColumn: {
        QString names = perSupply([](const clinical::MedicineSupply& s) { return fromStd(s.line.drugName); });
        if (names.isEmpty())
            names = fromStd(medicine.ingredient);
        if (role == Qt::DisplayRole)
            return duplicate ? tr("%1 — prescribed twice").arg(names) : names;
        if (role == Qt::DecorationRole && duplicate)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        if (role == Qt::ToolTipRole) {
            QString tip = tr("Ingredient: %1").arg(fromStd(medicine.ingredient));
            if (duplicate)
                tip += QLatin1Char('\n')
                    + tr("Another institution prescribed the same ingredient for the same days (see the warning).");
            return tip;
        }
        break;
    }
    case UsageColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return perSupply([](const clinical::MedicineSupply& s) {
                QStringList parts;
                if (s.line.usageText && !s.line.usageText->empty())
                    parts << fromStd(*s.line.usageText);
                const QString quantity = quantityText(s.line);
                if (!quantity.isEmpty())
                    parts << quantity;
                return parts.join(QStringLiteral(" · "));
            });
        break;
    case SupplyColumn:
        if (role == Qt::DisplayRole)
            return perSupply([](const clinical::MedicineSupply& s) { return supplyText(s.line); });
        if (role == Qt::ToolTipRole)
            return perSupply(
                [](const clinical::MedicineSupply& s) { return tr("Dispensed on %1").arg(dateText(s.dispensedOn)); });
        break;
    case InstitutionColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return perSupply([this](const clinical::MedicineSupply& s) { return institutionText(s); });
        break;
    case UntilColumn:
        if (role == Qt::DisplayRole)
            return perSupply([](const clinical::MedicineSupply& s) {
                return s.untilEstimated ? tr("about %1").arg(dateText(s.until)) : dateText(s.until);
            });
        if (role == Qt::ToolTipRole
            && std::any_of(medicine.supplies.begin(), medicine.supplies.end(),
                [](const clinical::MedicineSupply& s) { return s.untilEstimated; }))
            return tr("The record does not say how long this medicine lasts; Techo counts %1 days from the dispensing.")
                .arg(clinical::MedicationRules {}.asNeededDays);
        break;
    default:
        break;
    }
    return {};
}

QVariant CurrentMedicinesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case MedicineColumn:
        return tr("Medicine");
    case UsageColumn:
        return tr("Directions");
    case SupplyColumn:
        return tr("Supply");
    case InstitutionColumn:
        return tr("Prescribed by");
    case UntilColumn:
        return tr("Lasts until");
    default:
        return {};
    }
}

} // namespace techo::ui
