#include "ui/common/Translator.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace cc {

Translator::Translator(QObject *parent)
    : QObject(parent)
{}

Translator::~Translator()
{
    removeAll();
}

QStringList Translator::languages()
{
    return {QStringLiteral("en"), QStringLiteral("nb")};
}

QString Translator::languageName(const QString &code)
{
    if (code == QLatin1String("nb"))
        return QStringLiteral("Norsk bokmål");
    return QStringLiteral("English");
}

QString Translator::systemLanguage()
{
    const QLocale system = QLocale::system();
    if (system.language() == QLocale::NorwegianBokmal || system.language() == QLocale::NorwegianNynorsk)
        return QStringLiteral("nb");
    const QString name = system.name();
    if (name.startsWith(QLatin1String("nb")) || name.startsWith(QLatin1String("no"))
        || name.startsWith(QLatin1String("nn")))
        return QStringLiteral("nb");
    return QStringLiteral("en");
}

void Translator::removeAll()
{
    if (m_app)
        QCoreApplication::removeTranslator(m_app.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    m_app.reset();
    m_qt.reset();
}

QString Translator::apply(const QString &code)
{
    QString language = languages().contains(code) ? code : systemLanguage();
    removeAll();
    if (language == QLatin1String("nb")) {
        m_app = std::make_unique<QTranslator>();
        if (m_app->load(QStringLiteral(":/i18n/coordinator-console_nb.qm")))
            QCoreApplication::installTranslator(m_app.get());
        // Qt 6.4 ships no qtbase_nb; a newer Qt's is preferred to the one we carry.
        m_qt = std::make_unique<QTranslator>();
        if (m_qt->load(QStringLiteral("qtbase_nb"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))
            || m_qt->load(QStringLiteral(":/i18n/qtbase_nb.qm")))
            QCoreApplication::installTranslator(m_qt.get());
        QLocale::setDefault(QLocale(QLocale::NorwegianBokmal, QLocale::Norway));
    } else {
        // English is the source language; this file only has the plural forms.
        m_app = std::make_unique<QTranslator>();
        if (m_app->load(QStringLiteral(":/i18n/coordinator-console_en.qm")))
            QCoreApplication::installTranslator(m_app.get());
        const QLocale system = QLocale::system();
        QLocale::setDefault(system.language() == QLocale::English
                                ? system
                                : QLocale(QLocale::English, QLocale::UnitedKingdom));
    }
    m_current = language;
    return language;
}

} // namespace cc
