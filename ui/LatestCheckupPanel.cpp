#include "ui/LatestCheckupPanel.h"

#include "ui/ErrorText.h"
#include "ui/LatestCheckupModel.h"
#include "ui/MainWindow.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

namespace techo::ui {

LatestCheckupPanel::LatestCheckupPanel(QWidget* parent)
    : QGroupBox(tr("Latest checkup"), parent)
{
    setObjectName(QStringLiteral("latestCheckupPanel"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    auto* personLabel = new QLabel(tr("&Person:"), this);
    m_profiles = new QComboBox(this);
    m_profiles->setObjectName(QStringLiteral("profileCombo"));
    m_profiles->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    personLabel->setBuddy(m_profiles);
    top->addWidget(personLabel);
    top->addWidget(m_profiles);
    top->addSpacing(16);
    m_date = new QLabel(this);
    m_date->setObjectName(QStringLiteral("checkupDateLabel"));
    top->addWidget(m_date, 1);
    layout->addLayout(top);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("checkupEmptyLabel"));
    m_empty->setWordWrap(true);
    layout->addWidget(m_empty);

    m_model = new LatestCheckupModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("latestCheckupTable"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    auto* header = m_table->horizontalHeader();
    header->setSectionResizeMode(LatestCheckupModel::ItemColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(LatestCheckupModel::ValueColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(LatestCheckupModel::JudgementColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(LatestCheckupModel::ChangeColumn, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_table, 1);

    // Group headings span the whole row.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_table->clearSpans();
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->index(row, 0).data(LatestCheckupModel::GroupHeadingRole).toBool())
                m_table->setSpan(row, 0, 1, LatestCheckupModel::ColumnCount);
        }
    });
    connect(m_profiles, &QComboBox::currentIndexChanged, this, &LatestCheckupPanel::showProfile);
    setSession(nullptr);
}

void LatestCheckupPanel::setSession(session::VaultSession* session)
{
    m_session = session;
    {
        const QSignalBlocker blocker(m_profiles);
        m_profiles->clear();
        if (m_session) {
            auto profiles = m_session->healthRecords().profiles();
            if (!profiles.ok()) {
                m_model->clear();
                m_date->clear();
                m_empty->setText(describeError(profiles.error()));
                m_empty->show();
                m_table->hide();
                return;
            }
            for (const auto& profile : *profiles)
                m_profiles->addItem(QString::fromStdString(profile.shownName()), qlonglong(profile.id));
        }
    }
    m_profiles->setEnabled(m_profiles->count() > 1);
    showProfile(m_profiles->currentIndex());
}

void LatestCheckupPanel::showProfile(int comboIndex)
{
    m_date->clear();
    if (!m_session || comboIndex < 0) {
        m_model->clear();
        m_empty->setText(m_session ? tr("No one's records are in this vault yet. Import them first.") : QString());
        m_empty->setVisible(m_session != nullptr);
        m_table->hide();
        return;
    }
    const auto profileId = std::int64_t(m_profiles->itemData(comboIndex).toLongLong());
    auto summary = m_session->healthRecords().latestCheckup(profileId);
    if (!summary.ok()) {
        m_model->clear();
        m_empty->setText(describeError(summary.error()));
        m_empty->show();
        m_table->hide();
        return;
    }
    if (!*summary) {
        m_model->clear();
        m_empty->setText(tr("No checkups yet for %1.").arg(m_profiles->itemText(comboIndex)));
        m_empty->show();
        m_table->hide();
        return;
    }
    const auto date = QString::fromStdString(domain::formatDate((*summary)->date));
    m_date->setText((*summary)->previousDate
            ? tr("Checkup of %1 (previous: %2)")
                  .arg(date, QString::fromStdString(domain::formatDate(*(*summary)->previousDate)))
            : tr("Checkup of %1 (the first one)").arg(date));
    m_model->setSummary(std::move(*summary));
    m_empty->hide();
    m_table->show();
}

} // namespace techo::ui
