#include "ui/VaccinationsModel.h"

#include "ui/DateText.h"

#include <QStringList>

namespace techo::ui {

VaccinationsModel::VaccinationsModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void VaccinationsModel::setVaccinations(
    std::vector<domain::Vaccination> vaccinations, std::map<std::int64_t, domain::Provider> facilities)
{
    beginResetModel();
    m_vaccinations = std::move(vaccinations);
    m_facilities = std::move(facilities);
    endResetModel();
}

void VaccinationsModel::clear()
{
    setVaccinations({}, {});
}

int VaccinationsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_vaccinations.size());
}

int VaccinationsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VaccinationsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const domain::Vaccination& vaccination = m_vaccinations[std::size_t(index.row())];
    if (role == Qt::ToolTipRole && index.column() != FacilityColumn && index.column() != VaccineColumn) {
        // Every cell names the place, so a view may hide the facility column.
        const QString where = data(index.siblingAtColumn(FacilityColumn), Qt::DisplayRole).toString();
        return where.isEmpty() ? QVariant() : QVariant(tr("Given at %1").arg(where));
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case DateColumn:
        return dateText(vaccination.occurredOn);
    case VaccineColumn: {
        QString name = QString::fromStdString(vaccination.vaccineName);
        if (vaccination.status == domain::VaccinationStatus::NotDone)
            name = tr("%1 (not given)").arg(name);
        if (role == Qt::ToolTipRole) {
            QStringList lines {name};
            if (vaccination.targetDisease && !vaccination.targetDisease->empty())
                lines << tr("Against: %1").arg(QString::fromStdString(*vaccination.targetDisease));
            const QString where = data(index.siblingAtColumn(FacilityColumn), Qt::DisplayRole).toString();
            if (!where.isEmpty())
                lines << tr("Given at %1").arg(where);
            return lines.join(QLatin1Char('\n'));
        }
        return name;
    }
    case DoseColumn:
        return vaccination.doseNumber ? tr("dose %1").arg(*vaccination.doseNumber) : QString();
    case FacilityColumn: {
        if (vaccination.facilityId) {
            const auto it = m_facilities.find(*vaccination.facilityId);
            if (it != m_facilities.end() && !it->second.name.empty())
                return QString::fromStdString(it->second.name);
        }
        if (vaccination.municipalityCode && !vaccination.municipalityCode->empty())
            return tr("municipality %1").arg(QString::fromStdString(*vaccination.municipalityCode));
        return QString();
    }
    default:
        return {};
    }
}

QVariant VaccinationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DateColumn:
        return tr("Date");
    case VaccineColumn:
        return tr("Vaccine");
    case DoseColumn:
        return tr("Dose");
    case FacilityColumn:
        return tr("Where");
    default:
        return {};
    }
}

} // namespace techo::ui
