#pragma once

#include <QLoggingCategory>

// One category per subsystem, switched with QT_LOGGING_RULES ("console.core.db.debug=true").
Q_DECLARE_LOGGING_CATEGORY(lcDb)
Q_DECLARE_LOGGING_CATEGORY(lcCore)
