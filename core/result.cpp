#include "result.h"

#include <QStringList>

namespace renkou::core {

QString Error::toString() const
{
    QStringList parts;
    if (!path.isEmpty())
        parts << path;
    if (!where.isEmpty())
        parts << where;
    parts << message;
    return parts.join(QStringLiteral(": "));
}

} // namespace renkou::core
