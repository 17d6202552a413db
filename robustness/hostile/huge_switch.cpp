// A 4,000-case switch and 128 nested scopes, built by the preprocessor.
#include <thread>

void work();
void step();

#define CASE(n) case n: step(); t.join(); break;
#define C10(n) CASE(n##0) CASE(n##1) CASE(n##2) CASE(n##3) CASE(n##4) \
               CASE(n##5) CASE(n##6) CASE(n##7) CASE(n##8) CASE(n##9)
#define C100(n) C10(n##0) C10(n##1) C10(n##2) C10(n##3) C10(n##4) \
                C10(n##5) C10(n##6) C10(n##7) C10(n##8) C10(n##9)
#define C1000(n) C100(n##0) C100(n##1) C100(n##2) C100(n##3) C100(n##4) \
                 C100(n##5) C100(n##6) C100(n##7) C100(n##8) C100(n##9)

void huge_switch(int k) {
  std::thread t(work);
  switch (k) {
    C1000(1) C1000(2) C1000(3) C1000(4)
  default:
    t.join();
  }
}

#define N1(x) if (k > 0) { --k; x }
#define N2(x) N1(N1(x))
#define N4(x) N2(N2(x))
#define N8(x) N4(N4(x))
#define N16(x) N8(N8(x))
#define N32(x) N16(N16(x))
#define N64(x) N32(N32(x))
#define N128(x) N64(N64(x))

void deep_nesting(int k) {
  std::thread t(work);
  N128(if (k == 0) return;)
  t.join();
}
