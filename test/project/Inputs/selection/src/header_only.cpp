// (i) Names no thread API: its thread is in warm.h, which no other file
// includes.
#include "warm.h"

int header_only() { return 1; }
