/*
 * sim_sparse_int.h - private to src/sim/: sparse LDU factors of I - Q for
 * the exact analysis (sim_sparse.c), where Q is the substochastic matrix
 * of an absorbing chain.  I - Q is then a nonsingular M-matrix, which
 * Gaussian elimination factors stably in any symmetric order without
 * pivoting: the order is chosen only to keep the factors sparse.
 */
#ifndef MOT_SIM_SPARSE_INT_H
#define MOT_SIM_SPARSE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "sim.h"

/* The pattern of Q, by rows: row r has the columns col[row[r] ..
 * row[r+1]); the diagonal may be among them, duplicates are summed. */
struct sp_pattern {
	size_t m;
	const size_t *row;
	const uint32_t *col;
};

/* Progress of a long analysis: `done` of `total` units so far. */
struct sp_progress {
	sim_progress_fn fn;   /* NULL: none */
	void *ctx;
	uint64_t done, total;
};

void sp_progress_add(struct sp_progress *p, uint64_t units);

/* The fill-reducing order and the pattern of the factors, for every Q of
 * this pattern.  NULL when the ordering fails (out of memory). */
struct sp_symbolic *sp_analyze(const struct sp_pattern *q);
void sp_symbolic_free(struct sp_symbolic *s);
/* Entries of the factors below the diagonal. */
size_t sp_symbolic_nnz(const struct sp_symbolic *s);

struct sp_lu;

/*
 * Factor I - Q, with Q's values qx[] in the order of the pattern.
 * Returns NULL with *bad the row (of Q) whose pivot fell below `tiny`:
 * a set of states the chain (almost) never leaves.  m columns of progress.
 */
struct sp_lu *sp_factor(const struct sp_symbolic *s, const struct sp_pattern *q,
			const double *qx, double tiny, size_t *bad,
			struct sp_progress *pr);
void sp_lu_free(struct sp_lu *f);
/* (I - Q) x = b and (I - Q)^T x = b; x and b may not alias. */
void sp_solve(const struct sp_lu *f, const double *b, double *x);
void sp_solve_t(const struct sp_lu *f, const double *b, double *x);
/* The diagonal of (I - Q)^-1 (the expected visits to each state starting
 * there), by selected inversion on the pattern of the factors (Takahashi,
 * Erisman and Tinney): about the cost of the factorization itself.  m
 * columns of progress. */
void sp_inv_diag(const struct sp_lu *f, double *diag, struct sp_progress *pr);

#endif
