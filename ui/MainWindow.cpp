#include "ui/MainWindow.h"

#include "ui/ErrorText.h"
#include "ui/LatestCheckupPanel.h"
#include "ui/UnlockDialog.h"

#include <QApplication>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>
#include <string_view>
#include <vector>

namespace techo::ui {
namespace {

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

MainWindow::MainWindow(QString vaultPath, QWidget* parent)
    : QMainWindow(parent)
    , m_vaultPath(std::move(vaultPath))
{
    setWindowTitle(tr("Techo — Personal Health Record"));
    resize(1080, 680);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    m_summary = new QLabel(central);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    // While locked: one obvious way in, instead of an empty table.
    m_unlockButton = new QPushButton(central);
    m_unlockButton->setObjectName(QStringLiteral("unlockButton"));
    connect(m_unlockButton, &QPushButton::clicked, this, &MainWindow::unlockOrCreate);
    layout->addWidget(m_unlockButton, 0, Qt::AlignLeft);
    m_counts = new QTableWidget(0, 2, central);
    m_counts->setObjectName(QStringLiteral("countsTable"));
    m_counts->setHorizontalHeaderLabels({tr("Records"), tr("Count")});
    m_counts->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_counts->verticalHeader()->hide();
    m_counts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The counts beside the latest checkup: the panel gets the room, its table has four columns.
    auto* content = new QHBoxLayout;
    content->addWidget(m_counts, 1);
    m_latestCheckup = new LatestCheckupPanel(central);
    content->addWidget(m_latestCheckup, 3);
    layout->addLayout(content, 1);
    layout->addStretch(0); // keeps the locked view at the top when the table is hidden
    setCentralWidget(central);

    QMenu* vaultMenu = menuBar()->addMenu(tr("&Vault"));
    m_unlockAction
        = vaultMenu->addAction(tr("&Unlock…"), QKeySequence(Qt::CTRL | Qt::Key_U), this, &MainWindow::unlockOrCreate);
    m_unlockAction->setObjectName(QStringLiteral("unlockAction"));
    m_lockAction = vaultMenu->addAction(tr("&Lock"), QKeySequence(Qt::CTRL | Qt::Key_L), this, &MainWindow::lockVault);
    m_lockAction->setObjectName(QStringLiteral("lockAction"));
    vaultMenu->addSeparator();
    vaultMenu->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    refresh();
}

MainWindow::~MainWindow() = default;

void MainWindow::unlockOrCreate()
{
    if (m_unlockDialog) { // already asking: one dialog, not a second one behind it
        m_unlockDialog->raise();
        m_unlockDialog->activateWindow();
        return;
    }
    const auto mode = QFile::exists(m_vaultPath) ? UnlockDialog::Mode::Unlock : UnlockDialog::Mode::Create;
    auto* dialog = new UnlockDialog(mode, m_vaultPath, this);
    dialog->setObjectName(QStringLiteral("unlockDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The dialog opens (or creates) the vault on a worker thread and stays open after a wrong
    // passphrase; accepted means it holds the unlocked vault.
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (auto vault = dialog->takeVault())
            showVault(std::move(vault));
    });
    m_unlockDialog = dialog;
    dialog->open(); // window-modal and non-blocking: the window keeps painting while the key is derived
}

void MainWindow::showVault(std::unique_ptr<session::VaultSession> vault)
{
    m_vault = std::move(vault);
    refresh();
    showStatus(tr("Vault unlocked."));
}

void MainWindow::lockVault()
{
    if (!m_vault)
        return;
    m_latestCheckup->setSession(nullptr); // empties its model before the session goes
    m_vault.reset();
    refresh();
    showStatus(tr("Vault locked."));
}

void MainWindow::refresh()
{
    m_counts->setRowCount(0);
    const bool unlocked = m_vault != nullptr;
    m_counts->setVisible(unlocked);
    m_latestCheckup->setVisible(unlocked);
    m_latestCheckup->setSession(m_vault.get());
    m_unlockButton->setVisible(!unlocked);
    m_unlockAction->setEnabled(!unlocked);
    m_lockAction->setEnabled(unlocked);
    if (!unlocked) {
        const bool exists = QFile::exists(m_vaultPath);
        m_summary->setText(exists ? tr("The vault %1 is locked. Use Vault ▸ Unlock (Ctrl+U).").arg(m_vaultPath)
                                  : tr("There is no vault at %1 yet.").arg(m_vaultPath));
        m_unlockButton->setText(exists ? tr("Unlock…") : tr("Create vault…"));
        return;
    }
    auto counts = m_vault->counts();
    if (!counts.ok()) {
        m_summary->setText(describeError(counts.error()));
        return;
    }
    m_summary->setText(tr("Vault: %1").arg(m_vaultPath));
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

void MainWindow::showStatus(const QString& message)
{
    statusBar()->showMessage(message, 5000);
}

} // namespace techo::ui
