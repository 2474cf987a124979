#include "core/Templates.h"

#include "core/Fields.h"
namespace cc {

namespace templates {

const QStringList &locales()
{
    static const QStringList all{kEnglish, kNorwegian};
    return all;
}

QString defaultLocale()
{
    return kEnglish;
}

bool isLocale(const QString &locale)
{
    return locales().contains(locale);
}

Status validateLocale(const QString &locale)
{
    if (locale.isEmpty() || isLocale(locale))
        return {};
    QStringList quoted;
    for (const QString &l : locales())
        quoted << QStringLiteral(u"“%1”").arg(l);
    const QString choice = quoted.size() < 2
        ? quoted.join(QString())
        : QStringList(quoted.mid(0, quoted.size() - 1)).join(QStringLiteral(", ")) + QStringLiteral(" or ")
            + quoted.constLast();
    return Error::field(ErrorCode::Invalid, field::Locale, QStringLiteral("locale must be %1.").arg(choice));
}

} // namespace templates

const TemplateText &PayloadTemplate::text(const QString &locale) const
{
    return locale == templates::kNorwegian ? nb : en;
}

TemplateText &PayloadTemplate::text(const QString &locale)
{
    return locale == templates::kNorwegian ? nb : en;
}

} // namespace cc
