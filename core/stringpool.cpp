#include "stringpool.h"

namespace renkou::core {

int StringPool::id(const QString &text)
{
    const auto it = m_ids.constFind(text);
    if (it != m_ids.constEnd())
        return *it;
    const int n = int(m_strings.size());
    m_strings.push_back(text);
    m_ids.insert(text, n);
    return n;
}

int StringPool::id(QByteArrayView utf8)
{
    // fromRawData: the lookup copies nothing.
    const auto it = m_bytes.constFind(QByteArray::fromRawData(utf8.data(), utf8.size()));
    if (it != m_bytes.constEnd())
        return *it;
    const int n = id(QString::fromUtf8(utf8).trimmed());
    m_bytes.insert(utf8.toByteArray(), n);
    return n;
}

std::optional<int> StringPool::find(const QString &text) const
{
    const auto it = m_ids.constFind(text);
    return it == m_ids.constEnd() ? std::nullopt : std::optional<int>(*it);
}

} // namespace renkou::core
