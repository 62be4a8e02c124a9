#include "ui/MainWindow.h"

#include "ui/UnlockDialog.h"

#include <QApplication>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStatusBar>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrent>

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

QString describeError(const Error& error)
{
    switch (error.code) {
    case ErrorCode::WrongPassphrase:
        return MainWindow::tr("The passphrase is not correct.");
    case ErrorCode::NotAVault:
        return MainWindow::tr("This file is not a Techo vault.");
    case ErrorCode::Damaged:
        return MainWindow::tr("The vault is damaged and cannot be opened safely.");
    case ErrorCode::NewerFormat:
        return MainWindow::tr("This vault was written by a newer version of Techo. Please update Techo.");
    case ErrorCode::Io:
        return MainWindow::tr("The file could not be read or written (%1).").arg(QString::fromStdString(error.message));
    default:
        return QString::fromStdString(error.message);
    }
}

MainWindow::MainWindow(QString vaultPath, QWidget* parent)
    : QMainWindow(parent)
    , m_vaultPath(std::move(vaultPath))
{
    setWindowTitle(tr("Techo — Personal Health Record"));
    resize(720, 520);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    m_summary = new QLabel(central);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_counts = new QTableWidget(0, 2, central);
    m_counts->setObjectName(QStringLiteral("countsTable"));
    m_counts->setHorizontalHeaderLabels({tr("Records"), tr("Count")});
    m_counts->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_counts->verticalHeader()->hide();
    m_counts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_counts);
    setCentralWidget(central);

    QMenu* vaultMenu = menuBar()->addMenu(tr("&Vault"));
    vaultMenu->addAction(tr("&Unlock…"), QKeySequence(Qt::CTRL | Qt::Key_U), this, &MainWindow::unlockOrCreate);
    vaultMenu->addAction(tr("&Lock"), QKeySequence(Qt::CTRL | Qt::Key_L), this, &MainWindow::lockVault);
    vaultMenu->addSeparator();
    vaultMenu->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    refresh();
}

MainWindow::~MainWindow() = default;

void MainWindow::unlockOrCreate()
{
    const bool exists = QFile::exists(m_vaultPath);
    UnlockDialog dialog(exists ? UnlockDialog::Mode::Unlock : UnlockDialog::Mode::Create, m_vaultPath, this);
    while (dialog.exec() == QDialog::Accepted) {
        QByteArray utf8 = dialog.passphraseUtf8();
        auto passphrase = std::make_shared<crypto::SecretBytes>(
            crypto::SecretBytes::fromString(std::string_view(utf8.constData(), std::size_t(utf8.size()))));
        utf8.fill('\0');
        const std::string path = m_vaultPath.toStdString();

        // Argon2id takes about half a second by design: keep the window responsive meanwhile.
        QProgressDialog progress(exists ? tr("Unlocking…") : tr("Creating the vault…"), QString(), 0, 0, this);
        progress.setWindowModality(Qt::WindowModal);
        progress.setMinimumDuration(200);
        QFuture<Result<std::unique_ptr<vault::Vault>>> future = QtConcurrent::run([=] {
            return exists ? vault::Vault::open(path, *passphrase)
                          : vault::Vault::create(path, *passphrase, crypto::KdfParams::interactiveDefault());
        });
        QFutureWatcher<Result<std::unique_ptr<vault::Vault>>> watcher;
        connect(&watcher, &QFutureWatcherBase::finished, &progress, &QProgressDialog::reset);
        watcher.setFuture(future);
        progress.exec();
        watcher.waitForFinished();
        auto result = future.takeResult();
        if (result.ok()) {
            showVault(std::move(result).value());
            return;
        }
        dialog.showError(describeError(result.error()));
    }
}

void MainWindow::showVault(std::unique_ptr<vault::Vault> vault)
{
    m_vault = std::move(vault);
    refresh();
    showStatus(tr("Vault unlocked."));
}

void MainWindow::lockVault()
{
    if (!m_vault)
        return;
    m_vault.reset();
    refresh();
    showStatus(tr("Vault locked."));
}

void MainWindow::refresh()
{
    m_counts->setRowCount(0);
    if (!m_vault) {
        m_summary->setText(tr("The vault %1 is locked. Use Vault ▸ Unlock (Ctrl+U).").arg(m_vaultPath));
        return;
    }
    auto counts = m_vault->counts();
    if (!counts.ok()) {
        m_summary->setText(describeError(counts.error()));
        return;
    }
    m_summary->setText(tr("Vault: %1").arg(m_vaultPath));
    // Health records first, then where they came from, then sharing and the audit trail.
    static constexpr const char* kOrder[] = {"profiles", "checkups", "observations", "vaccinations", "dispensings",
        "medication_lines", "providers", "import_runs", "consents", "share_records", "audit_events"};
    for (const char* kindName : kOrder) {
        const auto found = counts->find(kindName);
        if (found == counts->end())
            continue;
        const auto& [kind, n] = *found;
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
