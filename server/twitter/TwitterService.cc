#include "TwitterService.h"
