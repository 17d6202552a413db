// Generated-looking control flow for the lifetime dataflow's cost tests:
// P<n> is n balanced branches in a row (each 'if' is three CFG blocks).
#ifndef THREAD_TIDY_TEST_BRANCH_LADDER_H
#define THREAD_TIDY_TEST_BRANCH_LADDER_H

bool c();
void g();
void h();

#define P1 if (c()) g(); else h();
#define P2 P1 P1
#define P4 P2 P2
#define P8 P4 P4
#define P16 P8 P8
#define P32 P16 P16
#define P64 P32 P32
#define P128 P64 P64
#define P256 P128 P128
#define P512 P256 P256
#define P1024 P512 P512
#define P2048 P1024 P1024
#define P4096 P2048 P2048
#define P8192 P4096 P4096

#endif
