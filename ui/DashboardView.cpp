#include "ui/DashboardView.h"

#include "core/session/VaultSession.h"
#include "ui/CurrentMedicinesModel.h"
#include "ui/DateText.h"
#include "ui/ErrorText.h"
#include "ui/LatestCheckupModel.h"
#include "ui/LatestCheckupPanel.h"
#include "ui/VaccinationsModel.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFontMetrics>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <set>
#include <vector>

namespace techo::ui {
namespace {

QTableView* makeTable(QWidget* parent, const QString& objectName, const QString& accessibleName)
{
    auto* table = new QTableView(parent);
    table->setObjectName(objectName);
    table->setAccessibleName(accessibleName);
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideRight);
    table->setShowGrid(false);
    table->setAlternatingRowColors(true);
    // Arrows move inside the table, Tab goes on to the next card (cell by cell, Tab never left a long table).
    table->setTabKeyNavigation(false);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return table;
}

QLabel* makeEmptyLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// The height that shows `rows` rows and the header without a scroll bar (the table never takes more room
// than its rows need; a long list scrolls).
void fitRows(QTableView* table, int rows)
{
    table->resizeRowsToContents();
    int height = table->horizontalHeader()->sizeHint().height() + 2 * table->frameWidth();
    const int shown = std::min(rows, table->model()->rowCount());
    for (int row = 0; row < shown; ++row)
        height += table->rowHeight(row);
    table->setFixedHeight(height + 2);
}

QString personName(session::VaultSession& session, std::int64_t profileId)
{
    auto person = session.healthRecords().profile(profileId);
    return person.ok() ? QString::fromStdString(person->shownName()) : QString();
}

// Where an import came from, as a person reads it: core records the API's base URL for an API import and
// "file:<path>" for a saved response (both with source "mynaportal"); a file is named without its folder.
QString originText(const domain::ImportRun& run)
{
    const QString origin = QString::fromStdString(run.origin);
    if (origin.startsWith(QLatin1String("file:")))
        return DashboardView::tr("a saved file (%1)").arg(QFileInfo(origin.mid(5)).fileName());
    if (run.source == "mynaportal") {
        // The real service is never on this computer: an API on the loopback address is the built-in demo server
        // (techo-sandbox, whose port changes every run), not マイナポータル.
        const QUrl url(origin);
        const QString host = url.host();
        if (host == QLatin1String("127.0.0.1") || host == QLatin1String("localhost") || host == QLatin1String("::1"))
            return DashboardView::tr("the demo server on this computer (%1)").arg(origin);
        return DashboardView::tr("the Mynaportal API (%1)").arg(origin);
    }
    return QStringLiteral("%1 (%2)").arg(QString::fromStdString(run.source), origin);
}

QString timestampText(domain::Timestamp at)
{
    const QDateTime local = QDateTime::fromSecsSinceEpoch(at.time_since_epoch().count()).toLocalTime();
    const QDate day = local.date();
    const domain::Date date {std::chrono::year(day.year()), std::chrono::month(unsigned(day.month())),
        std::chrono::day(unsigned(day.day()))};
    return dateText(date) + QLatin1Char(' ') + local.time().toString(QStringLiteral("HH:mm"));
}

} // namespace

DashboardView::DashboardView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("dashboardView"));
    auto* root = m_root = new QVBoxLayout(this);
    root->setSpacing(10);

    // Whose dashboard, and how fresh its records are.
    m_person = new QLabel(this);
    m_person->setObjectName(QStringLiteral("dashboardPersonLabel"));
    QFont title = m_person->font();
    title.setPointSizeF(title.pointSizeF() * 1.35);
    title.setBold(true);
    m_person->setFont(title);
    m_import = makeEmptyLabel(this, QStringLiteral("lastImportLabel"));
    m_import->setForegroundRole(QPalette::PlaceholderText);
    auto* header = new QVBoxLayout;
    header->setSpacing(2);
    header->addWidget(m_person);
    header->addWidget(m_import);
    root->addLayout(header);

    auto* top = new QHBoxLayout;
    top->setSpacing(10);
    m_checkup = new LatestCheckupPanel(this);
    top->addWidget(m_checkup, 2);

    auto* vaccinations = new QGroupBox(tr("Latest vaccinations"), this);
    vaccinations->setObjectName(QStringLiteral("vaccinationsCard"));
    m_vaccinationsCard = vaccinations;
    auto* vaccinationsLayout = new QVBoxLayout(vaccinations);
    m_vaccinationsEmpty = makeEmptyLabel(vaccinations, QStringLiteral("vaccinationsEmptyLabel"));
    vaccinationsLayout->addWidget(m_vaccinationsEmpty);
    m_vaccinations = new VaccinationsModel(this);
    m_vaccinationsTable = makeTable(vaccinations, QStringLiteral("vaccinationsTable"), tr("Latest vaccinations"));
    m_vaccinationsTable->setModel(m_vaccinations);
    auto* vh = m_vaccinationsTable->horizontalHeader();
    vh->setSectionResizeMode(VaccinationsModel::DateColumn, QHeaderView::ResizeToContents);
    // The card is narrow: date, vaccine and dose; where it was given is in every cell's tooltip. A long vaccine
    // name is cut with "…" (the whole name is in its tooltip); the card keeps room for kVaccineNameChars of it
    // (showVaccinations), as wrapping left one or two characters a line in a narrow window.
    vh->setSectionResizeMode(VaccinationsModel::VaccineColumn, QHeaderView::Stretch);
    vh->setSectionResizeMode(VaccinationsModel::DoseColumn, QHeaderView::ResizeToContents);
    m_vaccinationsTable->setColumnHidden(VaccinationsModel::FacilityColumn, true);
    vaccinationsLayout->addWidget(m_vaccinationsTable, 1);
    vaccinationsLayout->addStretch(0);
    top->addWidget(vaccinations, 1);
    root->addLayout(top, 1);

    auto* medicines = new QGroupBox(tr("Medicines at hand"), this);
    medicines->setObjectName(QStringLiteral("medicinesCard"));
    m_medicinesCard = medicines;
    auto* medicinesLayout = new QVBoxLayout(medicines);
    // The duplicate-medication warning: an icon and words, with a border as the only colour.
    m_duplicateBanner = new QFrame(medicines);
    m_duplicateBanner->setObjectName(QStringLiteral("duplicateWarning"));
    m_duplicateBanner->setFrameShape(QFrame::StyledPanel);
    m_duplicateBanner->setStyleSheet(
        QStringLiteral("#duplicateWarning { border: 2px solid #c77c02; border-radius: 6px; }"));
    auto* bannerLayout = new QHBoxLayout(m_duplicateBanner);
    auto* icon = new QLabel(m_duplicateBanner);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);
    bannerLayout->addWidget(icon, 0, Qt::AlignTop);
    m_duplicateText = makeEmptyLabel(m_duplicateBanner, QStringLiteral("duplicateWarningText"));
    m_duplicateText->setAccessibleName(tr("Duplicate medication warning"));
    bannerLayout->addWidget(m_duplicateText, 1);
    medicinesLayout->addWidget(m_duplicateBanner);
    m_medicinesEmpty = makeEmptyLabel(medicines, QStringLiteral("medicinesEmptyLabel"));
    medicinesLayout->addWidget(m_medicinesEmpty);
    m_medicines = new CurrentMedicinesModel(this);
    m_medicinesTable = makeTable(medicines, QStringLiteral("medicinesTable"), tr("Medicines at hand"));
    m_medicinesTable->setModel(m_medicines);
    auto* mh = m_medicinesTable->horizontalHeader();
    mh->setSectionResizeMode(CurrentMedicinesModel::MedicineColumn, QHeaderView::Stretch);
    for (int column = CurrentMedicinesModel::UsageColumn; column < CurrentMedicinesModel::ColumnCount; ++column)
        mh->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    medicinesLayout->addWidget(m_medicinesTable);
    root->addWidget(medicines, 0);
    root->addStretch(0); // takes the spare height when the checkup card has no table (arrange())

    // Tab goes from card to card in reading order: the checkup, the vaccinations beside it, the medicines below.
    setTabOrder(m_checkup->table(), m_vaccinationsTable);
    setTabOrder(m_vaccinationsTable, m_medicinesTable);

    clearRecords();
}

void DashboardView::setClock(domain::Clock clock)
{
    m_clock = std::move(clock);
}

void DashboardView::clearRecords()
{
    m_person->clear();
    m_import->clear();
    m_checkup->clearRecords();
    m_medicines->clear();
    m_vaccinations->clear();
    m_duplicateText->clear();
    m_duplicateBanner->hide();
    m_medicinesEmpty->clear();
    m_medicinesEmpty->hide();
    m_vaccinationsEmpty->clear();
    m_vaccinationsEmpty->hide();
    m_medicinesTable->hide();
    m_vaccinationsTable->hide();
    // Without a person (locked, or a vault nobody has been imported into yet) there is no card to show: empty
    // frames said nothing. The window's own label says to import (MainWindow's noProfileLabel).
    setCardsVisible(false);
    arrange();
}

void DashboardView::setCardsVisible(bool visible)
{
    m_checkup->setVisible(visible);
    m_vaccinationsCard->setVisible(visible);
    m_medicinesCard->setVisible(visible);
}

void DashboardView::showProfile(session::VaultSession& session, std::int64_t profileId)
{
    clearRecords();
    const QString name = personName(session, profileId);
    m_person->setText(name);
    m_checkup->showProfile(session, profileId);
    showMedicines(session, profileId, name);
    showVaccinations(session, profileId, name);
    showLastImport(session);
    setCardsVisible(true);
    arrange();
}

void DashboardView::arrange()
{
    // With a checkup table, the checkup row takes the spare height (the table scrolls in it) and the vaccinations
    // table fills its card beside it. Without one, every card is as tall as its content and the spare height
    // goes below the medicines, so no card is a large empty frame.
    const bool checkupShown = m_checkup->model()->rowCount() > 0;
    m_root->setStretch(kTopRow, checkupShown ? 1 : 0);
    m_root->setStretch(kBottomSpace, checkupShown ? 0 : 1);
    if (checkupShown) {
        m_vaccinationsTable->setMinimumHeight(0);
        m_vaccinationsTable->setMaximumHeight(QWIDGETSIZE_MAX);
    } else {
        fitRows(m_vaccinationsTable, kVaccinationsShown);
    }
}

void DashboardView::showMedicines(session::VaultSession& session, std::int64_t profileId, const QString& personName)
{
    auto& records = session.healthRecords();
    const domain::Date today = m_clock.todayInJapan();
    m_medicinesCard->setTitle(tr("Medicines at hand today (%1)").arg(dateText(today)));
    auto medicines = records.currentMedicines(profileId, today);
    auto duplicates = records.duplicateMedications(profileId, today);
    if (!medicines.ok() || !duplicates.ok()) {
        m_medicinesEmpty->setText(describeError(medicines.ok() ? duplicates.error() : medicines.error()));
        m_medicinesEmpty->show();
        return;
    }
    std::vector<std::int64_t> ids;
    for (const auto& medicine : *medicines) {
        for (const auto& supply : medicine.supplies) {
            ids.push_back(supply.pharmacyId);
            if (supply.prescriberId)
                ids.push_back(*supply.prescriberId);
        }
    }
    for (const auto& finding : *duplicates) {
        ids.push_back(finding.first.institutionId);
        ids.push_back(finding.second.institutionId);
    }
    auto providers = records.providers(ids);
    if (!providers.ok()) {
        m_medicinesEmpty->setText(describeError(providers.error()));
        m_medicinesEmpty->show();
        return;
    }
    const auto institution = [&](std::int64_t id) {
        const auto it = providers->find(id);
        return it == providers->end() ? tr("an unknown institution") : QString::fromStdString(it->second.name);
    };
    std::set<std::string> duplicateKeys;
    QStringList warnings;
    for (const auto& finding : *duplicates) {
        duplicateKeys.insert(finding.ingredientKey);
        warnings << tr("<b>%1</b> was prescribed by both %2 and %3 for the same days (%4 – %5).")
                        .arg(QString::fromStdString(finding.ingredient).toHtmlEscaped(),
                            institution(finding.first.institutionId).toHtmlEscaped(),
                            institution(finding.second.institutionId).toHtmlEscaped(), dateText(finding.overlapFrom),
                            dateText(finding.overlapUntil));
    }
    if (!warnings.isEmpty()) {
        m_duplicateText->setTextFormat(Qt::RichText);
        m_duplicateText->setText(tr("<b>Possible duplicate medication (重複投薬)</b><br>%1<br>Do not stop or change a "
                                    "medicine on your own: show this to your doctor or pharmacist.")
                                     .arg(warnings.join(QStringLiteral("<br>"))));
        m_duplicateBanner->show();
    }
    const bool none = medicines->empty();
    m_medicines->setMedicines(std::move(*medicines), std::move(*providers), std::move(duplicateKeys));
    if (none) {
        m_medicinesEmpty->setText(
            tr("No medicine is at hand today for %1 according to the dispensing records. Pharmacy records reach "
               "Mynaportal about a month after the visit: import again later to see recent ones.")
                .arg(personName));
        m_medicinesEmpty->show();
        return;
    }
    m_medicinesTable->resizeColumnsToContents();
    fitRows(m_medicinesTable, 5);
    m_medicinesTable->show();
}

void DashboardView::showVaccinations(session::VaultSession& session, std::int64_t profileId, const QString& personName)
{
    auto& records = session.healthRecords();
    auto vaccinations = records.latestVaccinations(profileId, kVaccinationsShown);
    if (!vaccinations.ok()) {
        m_vaccinationsEmpty->setText(describeError(vaccinations.error()));
        m_vaccinationsEmpty->show();
        return;
    }
    if (vaccinations->empty()) {
        m_vaccinationsEmpty->setText(tr("No vaccinations recorded for %1. Vaccination records from the "
                                        "municipality arrive with an import (File ▸ Import…).")
                                         .arg(personName));
        m_vaccinationsEmpty->show();
        return;
    }
    std::vector<std::int64_t> ids;
    for (const auto& vaccination : *vaccinations)
        if (vaccination.facilityId)
            ids.push_back(*vaccination.facilityId);
    auto facilities = records.providers(ids);
    if (!facilities.ok()) {
        m_vaccinationsEmpty->setText(describeError(facilities.error()));
        m_vaccinationsEmpty->show();
        return;
    }
    m_vaccinations->setVaccinations(std::move(*vaccinations), std::move(*facilities));
    m_vaccinationsEmpty->hide();
    // The table never gets narrower than the date and dose (with the era, the date alone is wide) plus
    // kVaccineNameChars of the vaccine's name and its header: the checkup card beside it gives up the room.
    const QFontMetrics metrics(m_vaccinationsTable->font());
    // The item delegate leaves a margin of PM_FocusFrameHMargin + 1 on each side of a cell's text.
    const int cellMargins = 2
        * (m_vaccinationsTable->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_vaccinationsTable) + 1);
    const int nameWidth = std::max(
        metrics.horizontalAdvance(QString(kVaccineNameChars, QChar(0x30EF)) + QChar(0x2026)) /* ワワワワワワ… */
            + cellMargins,
        m_vaccinationsTable->horizontalHeader()->sectionSizeHint(VaccinationsModel::VaccineColumn));
    const QAbstractItemView* view = m_vaccinationsTable; // QTableView hides the size hint QAbstractItemView offers
    const auto columnWidth = [&](int column) {
        return std::max(
            view->sizeHintForColumn(column), m_vaccinationsTable->horizontalHeader()->sectionSizeHint(column));
    };
    m_vaccinationsTable->setMinimumWidth(columnWidth(VaccinationsModel::DateColumn) + nameWidth
        + columnWidth(VaccinationsModel::DoseColumn) + 2 * m_vaccinationsTable->frameWidth());
    m_vaccinationsTable->show();
}

void DashboardView::showLastImport(session::VaultSession& session)
{
    auto run = session.healthRecords().lastImport();
    if (!run.ok()) {
        m_import->setText(describeError(run.error()));
        return;
    }
    if (!*run) {
        m_import->setText(tr("Nothing has been imported into this vault yet: use File ▸ Import… to bring in records "
                             "from Mynaportal or a saved file."));
        return;
    }
    const domain::ImportRun& last = **run;
    m_import->setText(tr("Last import: %1 from %2 — %3 added, %4 updated, %5 unchanged, %6 rejected")
                          .arg(timestampText(*last.finishedAt), originText(last))
                          .arg(last.counts.added)
                          .arg(last.counts.updated)
                          .arg(last.counts.unchanged)
                          .arg(last.counts.rejected));
}

} // namespace techo::ui
