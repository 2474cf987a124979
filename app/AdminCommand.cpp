#include "AdminCommand.h"
