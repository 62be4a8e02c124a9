#pragma once

#include "core/domain/RecordBatch.h"

#include <QAbstractTableModel>

#include <vector>

namespace techo::ui {

// The rejections of an import, one per row: what (record or value), why (translated, see describeRejectionReason)
// and where in the source (JSON path), with a note when the value already in the vault was kept. Tooltips: the
// item code of a rejected checkup result (its name is shown), the whole JSON path (the view elides it).
class ImportRejectionModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit ImportRejectionModel(QObject* parent = nullptr);

    void setRejections(const std::vector<domain::Rejection>& rejections);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<domain::Rejection> m_rejections;
};

} // namespace techo::ui
