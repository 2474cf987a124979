#pragma once

#include <QStringList>

namespace cc::app {

// `coordinator-console serve [--listen HOST:PORT] [--database URL] [--tls-cert F --tls-key F]`:
// the REST API without a window, until SIGTERM or SIGINT, after which it stops accepting,
// finishes the requests in flight and exits 0.
int runServe(const QStringList &arguments);

} // namespace cc::app
