#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTranslator>

#include <memory>

namespace cc {

// The console's language: English (the source texts) or Norsk bokmål. Loads the console's own
// translation and Qt's (qtbase_nb: the system's when Qt ships one, else ours) and sets the
// default QLocale, so dates and numbers follow the language too.
class Translator : public QObject
{
    Q_OBJECT
public:
    explicit Translator(QObject *parent = nullptr);
    ~Translator() override;

    static QStringList languages();                   // "en", "nb"
    static QString languageName(const QString &code); // in its own language: "English", "Norsk bokmål"
    // "nb" when the system locale is Norwegian (nb, no, nn), else "en".
    static QString systemLanguage();

    // `code` "" means the system's. Returns the language now in use.
    QString apply(const QString &code);
    QString current() const { return m_current; }

private:
    void removeAll();
    std::unique_ptr<QTranslator> m_app;
    std::unique_ptr<QTranslator> m_qt;
    QString m_current;
};

} // namespace cc
