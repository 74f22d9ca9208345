// Fuzzes the readers of saved views: any bytes as a .renkou file's text or as a pasted view link give a View or
// an Error with a message.
#include "view.h"

#include <QByteArray>
#include <QString>

using namespace renkou::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto view = View::fromText(bytes, QStringLiteral("fuzz.renkou"));
    if (!view.ok() && view.error().message.isEmpty())
        __builtin_trap();
    if (view.ok()) { // what is read is written and read back the same
        const auto again = View::fromText(view->toText(), QStringLiteral("again"));
        if (!again.ok() || !(again.value() == view.value()))
            __builtin_trap();
    }
    const auto linked = View::fromLink(QStringLiteral("renkou:view:") + QString::fromLatin1(bytes));
    if (!linked.ok() && linked.error().message.isEmpty())
        __builtin_trap();
    return 0;
}
