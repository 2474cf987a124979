#pragma once

// Pages of a list, and what a deletion answers.

#include <QDateTime>
#include <QList>
#include <QString>

namespace cc {

struct PageRequest
{
    int page = 1;
    int limit = 20;
};

template<typename T>
struct Page
{
    QList<T> items;
    int page = 1;
    int limit = 20;
    qint64 total = 0;
};

struct Deleted
{
    QString id;
    QDateTime deletedAt;
};

} // namespace cc
