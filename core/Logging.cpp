#include "core/Logging.h"

Q_LOGGING_CATEGORY(lcDb, "console.core.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCore, "console.core", QtInfoMsg)
