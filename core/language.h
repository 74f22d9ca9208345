#pragma once
#include <QString>
#include <optional>

namespace renkou::core {

/// The languages of the interface and of figures: English (the source texts) and Simplified Chinese.
enum class Language { English, Chinese };

/// "en" or "zh" (as `--lang` and the settings write them).
QString languageCode(Language language);
/// Language of "zh", "zh_CN", "zh-Hans…" (Chinese) or anything else (English).
Language parseLanguage(const QString &code);
/// The system locale's language: Chinese for a Chinese locale, else English.
Language systemLanguage();

/// Installs the translations of `language` for the whole application: Renkou's own (resources/translations,
/// compiled into the binary by Qt's CMake translation support, Qt Linguist's lrelease) and Qt's for its
/// standard dialogs (qtbase_zh_CN.qm of the system's Qt, when installed). Replaces those installed before;
/// every widget then receives QEvent::LanguageChange. Returns false when Renkou's translation is missing.
bool setLanguage(Language language);
/// The language set last by setLanguage() (English before).
Language currentLanguage();

/// A year or a span as the language installed writes it: "2024", "2023–2024"; in Chinese "2024年",
/// "2023—2024年".
QString yearsLabel(std::optional<int> from, int year);

} // namespace renkou::core
