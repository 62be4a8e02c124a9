#pragma once

#include "core/session/VaultSession.h"
#include "ui/RecordView.h"

#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <vector>

class QLabel;
class QSplitter;
class QVBoxLayout;

namespace techo::ui {

class TrendChartPlot;

// The trend chart of one checkup item (docs/app/trend-chart.md): a plot per item, stacked on one shared date
// axis, with the items that are read together — 収縮期血圧 with 拡張期血圧; LDL with HDL and 中性脂肪 (fasting and
// non-fasting); every other item alone — and a side panel that explains the judgement (which values, for
// which sex, from which document, what was converted) and holds the legend. Stacked plots rather than one
// shared plot: every item keeps its own bands and axis, so no band hides another's.
// Reads only through session::VaultSession::healthRecords() (series, profile, providers); holds the session
// without owning it, from showItem() until clear().
class TrendChartView final : public QWidget, public RecordView {
    Q_OBJECT
public:
    explicit TrendChartView(QWidget* parent = nullptr);
    ~TrendChartView() override;

    // Shows `logicalKey`'s trend (an ItemCatalog key such as "hba1c") for the profile, with its related items
    // (relatedKeys). An unknown key, an item that is not a number, a profile without values of it, or a core
    // error is said in words in place of the plots.
    void showItem(session::VaultSession& session, std::int64_t profileId, const QString& logicalKey);
    // Forgets everything shown and the session (locking).
    void clear();

    // RecordView: another profile (or a reload) shows the same item again; clearRecords() is clear().
    void showProfile(session::VaultSession& session, std::int64_t profileId) override;
    void clearRecords() override;

    // The item keys drawn for `logicalKey`, in the order they are stacked (those without values are skipped
    // when shown, except `logicalKey` itself).
    [[nodiscard]] static QStringList relatedKeys(const QString& logicalKey);
    // The plots on screen, top to bottom.
    [[nodiscard]] std::vector<TrendChartPlot*> plots() const;
    [[nodiscard]] QString logicalKey() const { return m_key; }
    // What the side panel says (rich text), and the message shown instead of plots (empty when plots show).
    [[nodiscard]] QString explanationText() const;
    [[nodiscard]] QString messageText() const;

protected:
    // A palette change (light ↔ dark desktop) redraws the legend's markers.
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void paintLegendIcons();
    // Lines the plots' value axes up on one left edge, so a checkup day is at the same x in every plot.
    void alignPlots();
    void showMessage(const QString& text);
    TrendChartPlot* plotAt(std::size_t index);

    session::VaultSession* m_session = nullptr;
    std::int64_t m_profileId = 0;
    QString m_key;
    QSplitter* m_splitter = nullptr;
    QWidget* m_plotArea = nullptr;
    QVBoxLayout* m_plotLayout = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_explanation = nullptr;
    QWidget* m_legend = nullptr;
    std::vector<QLabel*> m_legendIcons; // in the order of kLegend (TrendChartView.cpp)
    std::vector<TrendChartPlot*> m_plots; // a pool: plots are reused between items
    std::size_t m_shown = 0;
    bool m_sized = false; // the splitter got its first sizes
};

} // namespace techo::ui
