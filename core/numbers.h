#pragma once
#include <QByteArrayView>
#include <QString>
#include <optional>

namespace renkou::core {

/// A number as people write it in tables: "2189", "2,189" and "2 189" (thousands separators), full-width
/// digits ("２１８９"), a Unicode minus ("−3"), "1.5e3". nullopt if the text is not a finite number.
std::optional<double> parseNumber(const QString &text);
/// parseNumber() of UTF-8 text; a plain number ("2189.5", " -3 ") is read without making a QString.
std::optional<double> parseNumber(QByteArrayView utf8);

/// True for a cell that means "no value": empty, NA, N/A, null, -, --, .., …, —.
bool isNoDataMarker(const QString &text);

/// A unit of persons and its factor to persons: 人/persons 1, 千人 1,000, 万人 and "10000 persons" 10,000,
/// 百万人 1,000,000, 亿人 100,000,000. nullopt for any other unit.
std::optional<double> personsFactor(const QString &unit);

/// A unit of persons named inside a header, title or comment ("年末常住人口(万人)", "# … 10000 persons"),
/// or empty.
QString personsUnitIn(const QString &text);

/// "年末常住人口(万人)" → "年末常住人口": a title without its bracketed unit.
QString withoutUnit(const QString &text);

/// Text with numbers set as print sets them: a hyphen between two numbers becomes an en dash ("2011-2019"
/// → "2011–2019"), a hyphen before a number after a space or bracket a minus sign ("(-1.74" → "(−1.74");
/// other hyphens ("first-published") stay. For notes that the data bundle writes with ASCII hyphens.
QString typesetNumbers(const QString &text);

/// The bundle's indicator for a Chinese or English statistical term (年末常住人口, 常住人口 → resident_population;
/// 出生率 → birth_rate …), or empty.
QString indicatorForTerm(const QString &term);

} // namespace renkou::core
