#pragma once

#include "core/Templates.h"

#include <QWidget>

class QListWidget;

namespace cc {

// The list of the templates the caller sees: each row a template's name in the console's
// language and whether it is built-in, changed or custom; its Qt::UserRole holds the id.
class TemplateList : public QWidget
{
    Q_OBJECT
public:
    explicit TemplateList(QWidget *parent = nullptr);

    // Shows `templates` (keeping the rows when the ids are the same) and selects the row of
    // `selectId`, else the first, without emitting currentRowChanged(); answers that row, -1 when
    // the list is empty.
    int setTemplates(const QList<PayloadTemplate> &templates, const QString &selectId);
    // Selects `row` without emitting currentRowChanged().
    void setCurrentRowQuietly(int row);
    // Selects the row of `id` (emitting currentRowChanged()); false when no row shows it.
    bool select(const QString &id);

    // The name of `t` in the console's language (its id when it has none).
    static QString displayName(const PayloadTemplate &t);
    // Whether `t` is built-in, changed (and for whom) or custom.
    static QString stateText(const PayloadTemplate &t);

signals:
    void currentRowChanged(int row);

private:
    QListWidget *m_list = nullptr;
    QStringList m_ids;
};

} // namespace cc
