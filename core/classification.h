#pragma once
#include <QString>
#include <vector>

namespace renkou::core {

/// One class of a classification: values v with lower <= v <= upper (the first class includes its lower
/// bound, every later class excludes it).
struct ClassRange {
    double lower = 0;
    double upper = 0;
    int count = 0;  ///< values that fall in the class
    QString label;  ///< legend text in the unit, e.g. "10.0 M – 45.6 M"
};

/// How values are split into classes (as in QGIS: the method is separate from the colours).
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
private:
    std::vector<double> calculateBreaks(const std::vector<double> &sorted, int k) const override;
};

/// Index of the class that holds `value`, or -1 when it is outside every class.
int classIndex(const std::vector<ClassRange> &classes, double value);
/// A value as people read it in the unit: "1.2 M", "430 k", "0.5 %", "12.3 ‰".
QString formatValue(double value, const QString &unit);
/// A value in full with thousands separators where it is a count of persons: "101,230,000".
QString formatFull(double value, const QString &unit);

} // namespace renkou::core
