#pragma once

#include "ui/RecordView.h"

#include <QPointer>
#include <QWidget>

#include <cstdint>

class QAction;
class QComboBox;
class QLabel;
class QStackedWidget;
class QTableView;
class QTimer;
class QVBoxLayout;

namespace techo::ui {

class CheckupGroupFilter;
class CheckupTableModel;

// The 健診結果 page: the year-by-item table (CheckupTableModel through CheckupGroupFilter) with the group and
// item columns kept in view while the checkups scroll, a group filter, a legend of the judgement symbols, and
// a detail area beside the table for the selected item's trend (setDetailWidget; until one is set, a label
// naming the item). Selecting a row (moving the current cell to another item, or Enter / double-click on it)
// emits trendRequested with the item's logical key. Ctrl+C copies the selected cells as tab-separated text;
// the clipboard is cleared again after kClipboardSeconds if it still holds them (no health data left behind).
// Reads only through session::VaultSession::healthRecords(), once per showProfile (never while painting).
class CheckupResultsView final : public QWidget, public RecordView {
    Q_OBJECT
public:
    static constexpr int kClipboardSeconds = 60;

    explicit CheckupResultsView(QWidget* parent = nullptr);

    void showProfile(session::VaultSession& session, std::int64_t profileId) override;
    void clearRecords() override;

    // Puts `widget` (e.g. the trend chart) in the detail area, replacing the placeholder or a previous widget
    // (which is deleted). The view takes ownership.
    void setDetailWidget(QWidget* widget);

    [[nodiscard]] CheckupTableModel* model() const noexcept { return m_model; }
    [[nodiscard]] CheckupGroupFilter* filter() const noexcept { return m_filter; }
    [[nodiscard]] QTableView* table() const noexcept { return m_table; }
    [[nodiscard]] QComboBox* groupCombo() const noexcept { return m_groups; }
    // The logical key of the current row, "" when none.
    [[nodiscard]] QString currentItemKey() const;
    // Makes the item's row current (showing every group if its group is filtered out); false when the table
    // has no such item.
    bool selectItem(const QString& logicalKey);
    // Copies the selected cells to the clipboard (Ctrl+C); returns the text copied.
    QString copySelection();

Q_SIGNALS:
    // The person selected an item: its clinical::LogicalItem key ("hba1c"). Also emitted after showProfile for
    // the row made current, so the detail area follows the person switcher and reloads after an import.
    void trendRequested(const QString& logicalKey);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuildGroupCombo();
    void applyGroup(int comboIndex);
    void afterLayoutChange();
    void fitColumns();
    void fitFrozenColumns();
    void updateLegend();
    void showMessage(const QString& text);
    void onCurrentChanged(const QModelIndex& current);
    void request(const QString& key);

    CheckupTableModel* m_model = nullptr;
    CheckupGroupFilter* m_filter = nullptr;
    QComboBox* m_groups = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_legend = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_message = nullptr;
    QTableView* m_table = nullptr;
    QVBoxLayout* m_detailLayout = nullptr;
    QPointer<QWidget> m_detail;
    QLabel* m_placeholder = nullptr;
    QTimer* m_clipboardTimer = nullptr;
    QString m_copied;
    bool m_quiet = false; // showProfile is rebuilding: no trendRequested until it is done
    QString m_lastKey; // the key last emitted, so moving along a row does not re-request it
    // How many checkup columns the frozen columns leave room for when the table is narrow.
    static constexpr int kFrozenGivesWayTo = 3;
    // Widths measured by fitColumns: the item column's natural (every name whole, bold) and least (official
    // name and unit whole); the group column's natural and least (its longest word).
    int m_itemNatural = 0;
    int m_itemLeast = 0;
    int m_groupNatural = 0;
    int m_groupLeast = 0;
};

} // namespace techo::ui
