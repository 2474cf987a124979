#pragma once

#include "app/admin/AdminContext.h"

// `admin org`, `admin coordinator` and `admin mentor`: the organisations and the people in them.
namespace cc::app::admin {

int org(AdminContext &ctx, const QStringList &args);
int coordinator(AdminContext &ctx, const QStringList &args);
int mentor(AdminContext &ctx, const QStringList &args);

} // namespace cc::app::admin
