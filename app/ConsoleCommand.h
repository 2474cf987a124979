#pragma once

namespace cc::app {

// The desktop console: first-start setup or sign-in, then the main window, with the embedded API
// server. `argc`/`argv` as main() got them.
int runConsole(int argc, char **argv);

} // namespace cc::app
