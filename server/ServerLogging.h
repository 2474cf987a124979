#pragma once

#include <QLoggingCategory>

// The server's log: one line per request, and what went wrong around requests.
Q_DECLARE_LOGGING_CATEGORY(lcServer)
