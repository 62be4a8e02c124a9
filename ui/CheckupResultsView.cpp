#include "ui/CheckupResultsView.h"

#include "ui/CheckupGroupFilter.h"
#include "ui/CheckupTableModel.h"
#include "ui/CheckupText.h"
#include "ui/DateText.h"
#include "ui/ErrorText.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTextDocumentFragment>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>
#include <set>

namespace techo::ui {
namespace {

// The item name of the current cell's row is bold in the frozen columns, so the eye finds which item a value
// belongs to when the years have scrolled far from the names.
class CurrentRowDelegate final : public QStyledItemDelegate {
public:
    CurrentRowDelegate(const QAbstractItemView* view, QObject* parent)
        : QStyledItemDelegate(parent)
        , m_view(view)
    { }

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() == CheckupTableModel::ItemColumn && index.row() == m_view->currentIndex().row())
            option->font.setBold(true);
        // A narrow group column wraps "Body measurements" over the rows of its group (its tooltip has it whole).
        if (index.column() == CheckupTableModel::GroupColumn)
            option->features |= QStyleOptionViewItem::WrapText;
        // A narrow item column drops the English gloss whole rather than cutting it (the tooltip has it).
        if (index.column() == CheckupTableModel::ItemColumn && option->rect.width() > 0) {
            const QFontMetrics metrics(option->font);
            const int room = option->rect.width() - kTextMargin;
            if (metrics.horizontalAdvance(option->text) > room)
                option->text = index.data(CheckupTableModel::NameWithUnitRole).toString();
        }
    }

public:
    // QStyledItemDelegate's text margins (focus frame margin + 1 on each side), the grid line and a little slack.
    static constexpr int kTextMargin = 10;

private:
    const QAbstractItemView* m_view;
};

// A table whose first `frozen` columns stay in place while the others scroll sideways: a second view over the
// same model and selection shows only those columns on top of the first (Qt's "Frozen Column" example). With
// decades of checkups the item names never scroll out of sight.
class FrozenColumnsTable final : public QTableView {
public:
    FrozenColumnsTable(int frozen, QWidget* parent)
        : QTableView(parent)
        , m_frozenCount(frozen)
        , m_frozen(new QTableView(this))
    {
        m_frozen->setObjectName(QStringLiteral("frozenColumns"));
        m_frozen->setFocusPolicy(Qt::NoFocus);
        m_frozen->verticalHeader()->hide();
        m_frozen->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_frozen->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_frozen->setVerticalScrollMode(ScrollPerPixel);
        m_frozen->setFrameShape(QFrame::NoFrame);
        m_frozen->setWordWrap(false);
        m_frozen->setEditTriggers(NoEditTriggers);
        m_frozen->setItemDelegate(new CurrentRowDelegate(this, m_frozen));
        setHorizontalScrollMode(ScrollPerPixel);
        setVerticalScrollMode(ScrollPerPixel);
        viewport()->stackUnder(m_frozen);
        connect(horizontalHeader(), &QHeaderView::sectionResized, this, [this](int section, int, int size) {
            if (section < m_frozenCount) {
                m_frozen->setColumnWidth(section, size);
                updateFrozenGeometry();
            }
        });
        connect(verticalHeader(), &QHeaderView::sectionResized, this,
            [this](int section, int, int size) { m_frozen->setRowHeight(section, size); });
        connect(m_frozen->verticalScrollBar(), &QAbstractSlider::valueChanged, verticalScrollBar(),
            &QAbstractSlider::setValue);
        connect(verticalScrollBar(), &QAbstractSlider::valueChanged, m_frozen->verticalScrollBar(),
            &QAbstractSlider::setValue);
    }

    [[nodiscard]] QTableView* frozen() const noexcept { return m_frozen; }
    // Called after every resize (the splitter moved, the window changed): the frozen columns give way to the
    // checkups.
    void setOnResize(std::function<void()> onResize) { m_onResize = std::move(onResize); }
    // The width a column's cells need (QTableView keeps it protected).
    [[nodiscard]] int cellsWidth(int column) const { return sizeHintForColumn(column); }

    void setModel(QAbstractItemModel* model) override
    {
        QTableView::setModel(model);
        m_frozen->setModel(model);
        m_frozen->setSelectionModel(selectionModel());
        connect(selectionModel(), &QItemSelectionModel::currentRowChanged, m_frozen->viewport(),
            qOverload<>(&QWidget::update));
        for (auto* view : {static_cast<QTableView*>(this), m_frozen}) {
            view->horizontalHeader()->setSortIndicatorClearable(true);
            view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
            view->setSortingEnabled(true);
        }
        // One sort indicator for the two headers (without sorting twice).
        auto sync = [](QHeaderView* to) {
            return [to](int section, Qt::SortOrder order) {
                const QSignalBlocker blocker(to);
                to->setSortIndicator(section, order);
                to->viewport()->update();
            };
        };
        connect(horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, sync(m_frozen->horizontalHeader()));
        connect(m_frozen->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, sync(horizontalHeader()));
        connect(model, &QAbstractItemModel::modelReset, this, &FrozenColumnsTable::refreeze);
        connect(model, &QAbstractItemModel::layoutChanged, this, &FrozenColumnsTable::refreeze);
        connect(model, &QAbstractItemModel::rowsInserted, this, &FrozenColumnsTable::refreeze);
        refreeze();
    }

    // Hides the scrolling columns in the overlay and copies the widths and heights (after a reset or re-sort).
    void refreeze()
    {
        if (!model())
            return;
        for (int column = 0; column < model()->columnCount(); ++column) {
            m_frozen->setColumnHidden(column, column >= m_frozenCount || isColumnHidden(column));
            if (column < m_frozenCount)
                m_frozen->setColumnWidth(column, columnWidth(column));
        }
        m_frozen->horizontalHeader()->setFixedHeight(horizontalHeader()->height());
        updateFrozenGeometry();
    }

    void updateFrozenGeometry()
    {
        int width = 0;
        for (int column = 0; column < m_frozenCount; ++column)
            width += columnWidth(column);
        m_frozen->setGeometry(
            viewport()->x(), frameWidth(), width, viewport()->height() + horizontalHeader()->height());
        m_frozen->horizontalHeader()->setFixedHeight(horizontalHeader()->height());
    }

protected:
    void resizeEvent(QResizeEvent* event) override
    {
        QTableView::resizeEvent(event);
        if (m_onResize)
            m_onResize();
        updateFrozenGeometry();
    }

    void updateGeometries() override
    {
        QTableView::updateGeometries();
        if (m_frozen)
            updateFrozenGeometry();
    }

    // Moving left onto a cell hidden under the overlay scrolls it out from under it.
    QModelIndex moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers) override
    {
        const QModelIndex current = QTableView::moveCursor(action, modifiers);
        int frozenWidth = 0;
        for (int column = 0; column < m_frozenCount; ++column)
            frozenWidth += columnWidth(column);
        if (action == MoveLeft && current.column() >= m_frozenCount && visualRect(current).left() < frozenWidth) {
            horizontalScrollBar()->setValue(horizontalScrollBar()->value() + visualRect(current).left() - frozenWidth);
        }
        return current;
    }

    void scrollTo(const QModelIndex& index, ScrollHint hint = EnsureVisible) override
    {
        if (!model() || !index.isValid() || index.column() >= m_frozenCount) {
            QTableView::scrollTo(index, hint);
            return;
        }
        // A frozen cell is always in view sideways; only scroll vertically to its row.
        QTableView::scrollTo(model()->index(index.row(), std::min(m_frozenCount, model()->columnCount() - 1)), hint);
    }

private:
    int m_frozenCount;
    QTableView* m_frozen;
    std::function<void()> m_onResize;
};

} // namespace

CheckupResultsView::CheckupResultsView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("checkupResultsView"));
    auto* layout = new QVBoxLayout(this);

    auto* top = new QHBoxLayout;
    auto* groupLabel = new QLabel(tr("&Show:"), this);
    m_groups = new QComboBox(this);
    m_groups->setObjectName(QStringLiteral("checkupGroupCombo"));
    m_groups->setAccessibleName(tr("Item group"));
    m_groups->setToolTip(tr("Show one group of items (Alt+S)"));
    m_groups->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    groupLabel->setBuddy(m_groups);
    top->addWidget(groupLabel);
    top->addWidget(m_groups);
    top->addSpacing(16);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("checkupSummaryLabel"));
    top->addWidget(m_summary);
    top->addStretch(1);
    m_legend = new QLabel(this);
    m_legend->setObjectName(QStringLiteral("checkupLegend"));
    m_legend->setTextFormat(Qt::RichText);
    top->addWidget(m_legend);
    layout->addLayout(top);

    m_pages = new QStackedWidget(this);
    m_message = new QLabel(m_pages);
    m_message->setObjectName(QStringLiteral("checkupMessage"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_pages->addWidget(m_message);

    auto* splitter = new QSplitter(Qt::Horizontal, m_pages);
    splitter->setObjectName(QStringLiteral("checkupSplitter"));
    splitter->setChildrenCollapsible(false);
    m_model = new CheckupTableModel(this);
    m_filter = new CheckupGroupFilter(this);
    m_filter->setSourceModel(m_model);
    auto* table = new FrozenColumnsTable(CheckupTableModel::FirstCheckupColumn, splitter);
    m_table = table;
    m_table->setObjectName(QStringLiteral("checkupTable"));
    m_table->setAccessibleName(tr("Checkup results by year"));
    m_table->setAccessibleDescription(
        tr("Items as rows, checkups as columns, newest first. Select a row to see the item's trend."));
    m_table->setModel(m_filter);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setTabKeyNavigation(false); // Tab leaves the table (to the detail area); arrows move inside
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
    m_table->horizontalHeader()->setHighlightSections(false);
    table->frozen()->setAccessibleName(tr("Items"));
    table->setOnResize([this] { fitFrozenColumns(); });
    splitter->addWidget(m_table);

    auto* detail = new QWidget(splitter);
    detail->setObjectName(QStringLiteral("checkupDetailArea"));
    m_detailLayout = new QVBoxLayout(detail);
    m_detailLayout->setContentsMargins(0, 0, 0, 0);
    m_placeholder = new QLabel(detail);
    m_placeholder->setObjectName(QStringLiteral("checkupDetailPlaceholder"));
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setFrameShape(QFrame::StyledPanel);
    m_detailLayout->addWidget(m_placeholder);
    m_detail = m_placeholder;
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 5);
    // The trend chart with its explanation needs more room than a few more years of the table (which scrolls
    // with its item names frozen): a bit over half the width goes to it at first; the person may drag the handle.
    splitter->setSizes({800, 1000});
    m_pages->addWidget(splitter);
    layout->addWidget(m_pages, 1);

    auto* copy = new QAction(tr("&Copy"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    copy->setToolTip(
        tr("Copy the selected cells (%1); the clipboard is cleared after %n seconds", nullptr, kClipboardSeconds)
            .arg(QKeySequence(QKeySequence::Copy).toString(QKeySequence::NativeText)));
    connect(copy, &QAction::triggered, this, [this] { (void)copySelection(); });
    m_table->addAction(copy);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_clipboardTimer = new QTimer(this);
    m_clipboardTimer->setSingleShot(true);
    m_clipboardTimer->setInterval(kClipboardSeconds * 1000);
    connect(m_clipboardTimer, &QTimer::timeout, this, [this] {
        if (QClipboard* clipboard = QApplication::clipboard(); clipboard && clipboard->text() == m_copied)
            clipboard->clear();
        m_copied.clear();
    });

    connect(m_groups, &QComboBox::currentIndexChanged, this, &CheckupResultsView::applyGroup);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex& current) { onCurrentChanged(current); });
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        m_lastKey.clear(); // an explicit request always goes out
        request(index.data(CheckupTableModel::LogicalKeyRole).toString());
    });
    connect(table->frozen(), &QAbstractItemView::activated, m_table, &QAbstractItemView::activated);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &CheckupResultsView::afterLayoutChange);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &CheckupResultsView::afterLayoutChange);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &CheckupResultsView::afterLayoutChange);

    setTabOrder(m_groups, m_table);
    updateLegend();
    clearRecords();
}

void CheckupResultsView::showProfile(session::VaultSession& session, std::int64_t profileId)
{
    const QString keepKey = currentItemKey().isEmpty() ? m_lastKey : currentItemKey();
    auto& records = session.healthRecords();
    auto person = records.profile(profileId);
    if (!person.ok()) {
        showMessage(describeError(person.error()));
        return;
    }
    auto table = records.checkupTable(profileId);
    if (!table.ok()) {
        showMessage(describeError(table.error()));
        return;
    }
    std::set<std::int64_t> facilityIds;
    for (const auto& series : *table) {
        for (const auto& point : series.points) {
            if (point.facilityId)
                facilityIds.insert(*point.facilityId);
        }
    }
    const std::vector<std::int64_t> ids(facilityIds.begin(), facilityIds.end());
    auto providers = records.providers(ids);
    if (!providers.ok()) {
        showMessage(describeError(providers.error()));
        return;
    }
    m_model->setTable(std::move(*table), person->sex, std::move(*providers), palette());
    const QString name = QString::fromStdString(person->shownName());
    if (m_model->rowCount() == 0) {
        showMessage(tr("No checkup results for %1 yet. Import records to see them here.").arg(name));
        return;
    }
    m_pages->setCurrentIndex(1);
    m_quiet = true; // one request below, not one per intermediate current row
    rebuildGroupCombo();
    fitColumns();
    afterLayoutChange();

    const int days = m_model->checkupCount();
    const QString newest = dateText(m_model->checkupDate(0));
    m_summary->setText(days == 1
            ? tr("1 checkup (%1)").arg(newest)
            : tr("%n checkups, %1 – %2", nullptr, days).arg(dateText(m_model->checkupDate(days - 1)), newest));

    if (keepKey.isEmpty() || !selectItem(keepKey))
        m_table->setCurrentIndex(m_filter->index(0, CheckupTableModel::FirstCheckupColumn));
    // The detail area follows the profile even when the item stays the same.
    m_quiet = false;
    m_lastKey.clear();
    request(currentItemKey());
}

void CheckupResultsView::clearRecords()
{
    m_model->clear();
    m_filter->setGroup(std::nullopt);
    m_lastKey.clear();
    if (m_placeholder)
        m_placeholder->setText(tr("Select an item in the table to see its trend here."));
    if (!m_copied.isEmpty()) {
        if (QClipboard* clipboard = QApplication::clipboard(); clipboard && clipboard->text() == m_copied)
            clipboard->clear();
        m_copied.clear();
        m_clipboardTimer->stop();
    }
    showMessage(QString());
}

// A checkup column fits its header (the date and the facility, which the model already shortens; the header's
// tooltip has it in full) and its values up to six lines' height (longer texts such as 医師の判断 are elided, their
// tooltip has them whole), and is never narrower than a value with its symbol ("≥500.0 ▲"). The group and item
// columns then share what is left beside kFrozenGivesWayTo checkups (fitFrozenColumns).
void CheckupResultsView::fitColumns()
{
    auto* table = static_cast<FrozenColumnsTable*>(m_table);
    const QFontMetrics metrics(m_table->font());
    QFont boldFont = m_table->font();
    boldFont.setBold(true);
    const QFontMetrics bold(boldFont);
    // The text margins of QStyledItemDelegate (focus frame margin + 1 on each side), the grid line and a little
    // slack so that a text measured to fit is not elided by rounding.
    const int margin = std::max(CurrentRowDelegate::kTextMargin,
        2 * (m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 1) + 4);

    // The item column is measured in bold (the current row's name is bold): its natural width shows every name
    // whole; its least width still shows each official name with its unit (in English the gloss is dropped,
    // the tooltip has it).
    m_itemNatural = 0;
    m_itemLeast = 0;
    m_groupNatural = 0;
    m_groupLeast = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex item = m_model->index(row, CheckupTableModel::ItemColumn);
        const QString display = item.data(Qt::DisplayRole).toString();
        const QString withUnit = item.data(CheckupTableModel::NameWithUnitRole).toString();
        m_itemNatural = std::max(m_itemNatural, bold.horizontalAdvance(display) + margin);
        m_itemLeast = std::max(m_itemLeast, bold.horizontalAdvance(withUnit) + margin);
        const QString group = m_model->index(row, CheckupTableModel::GroupColumn).data().toString();
        m_groupNatural = std::max(m_groupNatural, metrics.horizontalAdvance(group) + margin);
        for (const QString& word : group.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            m_groupLeast = std::max(m_groupLeast, metrics.horizontalAdvance(word) + margin);
    }

    const QFontMetrics headerMetrics(m_table->horizontalHeader()->font());
    const int padding = 2 * m_table->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, m_table) + 8;
    const int valueCap = 6 * metrics.height();
    const int valueLeast = metrics.horizontalAdvance(QStringLiteral("≥500.0 ▲")) + margin;
    for (int column = CheckupTableModel::FirstCheckupColumn; column < m_filter->columnCount(); ++column) {
        int header = 0;
        const QString lines = m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        for (const QString& line : lines.split(QLatin1Char('\n')))
            header = std::max(header, headerMetrics.horizontalAdvance(line) + padding);
        const int cells = std::min(table->cellsWidth(column), valueCap);
        m_table->setColumnWidth(column, std::max({cells, header, valueLeast}));
    }
    fitFrozenColumns();
}

// The frozen group and item columns take what the first kFrozenGivesWayTo checkup columns leave of the table's
// width: the item column down to its least width (its unit never cut), then the group column down to its
// longest word, and when even that does not fit the group column is hidden (the rows keep the official order and
// the "Show:" list names the groups). Wider tables show the names whole (the item column up to 22 lines' height).
void CheckupResultsView::fitFrozenColumns()
{
    if (!m_model || m_itemNatural == 0)
        return;
    auto* table = static_cast<FrozenColumnsTable*>(m_table);
    int checkups = 0;
    for (int column = CheckupTableModel::FirstCheckupColumn;
         column < std::min(m_filter->columnCount(), CheckupTableModel::FirstCheckupColumn + kFrozenGivesWayTo);
         ++column)
        checkups += m_table->columnWidth(column);
    const int itemCap = std::max(m_itemLeast, 22 * m_table->fontMetrics().height());
    const int itemMost = std::min(m_itemNatural, itemCap);
    const int budget = m_table->viewport()->width() - checkups;
    const int itemLeast = std::min(m_itemLeast, itemMost);
    int item = std::clamp(budget - m_groupNatural, itemLeast, itemMost);
    const int groupLeast = std::min(m_groupLeast, m_groupNatural);
    const bool showGroup = budget - item >= groupLeast;
    if (!showGroup)
        item = std::clamp(budget, itemLeast, itemMost);
    const int group = std::clamp(budget - item, groupLeast, m_groupNatural);
    m_table->setColumnHidden(CheckupTableModel::GroupColumn, !showGroup);
    if (m_table->columnWidth(CheckupTableModel::ItemColumn) != item)
        m_table->setColumnWidth(CheckupTableModel::ItemColumn, item);
    if (showGroup && m_table->columnWidth(CheckupTableModel::GroupColumn) != group)
        m_table->setColumnWidth(CheckupTableModel::GroupColumn, group);
    table->refreeze();
}

void CheckupResultsView::showMessage(const QString& text)
{
    if (!text.isEmpty())
        m_model->clear();
    m_message->setText(text);
    m_pages->setCurrentIndex(0);
    {
        const QSignalBlocker blocker(m_groups);
        m_groups->clear();
    }
    m_groups->setEnabled(false);
    m_summary->clear();
}

void CheckupResultsView::setDetailWidget(QWidget* widget)
{
    if (!widget || widget == m_detail)
        return;
    if (m_detail) {
        m_detailLayout->removeWidget(m_detail);
        if (m_detail == m_placeholder)
            m_placeholder = nullptr;
        m_detail->deleteLater();
    }
    widget->setParent(m_detailLayout->parentWidget());
    m_detailLayout->addWidget(widget);
    widget->show();
    m_detail = widget;
    setTabOrder(m_table, widget);
}

QString CheckupResultsView::currentItemKey() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(CheckupTableModel::LogicalKeyRole).toString() : QString();
}

bool CheckupResultsView::selectItem(const QString& logicalKey)
{
    const int sourceRow = m_model->rowOfKey(logicalKey);
    if (sourceRow < 0)
        return false;
    QModelIndex index = m_filter->mapFromSource(m_model->index(sourceRow, CheckupTableModel::FirstCheckupColumn));
    if (!index.isValid()) {
        m_groups->setCurrentIndex(0); // every group
        index = m_filter->mapFromSource(m_model->index(sourceRow, CheckupTableModel::FirstCheckupColumn));
    }
    const int column = m_table->currentIndex().isValid() ? m_table->currentIndex().column()
                                                         : int(CheckupTableModel::FirstCheckupColumn);
    m_table->setCurrentIndex(m_filter->index(index.row(), std::min(column, m_filter->columnCount() - 1)));
    m_table->scrollTo(m_table->currentIndex());
    return true;
}

QString CheckupResultsView::copySelection()
{
    QModelIndexList selected = m_table->selectionModel()->selectedIndexes();
    if (selected.isEmpty() && m_table->currentIndex().isValid())
        selected << m_table->currentIndex();
    if (selected.isEmpty())
        return {};
    std::sort(selected.begin(), selected.end(), [](const QModelIndex& a, const QModelIndex& b) {
        return a.row() != b.row() ? a.row() < b.row() : a.column() < b.column();
    });
    // Tab-separated cells, one line per row (pastes into a spreadsheet as the same block).
    QString text;
    int row = selected.front().row();
    int column = -1;
    for (const QModelIndex& index : selected) {
        if (index.row() != row) {
            text += QLatin1Char('\n');
            row = index.row();
            column = -1;
        } else if (column >= 0) {
            text += QLatin1Char('\t');
        }
        column = index.column();
        text += index.data(Qt::DisplayRole).toString();
    }
    if (QClipboard* clipboard = QApplication::clipboard())
        clipboard->setText(text);
    m_copied = text;
    m_clipboardTimer->start();
    return text;
}

void CheckupResultsView::rebuildGroupCombo()
{
    const QVariant kept = m_groups->currentData();
    const QSignalBlocker blocker(m_groups);
    m_groups->clear();
    m_groups->addItem(tr("All items"), QVariant());
    for (const auto group : m_model->groups())
        m_groups->addItem(CheckupText::groupName(group), int(group));
    const int again = kept.isValid() ? m_groups->findData(kept) : 0;
    m_groups->setCurrentIndex(std::max(again, 0));
    m_groups->setEnabled(true);
    applyGroup(m_groups->currentIndex());
}

void CheckupResultsView::applyGroup(int comboIndex)
{
    const QVariant group = m_groups->itemData(comboIndex);
    m_filter->setGroup(group.isValid() ? std::optional(clinical::ItemGroup(group.toInt())) : std::nullopt);
    afterLayoutChange();
    if (!m_table->currentIndex().isValid() && m_filter->rowCount() > 0)
        m_table->setCurrentIndex(m_filter->index(0, CheckupTableModel::FirstCheckupColumn));
}

// The group column reads like a printed result sheet: one cell per run of rows of the same group.
void CheckupResultsView::afterLayoutChange()
{
    auto* table = static_cast<FrozenColumnsTable*>(m_table);
    for (QTableView* view : {m_table, table->frozen()}) {
        view->clearSpans();
        int start = 0;
        for (int row = 1; row <= m_filter->rowCount(); ++row) {
            const bool end = row == m_filter->rowCount()
                || m_filter->index(row, 0).data(CheckupTableModel::GroupRole)
                    != m_filter->index(start, 0).data(CheckupTableModel::GroupRole);
            if (end) {
                if (row - start > 1)
                    view->setSpan(start, CheckupTableModel::GroupColumn, row - start, 1);
                start = row;
            }
        }
    }
    table->refreeze();
}

void CheckupResultsView::onCurrentChanged(const QModelIndex& current)
{
    if (!current.isValid())
        return;
    request(current.data(CheckupTableModel::LogicalKeyRole).toString());
}

void CheckupResultsView::request(const QString& key)
{
    if (m_quiet || key.isEmpty() || key == m_lastKey)
        return;
    m_lastKey = key;
    if (m_placeholder)
        m_placeholder->setText(tr("%1\n\nIts trend chart will appear here.").arg(m_model->itemName(key)));
    Q_EMIT trendRequested(key);
}

void CheckupResultsView::updateLegend()
{
    const BandColours colours = BandColours::forPalette(palette());
    auto part = [&](clinical::Band band) {
        return QStringLiteral("<span style=\"color:%1\">%2</span> %3")
            .arg(colours.text[int(band)].name(), CheckupText::bandSymbol(band),
                CheckupText::bandName(band).toHtmlEscaped());
    };
    m_legend->setText(
        QStringList {part(clinical::Band::Normal), part(clinical::Band::Guidance), part(clinical::Band::Referral),
            CheckupText::notJudgedSymbol() + QLatin1Char(' ') + tr("not judged").toHtmlEscaped()}
            .join(QStringLiteral("&nbsp;&nbsp;&nbsp;")));
    // A screen reader reads the words, not the markup.
    m_legend->setAccessibleName(QTextDocumentFragment::fromHtml(m_legend->text()).toPlainText());
}

void CheckupResultsView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        m_model->setPalette(palette());
        updateLegend();
    }
    QWidget::changeEvent(event);
}

} // namespace techo::ui
