#include "ui/OverviewView.h"

#include "ui/ErrorText.h"

#include <QCoreApplication>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>
#include <string_view>
#include <vector>

namespace techo::ui {
namespace {

// The labels keep the translation context they had in the first window ("techo::ui::MainWindow").
QString kindLabel(const std::string& kind)
{
    static const QHash<QString, const char*> labels = {
        {QStringLiteral("profiles"), QT_TRANSLATE_NOOP("techo::ui::MainWindow", "People")},
        {QStringLiteral("providers"), QT_TRANSLATE_NOOP("techo::ui::MainWindow", "Institutions and services")},
        {QStringLiteral("checkups"), QT_TRANSLATE_NOOP("techo::ui::MainWindow", "Checkups")},
        {QStringLiteral("observations"), QT_TRANSLATE_NOOP("techo::ui::MainWindow", "Checkup results")},
        {QStringLiteral("vaccinations"), QT_TRANSLATE_NOOP("techo::ui::MainWindow", "Vaccinations")},
        {QStringLiteral("dispensings"), QT_TRANSLATE_NOOP("techo::ui::MainWindow", "Dispensings")},
        {QStringLiteral("medication_lines"), QT_TRANSLATE_NOOP("techo::ui::MainWindow", "Medicines dispensed")},
        {QStringLiteral("consents"), QT_TRANSLATE_NOOP("techo::ui::MainWindow", "Sharing consents")},
        {QStringLiteral("share_records"), QT_TRANSLATE_NOOP("techo::ui::MainWindow", "Shares")},
        {QStringLiteral("audit_events"), QT_TRANSLATE_NOOP("techo::ui::MainWindow", "Audit events")},
        {QStringLiteral("import_runs"), QT_TRANSLATE_NOOP("techo::ui::MainWindow", "Imports")},
    };
    const QString key = QString::fromStdString(kind);
    const auto it = labels.constFind(key);
    return it == labels.constEnd() ? key : QCoreApplication::translate("techo::ui::MainWindow", it.value());
}

} // namespace

OverviewView::OverviewView(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("overviewSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    m_counts = new QTableWidget(0, 2, this);
    m_counts->setObjectName(QStringLiteral("countsTable"));
    m_counts->setAccessibleName(tr("Records in the vault"));
    m_counts->setHorizontalHeaderLabels({QCoreApplication::translate("techo::ui::MainWindow", "Records"),
        QCoreApplication::translate("techo::ui::MainWindow", "Count")});
    m_counts->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_counts->verticalHeader()->hide();
    m_counts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_counts->setMaximumWidth(520);
    layout->addWidget(m_counts, 1);
}

void OverviewView::showProfile(session::VaultSession& session, std::int64_t)
{
    showVault(session);
}

void OverviewView::clearRecords()
{
    m_counts->setRowCount(0);
    m_summary->clear();
}

void OverviewView::showVault(session::VaultSession& session)
{
    m_counts->setRowCount(0);
    auto counts = session.counts();
    if (!counts.ok()) {
        m_summary->setText(describeError(counts.error()));
        return;
    }
    m_summary->setText(
        QCoreApplication::translate("techo::ui::MainWindow", "Vault: %1").arg(QString::fromStdString(session.path())));
    // Health records first, then where they came from, then sharing and the audit trail; a kind this
    // list does not know yet still shows, after them, rather than disappear.
    static constexpr std::string_view kOrder[] = {"profiles", "checkups", "observations", "vaccinations", "dispensings",
        "medication_lines", "providers", "import_runs", "consents", "share_records", "audit_events"};
    std::vector<std::pair<std::string, std::int64_t>> rows(counts->begin(), counts->end());
    const auto rank = [](const std::string& kind) {
        return std::size_t(std::find(std::begin(kOrder), std::end(kOrder), kind) - std::begin(kOrder));
    };
    std::stable_sort(
        rows.begin(), rows.end(), [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
    for (const auto& [kind, n] : rows) {
        const int row = m_counts->rowCount();
        m_counts->insertRow(row);
        m_counts->setItem(row, 0, new QTableWidgetItem(kindLabel(kind)));
        auto* number = new QTableWidgetItem(QLocale().toString(qlonglong(n)));
        number->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_counts->setItem(row, 1, number);
    }
}

} // namespace techo::ui
