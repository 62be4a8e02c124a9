#include "ui/PersonConflictDialog.h"

#include "ui/DateText.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace techo::ui {
namespace {

QString sexText(const std::string& sex)
{
    if (sex == "male")
        return PersonConflictDialog::tr("Male");
    if (sex == "female")
        return PersonConflictDialog::tr("Female");
    if (sex == "other")
        return PersonConflictDialog::tr("Other");
    return PersonConflictDialog::tr("Not known");
}

QString birthText(const std::string& iso)
{
    if (const auto date = domain::parseDate(iso))
        return dateText(*date);
    return PersonConflictDialog::tr("Not known");
}

} // namespace

PersonConflictDialog::PersonConflictDialog(const Error& conflict, QWidget* parent)
    : QDialog(parent)
    , m_personId(conflict.param("personId"))
{
    setWindowTitle(tr("Is this the same person?"));
    setObjectName(QStringLiteral("personConflictDialog"));
    setMinimumWidth(560); // both versions side by side, and the choices on one line each
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("The new records for person ID %1 carry other personal details than the ones in "
                                "your vault. Techo never changes who a stored person is. Please compare and choose.")
                                 .arg(QString::fromStdString(m_personId)),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* table = new QGridLayout;
    table->setHorizontalSpacing(24);
    auto* storedHeader = new QLabel(tr("In your vault"), this);
    auto* incomingHeader = new QLabel(tr("In the new records"), this);
    QFont bold = font();
    bold.setBold(true);
    storedHeader->setFont(bold);
    incomingHeader->setFont(bold);
    table->addWidget(storedHeader, 0, 1);
    table->addWidget(incomingHeader, 0, 3);
    struct Row {
        QString label;
        QString stored;
        QString incoming;
        const char* name;
    };
    const Row rows[] = {
        {tr("Name"), QString::fromStdString(conflict.param("storedName")),
            QString::fromStdString(conflict.param("incomingName")), "name"},
        {tr("Sex"), sexText(conflict.param("storedSex")), sexText(conflict.param("incomingSex")), "sex"},
        {tr("Date of birth"), birthText(conflict.param("storedBirthDate")),
            birthText(conflict.param("incomingBirthDate")), "birthDate"},
    };
    int r = 1;
    for (const Row& row : rows) {
        const bool differs = row.stored != row.incoming;
        auto* label = new QLabel(row.label, this);
        auto* stored = new QLabel(row.stored, this);
        auto* mark = new QLabel(differs ? QStringLiteral("≠") : QStringLiteral("="), this);
        auto* incoming = new QLabel(row.incoming, this);
        stored->setObjectName(QStringLiteral("stored_") + QLatin1String(row.name));
        incoming->setObjectName(QStringLiteral("incoming_") + QLatin1String(row.name));
        mark->setToolTip(differs ? tr("differs") : tr("the same"));
        mark->setAccessibleName(differs ? tr("differs") : tr("the same"));
        if (differs) {
            stored->setFont(bold);
            incoming->setFont(bold);
            mark->setFont(bold);
        }
        for (QLabel* l : {stored, incoming})
            l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        table->addWidget(label, r, 0);
        table->addWidget(stored, r, 1);
        table->addWidget(mark, r, 2, Qt::AlignCenter);
        table->addWidget(incoming, r, 3);
        ++r;
    }
    table->setColumnStretch(1, 1);
    table->setColumnStretch(3, 1);
    layout->addLayout(table);

    auto* choice = new QGroupBox(tr("What should Techo do with the new records?"), this);
    auto* choiceLayout = new QVBoxLayout(choice);
    m_keepApart = new QRadioButton(tr("&Keep apart: they belong to someone else — put them in a new profile"), choice);
    m_keepApart->setObjectName(QStringLiteral("keepApartRadio"));
    m_skip = new QRadioButton(tr("&Skip: leave this person's new records out of this import"), choice);
    m_skip->setObjectName(QStringLiteral("skipRadio"));
    auto* group = new QButtonGroup(this);
    group->addButton(m_keepApart);
    group->addButton(m_skip);
    choiceLayout->addWidget(m_keepApart);
    choiceLayout->addWidget(m_skip);
    layout->addWidget(choice);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton* ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Continue the import"));
    ok->setEnabled(false); // never a default decision
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel the import"));
    connect(group, &QButtonGroup::buttonToggled, this, [ok] { ok->setEnabled(true); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
}

import::PersonResolution PersonConflictDialog::resolution() const {
    return m_keepApart->isChecked() ? import::PersonResolution::KeepApart : import::PersonResolution::Skip;
} // namespace techo::ui

} // namespace techo::ui
