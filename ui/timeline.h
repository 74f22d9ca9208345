#pragma once
#include <QWidget>
#include <optional>
#include <vector>

class QTimer;
class QToolButton;

namespace renkou::ui {

/// The year strip under the map: every year of the range as a cell, years with data marked, the chosen
/// year (and in from–to mode the start year) highlighted. Click a year to choose it; Shift-click, or the
/// from–to mode, chooses the start of a change. Left/Right (or , and .) step through years with data;
/// the play button steps on its own.
class Timeline : public QWidget {
    Q_OBJECT
public:
    explicit Timeline(QWidget *parent = nullptr);

    void setRange(int first, int last);
    /// Years that have data for the current view; only these can be chosen. For a change (`span`), the
    /// years of either end: the first can be a start, not an end.
    void setDataYears(std::vector<int> years, bool span = false);
    /// Whether from–to can be switched on; `reason` says why not (a value of one year), as the button's tooltip.
    void setRangeAllowed(bool allowed, const QString &reason = {});
    const std::vector<int> &dataYears() const { return m_dataYears; }
    void setYear(int year);
    int year() const { return m_year; }
    /// The start year in from–to mode; nullopt when the mode is off.
    std::optional<int> from() const { return m_rangeMode ? std::optional<int>(m_from) : std::nullopt; }
    void setRangeMode(bool on, std::optional<int> from = std::nullopt);
    bool rangeMode() const { return m_rangeMode; }
    bool isPlaying() const;
    /// The centre of a year's cell, in widget coordinates (for tests and tooltips).
    QPoint cellCenter(int year) const;

public slots:
    void stepForward();
    void stepBack();
    void setPlaying(bool playing);

signals:
    /// The year, the from–to mode or the start year changed (by the user or by play).
    void changed();
    /// What the user must be told about a click: why it chose no years ("2000 is the first year with data: …"),
    /// or how it was read ("2005 is before the start: the change now starts in 2005").
    void notice(const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    QSize sizeHint() const override { return {800, 46}; }

private:
    QRectF stripRect() const;
    int yearAt(QPointF pos) const;
    bool hasData(int year) const;
    /// Years that can be the year shown (in a change, its end): not the first of a span.
    bool canEnd(int year) const;

    int m_first = 2000;
    int m_last = 2024;
    int m_year = 2024;
    int m_from = 2023;
    bool m_rangeMode = false;
    bool m_span = false;
    std::vector<int> m_dataYears;
    QTimer *m_timer = nullptr;
    QToolButton *m_play = nullptr;
    QToolButton *m_range = nullptr;
};

} // namespace renkou::ui
