#pragma once
#include <QString>
#include <optional>
#include <vector>

namespace renkou::core {

/// One class of a classification: the values between lower and upper, each end included or not.
struct ClassRange {
    double lower = 0;
    double upper = 0;
    bool includeLower = false;
    bool includeUpper = true;
    int count = 0;  ///< values that fall in the class
    QString label;  ///< legend text in the unit, e.g. "10.0 M – 45.6 M"

    bool contains(double v) const
    {
        return (includeLower ? v >= lower : v > lower) && (includeUpper ? v <= upper : v < upper);
    }
};

/// How values are split into classes (as in QGIS: the method is separate from the colours). The first class
/// includes its lower bound, every later class excludes it: (lower, upper].
class ClassificationMethod {
public:
    virtual ~ClassificationMethod() = default;
    /// Classes for `values` (NaN-free), at most `k`; fewer when there are fewer distinct values.
    std::vector<ClassRange> classes(std::vector<double> values, int k, const QString &unit) const;

private:
    /// Upper bounds of the classes, ascending, the last being the maximum. `sorted` is non-empty, ascending.
    virtual std::vector<double> calculateBreaks(const std::vector<double> &sorted, int k) const = 0;
};

/// Classes with (about) the same number of values each.
class QuantileClassification final : public ClassificationMethod {
    std::vector<double> calculateBreaks(const std::vector<double> &sorted, int k) const override;
};

/// Classes of equal width from the minimum to the maximum.
class EqualIntervalClassification final : public ClassificationMethod {
    std::vector<double> calculateBreaks(const std::vector<double> &sorted, int k) const override;
};

/// Jenks natural breaks (Fisher's exact optimisation: least squared deviation from the class means).
class JenksClassification final : public ClassificationMethod {
    std::vector<double> calculateBreaks(const std::vector<double> &sorted, int k) const override;
};

/// Breaks the user gives: upper bounds of every class but the last (which ends at the maximum).
class ManualClassification final : public ClassificationMethod {
public:
    explicit ManualClassification(std::vector<double> breaks) : m_breaks(std::move(breaks)) {}

private:
    std::vector<double> calculateBreaks(const std::vector<double> &sorted, int k) const override;
    std::vector<double> m_breaks;
};

/// Classes for a change: `perSide` classes of equal width below −neutral and above +neutral, symmetric
/// around 0 (the widest side sets the width), and one neutral class [−neutral, +neutral] ("flat"; with
/// neutral = 0 it holds exact zeros only). Always 2 × perSide + 1 classes, in ascending order.
std::vector<ClassRange> divergingClasses(const std::vector<double> &values, int perSide, double neutral,
                                         const QString &unit);

/// Diverging classes robust to an outlier: as divergingClasses(), 2 × perSide + 1 classes in ascending
/// order around a neutral class, but each side's breaks are the quantiles of that side's values (rounded to
/// two significant digits), so that one large change does not crowd every other unit into one class. The
/// outer classes are open: "< −1.2 M", "> 1.2 M". A side without values keeps classes that hold none.
/// (Breaks from each side's quantiles, as in Brewer & Pickle 2002 on diverging schemes for maps of change.)
std::vector<ClassRange> divergingQuantileClasses(const std::vector<double> &values, int perSide, double neutral,
                                                 const QString &unit);

/// Index of the class that holds `value`, or -1 when it is outside every class (or NaN).
int classIndex(const std::vector<ClassRange> &classes, double value);
/// A value as people read it in the unit: "1.2 M", "430 k", "0.5 %", "12.3 ‰"; with the Chinese language
/// installed, persons in 万 and 亿 ("1.01亿", "43万", "−43万").
QString formatValue(double value, const QString &unit);
/// A tick of an axis of persons, as people read it and all in one unit: "1.5 M", "−500 k", "0" (in English
/// the unit of `largest`, the axis's largest absolute tick: bn, M, k); in Chinese "200万", "1.2亿". As many
/// decimals as `step` (the ticks' spacing, persons) needs. A hyphen-minus: typesetNumbers() sets it.
QString formatPersonsTick(double persons, double largest, double step);
/// A value in full with thousands separators where it is a count of persons: "101,230,000". For CSV, copies
/// and the CLI: no digit is lost.
QString formatFull(double value, const QString &unit);
/// A value rounded as the unit is read, for the screen: persons whole ("1,234,000"), % to 0.1 ("15.5"), ‰ to
/// 0.01 ("6.39", as NBS publishes rates), persons per km² to 0.1 ("261.0"), other units to six significant
/// digits (whole numbers from 100,000 up), with thousands separators. With the Chinese language installed,
/// persons in 万 ("10080万", "65.9万", "−43万").
QString formatShown(double value, const QString &unit);
/// `number` with the sign of its unit when that is % or ‰ ("83.8 %" in English, "83.8%" in Chinese, as
/// Chinese typography sets it); `number` alone for other units.
QString withUnitSign(const QString &number, const QString &unit);
/// A unit's name for reading, in the language installed: "persons" is "人" in Chinese, "persons per km²"
/// "人/平方千米", "percentage points" "个百分点" …; % and ‰ as they are; a unit it does not know as it is.
/// The unit itself (of the data and the CLI) stays as written.
QString unitLabel(const QString &unit);

} // namespace renkou::core
