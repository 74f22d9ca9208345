#pragma once
#include "databundle.h"
#include "geometry.h"
#include "populationstore.h"
#include "result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <optional>
#include <vector>

namespace renkou::core {

/// How the side panel's chart shows the selected units' resident population.
enum class ChartMode {
    Values,  ///< persons
    Indexed, ///< index, base year = 100
    Change,  ///< change from the year before (bars)
    Share,   ///< share of the province (of the 31 provinces for a province), %
    Components, ///< components of change: natural increase and net migration of each year (bars), the change as a marker
};

/// "values", "indexed", "change", "share", "components" (as the CLI's `chart --mode` writes them, "absolute" for values).
QString chartModeName(ChartMode mode);
std::optional<ChartMode> parseChartMode(const QString &name);

/// A file of the user's that a view shows, with every choice that read it, so that the view can read it again
/// without asking.
struct OwnFile {
    enum class Kind { Table, Boundaries };
    Kind kind = Kind::Table;
    QString path;                        ///< absolute
    std::optional<WideTableSpec> wide;   ///< a table in the wide layout, and what its numbers are
    QString encoding;                    ///< as named by the user; empty: detected
    QString sheet;                       ///< of a workbook; empty: the first holding a table
    QHash<QString, QString> assigned;    ///< keys the user assigned: key → unit code (empty: left out)
    BoundaryImportOptions boundaries;    ///< for Kind::Boundaries

    bool operator==(const OwnFile &other) const;
};

/// Everything that defines what the user sees, as a value: the window renders a View, `renkou-cli map|chart|table
/// --view FILE` renders the same View, and File → Save view writes it as JSON (`.renkou`). Each field's empty or
/// default value means "as the app chooses" (the latest year with data, no selection …).
/// How a map's values are put into classes (View → Classes in the app). Diverging maps (changes) keep their
/// own classes: each side's quantiles, three a side, RdBu.
struct ClassChoice {
    QString method = QStringLiteral("quantile"); ///< quantile, equal or jenks
    int count = 5;                               ///< 3 to 7
    QString palette;                             ///< a sequential ColorBrewer palette; empty: YlGnBu
    bool sameEveryYear = false;                  ///< breaks from every year with data, so colours mean the same in each
    bool operator==(const ClassChoice &) const = default;
};

struct View {
    /// The version of the JSON written; a file of a later version is refused.
    static constexpr int kSchema = 1;

    Level level = Level::Province;         ///< Province, Prefecture or Region (the NBS regions)
    QString indicator = QStringLiteral("population"); ///< an indicator's name (`renkou-cli indicators`)
    std::optional<int> year;               ///< the year shown, or a span's end; none: the latest with data
    std::optional<int> from;               ///< a span's start (indicators of change); none: the year before
    bool growth = false;                   ///< growth/decline: a one-year indicator's change, diverging colours
    QString drill;                         ///< a province shown with its prefecture-level units; empty: China
    bool scaleWithin = false;              ///< in a drill-down, classes of the province's own units
    QStringList selection;                 ///< unit codes (of the level shown), in the order selected
    ChartMode chartMode = ChartMode::Values;
    std::optional<int> baseYear;           ///< of an indexed chart; none: the first year every unit has
    bool englishLabels = false;            ///< map labels in English (else Chinese)
    bool showValues = false;               ///< each labelled unit's value under its name
    double clusterSignificance = 0.05;     ///< of a map of clusters: 0.05 or 0.01 (IndicatorContext::clusterSignificance)
    ClassChoice classes;                   ///< method, number, palette, same classes every year
    std::vector<OwnFile> files;            ///< the user's tables and boundaries, in the order added
    std::optional<BoxD> extent;            ///< the map's extent (projected metres); none: the whole view

    /// Equal in everything but the extent (a pan or zoom is not a change of what is shown).
    bool sameContent(const View &other) const;
    bool operator==(const View &other) const;

    QJsonObject toJson() const;
    /// The view as indented JSON text.
    QByteArray toText() const;
    /// Reads a view from JSON text. Errors (Format, Schema, Value) name `origin` (a file, or "the clipboard")
    /// and the field: not JSON, not a Renkou view, a schema newer than kSchema, a field of the wrong type or
    /// value. Fields it does not know are ignored (a later minor version may add some).
    static Result<View> fromText(const QByteArray &text, const QString &origin);

    /// The view as one line of text to paste into another Renkou (Edit → Copy view): `renkou:view:` and the
    /// JSON, zlib-compressed (qCompress), in base64url.
    QString toLink() const;
    /// Reads toLink()'s text (surrounding spaces ignored); errors as fromText().
    static Result<View> fromLink(const QString &text);

    /// Reads a `.renkou` file (at most 1 MB); errors name the file.
    static Result<View> load(const QString &path);
    /// Writes a `.renkou` file whole or not at all (QSaveFile); relative own-file paths are kept absolute.
    Status save(const QString &path) const;
};

} // namespace renkou::core
