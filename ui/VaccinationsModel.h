#pragma once

#include "core/domain/Provider.h"
#include "core/domain/Vaccination.h"

#include <QAbstractTableModel>

#include <cstdint>
#include <map>
#include <vector>

namespace techo::ui {

// The dashboard's "latest vaccinations" table, newest first as HealthRecordQueries::latestVaccinations gives
// them. Columns: date (dateText), vaccine (the target disease in the tooltip), dose number, where (the
// facility's name, else the municipality code). A dose recorded as not given says so. Holds no vault handle;
// clear() forgets everything (locking).
class VaccinationsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { DateColumn, VaccineColumn, DoseColumn, FacilityColumn, ColumnCount };

    explicit VaccinationsModel(QObject* parent = nullptr);

    // `facilities` names the facilities (ids missing from it show no name).
    void setVaccinations(
        std::vector<domain::Vaccination> vaccinations, std::map<std::int64_t, domain::Provider> facilities);
    void clear();

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<domain::Vaccination> m_vaccinations;
    std::map<std::int64_t, domain::Provider> m_facilities;
};

} // namespace techo::ui
