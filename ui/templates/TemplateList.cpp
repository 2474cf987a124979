#include "ui/templates/TemplateList.h"

#include <QLabel>
#include <QListWidget>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace cc {

TemplateList::TemplateList(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("Te&mplates:"), this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("templateList"));
    m_list->setAccessibleName(tr("Templates"));
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setAlternatingRowColors(true);
    m_list->setSpacing(2);
    m_list->setMinimumWidth(m_list->fontMetrics().averageCharWidth() * 22);
    label->setBuddy(m_list);
    layout->addWidget(label);
    layout->addWidget(m_list, 1);
    connect(m_list, &QListWidget::currentRowChanged, this, &TemplateList::currentRowChanged);
}

QString TemplateList::displayName(const PayloadTemplate &t)
{
    const QLocale::Language language = QLocale().language();
    const bool norwegian = language == QLocale::NorwegianBokmal || language == QLocale::NorwegianNynorsk;
    const QString name = norwegian ? t.nb.title : t.en.title;
    return name.isEmpty() ? t.id : name;
}

QString TemplateList::stateText(const PayloadTemplate &t)
{
    if (t.custom)
        return tr("Custom template");
    if (!t.scope.isEmpty())
        return tr("Built-in, changed for your organisation");
    if (t.version > 0)
        return tr("Built-in, changed for all organisations");
    return tr("Built-in default");
}

int TemplateList::setTemplates(const QList<PayloadTemplate> &templates, const QString &selectId)
{
    QStringList ids;
    for (const PayloadTemplate &t : templates)
        ids << t.id;
    QSignalBlocker blocker(m_list);
    if (ids != m_ids || m_list->count() != templates.size()) {
        m_list->clear();
        for (qsizetype row = 0; row < templates.size(); ++row)
            new QListWidgetItem(m_list);
    }
    m_ids = ids;
    int select = -1;
    for (int row = 0; row < templates.size(); ++row) {
        const PayloadTemplate &t = templates.at(row);
        QListWidgetItem *item = m_list->item(row);
        item->setText(displayName(t) + QLatin1Char('\n') + stateText(t));
        item->setData(Qt::UserRole, t.id);
        item->setToolTip(t.description);
        if (t.id == selectId)
            select = row;
    }
    if (select < 0 && !templates.isEmpty())
        select = 0;
    m_list->setCurrentRow(select);
    return select;
}

void TemplateList::setCurrentRowQuietly(int row)
{
    QSignalBlocker blocker(m_list);
    m_list->setCurrentRow(row);
}

bool TemplateList::select(const QString &id)
{
    const int row = int(m_ids.indexOf(id));
    if (row < 0)
        return false;
    m_list->setCurrentRow(row);
    return true;
}

} // namespace cc
