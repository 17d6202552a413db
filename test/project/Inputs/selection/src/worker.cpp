// (iii) Defines the members of a class of worker.h that holds a thread:
// the destructor does not join it.
#include "worker.h"

Worker::Worker() : thread_([] {}) {}
Worker::~Worker() {}
