#include "SqlResult.h"
