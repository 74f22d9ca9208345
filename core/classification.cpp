#include "classification.h"

#include <QLocale>
#include <algorithm>
#include <cmath>

namespace renkou::core {

std::vector<ClassRange> ClassificationMethod::classes(std::vector<double> values, int k, const QString &unit) const
{
    std::vector<ClassRange> out;
    if (values.empty() || k < 1)
        return out;
    std::sort(values.begin(), values.end());
    std::vector<double> breaks = calculateBreaks(values, k);
    breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
    double lower = values.front();
    for (double upper : breaks) {
        ClassRange c;
        c.lower = lower;
        c.upper = upper;
        c.label = QStringLiteral("%1 – %2").arg(formatValue(lower, unit), formatValue(upper, unit));
        out.push_back(c);
        lower = upper;
    }
    for (double v : values) {
        const int i = classIndex(out, v);
        if (i >= 0)
            ++out[size_t(i)].count;
    }
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

int classIndex(const std::vector<ClassRange> &classes, double value)
{
    if (std::isnan(value))
        return -1;
    for (size_t i = 0; i < classes.size(); ++i) {
        const bool aboveLower = i == 0 ? value >= classes[i].lower : value > classes[i].lower;
        if (aboveLower && value <= classes[i].upper)
            return int(i);
    }
    return -1;
}

QString formatValue(double value, const QString &unit)
{
    const QLocale c = QLocale::c();
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
    const QString number = c.toString(value, 'f', std::abs(value) >= 100 ? 0 : (std::abs(value) >= 10 ? 1 : 2));
    if (unit == u"%" || unit == u"‰")
        return number + u' ' + unit;
    return number;
}

QString formatFull(double value, const QString &unit)
{
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions);
    if (unit == u"persons")
        return QLocale(QLocale::English).toString(value, 'f', 0);
    return c.toString(value, 'g', 10);
}

} // namespace renkou::core
