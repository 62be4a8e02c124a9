#pragma once

#include "core/clinical/CurrentMedicines.h"
#include "core/domain/Provider.h"

#include <QAbstractTableModel>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace techo::ui {

// The dashboard's "medicines at hand" table: one row per ingredient current today
// (HealthRecordQueries::currentMedicines, newest dispensing first, as core orders them).
// Every column has one line per supply that covers today (CurrentMedicine::supplies: two clinics prescribing one
// ingredient are two lines, each with its own institution and end): the product (the ingredient in the tooltip),
// 用法 and dose ("1日1回朝食後 · 1錠"), supply ("28 days" for 内服, "10 doses" for 屯服, "topical" for 外用), the
// institution (the prescriber, else the pharmacy: 院内処方), and the last day that supply covers (marked as an
// estimate when core estimated it). A row whose ingredient is in an active duplicate finding carries a
// warning icon and text, and DuplicateRole. Holds no vault handle; clear() forgets everything (locking).
class CurrentMedicinesModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { MedicineColumn, UsageColumn, SupplyColumn, InstitutionColumn, UntilColumn, ColumnCount };
    enum Role {
        DuplicateRole = Qt::UserRole + 1, // bool: the ingredient is prescribed twice for the same days
        IngredientKeyRole, // QString: clinical::CurrentMedicine::ingredientKey
    };

    explicit CurrentMedicinesModel(QObject* parent = nullptr);

    // `providers` names the pharmacies and prescribers (ids missing from it show as "unknown institution");
    // `duplicateIngredients` holds the ingredient keys of the active duplicate findings.
    void setMedicines(std::vector<clinical::CurrentMedicine> medicines,
        std::map<std::int64_t, domain::Provider> providers, std::set<std::string> duplicateIngredients);
    void clear();

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    [[nodiscard]] QString institutionText(const clinical::MedicineSupply& supply) const;

    std::vector<clinical::CurrentMedicine> m_medicines;
    std::map<std::int64_t, domain::Provider> m_providers;
    std::set<std::string> m_duplicates;
};

} // namespace techo::ui
