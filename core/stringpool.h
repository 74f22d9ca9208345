#pragma once
#include <QByteArray>
#include <QHash>
#include <QString>
#include <optional>
#include <vector>

namespace renkou::core {

/// Texts kept once each and named by a number (0, 1, 2 … in order of first use): the codes, indicators,
/// units, sources and flags that recur on every row of a table, so that a row holds numbers, not strings.
class StringPool {
public:
    /// The number of `text`, added if new.
    int id(const QString &text);
    /// The number of the trimmed text of UTF-8 bytes, added if new; bytes seen before are found without
    /// decoding them.
    int id(QByteArrayView utf8);
    /// The number of `text`, or nullopt if it was never added.
    std::optional<int> find(const QString &text) const;
    const QString &at(int id) const { return m_strings[size_t(id)]; }
    int size() const { return int(m_strings.size()); }

private:
    std::vector<QString> m_strings;
    QHash<QString, int> m_ids;
    QHash<QByteArray, int> m_bytes; ///< UTF-8 as read, untrimmed → number
};

} // namespace renkou::core
