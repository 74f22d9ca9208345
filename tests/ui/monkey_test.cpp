// The GUI monkey: random clicks, drags, wheel turns, keys, menu actions and resizes on the real main window
// for RENKOU_MONKEY_SECONDS (default 15). The seed is printed; RENKOU_MONKEY_SEED replays a run. Under the
// asan preset any sanitizer report ends the process and fails the test.
#include "mainwindow.h"
#include "mapview.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QMenu>
#include <QMenuBar>
#include <QRandomGenerator>
#include <QTest>
#include <QTimer>
#include <QWheelEvent>
#include <gtest/gtest.h>

using namespace renkou;

namespace {

/// Every menu action but Quit, with those of submenus.
QList<QAction *> menuActions(QMenuBar *bar)
{
    QList<QAction *> out;
    std::function<void(QMenu *)> walk = [&](QMenu *menu) {
        for (QAction *a : menu->actions()) {
            if (a->menu())
                walk(a->menu());
            else if (!a->isSeparator() && a->shortcut() != QKeySequence(QKeySequence::Quit))
                out << a;
        }
    };
    for (QAction *a : bar->actions()) {
        if (a->menu())
            walk(a->menu());
    }
    return out;
}

} // namespace

TEST(Monkey, RandomInputNeverCrashesTheMainWindow)
{
    const int seconds = qEnvironmentVariableIsSet("RENKOU_MONKEY_SECONDS") ? qEnvironmentVariableIntValue("RENKOU_MONKEY_SECONDS") : 15;
    const quint32 seed = qEnvironmentVariableIsSet("RENKOU_MONKEY_SEED") ? quint32(qEnvironmentVariableIntValue("RENKOU_MONKEY_SEED"))
                                                                         : QRandomGenerator::system()->generate();
    std::printf("monkey: %d s, RENKOU_MONKEY_SEED=%u\n", seconds, seed);
    RecordProperty("seed", std::to_string(seed));
    QRandomGenerator rng(seed);

    app::MainWindow window{QStringLiteral(RENKOU_BUNDLE_DIR)};
    window.resize(1300, 850);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.isFullyLoaded(), 60000);
    auto *map = window.findChild<ui::MapView *>(QStringLiteral("mapView"));
    ASSERT_NE(map, nullptr);

    // Dialogs and popups the monkey opens are closed again, as a user would dismiss them.
    int dismissed = 0;
    QTimer closer;
    closer.setInterval(30);
    QObject::connect(&closer, &QTimer::timeout, [&] {
        if (QWidget *w = QApplication::activePopupWidget()) {
            w->close();
            ++dismissed;
        } else if (QWidget *m = QApplication::activeModalWidget()) {
            m->close();
            ++dismissed;
        }
    });
    closer.start();

    const QList<QAction *> actions = menuActions(window.menuBar());
    ASSERT_FALSE(actions.isEmpty());
    const int keys[] = {Qt::Key_G, Qt::Key_P, Qt::Key_0, Qt::Key_Home, Qt::Key_Backspace, Qt::Key_Comma,
                        Qt::Key_Period, Qt::Key_PageUp, Qt::Key_PageDown, Qt::Key_Escape, Qt::Key_Return,
                        Qt::Key_Up, Qt::Key_Down, Qt::Key_Left, Qt::Key_Right, Qt::Key_Tab, Qt::Key_Plus,
                        Qt::Key_Minus, Qt::Key_A, Qt::Key_C, Qt::Key_Space};
    auto randomPoint = [&](QWidget *w) {
        return QPoint(int(rng.bounded(std::max(1, w->width()))), int(rng.bounded(std::max(1, w->height()))));
    };
    auto randomWidget = [&]() -> QWidget * {
        QList<QWidget *> all;
        for (QWidget *w : window.findChildren<QWidget *>()) {
            if (w->isVisible() && w->isEnabled() && w->window() == &window)
                all << w;
        }
        return all.isEmpty() ? map : all.at(int(rng.bounded(quint32(all.size()))));
    };

    QElapsedTimer clock;
    clock.start();
    int events = 0;
    while (clock.elapsed() < seconds * 1000) {
        switch (rng.bounded(11)) {
        case 0:
        case 1: {
            QWidget *w = randomWidget();
            QTest::mouseClick(w, rng.bounded(4) == 0 ? Qt::RightButton : Qt::LeftButton,
                              rng.bounded(3) == 0 ? Qt::ControlModifier : Qt::NoModifier, randomPoint(w));
            break;
        }
        case 2:
            QTest::mouseClick(map, Qt::LeftButton, rng.bounded(2) ? Qt::ControlModifier : Qt::NoModifier, randomPoint(map));
            break;
        case 3:
            QTest::mouseDClick(map, Qt::LeftButton, {}, randomPoint(map));
            break;
        case 4: {
            QPoint p = randomPoint(map);
            QTest::mousePress(map, Qt::LeftButton, {}, p);
            for (int i = 0; i < 5; ++i) {
                p += QPoint(int(rng.bounded(41)) - 20, int(rng.bounded(41)) - 20);
                QMouseEvent move(QEvent::MouseMove, p, map->mapToGlobal(p), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
                QApplication::sendEvent(map, &move);
            }
            QTest::mouseRelease(map, Qt::LeftButton, {}, p);
            break;
        }
        case 5: {
            const QPoint p = randomPoint(map);
            QWheelEvent wheel(p, map->mapToGlobal(p), {}, QPoint(0, rng.bounded(2) ? 120 : -120), Qt::NoButton,
                              Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(map, &wheel);
            break;
        }
        case 6:
        case 7: {
            QWidget *w = rng.bounded(2) ? map : randomWidget();
            QTest::keyClick(w, Qt::Key(keys[rng.bounded(int(std::size(keys)))]),
                            rng.bounded(5) == 0 ? Qt::ShiftModifier : Qt::NoModifier);
            break;
        }
        case 8:
            actions.at(int(rng.bounded(quint32(actions.size()))))->trigger();
            break;
        case 9: {
            const auto boxes = window.findChildren<QComboBox *>();
            QComboBox *box = boxes.at(int(rng.bounded(quint32(boxes.size()))));
            if (box->isEnabled() && box->count() > 0)
                box->setCurrentIndex(int(rng.bounded(quint32(box->count()))));
            break;
        }
        case 10:
            window.resize(700 + int(rng.bounded(900)), 500 + int(rng.bounded(500)));
            break;
        }
        ++events;
        QTest::qWait(int(rng.bounded(15)));
    }
    std::printf("monkey: %d events, %d dialogs or popups dismissed\n", events, dismissed);
    EXPECT_GT(events, 20);
    EXPECT_TRUE(window.isVisible());
    // Still a working map: it shows a column of the current level.
    EXPECT_FALSE(window.column().entries.empty());
}
