#include "classification.h"

#include "language.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <QLocale>
#include <algorithm>
#include <cmath>
#include <limits>

namespace renkou::core {

namespace {

/// A bound for a legend: with a true minus sign (U+2212), not a hyphen.
QString bound(double value, const QString &unit)
{
    return formatValue(value, unit).replace(u'-', QChar(0x2212));
}

QString rangeLabel(double lower, double upper, const QString &unit)
{
    if (currentLanguage() == Language::Chinese)
        return QStringLiteral("%1至%2").arg(bound(lower, unit), bound(upper, unit));
    return QStringLiteral("%1 – %2").arg(bound(lower, unit), bound(upper, unit));
}

/// The label of an open outer class: "> 1.2 M" (above `value`) or "< −1.2 M" (below it).
QString openLabel(double value, bool above, const QString &unit)
{
    if (currentLanguage() == Language::Chinese)
        return (above ? QStringLiteral("%1以上") : QStringLiteral("%1以下")).arg(bound(value, unit));
    return (above ? QStringLiteral("> %1") : QStringLiteral("< %1")).arg(bound(value, unit));
}

/// `v` rounded to two significant digits (a legend's break: 1,234,567 → 1,200,000).
double roundedBreak(double v)
{
    if (v == 0 || !std::isfinite(v))
        return v;
    const double magnitude = std::pow(10.0, std::floor(std::log10(std::abs(v))) - 1);
    const double r = std::round(v / magnitude) * magnitude;
    return std::isfinite(r) ? r : v;
}

/// A count in 万 and 亿, as Chinese statistics write it: "1.01亿", "43万", "−43万"; `decimals` at most;
/// without `yi` in 万 only ("10080万": every digit the NBS publishes).
QString chineseCount(double value, int decimals, bool yi)
{
    const QLocale c = QLocale::c(); // Chinese statistics group no digits before 万: 10080万
    const double a = std::abs(value);
    QString number;
    if (yi && a >= 1e8)
        number = c.toString(a / 1e8, 'f', 2) + u'亿';
    else if (a >= 1e4)
        number = c.toString(a / 1e4, 'f', a >= 1e6 && decimals < 2 ? 0 : decimals) + u'万';
    else
        return c.toString(value, 'f', 0);
    // Trailing zeros of the decimals say nothing: 43.0万 is 43万.
    static const QRegularExpression zeros(QStringLiteral("\\.?0+(?=[万亿])"));
    if (number.contains(u'.'))
        number.remove(zeros);
    return (value < 0 ? QStringLiteral("−") : QString()) + number;
}

void count(std::vector<ClassRange> &classes, const std::vector<double> &values)
{
    for (double v : values) {
        const int i = classIndex(classes, v);
        if (i >= 0)
            ++classes[size_t(i)].count;
    }
}

} // namespace

std::vector<ClassRange> ClassificationMethod::classes(std::vector<double> values, int k, const QString &unit) const
{
    std::vector<ClassRange> out;
    values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }), values.end());
    if (values.empty() || k < 1)
        return out;
    std::sort(values.begin(), values.end());
    std::vector<double> breaks = calculateBreaks(values, k);
    std::sort(breaks.begin(), breaks.end());
    breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
    double lower = values.front();
    for (double upper : breaks) {
        if (upper < lower)
            continue;
        ClassRange c;
        c.lower = lower;
        c.upper = upper;
        c.includeLower = out.empty();
        c.label = rangeLabel(lower, upper, unit);
        out.push_back(c);
        lower = upper;
    }
    count(out, values);
    return out;
}

std::vector<double> QuantileClassification::calculateBreaks(const std::vector<double> &sorted, int k) const
{
    std::vector<double> breaks;
    const size_t n = sorted.size();
    for (int i = 1; i < k; ++i) {
        // Upper bound of class i: the value at the i/k quantile (lower of the two neighbours).
        const size_t pos = std::min(n - 1, size_t(std::ceil(double(n) * i / k)) - 1);
        breaks.push_back(sorted[pos]);
    }
    breaks.push_back(sorted.back());
    return breaks;
}

std::vector<double> EqualIntervalClassification::calculateBreaks(const std::vector<double> &sorted, int k) const
{
    std::vector<double> breaks;
    const double lo = sorted.front();
    const double hi = sorted.back();
    for (int i = 1; i < k; ++i) {
        // A weighted mean of the ends: hi − lo itself overflows for values beyond ±DBL_MAX / 2.
        const double t = double(i) / k;
        breaks.push_back(lo * (1 - t) + hi * t);
    }
    breaks.push_back(sorted.back());
    return breaks;
}

std::vector<double> JenksClassification::calculateBreaks(const std::vector<double> &sorted, int k) const
{
    // Fisher (1958) / Jenks: dynamic programming over class ends, O(k·n²). Values are few (a few hundred
    // units), so this is fast enough.
    const int n = int(sorted.size());
    k = std::min(k, n);
    // The sums run on values scaled into [−1, 1] (the classes do not change under scaling): squares of values
    // above ~1.3e154 would overflow to infinity and leave no class end to choose.
    const double scale = std::max(std::abs(sorted.front()), std::abs(sorted.back()));
    const double divisor = scale > 0 ? scale : 1;
    std::vector<double> prefix(size_t(n) + 1, 0), prefixSq(size_t(n) + 1, 0);
    for (int i = 0; i < n; ++i) {
        const double v = sorted[size_t(i)] / divisor;
        prefix[size_t(i) + 1] = prefix[size_t(i)] + v;
        prefixSq[size_t(i) + 1] = prefixSq[size_t(i)] + v * v;
    }
    // Squared deviation of sorted[a..b] (inclusive) from its mean.
    auto ssd = [&](int a, int b) {
        const double m = b - a + 1;
        const double s = prefix[size_t(b) + 1] - prefix[size_t(a)];
        return prefixSq[size_t(b) + 1] - prefixSq[size_t(a)] - s * s / m;
    };
    const double inf = std::numeric_limits<double>::infinity();
    // cost[c][i]: best cost of splitting sorted[0..i] into c+1 classes; start[c][i]: first index of the last class.
    std::vector<std::vector<double>> cost(size_t(k), std::vector<double>(size_t(n), inf));
    // Every start defaults to the first index the class can have, so the walk back always stays in range.
    std::vector<std::vector<int>> start(static_cast<size_t>(k));
    for (int c = 0; c < k; ++c)
        start[size_t(c)].assign(size_t(n), c);
    for (int i = 0; i < n; ++i)
        cost[0][size_t(i)] = ssd(0, i);
    for (int c = 1; c < k; ++c) {
        for (int i = c; i < n; ++i) {
            for (int j = c; j <= i; ++j) {
                const double v = cost[size_t(c) - 1][size_t(j) - 1] + ssd(j, i);
                if (v < cost[size_t(c)][size_t(i)]) {
                    cost[size_t(c)][size_t(i)] = v;
                    start[size_t(c)][size_t(i)] = j;
                }
            }
        }
    }
    std::vector<double> breaks(static_cast<size_t>(k));
    int end = n - 1;
    for (int c = k - 1; c >= 0; --c) {
        breaks[size_t(c)] = sorted[size_t(end)];
        if (c > 0)
            end = start[size_t(c)][size_t(end)] - 1;
    }
    return breaks;
}

std::vector<double> ManualClassification::calculateBreaks(const std::vector<double> &sorted, int) const
{
    std::vector<double> breaks;
    for (double b : m_breaks) {
        if (b >= sorted.front() && b < sorted.back())
            breaks.push_back(b);
    }
    breaks.push_back(sorted.back());
    return breaks;
}

namespace {
/// The middle class of a diverging scale: [−neutral, +neutral], "no change" (0) or "flat (±x)".
ClassRange neutralClass(double neutral, const QString &unit)
{
    ClassRange flat;
    flat.lower = -neutral;
    flat.upper = neutral;
    flat.includeLower = true;
    flat.includeUpper = true;
    // Chinese figures read 持平 / 无变化.
    const bool chinese = currentLanguage() == Language::Chinese;
    flat.label = neutral > 0 ? (chinese ? QStringLiteral("持平（±%1）") : QStringLiteral("flat (±%1)")).arg(formatValue(neutral, unit))
                             : (chinese ? QStringLiteral("无变化") : QStringLiteral("no change"));
    return flat;
}

} // namespace

std::vector<ClassRange> divergingClasses(const std::vector<double> &values, int perSide, double neutral,
                                         const QString &unit)
{
    std::vector<ClassRange> out;
    perSide = std::max(1, perSide);
    neutral = std::abs(neutral);
    double extent = neutral;
    for (double v : values) {
        if (!std::isnan(v))
            extent = std::max(extent, std::abs(v));
    }
    if (extent == neutral)
        extent = neutral > 0 ? 2 * neutral : 1; // nothing outside the neutral band: keep the classes valid
    const double width = (extent - neutral) / perSide;
    // Decline: [−extent, …], (…, …], …, (…, −neutral)
    for (int i = 0; i < perSide; ++i) {
        ClassRange c;
        c.lower = -extent + width * i;
        c.upper = i == perSide - 1 ? -neutral : -extent + width * (i + 1);
        c.includeLower = i == 0;
        c.includeUpper = i != perSide - 1;
        c.label = rangeLabel(c.lower, c.upper, unit);
        out.push_back(c);
    }
    out.push_back(neutralClass(neutral, unit));
    // Growth: (neutral, …], …, (…, extent]
    for (int i = 0; i < perSide; ++i) {
        ClassRange c;
        c.lower = i == 0 ? neutral : neutral + width * i;
        c.upper = i == perSide - 1 ? extent : neutral + width * (i + 1);
        c.includeLower = false;
        c.includeUpper = true;
        c.label = rangeLabel(c.lower, c.upper, unit);
        out.push_back(c);
    }
    count(out, values);
    return out;
}

std::vector<ClassRange> divergingQuantileClasses(const std::vector<double> &values, int perSide, double neutral,
                                                 const QString &unit)
{
    perSide = std::max(1, perSide);
    neutral = std::abs(neutral);
    // Each side's sizes (distance from 0), sorted; the breaks between its classes are their quantiles.
    std::vector<double> down, up;
    for (double v : values) {
        if (std::isnan(v))
            continue;
        if (v < -neutral)
            down.push_back(-v);
        else if (v > neutral)
            up.push_back(v);
    }
    const auto sideBreaks = [&](std::vector<double> &sizes) {
        std::sort(sizes.begin(), sizes.end());
        std::vector<double> breaks; // perSide − 1 inner breaks, then the largest size
        const double largest = sizes.empty() ? std::max(2 * neutral, 1.0) : sizes.back();
        for (int i = 1; i < perSide; ++i) {
            // The i-th break closes the i-th k-quantile group: each class holds about n / perSide sizes.
            double b = sizes.empty() ? largest * i / perSide
                                     : sizes[std::max<size_t>(1, sizes.size() * size_t(i) / size_t(perSide)) - 1];
            b = std::clamp(roundedBreak(b), neutral, largest);
            breaks.push_back(breaks.empty() ? b : std::max(b, breaks.back()));
        }
        breaks.push_back(largest);
        return breaks;
    };
    const std::vector<double> downBreaks = sideBreaks(down);
    const std::vector<double> upBreaks = sideBreaks(up);
    std::vector<ClassRange> out;
    // Decline, most first: [−largest, −b(k−1)), [−b(k−1), −b(k−2)), …, [−b1, −neutral): a loss of exactly
    // b(i) is in the class of the smaller losses, as a gain of b(i) is in that of the smaller gains.
    for (int i = perSide - 1; i >= 0; --i) {
        ClassRange c;
        c.lower = -downBreaks[size_t(i)];
        c.upper = i == 0 ? -neutral : -downBreaks[size_t(i - 1)];
        c.includeLower = true;
        c.includeUpper = false;
        c.label = i == perSide - 1 && perSide > 1 ? openLabel(c.upper, false, unit) : rangeLabel(c.lower, c.upper, unit);
        out.push_back(c);
    }
    out.push_back(neutralClass(neutral, unit));
    // Growth: (neutral, b1], …, (b(k−1), largest]
    for (int i = 0; i < perSide; ++i) {
        ClassRange c;
        c.lower = i == 0 ? neutral : upBreaks[size_t(i - 1)];
        c.upper = upBreaks[size_t(i)];
        c.includeLower = false;
        c.includeUpper = true;
        c.label = i == perSide - 1 && perSide > 1 ? openLabel(c.lower, true, unit) : rangeLabel(c.lower, c.upper, unit);
        out.push_back(c);
    }
    count(out, values);
    return out;
}

int classIndex(const std::vector<ClassRange> &classes, double value)
{
    if (std::isnan(value))
        return -1;
    for (size_t i = 0; i < classes.size(); ++i) {
        if (classes[i].contains(value))
            return int(i);
    }
    return -1;
}

namespace {
/// Beyond ±1e15 (or below 1e−3 for a rate) numbers are written in scientific notation: "1.2e+200".
bool needsScientific(double value, const QString &unit)
{
    const double a = std::abs(value);
    return !std::isfinite(value) || a >= 1e15 || (a > 0 && a < 1e-3 && unit != u"persons");
}
} // namespace

QString formatValue(double value, const QString &unit)
{
    const QLocale c = QLocale::c();
    if (needsScientific(value, unit)) {
        return withUnitSign(c.toString(value, 'g', 3), unit);
    }
    if (unit == u"persons" && currentLanguage() == Language::Chinese)
        return chineseCount(value, 1, true);
    if (unit == u"persons") {
        const double a = std::abs(value);
        if (a >= 1e9)
            return c.toString(value / 1e9, 'f', 2) + QStringLiteral(" bn");
        if (a >= 1e6)
            return c.toString(value / 1e6, 'f', 1) + QStringLiteral(" M");
        if (a >= 1e4)
            return c.toString(value / 1e3, 'f', 0) + QStringLiteral(" k");
        return c.toString(value, 'f', 0);
    }
    return withUnitSign(c.toString(value, 'f', std::abs(value) >= 100 ? 0 : (std::abs(value) >= 10 ? 1 : 2)), unit);
}

QString formatPersonsTick(double persons, double largest, double step)
{
    const bool chinese = currentLanguage() == Language::Chinese;
    const double a = std::abs(largest);
    const auto [divisor, suffix] = chinese ? (a >= 1e8 ? std::pair{1e8, QStringLiteral("亿")} : a >= 1e4 ? std::pair{1e4, QStringLiteral("万")}
                                                                                                        : std::pair{1.0, QString()})
                                           : (a >= 1e9   ? std::pair{1e9, QStringLiteral(" bn")}
                                              : a >= 1e6 ? std::pair{1e6, QStringLiteral(" M")}
                                              : a >= 1e4 ? std::pair{1e3, QStringLiteral(" k")}
                                                         : std::pair{1.0, QString()});
    int decimals = 0;
    while (decimals < 3 && std::abs(step / divisor * std::pow(10, decimals) - std::round(step / divisor * std::pow(10, decimals))) > 1e-6)
        ++decimals;
    if (std::abs(persons) < step * 1e-6)
        return QStringLiteral("0");
    // Chinese statistics write 1000万 without a separator; English separates thousands ("1,500 k").
    const QLocale locale = chinese ? QLocale::c() : QLocale(QLocale::English);
    return locale.toString(persons / divisor, 'f', decimals) + suffix;
}

QString withUnitSign(const QString &number, const QString &unit)
{
    if (unit != u"%" && unit != u"‰")
        return number;
    return currentLanguage() == Language::Chinese ? number + unit : number + u' ' + unit;
}

QString formatShown(double value, const QString &unit)
{
    const QLocale english(QLocale::English);
    if (needsScientific(value, unit))
        return QLocale::c().toString(value, 'g', 6);
    if (unit == u"persons" && currentLanguage() == Language::Chinese)
        return chineseCount(value, 2, false);
    if (unit == u"persons")
        return english.toString(value, 'f', 0);
    if (unit == u"%")
        return english.toString(value, 'f', 1);
    if (unit == u"percentage points")
        return english.toString(value, 'f', 2);
    if (unit == u"‰")
        return english.toString(value, 'f', 2);
    if (unit == u"persons per km²")
        return english.toString(value, 'f', 1);
    if (std::abs(value) >= 1e5)
        return english.toString(value, 'f', 0);
    return english.toString(value, 'g', 6);
}

QString unitLabel(const QString &unit)
{
    static const char *const units[] = {
        QT_TRANSLATE_NOOP("Unit", "persons"),
        QT_TRANSLATE_NOOP("Unit", "persons per km²"),
        QT_TRANSLATE_NOOP("Unit", "percentage points"),
        QT_TRANSLATE_NOOP("Unit", "persons per household"),
        QT_TRANSLATE_NOOP("Unit", "males per 100 females"),
    };
    for (const char *u : units)
        if (unit == QString::fromUtf8(u))
            return QCoreApplication::translate("Unit", u);
    if (unit == u"category") // the class is named in words: no unit to read
        return {};
    return unit;
}

QString formatFull(double value, const QString &unit)
{
    if (needsScientific(value, unit))
        return QLocale::c().toString(value, 'g', 10);
    if (unit == u"persons")
        return QLocale(QLocale::English).toString(value, 'f', 0);
    return QLocale::c().toString(value, 'g', 10);
}

} // namespace renkou::core
