#pragma once
#include "regiontable.h"
#include "result.h"

#include <optional>
#include <vector>

namespace renkou::core {

/// One row of notes.csv: a series break or caveat a user must see.
struct Note {
    QString code;             ///< a unit code, or "*province" / "*prefecture" for every unit of that level
    std::optional<int> year;  ///< empty: applies to every year
    QString kind;             ///< series_break, event, boundary, no_data, census, vital_rates, ...
    QString textEn;
    QString textZh;
    /// The text in the language installed (core::currentLanguage()): text_zh in Chinese when there is one.
    const QString &text() const;
};

class NoteTable {
public:
    static Result<NoteTable> load(const QString &path);
    const std::vector<Note> &all() const { return m_notes; }
    /// Notes that apply to unit `code` of `level` (its own and its level's wildcard notes; for an NBS region or
    /// the country, sums of provinces, the province-wide ones).
    std::vector<const Note *> forUnit(const QString &code, Level level) const;

private:
    std::vector<Note> m_notes;
};

} // namespace renkou::core
