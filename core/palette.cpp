#include "palette.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

// Resources compiled into a static library must be registered by hand.
static void initPaletteResources()
{
    Q_INIT_RESOURCE(palettes);
}

namespace renkou::core {

std::vector<QColor> Palette::colorsFor(int n) const
{
    if (colors.empty())
        return {};
    auto it = colors.lower_bound(n);
    if (it == colors.end())
        it = std::prev(colors.end());
    return it->second;
}

const std::vector<Palette> &palettes()
{
    static const std::vector<Palette> all = [] {
        initPaletteResources();
        std::vector<Palette> out;
        QFile file(QStringLiteral(":/renkou/palettes/colorbrewer.json"));
        if (!file.open(QIODevice::ReadOnly))
            return out; // compiled in: cannot fail unless the build is broken; tests check it loads
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        for (const QJsonValue &v : root.value(QStringLiteral("palettes")).toArray()) {
            const QJsonObject o = v.toObject();
            Palette p;
            p.name = o.value(QStringLiteral("name")).toString();
            p.type = o.value(QStringLiteral("type")).toString() == u"diverging" ? Palette::Type::Diverging
                                                                                : Palette::Type::Sequential;
            p.colorblindSafe = o.value(QStringLiteral("colorblind_safe")).toBool();
            const QJsonObject colors = o.value(QStringLiteral("colors")).toObject();
            for (auto it = colors.begin(); it != colors.end(); ++it) {
                std::vector<QColor> set;
                for (const QJsonValue &c : it.value().toArray())
                    set.emplace_back(QColor::fromString(c.toString()));
                p.colors[it.key().toInt()] = std::move(set);
            }
            out.push_back(std::move(p));
        }
        return out;
    }();
    return all;
}

const Palette *findPalette(const QString &name)
{
    for (const Palette &p : palettes()) {
        if (p.name.compare(name, Qt::CaseInsensitive) == 0)
            return &p;
    }
    return nullptr;
}

std::vector<QColor> sequentialPalette(int k)
{
    const Palette *p = findPalette(QStringLiteral("YlGnBu"));
    return p ? p->colorsFor(std::clamp(k, 3, 9)) : std::vector<QColor>{};
}

std::vector<QColor> divergingPalette(int perSide)
{
    const Palette *p = findPalette(QStringLiteral("RdBu"));
    return p ? p->colorsFor(2 * std::clamp(perSide, 1, 5) + 1) : std::vector<QColor>{};
}

QColor noDataColor()
{
    return QColor(0xd9, 0xd9, 0xd9);
}

} // namespace renkou::core
