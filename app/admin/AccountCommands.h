#pragma once

#include "app/admin/AdminContext.h"

// `admin user` and `admin token`: who signs in, and the API tokens they act with.
namespace cc::app::admin {

int user(AdminContext &ctx, const QStringList &args);
int token(AdminContext &ctx, const QStringList &args);

} // namespace cc::app::admin
