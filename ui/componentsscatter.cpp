#include "componentsscatter.h"

#include "chartpanel.h"
#include "classification.h"
#include "indicators.h"
#include "language.h"
#include "exporter.h"
#include "maprenderer.h"
#include "numbers.h"

#include <QAction>
#include <QChart>
#include <QClipboard>
#include <QChartView>
#include <QCursor>
#include <QGraphicsLayout>
#include <QGraphicsSimpleTextItem>
#include <QGuiApplication>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace renkou::ui {

ComponentsScatter::ComponentsScatter(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("componentsScatter"));
    m_chart = new QChart;
    m_chart->legend()->hide();
    m_chart->setTitleFont(mapFont(9, true));
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(170);
    m_tip = new HoverTip(m_view->viewport());
    m_key = new QLabel;
    m_key->setWordWrap(true);
    m_key->setFont(mapFont(8));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_key);
    connect(m_chart, &QChart::plotAreaChanged, this, [this] { placeLabels(); });
    // Exports: the picture (PNG, SVG or PDF, at 850 × 600, in the window's language), the copy, the numbers.
    const auto paint = [this](QPainter &p, const QRectF &r) { render(p, r, texts()); };
    auto *copy = new QAction(tr("Copy image"), this);
    connect(copy, &QAction::triggered, this, [paint] {
        QGuiApplication::clipboard()->setImage(pictureOf(ExportSize::atScale(2, QSizeF(850, 600)), paint));
    });
    auto *save = new QAction(tr("Export image…"), this);
    connect(save, &QAction::triggered, this, &ComponentsScatter::exportRequested);
    auto *numbers = new QAction(tr("Copy the numbers"), this);
    connect(numbers, &QAction::triggered, this, [this] { QGuiApplication::clipboard()->setText(m_numbers); });
    m_view->addActions({copy, save, numbers});
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
}

void ComponentsScatter::render(QPainter &painter, const QRectF &target, const ChartTexts &texts)
{
    // The plot in the frame of `texts`, with the key of the types shown (swatches in rows) under it.
    const QFont keyFont = mapFont(8);
    const QFontMetricsF keyMetrics(keyFont);
    const qreal line = keyMetrics.height() + 3;
    std::vector<std::pair<QPointF, size_t>> keyAt; // where each type's swatch goes
    qreal x = 8, y = 0;
    for (size_t i = 0; i < m_types.size(); ++i) {
        const qreal width = 16 + keyMetrics.horizontalAdvance(m_types[i].second) + 16;
        if (x + width > target.width() - 8 && x > 8) {
            x = 8;
            y += line;
        }
        keyAt.emplace_back(QPointF(x, y), i);
        x += width;
    }
    const qreal keyHeight = m_types.empty() ? 0 : y + line + 4;
    const QRectF plot = paintChartFrame(painter, target, texts);
    const QRectF chartRect = plot.adjusted(0, 0, 0, -keyHeight);
    // A figure names every unit it has room for (the selected ones first), so that a reader sees who is where.
    for (const Point &p : m_points)
        if (std::none_of(m_labels.begin(), m_labels.end(), [&](const auto &l) { return l.second == p.value && l.first->text() == p.name; }))
            m_otherLabels.emplace_back(nameItem(p.name, false), p.value);
    m_inFigure = true;
    m_chart->setTitle(QString()); // the frame's title is above
    m_chart->setGeometry(QRectF(QPointF(0, 0), chartRect.size()));
    if (m_chart->layout())
        m_chart->layout()->activate();
    placeLabels();
    painter.save();
    m_chart->scene()->render(&painter, chartRect, m_chart->geometry());
    painter.setFont(keyFont);
    for (const auto &[at, i] : keyAt) {
        const QPointF origin = QPointF(target.left(), chartRect.bottom()) + at;
        painter.setPen(QColor(0x55, 0x55, 0x55));
        painter.setBrush(m_types[i].first);
        painter.drawEllipse(QRectF(origin.x(), origin.y() + (line - 10) / 2, 10, 10));
        painter.setPen(QColor(0x22, 0x22, 0x22));
        painter.drawText(QPointF(origin.x() + 16, origin.y() + (line - keyMetrics.height()) / 2 + keyMetrics.ascent()), m_types[i].second);
    }
    painter.restore();
    // The screen's scatter as it was.
    for (const auto &label : m_otherLabels)
        delete label.first;
    m_otherLabels.clear();
    m_inFigure = false;
    m_chart->setGeometry(QRectF(QPointF(0, 0), m_view->viewport()->size()));
    if (m_chart->layout())
        m_chart->layout()->activate();
    placeLabels();
}

std::optional<QPointF> ComponentsScatter::pointOf(const QString &code) const
{
    for (const Point &p : m_points)
        if (p.code == code)
            return p.value;
    return std::nullopt;
}

std::optional<QPoint> ComponentsScatter::positionOf(const QString &code) const
{
    const auto p = pointOf(code);
    if (!p || m_chart->series().isEmpty())
        return std::nullopt;
    const QPointF scene = m_chart->mapToScene(m_chart->mapToPosition(*p, m_chart->series().front()));
    return m_view->mapTo(this, m_view->mapFromScene(scene));
}

QString ComponentsScatter::codeAt(const QPointF &point) const
{
    // The nearest point (hover and click give the point's value, not an index).
    QString best;
    double distance = 0;
    for (const Point &p : m_points) {
        const double d = std::hypot(p.value.x() - point.x(), p.value.y() - point.y());
        if (best.isEmpty() || d < distance) {
            best = p.code;
            distance = d;
        }
    }
    return best;
}

void ComponentsScatter::show(const core::DataBundle &bundle, core::Level level, int from, int year, const QSet<QString> &shown,
                             const QStringList &selection)
{
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes())
        m_chart->removeAxis(axis);
    for (const auto &label : m_labels)
        delete label.first;
    m_labels.clear();
    m_points.clear();
    m_tips.clear();
    m_numbers.clear();
    m_texts = {};
    m_types.clear();
    m_shortTitle.clear();
    m_chart->setTitle(QString());
    m_ring = nullptr;
    m_highlighted.clear();
    m_span.reset();
    const auto ctx = bundle.context();
    const auto natural = core::findIndicator(bundle.population, QStringLiteral("natural_increase_rate"));
    const auto migration = core::findIndicator(bundle.population, QStringLiteral("net_migration_rate"));
    const auto type = core::findIndicator(bundle.population, QStringLiteral("migration_type"));
    if (!natural || !migration || !type)
        return;
    struct Columns {
        core::Column n, m;
    };
    const auto columnsOf = [&](int a, int b) {
        Columns c{core::computeColumn(ctx, level, natural.value(), b, a), core::computeColumn(ctx, level, migration.value(), b, a)};
        if (!shown.isEmpty()) {
            core::keepUnits(c.n, shown);
            core::keepUnits(c.m, shown);
        }
        return c;
    };
    const auto count = [](const Columns &c) {
        int n = 0;
        for (const core::ColumnEntry &e : c.n.entries)
            if (const core::ColumnEntry *m = c.m.find(e.region->code); e.value && m && m->value)
                ++n;
        return n;
    };
    // The span asked for, unless fewer than half the units with a change have both rates for it (the latest
    // year's rates come out late): then the latest one-year span where at least half have, said in the title.
    QString asked;
    const auto population = core::findIndicator(bundle.population, QStringLiteral("population"));
    const auto change = core::findIndicator(bundle.population, QStringLiteral("change"));
    const auto enough = [&](const Columns &c, int a, int b) {
        core::Column changes = core::computeColumn(ctx, level, change.value(), b, a);
        if (!shown.isEmpty())
            core::keepUnits(changes, shown);
        const int units = int(changes.values().size());
        return count(c) > 0 && 2 * count(c) >= units;
    };
    Columns columns = columnsOf(from, year);
    if (!change || !population || !enough(columns, from, year)) {
        const int have = count(columns);
        asked = have == 0 ? tr("%1: no birth and death rates").arg(core::yearsLabel(from, year))
                          : tr("%1: birth and death rates only for %2 of the units").arg(core::yearsLabel(from, year)).arg(have);
        std::vector<int> years = population ? core::yearsWithData(ctx, level, population.value()) : std::vector<int>{};
        std::reverse(years.begin(), years.end());
        bool found = false;
        for (const int y : years) {
            if (y > year || std::find(years.begin(), years.end(), y - 1) == years.end())
                continue;
            columns = columnsOf(y - 1, y);
            if (change && enough(columns, y - 1, y)) {
                from = y - 1;
                year = y;
                found = true;
                break;
            }
        }
        if (!found) {
            m_texts.title = tr("Natural increase and net migration: too few units have both for any year");
            m_shortTitle = tr("Too few units have both rates");
            placeLabels();
            m_key->setText(level == core::Level::Prefecture ? tr("Prefecture-level units have no birth and death rates in the data.")
                                                            : tr("Too few birth and death rates in the loaded tables."));
            return;
        }
    }
    m_span = std::make_pair(from, year);
    m_texts.title = tr("Natural increase and net migration by %1, %2").arg(core::levelByLabel(level), core::yearsLabel(from, year));
    m_shortTitle = tr("Natural increase and net migration, %1").arg(core::yearsLabel(from, year));
    // Above the plot what it shows; under it what is not as asked, the caveats, the source.
    m_texts.subtitle = tr("Each point a unit: natural increase and net migration in ‰ of its mean population a year. Above the "
                          "dashed line the population grew, below it it fell.");
    QStringList notes; // what is not as asked, said on screen too
    if (!asked.isEmpty())
        notes << tr("%1; shown: %2, the latest year with them for most units.").arg(asked, core::yearsLabel(from, year));
    if (std::any_of(columns.m.entries.begin(), columns.m.entries.end(), [](const core::ColumnEntry &e) { return e.value && e.flag.contains(u"series_break"); }))
        notes << tr("%1 spans a series break: part of the change there is a revision of the estimates, not migration.")
                     .arg(core::yearsLabel(from, year));
    QStringList lacking;
    for (const core::ColumnEntry &e : columns.n.entries)
        if (const core::ColumnEntry *m = columns.m.find(e.region->code); !e.value || !m || !m->value)
            lacking << (core::currentLanguage() == core::Language::Chinese ? e.region->nameZh : e.region->nameEn);
    if (!lacking.isEmpty())
        notes << tr("Not shown, without birth and death rates or population for %1: %2.")
                     .arg(core::yearsLabel(from, year), lacking.join(core::currentLanguage() == core::Language::Chinese ? QStringLiteral("、") : QStringLiteral(", ")));
    m_texts.notes = (notes + QStringList{core::netMigrationCaveat()}).join(u'\n');
    std::vector<std::pair<QString, int>> sourceYears;
    for (const core::ColumnEntry &e : columns.m.entries)
        for (const QString &id : e.source.split(u';', Qt::SkipEmptyParts))
            for (const int y : {from, year})
                sourceYears.emplace_back(id, y);
    m_texts.source = tr("Source: %1.").arg(core::citeSources(bundle.sources, sourceYears, &bundle.regions));

    // One series per type, in the map's colours of migration_type.
    const std::vector<core::Category> types = core::categoriesOf(type.value());
    std::vector<QScatterSeries *> byType;
    for (const core::Category &c : types) {
        auto *s = new QScatterSeries;
        s->setName(c.label);
        s->setColor(c.color);
        s->setBorderColor(QColor(0x55, 0x55, 0x55));
        s->setMarkerSize(9);
        byType.push_back(s);
    }
    auto *selected = new QScatterSeries;
    selected->setMarkerSize(15);
    selected->setColor(Qt::transparent);
    selected->setBorderColor(Qt::black);
    selected->setPen(QPen(Qt::black, 2));
    double minX = 0, maxX = 0, minY = 0, maxY = 0;
    const bool chinese = core::currentLanguage() == core::Language::Chinese;
    m_numbers = QStringLiteral("code\tname_zh\tname_en\tfrom_year\tyear\tnatural_increase_rate\tnet_migration_rate\ttype\n");
    for (const core::ColumnEntry &e : columns.n.entries) {
        const core::ColumnEntry *m = columns.m.find(e.region->code);
        if (!e.value || !m || !m->value)
            continue;
        const QPointF v(*e.value, *m->value);
        const QString name = chinese ? e.region->nameZh : e.region->nameEn;
        m_points.push_back({e.region->code, name, v});
        const int t = core::webbType(v.x(), v.y());
        const auto c = std::find_if(types.begin(), types.end(), [&](const core::Category &x) { return x.code == t; });
        if (c != types.end())
            byType[size_t(c - types.begin())]->append(v);
        m_tips.insert(e.region->code, tr("%1, %2\nnatural increase %3 ‰ a year\nnet migration %4 ‰ a year\n%5")
                                          .arg(name, core::yearsLabel(from, year), core::typesetNumbers(QString::number(v.x(), 'f', 2)),
                                               core::typesetNumbers(QString::number(v.y(), 'f', 2)),
                                               c != types.end() ? c->label : QString()));
        m_numbers += QStringList{e.region->code, e.region->nameZh, e.region->nameEn, QString::number(from), QString::number(year),
                                 QString::number(v.x(), 'f', 3), QString::number(v.y(), 'f', 3),
                                 c != types.end() ? c->label : QString()}
                         .join(u'\t')
                     + u'\n';
        if (selection.contains(e.region->code)) {
            selected->append(v);
            m_labels.emplace_back(nameItem(name, true), v);
        }
        minX = std::min(minX, v.x());
        maxX = std::max(maxX, v.x());
        minY = std::min(minY, v.y());
        maxY = std::max(maxY, v.y());
    }
    const double padX = std::max((maxX - minX) * 0.08, 0.5), padY = std::max((maxY - minY) * 0.08, 0.5);
    auto *axisX = new QValueAxis;
    axisX->setRange(minX - padX, maxX + padX);
    axisX->setTitleText(tr("natural increase, ‰"));
    auto *axisY = new QValueAxis;
    axisY->setRange(minY - padY, maxY + padY);
    axisY->setTitleText(tr("net migration, ‰"));
    axisX->setLabelFormat(QStringLiteral("%.1f"));
    axisY->setLabelFormat(QStringLiteral("%.1f"));
    axisX = typesetAxis(axisX); // a true minus sign
    axisY = typesetAxis(axisY);
    for (QValueAxis *axis : {axisX, axisY}) {
        axis->setLabelsFont(mapFont(7.5));
        axis->setTitleFont(mapFont(7.5));
    }
    m_chart->addAxis(axisX, Qt::AlignBottom);
    m_chart->addAxis(axisY, Qt::AlignLeft);
    const auto add = [&](QAbstractSeries *s) {
        m_chart->addSeries(s);
        s->attachAxis(axisX);
        s->attachAxis(axisY);
    };
    // The axes through 0 and the diagonal of no change: growth above it, decline below.
    const double lo = std::min(axisX->min(), -axisY->max()), hi = std::max(axisX->max(), -axisY->min());
    const auto line = [&](QPointF a, QPointF b, const QPen &pen) {
        auto *l = new QLineSeries;
        l->append(a);
        l->append(b);
        l->setPen(pen);
        add(l);
    };
    const QPen zero(QColor(0x99, 0x99, 0x99), 1);
    line({axisX->min(), 0}, {axisX->max(), 0}, zero);
    line({0, axisY->min()}, {0, axisY->max()}, zero);
    line({lo, -lo}, {hi, -hi}, QPen(QColor(0x33, 0x33, 0x33), 1.2, Qt::DashLine));
    m_ring = new QScatterSeries;
    m_ring->setMarkerSize(19);
    m_ring->setColor(Qt::transparent);
    m_ring->setPen(QPen(QColor(0xe6, 0x55, 0x0d), 2.5));
    // Every series answers the mouse: the rings over a point must not swallow its hover and click.
    byType.push_back(selected);
    byType.push_back(m_ring);
    for (QScatterSeries *s : byType) {
        add(s);
        connect(s, &QScatterSeries::hovered, this, [this](const QPointF &p, bool state) {
            const QString code = state ? codeAt(p) : QString();
            m_tip->set(m_tips.value(code));
            emit unitHovered(code);
        });
        connect(s, &QScatterSeries::clicked, this, [this](const QPointF &p) {
            const QString code = codeAt(p);
            if (!code.isEmpty())
                emit unitClicked(code, QGuiApplication::keyboardModifiers() & Qt::ControlModifier);
        });
    }
    for (size_t t = 0; t < types.size(); ++t)
        if (byType[t]->count() > 0)
            m_types.emplace_back(types[t].color, types[t].label);
    // On screen: what it shows and what is not as asked (the caveats are the chart's, above), the colours, how
    // to use it.
    m_key->setText((QStringList{m_texts.subtitle} + notes).join(u' ')
                   + u' ' + tr("Colours: the type of change, as on the map of “Type of population change”. Click a point to select its unit."));
    placeLabels();
}

void ComponentsScatter::highlight(const QString &code)
{
    if (!m_ring)
        return;
    m_ring->clear();
    m_highlighted.clear();
    if (const auto p = pointOf(code)) {
        m_ring->append(*p);
        m_highlighted = code;
    }
}

QGraphicsSimpleTextItem *ComponentsScatter::nameItem(const QString &name, bool bold)
{
    auto *label = new QGraphicsSimpleTextItem(name, m_chart);
    label->setFont(mapFont(bold ? 8 : 7, bold));
    label->setZValue(100);
    auto *halo = new QGraphicsSimpleTextItem(name, label);
    halo->setFont(label->font());
    halo->setPen(QPen(QColor(255, 255, 255, 230), 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    halo->setBrush(Qt::white);
    halo->setFlag(QGraphicsItem::ItemStacksBehindParent);
    return label;
}

void ComponentsScatter::placeLabels()
{
    // On screen, a title wider than the plot in smaller type (down to 7 pt), else in its short form, rather
    // than cut; none in a figure (the frame's is above).
    if (!m_inFigure) {
        QFont title = mapFont(9, true);
        // The title item has margins of its own (the layout's, the chart's and its text document's).
        const auto tooWide = [&](const QString &text) { return QFontMetricsF(title).horizontalAdvance(text) > m_chart->size().width() - 40; };
        while (title.pointSizeF() > 7 && tooWide(m_texts.title))
            title.setPointSizeF(title.pointSizeF() - 0.5);
        const QString shown = tooWide(m_texts.title) ? m_shortTitle : m_texts.title;
        if (title != m_chart->titleFont())
            m_chart->setTitleFont(title);
        if (shown != m_chart->title())
            m_chart->setTitle(shown);
    }
    if (m_chart->series().isEmpty())
        return;
    // Each name beside its point where it covers no name placed before: right above, right below, left
    // above, left below.
    std::vector<QRectF> placed;
    const auto place = [&](QGraphicsSimpleTextItem *label, const QPointF &value, bool always) {
        const QPointF at = m_chart->mapToPosition(value, m_chart->series().front());
        const QSizeF size = label->boundingRect().size();
        const QPointF candidates[] = {at + QPointF(9, -size.height() - 2), at + QPointF(9, 2),
                                      at + QPointF(-9 - size.width(), -size.height() - 2), at + QPointF(-9 - size.width(), 2)};
        std::optional<QPointF> chosen;
        for (const QPointF &c : candidates) {
            const QRectF box(c, size);
            if (m_chart->plotArea().contains(box)
                && std::none_of(placed.begin(), placed.end(), [&](const QRectF &p) { return p.intersects(box); })) {
                chosen = c;
                break;
            }
        }
        if (!chosen && always)
            chosen = candidates[0];
        label->setVisible(chosen.has_value());
        if (chosen) {
            label->setPos(*chosen);
            placed.emplace_back(*chosen, size);
        }
    };
    for (const auto &[label, value] : m_labels)
        place(label, value, true);
    for (const auto &[label, value] : m_otherLabels)
        place(label, value, false);
}

} // namespace renkou::ui
