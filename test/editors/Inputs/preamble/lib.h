#pragma once
inline int safe_add(int a, int b) { return a + b; }
