// (iv) Nothing that reaches a thread.
#include "util.h"

int plain() { return parse("12"); }
