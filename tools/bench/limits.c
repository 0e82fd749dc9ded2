// The machine's own limits for the benchmark table: memory read bandwidth with every core
// reading (GB/s), sustained for about a second per measurement (32 passes over 1 GiB), as long as
// a timed engine run streams weights: on this shared VM short bursts read anywhere between 30 and
// 60 GB/s from one moment to the next, so a burst would not be the bandwidth a run can count on.
// Build: gcc -O3 -march=native -pthread tools/bench/limits.c -o target/bench/limits
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define BYTES (1UL << 30)
#define PASSES 32

typedef struct { const uint64_t *data; size_t n; uint64_t sum; } Part;

static void *reader(void *arg) {
  Part *p = arg;
  uint64_t a = 0, b = 0, c = 0, d = 0;
  for (int pass = 0; pass < PASSES; pass++) {
    for (size_t i = 0; i + 4 <= p->n; i += 4) {
      a += p->data[i]; b += p->data[i + 1]; c += p->data[i + 2]; d += p->data[i + 3];
    }
  }
  p->sum = a + b + c + d;
  return NULL;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(void) {
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  uint64_t *data = aligned_alloc(64, BYTES);
  memset(data, 1, BYTES);
  size_t words = BYTES / sizeof(uint64_t), share = words / cores;
  double best = 0;
  uint64_t check = 0;
  for (int rep = 0; rep < 5; rep++) {
    pthread_t threads[256];
    Part parts[256];
    double start = now();
    for (long t = 0; t < cores; t++) {
      parts[t] = (Part){data + t * share, share, 0};
      pthread_create(&threads[t], NULL, reader, &parts[t]);
    }
    for (long t = 0; t < cores; t++) {
      pthread_join(threads[t], NULL);
      check += parts[t].sum;
    }
    double gbs = (double) BYTES * PASSES / (now() - start) / 1e9;
    if (gbs > best) best = gbs;
  }
  printf("{\"cores\": %ld, \"read_gbs\": %.1f, \"check\": %lu}\n", cores, best, (unsigned long) (check & 1));
  free(data);
  return 0;
}
