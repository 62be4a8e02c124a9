#include "ui/LatestCheckupPanel.h"

#include "ui/DateText.h"
#include "ui/ErrorText.h"
#include "ui/LatestCheckupModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace techo::ui {

LatestCheckupPanel::LatestCheckupPanel(QWidget* parent)
    : QGroupBox(tr("Latest checkup"), parent)
{
    setObjectName(QStringLiteral("latestCheckupPanel"));
    auto* layout = new QVBoxLayout(this);
    m_date = new QLabel(this);
    m_date->setObjectName(QStringLiteral("checkupDateLabel"));
    m_date->setWordWrap(true);
    layout->addWidget(m_date);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("checkupEmptyLabel"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_empty, 1);

    m_model = new LatestCheckupModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("latestCheckupTable"));
    m_table->setAccessibleName(tr("Latest checkup results"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setShowGrid(false);
    // Arrows move inside the table, Tab leaves it (cell by cell, ~30 rows kept Tab in it).
    m_table->setTabKeyNavigation(false);
    auto* header = m_table->horizontalHeader();
    // Names, values and judgements are never cut; the change takes what is left (its tooltip has the previous
    // value in full).
    header->setSectionResizeMode(LatestCheckupModel::ItemColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(LatestCheckupModel::ValueColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(LatestCheckupModel::JudgementColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(LatestCheckupModel::ChangeColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_table, 1);

    // Group headings span the whole row.
    const int styleMinimum = header->minimumSectionSize();
    connect(m_model, &QAbstractItemModel::modelReset, this, [this, styleMinimum] {
        m_table->clearSpans();
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->index(row, 0).data(LatestCheckupModel::GroupHeadingRole).toBool())
                m_table->setSpan(row, 0, 1, LatestCheckupModel::ColumnCount);
        }
        // The change column (which stretches) never gets narrower than its values, so a narrow window never cuts
        // "+3.5" to "+…": the table scrolls sideways instead. Its long header may be cut (its tooltip names the
        // previous day). Every other column is sized to its contents, wider than this.
        const QAbstractItemView* view = m_table; // QTableView hides the size hint QAbstractItemView offers
        m_table->horizontalHeader()->setMinimumSectionSize(
            std::max(styleMinimum, view->sizeHintForColumn(LatestCheckupModel::ChangeColumn)));
    });
    clearRecords();
}

void LatestCheckupPanel::showMessage(const QString& text)
{
    m_model->clear();
    m_date->clear();
    m_date->hide();
    m_empty->setText(text);
    m_empty->setVisible(!text.isEmpty());
    m_table->hide();
}

void LatestCheckupPanel::clearRecords()
{
    showMessage(QString());
}

void LatestCheckupPanel::setSession(session::VaultSession* session)
{
    if (!session) {
        clearRecords();
        return;
    }
    auto profiles = session->healthRecords().profiles();
    if (!profiles.ok()) {
        showMessage(describeError(profiles.error()));
        return;
    }
    if (profiles->empty()) {
        showMessage(tr("No one's records are in this vault yet. Import them first (File ▸ Import…)."));
        return;
    }
    showProfile(*session, profiles->front().id);
}

void LatestCheckupPanel::showProfile(session::VaultSession& session, std::int64_t profileId)
{
    auto& records = session.healthRecords();
    auto person = records.profile(profileId);
    if (!person.ok()) {
        showMessage(describeError(person.error()));
        return;
    }
    auto summary = records.latestCheckup(profileId);
    if (!summary.ok()) {
        showMessage(describeError(summary.error()));
        return;
    }
    if (!*summary) {
        showMessage(tr("No checkups yet for %1. Checkup results appear here after an import (File ▸ Import…) "
                       "once the insurer has sent them to Mynaportal.")
                        .arg(QString::fromStdString(person->shownName())));
        return;
    }
    const QString date = dateText((*summary)->date);
    // No brackets around a date: with the era a date ends in its own (令和8年), and brackets inside brackets read
    // badly.
    m_date->setText((*summary)->previousDate
            ? tr("Checkup of %1 — previous: %2").arg(date, dateText(*(*summary)->previousDate))
            : tr("Checkup of %1 — the first one").arg(date));
    m_model->setSummary(std::move(*summary));
    m_date->show();
    m_empty->hide();
    m_table->show();
}

} // namespace techo::ui
