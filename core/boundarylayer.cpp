#include "boundarylayer.h"

namespace renkou::core {

void BoundaryLayer::indexCodes()
{
    m_byCode.clear();
    for (int i = 0; i < int(m_features.size()); ++i) {
        const QString &code = m_features[size_t(i)].code;
        if (!code.isEmpty() && !m_byCode.contains(code))
            m_byCode.insert(code, i);
    }
}

void BoundaryLayer::recode(const QHash<QString, QString> &newCodes)
{
    for (Feature &f : m_features)
        f.code = newCodes.value(f.code, f.code);
    indexCodes();
}

QStringList BoundaryLayer::assignUnits(const QHash<QString, QString> &unitOf)
{
    std::vector<Feature> units;
    QHash<QString, size_t> byUnit;
    QHash<QString, int> parts;
    for (Feature &f : m_features) {
        const auto unit = unitOf.constFind(f.code);
        if (unit == unitOf.constEnd())
            continue;
        f.code = *unit;
        const auto it = byUnit.constFind(f.code);
        if (it == byUnit.constEnd()) {
            byUnit.insert(f.code, units.size());
            parts.insert(f.code, 1);
            units.push_back(std::move(f));
            continue;
        }
        Feature &into = units[*it];
        into.polygons.insert(into.polygons.end(), std::make_move_iterator(f.polygons.begin()), std::make_move_iterator(f.polygons.end()));
        into.lines.insert(into.lines.end(), std::make_move_iterator(f.lines.begin()), std::make_move_iterator(f.lines.end()));
        into.bounds.expand(f.bounds);
        ++parts[f.code];
    }
    m_features = std::move(units);
    m_bounds = BoxD{};
    for (const Feature &f : m_features)
        m_bounds.expand(f.bounds);
    indexCodes();
    QStringList dissolved;
    for (auto it = parts.cbegin(); it != parts.cend(); ++it)
        if (*it > 1)
            dissolved << QStringLiteral("%1 (%2 features)").arg(it.key()).arg(*it);
    dissolved.sort();
    return dissolved;
}

void BoundaryLayer::setNames(const QHash<QString, std::pair<QString, QString>> &names)
{
    for (Feature &f : m_features) {
        if (const auto it = names.constFind(f.code); it != names.constEnd()) {
            f.properties.insert(QStringLiteral("name_zh"), it->first);
            f.properties.insert(QStringLiteral("name_en"), it->second);
        }
    }
}

QStringList BoundaryLayer::duplicateCodes() const
{
    QStringList out;
    for (int i = 0; i < int(m_features.size()); ++i) {
        const QString &code = m_features[size_t(i)].code;
        if (!code.isEmpty() && m_byCode.value(code) != i && !out.contains(code))
            out << code;
    }
    out.sort();
    return out;
}

} // namespace renkou::core
