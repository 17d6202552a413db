// (ii) Its thread comes from a macro of spawn.h.
#include "spawn.h"
#include "util.h"

void fire() {
  SPAWN([] { parse("x"); });
}
