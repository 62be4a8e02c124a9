#include "ui/ProfileSwitcher.h"

#include "ui/DateText.h"

#include <QSignalBlocker>

namespace techo::ui {

ProfileSwitcher::ProfileSwitcher(QWidget* parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("profileSwitcher"));
    setAccessibleName(tr("Profile"));
    setToolTip(tr("Whose records the views show"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setMinimumContentsLength(8);
    connect(this, &QComboBox::currentIndexChanged, this, &ProfileSwitcher::onIndexChanged);
}

void ProfileSwitcher::setProfiles(const std::vector<domain::Profile>& profiles, std::optional<std::int64_t> keep)
{
    m_updating = true;
    clear();
    int keepIndex = profiles.empty() ? -1 : 0;
    for (const domain::Profile& profile : profiles) {
        const QString name = QString::fromStdString(profile.shownName());
        addItem(name, QVariant::fromValue<qlonglong>(profile.id));
        const int row = count() - 1;
        QString tip = profile.relationship == domain::Relationship::Self ? tr("%1 (you)").arg(name)
                                                                         : tr("%1 (family)").arg(name);
        if (profile.localName)
            tip += QLatin1Char('\n') + tr("Name from the source: %1").arg(QString::fromStdString(profile.displayName));
        if (profile.birthDate)
            tip += QLatin1Char('\n') + tr("Born %1").arg(dateText(*profile.birthDate));
        setItemData(row, tip, Qt::ToolTipRole);
        if (keep && profile.id == *keep)
            keepIndex = row;
    }
    setCurrentIndex(keepIndex);
    m_updating = false;
    onIndexChanged(keepIndex);
}

void ProfileSwitcher::clearProfiles()
{
    m_updating = true;
    clear();
    m_updating = false;
    m_shown.reset();
}

std::optional<std::int64_t> ProfileSwitcher::currentProfileId() const
{
    if (currentIndex() < 0)
        return std::nullopt;
    return std::int64_t(currentData().toLongLong());
}

bool ProfileSwitcher::selectProfile(std::int64_t id)
{
    const int index = findData(QVariant::fromValue<qlonglong>(id));
    if (index < 0)
        return false;
    setCurrentIndex(index);
    return true;
}

void ProfileSwitcher::onIndexChanged(int index)
{
    if (m_updating)
        return;
    const std::optional<std::int64_t> id
        = index < 0 ? std::nullopt : std::optional<std::int64_t>(itemData(index).toLongLong());
    if (id == m_shown)
        return;
    m_shown = id;
    if (id)
        emit profileSelected(*id);
}

} // namespace techo::ui
