#pragma once

#include "app/admin/AdminContext.h"

// `admin backup`, `admin restore`, `admin demo-data` and `admin audit`: the data as a whole.
namespace cc::app::admin {

int backup(AdminContext &ctx, const QStringList &args);
int restore(AdminContext &ctx, const QStringList &args);
int demoData(AdminContext &ctx, const QStringList &args);
int audit(AdminContext &ctx, const QStringList &args);

} // namespace cc::app::admin
