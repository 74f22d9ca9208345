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
