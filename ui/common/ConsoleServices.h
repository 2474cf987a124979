#pragma once

#include "core/AuthService.h"
#include "core/Clock.h"
#include "core/Database.h"
#include "core/DirectoryService.h"
#include "core/NotificationRecordService.h"
#include "core/PayloadService.h"
#include "core/TemplateService.h"

namespace cc {

class ServerControl;
class Settings;

// What the console's pages and dialogs work with: the same core services the API answers with,
// the settings, and the embedded server (null when there is none). Passed in by reference; the
// program owns them and they outlive every window.
struct ConsoleServices
{
    Database &database;
    const Clock &clock;
    DirectoryService &directory;
    AuthService &auth;
    NotificationRecordService &records;
    TemplateService &templates;
    PayloadService &payloads;
    Settings &settings;
    ServerControl *server = nullptr;
};

} // namespace cc
