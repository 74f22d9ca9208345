#include "notetable.h"

#include "language.h"

#include "csvreader.h"

namespace renkou::core {

Result<NoteTable> NoteTable::load(const QString &path)
{
    const QStringList columns = {QStringLiteral("code"), QStringLiteral("year"), QStringLiteral("kind"),
                                 QStringLiteral("text_en"), QStringLiteral("text_zh")};
    auto csv = CsvTable::read(path, columns);
    if (!csv)
        return csv.error();
    NoteTable table;
    for (const CsvRow &row : csv->rows()) {
        auto field = [&](const QString &name) { return row.fields.at(csv->column(name)).trimmed(); };
        Note note;
        note.code = field(columns[0]);
        const QString year = field(columns[1]);
        if (!year.isEmpty()) {
            bool ok = false;
            note.year = year.toInt(&ok);
            if (!ok)
                return Error{Error::Code::Value, path, CsvTable::lineRef(row),
                             QStringLiteral("year '%1' is not a whole number").arg(year)};
        }
        note.kind = field(columns[2]);
        note.textEn = field(columns[3]);
        note.textZh = field(columns[4]);
        if (note.code.isEmpty())
            return Error{Error::Code::Value, path, CsvTable::lineRef(row), QStringLiteral("the note has no code")};
        table.m_notes.push_back(note);
    }
    return table;
}

const QString &Note::text() const
{
    return currentLanguage() == Language::Chinese && !textZh.isEmpty() ? textZh : textEn;
}

std::vector<const Note *> NoteTable::forUnit(const QString &code, Level level) const
{
    // An NBS region or the country is a sum of provinces: the province-wide notes are its notes too.
    const bool sum = level == Level::Region || level == Level::Country;
    const QString wildcard = u'*' + levelName(sum ? Level::Province : level);
    std::vector<const Note *> out;
    for (const Note &n : m_notes) {
        if (n.code == code || n.code == wildcard)
            out.push_back(&n);
    }
    return out;
}

} // namespace renkou::core
