#include "view.h"

#include "inputfile.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

namespace renkou::core {

QString chartModeName(ChartMode mode)
{
    switch (mode) {
    case ChartMode::Values: return QStringLiteral("absolute");
    case ChartMode::Indexed: return QStringLiteral("indexed");
    case ChartMode::Change: return QStringLiteral("change");
    case ChartMode::Share: return QStringLiteral("share");
    case ChartMode::Components: return QStringLiteral("components");
    }
    return {};
}

std::optional<ChartMode> parseChartMode(const QString &name)
{
    for (ChartMode m : {ChartMode::Values, ChartMode::Indexed, ChartMode::Change, ChartMode::Share, ChartMode::Components})
        if (chartModeName(m) == name)
            return m;
    return std::nullopt;
}

bool OwnFile::operator==(const OwnFile &o) const
{
    auto sameWide = [](const std::optional<WideTableSpec> &a, const std::optional<WideTableSpec> &b) {
        if (a.has_value() != b.has_value())
            return false;
        return !a || (a->indicator == b->indicator && a->unit == b->unit && a->source == b->source && a->flag == b->flag
                      && a->keyColumn == b->keyColumn);
    };
    return kind == o.kind && path == o.path && sameWide(wide, o.wide) && encoding == o.encoding && sheet == o.sheet
           && assigned == o.assigned && boundaries.level == o.boundaries.level && boundaries.codeField == o.boundaries.codeField
           && boundaries.layerName == o.boundaries.layerName;
}

bool View::sameContent(const View &o) const
{
    return level == o.level && indicator == o.indicator && year == o.year && from == o.from && growth == o.growth
           && drill == o.drill && scaleWithin == o.scaleWithin && selection == o.selection && chartMode == o.chartMode
           && baseYear == o.baseYear && englishLabels == o.englishLabels && showValues == o.showValues
           && clusterSignificance == o.clusterSignificance && files == o.files && classes == o.classes;
}

bool View::operator==(const View &o) const
{
    const auto sameBox = [](const BoxD &a, const BoxD &b) {
        return a.minX == b.minX && a.minY == b.minY && a.maxX == b.maxX && a.maxY == b.maxY;
    };
    return sameContent(o) && extent.has_value() == o.extent.has_value() && (!extent || sameBox(*extent, *o.extent));
}

namespace {

const QString kMagic = QStringLiteral("renkou_view");
const QString kLinkPrefix = QStringLiteral("renkou:view:");

QJsonValue optionalInt(const std::optional<int> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

} // namespace

QJsonObject View::toJson() const
{
    QJsonObject o;
    o[kMagic] = kSchema;
    o[QStringLiteral("level")] = levelName(level);
    o[QStringLiteral("indicator")] = indicator;
    o[QStringLiteral("year")] = optionalInt(year);
    o[QStringLiteral("from")] = optionalInt(from);
    o[QStringLiteral("growth")] = growth;
    o[QStringLiteral("drill")] = drill;
    o[QStringLiteral("scale_within")] = scaleWithin;
    o[QStringLiteral("selection")] = QJsonArray::fromStringList(selection);
    o[QStringLiteral("chart_mode")] = chartModeName(chartMode);
    o[QStringLiteral("base_year")] = optionalInt(baseYear);
    o[QStringLiteral("labels")] = englishLabels ? QStringLiteral("en") : QStringLiteral("zh");
    o[QStringLiteral("show_values")] = showValues;
    o[QStringLiteral("cluster_significance")] = clusterSignificance;
    o[QStringLiteral("classes")] = QJsonObject{{QStringLiteral("method"), classes.method},
                                               {QStringLiteral("count"), classes.count},
                                               {QStringLiteral("palette"), classes.palette},
                                               {QStringLiteral("same_every_year"), classes.sameEveryYear}};
    QJsonArray own;
    for (const OwnFile &f : files) {
        QJsonObject j;
        j[QStringLiteral("kind")] = f.kind == OwnFile::Kind::Table ? QStringLiteral("table") : QStringLiteral("boundaries");
        j[QStringLiteral("path")] = f.path;
        if (f.kind == OwnFile::Kind::Table) {
            if (f.wide) {
                j[QStringLiteral("wide")] = QJsonObject{{QStringLiteral("indicator"), f.wide->indicator},
                                                        {QStringLiteral("unit"), f.wide->unit},
                                                        {QStringLiteral("source"), f.wide->source},
                                                        {QStringLiteral("flag"), f.wide->flag},
                                                        {QStringLiteral("key_column"), f.wide->keyColumn}};
            }
            j[QStringLiteral("encoding")] = f.encoding;
            j[QStringLiteral("sheet")] = f.sheet;
            QJsonObject assigned;
            for (auto it = f.assigned.cbegin(); it != f.assigned.cend(); ++it)
                assigned[it.key()] = it.value();
            j[QStringLiteral("assigned")] = assigned;
        } else {
            j[QStringLiteral("level")] = f.boundaries.level ? levelName(*f.boundaries.level) : QString();
            j[QStringLiteral("code_field")] = f.boundaries.codeField;
            j[QStringLiteral("layer")] = f.boundaries.layerName;
        }
        own.append(j);
    }
    o[QStringLiteral("files")] = own;
    if (extent)
        o[QStringLiteral("extent")] = QJsonArray{extent->minX, extent->minY, extent->maxX, extent->maxY};
    return o;
}

QByteArray View::toText() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
}

Result<View> View::fromText(const QByteArray &text, const QString &origin)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{Error::Code::Format, origin, QStringLiteral("byte %1").arg(parseError.offset),
                     QStringLiteral("is not JSON: %1").arg(parseError.errorString())};
    const QJsonObject o = doc.object();
    if (!doc.isObject() || !o.value(kMagic).isDouble())
        return Error{Error::Code::Format, origin, {}, QStringLiteral("is not a Renkou view (no \"%1\" version)").arg(kMagic)};
    const int schema = o.value(kMagic).toInt();
    if (schema > kSchema)
        return Error{Error::Code::Schema, origin, {},
                     QStringLiteral("is a view of a later Renkou (view version %1; this Renkou reads version %2 and earlier)")
                         .arg(schema)
                         .arg(kSchema)};
    std::optional<Error> error;
    auto fail = [&](const QString &field, const QString &message) {
        if (!error)
            error = Error{Error::Code::Value, origin, QStringLiteral("field \"%1\"").arg(field), message};
    };
    auto string = [&](const QJsonObject &obj, const QString &field, const QString &fallback = {}) {
        const QJsonValue v = obj.value(field);
        if (v.isUndefined() || v.isNull())
            return fallback;
        if (!v.isString())
            fail(field, QStringLiteral("is not text"));
        return v.toString();
    };
    auto boolean = [&](const QString &field) {
        const QJsonValue v = o.value(field);
        if (v.isUndefined() || v.isNull())
            return false;
        if (!v.isBool())
            fail(field, QStringLiteral("is not true or false"));
        return v.toBool();
    };
    auto yearOf = [&](const QString &field) -> std::optional<int> {
        const QJsonValue v = o.value(field);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        const double d = v.toDouble(-1);
        // The range first: a huge number converted to int is undefined behaviour.
        if (!v.isDouble() || !(d >= 1900 && d <= 2100) || d != std::floor(d)) {
            fail(field, QStringLiteral("is not a year between 1900 and 2100"));
            return std::nullopt;
        }
        return int(d);
    };

    View view;
    const auto level = parseLevel(string(o, QStringLiteral("level"), QStringLiteral("province")));
    if (level != Level::Province && level != Level::Prefecture && level != Level::Region)
        fail(QStringLiteral("level"), QStringLiteral("must be \"province\", \"prefecture\" or \"region\""));
    else
        view.level = *level;
    view.indicator = string(o, QStringLiteral("indicator"), view.indicator);
    if (view.indicator.isEmpty())
        fail(QStringLiteral("indicator"), QStringLiteral("is empty"));
    view.year = yearOf(QStringLiteral("year"));
    view.from = yearOf(QStringLiteral("from"));
    view.growth = boolean(QStringLiteral("growth"));
    view.drill = string(o, QStringLiteral("drill"));
    view.scaleWithin = boolean(QStringLiteral("scale_within"));
    const QJsonValue selection = o.value(QStringLiteral("selection"));
    if (!selection.isUndefined() && !selection.isNull()) {
        if (!selection.isArray())
            fail(QStringLiteral("selection"), QStringLiteral("is not a list of unit codes"));
        for (const QJsonValue &v : selection.toArray()) {
            if (!v.isString())
                fail(QStringLiteral("selection"), QStringLiteral("is not a list of unit codes"));
            view.selection << v.toString();
        }
    }
    const auto mode = parseChartMode(string(o, QStringLiteral("chart_mode"), QStringLiteral("absolute")));
    if (!mode)
        fail(QStringLiteral("chart_mode"), QStringLiteral("must be absolute, indexed, change, share or components"));
    else
        view.chartMode = *mode;
    view.baseYear = yearOf(QStringLiteral("base_year"));
    const QString labels = string(o, QStringLiteral("labels"), QStringLiteral("zh"));
    if (labels != u"zh" && labels != u"en")
        fail(QStringLiteral("labels"), QStringLiteral("must be \"zh\" or \"en\""));
    view.englishLabels = labels == u"en";
    if (const QJsonValue s = o.value(QStringLiteral("show_values")); !s.isUndefined() && !s.isNull() && !s.isBool())
        fail(QStringLiteral("show_values"), QStringLiteral("must be true or false"));
    view.showValues = o.value(QStringLiteral("show_values")).toBool(false);
    if (const QJsonValue p = o.value(QStringLiteral("cluster_significance")); !p.isUndefined() && !p.isNull()) {
        if (p.toDouble() != 0.05 && p.toDouble() != 0.01)
            fail(QStringLiteral("cluster_significance"), QStringLiteral("must be 0.05 or 0.01"));
        else
            view.clusterSignificance = p.toDouble();
    }
    // "classes" came with release 0.2 of the format's content; a view without it has the defaults.
    if (const QJsonValue c = o.value(QStringLiteral("classes")); !c.isUndefined() && !c.isNull()) {
        const QJsonObject j = c.toObject();
        if (!c.isObject())
            fail(QStringLiteral("classes"), QStringLiteral("is not an object"));
        view.classes.method = j.value(QStringLiteral("method")).toString(QStringLiteral("quantile"));
        if (view.classes.method != u"quantile" && view.classes.method != u"equal" && view.classes.method != u"jenks")
            fail(QStringLiteral("classes"), QStringLiteral("method must be quantile, equal or jenks"));
        view.classes.count = j.value(QStringLiteral("count")).toInt(5);
        if (view.classes.count < 3 || view.classes.count > 7)
            fail(QStringLiteral("classes"), QStringLiteral("count must be 3 to 7"));
        view.classes.palette = j.value(QStringLiteral("palette")).toString();
        view.classes.sameEveryYear = j.value(QStringLiteral("same_every_year")).toBool(false);
    }
    const QJsonValue files = o.value(QStringLiteral("files"));
    if (!files.isUndefined() && !files.isNull() && !files.isArray())
        fail(QStringLiteral("files"), QStringLiteral("is not a list"));
    for (const QJsonValue &v : files.toArray()) {
        const QJsonObject j = v.toObject();
        OwnFile f;
        const QString kind = string(j, QStringLiteral("kind"));
        if (!v.isObject() || (kind != u"table" && kind != u"boundaries")) {
            fail(QStringLiteral("files"), QStringLiteral("holds an entry that is not a table or boundaries"));
            break;
        }
        f.kind = kind == u"table" ? OwnFile::Kind::Table : OwnFile::Kind::Boundaries;
        f.path = string(j, QStringLiteral("path"));
        if (f.path.isEmpty())
            fail(QStringLiteral("files"), QStringLiteral("holds an entry without a path"));
        if (f.kind == OwnFile::Kind::Table) {
            if (j.value(QStringLiteral("wide")).isObject()) {
                const QJsonObject w = j.value(QStringLiteral("wide")).toObject();
                f.wide = WideTableSpec{string(w, QStringLiteral("indicator")), string(w, QStringLiteral("unit")),
                                       string(w, QStringLiteral("source")), string(w, QStringLiteral("flag"), QStringLiteral("estimate")),
                                       string(w, QStringLiteral("key_column"))};
            }
            f.encoding = string(j, QStringLiteral("encoding"));
            f.sheet = string(j, QStringLiteral("sheet"));
            const QJsonObject assigned = j.value(QStringLiteral("assigned")).toObject();
            for (auto it = assigned.constBegin(); it != assigned.constEnd(); ++it)
                f.assigned.insert(it.key(), it.value().toString());
        } else {
            const QString lvl = string(j, QStringLiteral("level"));
            if (!lvl.isEmpty()) {
                f.boundaries.level = parseLevel(lvl);
                if (f.boundaries.level != Level::Province && f.boundaries.level != Level::Prefecture)
                    fail(QStringLiteral("files"), QStringLiteral("names the level '%1' for boundaries (province or prefecture)").arg(lvl));
            }
            f.boundaries.codeField = string(j, QStringLiteral("code_field"));
            f.boundaries.layerName = string(j, QStringLiteral("layer"));
        }
        view.files.push_back(f);
    }
    const QJsonValue extent = o.value(QStringLiteral("extent"));
    if (!extent.isUndefined() && !extent.isNull()) {
        const QJsonArray a = extent.toArray();
        BoxD box;
        if (a.size() == 4) {
            box.minX = a[0].toDouble(NAN);
            box.minY = a[1].toDouble(NAN);
            box.maxX = a[2].toDouble(NAN);
            box.maxY = a[3].toDouble(NAN);
        }
        if (a.size() != 4 || !std::isfinite(box.minX) || !std::isfinite(box.minY) || !std::isfinite(box.maxX)
            || !std::isfinite(box.maxY) || box.width() <= 0 || box.height() <= 0)
            fail(QStringLiteral("extent"), QStringLiteral("is not four numbers: west, south, east, north in map metres"));
        else
            view.extent = box;
    }
    if (error)
        return *error;
    return view;
}

QString View::toLink() const
{
    // Compressed (zlib, as qCompress writes it) to keep the line short.
    const QByteArray compact = qCompress(QJsonDocument(toJson()).toJson(QJsonDocument::Compact), 9);
    return kLinkPrefix + QString::fromLatin1(compact.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<View> View::fromLink(const QString &text)
{
    const QString t = text.trimmed();
    const QString origin = QStringLiteral("Pasted view");
    if (!t.startsWith(kLinkPrefix))
        return Error{Error::Code::Format, origin, {}, QStringLiteral("is not a Renkou view (it does not begin with %1)").arg(kLinkPrefix)};
    const auto decoded = QByteArray::fromBase64Encoding(t.mid(kLinkPrefix.size()).toLatin1(),
                                                        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    // qCompress's first four bytes give the size unpacked: at most 1 MB, as a view file (never an allocation
    // a hostile paste asks for).
    QByteArray json;
    if (decoded && (*decoded).size() > 4) {
        const quint32 size = quint32(uchar((*decoded)[0])) << 24 | quint32(uchar((*decoded)[1])) << 16
                             | quint32(uchar((*decoded)[2])) << 8 | quint32(uchar((*decoded)[3]));
        if (size <= (1u << 20))
            json = qUncompress(*decoded);
    }
    if (json.isEmpty())
        return Error{Error::Code::Format, origin, {}, QStringLiteral("is cut short or changed (what follows %1 does not decode)").arg(kLinkPrefix)};
    return fromText(json, origin);
}

Result<View> View::load(const QString &path)
{
    auto bytes = readInputFile(path, qint64(1) << 20);
    if (!bytes)
        return bytes.error();
    return fromText(bytes.value(), path);
}

Status View::save(const QString &path) const
{
    View v = *this;
    for (OwnFile &f : v.files)
        f.path = QFileInfo(f.path).absoluteFilePath();
    return writeFileAtomically(path, v.toText(), true);
}

} // namespace renkou::core
