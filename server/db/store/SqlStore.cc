#include "SqlStore.h"
