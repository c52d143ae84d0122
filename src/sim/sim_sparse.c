/*
 * sim_sparse.c - sparse LDU factors of I - Q, their solves, and the
 * diagonal of the inverse, for the exact analysis of journeys of many
 * thousand touchpoints.
 *
 * I - Q is a nonsingular M-matrix (Q substochastic, every state leads out
 * of the chain): elimination without pivoting in any symmetric order is
 * stable, with positive pivots.  So the order is chosen for sparsity
 * alone, by approximate minimum degree on the pattern of Q + Q^T
 * (SuiteSparse's AMD), and the factors I - Q = L D U (L, U^T unit lower)
 * share that symmetric pattern: the symbolic part (elimination tree, the
 * rows of every column) is done once per journey, whatever the persona's
 * weights.  The numeric factorization goes row by row ("up-looking"):
 * row k of L and column k of U are two sparse triangular solves over the
 * pattern of row k.  In the factors' order, index k is row perm[k] of Q.
 */
#include "sim_sparse_int.h"

#include <assert.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <suitesparse/amd.h>

#include "util.h"

/* Progress is told every this many columns. */
#define SP_TICK 1024u

struct sp_symbolic {
	size_t m, nnz;
	uint32_t *perm;     /* factor index -> row of Q */
	uint32_t *iperm;    /* row of Q -> factor index */
	size_t *cp;         /* column j of L: rows ri[cp[j] .. cp[j+1]), rising */
	uint32_t *ri;
	size_t *rp;         /* row k of L: columns rj[rp[k] .. rp[k+1]), rising, */
	uint32_t *rj;       /* at positions rpos[] of ri */
	size_t *rpos;
};

struct sp_lu {
	const struct sp_symbolic *s;
	double *d;          /* pivots */
	double *lx, *ux;    /* at ri[p] in column j: L(ri[p], j), U(j, ri[p]) */
};

void sp_progress_add(struct sp_progress *p, uint64_t units)
{
	if (!p)
		return;
	p->done += units;
	if (p->fn)
		p->fn(p->ctx, p->done, p->total);
}

/* --- symbolic ------------------------------------------------------------ */

/* The fill-reducing order of Q + Q^T (the diagonal is ignored). */
static bool sp_order(const struct sp_pattern *q, uint32_t *perm)
{
	size_t nz = q->row[q->m];
	int *ap = xcalloc(q->m + 1, sizeof *ap), *ai = xcalloc(nz + 1, sizeof *ai);
	int *p = xcalloc(q->m + 1, sizeof *p), rc;

	/* Q by rows is Q^T by columns: AMD orders the same A + A^T. */
	for (size_t r = 0; r <= q->m; r++)
		ap[r] = (int)q->row[r];
	for (size_t e = 0; e < nz; e++)
		ai[e] = (int)q->col[e];
	rc = amd_order((int)q->m, ap, ai, p, NULL, NULL);
	for (size_t k = 0; k < q->m; k++)
		perm[k] = (uint32_t)p[k];
	free(ap);
	free(ai);
	free(p);
	return rc == AMD_OK || rc == AMD_OK_BUT_JUMBLED;
}

/* The lower half of the permuted symmetric pattern: row k lists the j < k
 * linked to k either way (duplicates do no harm). */
static void sp_lower(const struct sp_pattern *q, const uint32_t *iperm,
		     size_t **lp, uint32_t **lj)
{
	size_t m = q->m, nz = q->row[m], *fill;

	*lp = xcalloc(m + 1, sizeof **lp);
	*lj = xcalloc(nz + 1, sizeof **lj);
	fill = xcalloc(m + 1, sizeof *fill);
	for (size_t r = 0; r < m; r++)
		for (size_t e = q->row[r]; e < q->row[r + 1]; e++) {
			uint32_t a = iperm[r], b = iperm[q->col[e]];
			if (a != b)
				(*lp)[(a > b ? a : b) + 1]++;
		}
	for (size_t k = 0; k < m; k++)
		(*lp)[k + 1] += (*lp)[k];
	for (size_t r = 0; r < m; r++)
		for (size_t e = q->row[r]; e < q->row[r + 1]; e++) {
			uint32_t a = iperm[r], b = iperm[q->col[e]];
			uint32_t hi = a > b ? a : b, lo = a > b ? b : a;
			if (a != b)
				(*lj)[(*lp)[hi] + fill[hi]++] = lo;
		}
	free(fill);
}

/* Liu's elimination tree of the symmetric pattern (-1: a root). */
static void sp_etree(size_t m, const size_t *lp, const uint32_t *lj,
		     long *parent)
{
	long *anc = xcalloc(m + 1, sizeof *anc);

	for (size_t k = 0; k < m; k++) {
		parent[k] = anc[k] = -1;
		for (size_t e = lp[k]; e < lp[k + 1]; e++) {
			long i = lj[e], next;
			for (; i != -1 && i < (long)k; i = next) {
				next = anc[i];
				anc[i] = (long)k;
				if (next == -1)
					parent[i] = (long)k;
			}
		}
	}
	free(anc);
}

/*
 * The rows of every column of L: row k of L is the set of nodes met going
 * up the elimination tree from each j of the pattern's row k until k (or
 * a node already met).  Counted first (ri NULL), then filled: k rises, so
 * every column's rows come out sorted.
 */
static void sp_rows(size_t m, const size_t *lp, const uint32_t *lj,
		    const long *parent, size_t *cp, uint32_t *ri, size_t *next)
{
	uint32_t *mark = xcalloc(m + 1, sizeof *mark);

	for (size_t k = 0; k < m; k++) {
		mark[k] = (uint32_t)k + 1;
		for (size_t e = lp[k]; e < lp[k + 1]; e++)
			for (long i = lj[e]; mark[i] != k + 1; i = parent[i]) {
				mark[i] = (uint32_t)k + 1;
				if (ri)
					ri[next[i]++] = (uint32_t)k;
				else
					cp[i + 1]++;
			}
	}
	free(mark);
}

/* Row k of L as a list of columns, rising, with the places in ri. */
static void sp_transpose(struct sp_symbolic *s)
{
	size_t m = s->m, *fill = xcalloc(m + 1, sizeof *fill);

	s->rp = xcalloc(m + 1, sizeof *s->rp);
	s->rj = xcalloc(s->nnz + 1, sizeof *s->rj);
	s->rpos = xcalloc(s->nnz + 1, sizeof *s->rpos);
	for (size_t p = 0; p < s->nnz; p++)
		s->rp[s->ri[p] + 1]++;
	for (size_t k = 0; k < m; k++)
		s->rp[k + 1] += s->rp[k];
	for (size_t j = 0; j < m; j++)
		for (size_t p = s->cp[j]; p < s->cp[j + 1]; p++) {
			size_t k = s->ri[p], at = s->rp[k] + fill[k]++;
			s->rj[at] = (uint32_t)j;
			s->rpos[at] = p;
		}
	free(fill);
}

struct sp_symbolic *sp_analyze(const struct sp_pattern *q)
{
	struct sp_symbolic *s = xcalloc(1, sizeof *s);
	size_t m = q->m, *lp, *next;
	uint32_t *lj;
	long *parent;

	s->m = m;
	s->perm = xcalloc(m + 1, sizeof *s->perm);
	s->iperm = xcalloc(m + 1, sizeof *s->iperm);
	if (!sp_order(q, s->perm)) {
		sp_symbolic_free(s);
		return NULL;
	}
	for (size_t k = 0; k < m; k++)
		s->iperm[s->perm[k]] = (uint32_t)k;
	sp_lower(q, s->iperm, &lp, &lj);
	parent = xcalloc(m + 1, sizeof *parent);
	sp_etree(m, lp, lj, parent);
	s->cp = xcalloc(m + 1, sizeof *s->cp);
	sp_rows(m, lp, lj, parent, s->cp, NULL, NULL);
	for (size_t j = 0; j < m; j++)
		s->cp[j + 1] += s->cp[j];
	s->nnz = s->cp[m];
	s->ri = xcalloc(s->nnz + 1, sizeof *s->ri);
	next = xcalloc(m + 1, sizeof *next);
	memcpy(next, s->cp, m * sizeof *next);
	sp_rows(m, lp, lj, parent, s->cp, s->ri, next);
	sp_transpose(s);
	free(next);
	free(parent);
	free(lp);
	free(lj);
	return s;
}

void sp_symbolic_free(struct sp_symbolic *s)
{
	if (!s)
		return;
	free(s->perm);
	free(s->iperm);
	free(s->cp);
	free(s->ri);
	free(s->rp);
	free(s->rj);
	free(s->rpos);
	free(s);
}

size_t sp_symbolic_nnz(const struct sp_symbolic *s)
{
	return s->nnz;
}

/* --- numeric ------------------------------------------------------------- */

/* Q by columns, in the factors' order: column b (factor index) holds the
 * rows ct[] with values cx[] of Q's column perm[b]. */
struct sp_cols {
	size_t *cp;
	uint32_t *ct;
	double *cx;
};

static void sp_cols_make(const struct sp_symbolic *s, const struct sp_pattern *q,
			 const double *qx, struct sp_cols *c)
{
	size_t m = s->m, nz = q->row[m], *fill = xcalloc(m + 1, sizeof *fill);

	c->cp = xcalloc(m + 1, sizeof *c->cp);
	c->ct = xcalloc(nz + 1, sizeof *c->ct);
	c->cx = xcalloc(nz + 1, sizeof *c->cx);
	for (size_t e = 0; e < nz; e++)
		c->cp[s->iperm[q->col[e]] + 1]++;
	for (size_t k = 0; k < m; k++)
		c->cp[k + 1] += c->cp[k];
	for (size_t r = 0; r < m; r++)
		for (size_t e = q->row[r]; e < q->row[r + 1]; e++) {
			size_t b = s->iperm[q->col[e]], at = c->cp[b] + fill[b]++;
			c->ct[at] = s->iperm[r];
			c->cx[at] = qx[e];
		}
	free(fill);
}

static void sp_cols_free(struct sp_cols *c)
{
	free(c->cp);
	free(c->ct);
	free(c->cx);
}

/*
 * Row k of L and column k of U, and the pivot d_k.  xr and xc come in
 * holding row k and column k of I - Q left of (above) the diagonal; for j
 * rising along row k's pattern, L(k,j) d_j and d_j U(j,k) are final once
 * the columns before have been subtracted.  Returns d_k.
 */
static double sp_factor_row(struct sp_lu *f, size_t k, double akk, double *xr,
			    double *xc)
{
	const struct sp_symbolic *s = f->s;

	for (size_t e = s->rp[k]; e < s->rp[k + 1]; e++) {
		size_t j = s->rj[e], pk = s->rpos[e];
		double a = xr[j], c = xc[j], dj = f->d[j];

		xr[j] = xc[j] = 0;
		for (size_t p = s->cp[j]; p < pk; p++) {
			xr[s->ri[p]] -= a * f->ux[p];
			xc[s->ri[p]] -= f->lx[p] * c;
		}
		f->lx[pk] = a / dj;
		f->ux[pk] = c / dj;
		akk -= a * c / dj;
	}
	return akk;
}

struct sp_lu *sp_factor(const struct sp_symbolic *s, const struct sp_pattern *q,
			const double *qx, double tiny, size_t *bad,
			struct sp_progress *pr)
{
	struct sp_lu *f = xcalloc(1, sizeof *f);
	size_t m = s->m;
	double *xr = xcalloc(m + 1, sizeof *xr), *xc = xcalloc(m + 1, sizeof *xc);
	struct sp_cols c;

	f->s = s;
	f->d = xcalloc(m + 1, sizeof *f->d);
	f->lx = xcalloc(s->nnz + 1, sizeof *f->lx);
	f->ux = xcalloc(s->nnz + 1, sizeof *f->ux);
	sp_cols_make(s, q, qx, &c);
	for (size_t k = 0; k < m; k++) {
		size_t r = s->perm[k];
		double akk = 1;

		/* I - Q: row k from Q's row, column k from Q's column. */
		for (size_t e = q->row[r]; e < q->row[r + 1]; e++) {
			size_t b = s->iperm[q->col[e]];
			if (b < k)
				xr[b] -= qx[e];
			else if (b == k)
				akk -= qx[e];
		}
		for (size_t e = c.cp[k]; e < c.cp[k + 1]; e++)
			if (c.ct[e] < k)
				xc[c.ct[e]] -= c.cx[e];
		f->d[k] = sp_factor_row(f, k, akk, xr, xc);
		if (!(f->d[k] >= tiny)) {
			*bad = r;
			sp_lu_free(f);
			f = NULL;
			break;
		}
		if ((k + 1) % SP_TICK == 0)
			sp_progress_add(pr, SP_TICK);
	}
	if (f)
		sp_progress_add(pr, m % SP_TICK);
	sp_cols_free(&c);
	free(xr);
	free(xc);
	return f;
}

void sp_lu_free(struct sp_lu *f)
{
	if (!f)
		return;
	free(f->d);
	free(f->lx);
	free(f->ux);
	free(f);
}

/* L D U y = b in the factors' order, in place. */
static void sp_solve_perm(const struct sp_lu *f, double *y, bool trans)
{
	const struct sp_symbolic *s = f->s;
	const double *lower = trans ? f->ux : f->lx, *upper = trans ? f->lx : f->ux;
	size_t m = s->m;

	/* (I - Q)^T = U^T D L^T: the same steps with the factors swapped. */
	for (size_t j = 0; j < m; j++)
		if (y[j] != 0)
			for (size_t p = s->cp[j]; p < s->cp[j + 1]; p++)
				y[s->ri[p]] -= lower[p] * y[j];
	for (size_t j = 0; j < m; j++)
		y[j] /= f->d[j];
	for (size_t j = m; j-- > 0;) {
		double v = y[j];
		for (size_t p = s->cp[j]; p < s->cp[j + 1]; p++)
			v -= upper[p] * y[s->ri[p]];
		y[j] = v;
	}
}

static void sp_solve_any(const struct sp_lu *f, const double *b, double *x,
			 bool trans)
{
	const struct sp_symbolic *s = f->s;
	double *y = xcalloc(s->m + 1, sizeof *y);

	for (size_t k = 0; k < s->m; k++)
		y[k] = b[s->perm[k]];
	sp_solve_perm(f, y, trans);
	for (size_t k = 0; k < s->m; k++)
		x[s->perm[k]] = y[k];
	free(y);
}

void sp_solve(const struct sp_lu *f, const double *b, double *x)
{
	sp_solve_any(f, b, x, false);
}

void sp_solve_t(const struct sp_lu *f, const double *b, double *x)
{
	sp_solve_any(f, b, x, true);
}

/* --- the diagonal of the inverse ----------------------------------------- */

/* Entries of Z = (I - Q)^-1 on the pattern of the factors. */
struct sp_inv {
	double *zl, *zu;    /* at ri[p] in column j: Z(ri[p], j), Z(j, ri[p]) */
	double *zd;
	size_t *pos;        /* scatter of one column: row -> place in ri */
	double *accl, *accu;
};

/*
 * Column j of Z below the diagonal, row j right of it, and Z(j, j), from
 * the entries of Z between the later rows of column j (S):
 *   Z(i,j) = -sum_{k in S} Z(i,k) L(k,j),   Z(j,i) = -sum_{k in S} U(j,k) Z(k,i),
 *   Z(j,j) = 1/d_j - sum_{k in S} U(j,k) Z(k,j).
 * Every pair of S is an entry of the pattern (eliminating j joined them),
 * found by scattering the column of the smaller one.
 */
static void sp_inv_col(const struct sp_lu *f, struct sp_inv *z, size_t j)
{
	const struct sp_symbolic *s = f->s;
	size_t p0 = s->cp[j], ns = s->cp[j + 1] - p0;
	const uint32_t *S = s->ri + p0;
	const double *l = f->lx + p0, *u = f->ux + p0;
	double zjj = 1 / f->d[j];

	for (size_t a = 0; a < ns; a++) {
		z->accl[a] = z->zd[S[a]] * l[a];
		z->accu[a] = u[a] * z->zd[S[a]];
	}
	for (size_t a = 0; a < ns; a++) {
		size_t k = S[a];

		for (size_t p = s->cp[k]; p < s->cp[k + 1]; p++)
			z->pos[s->ri[p]] = p;
		for (size_t b = a + 1; b < ns; b++) {
			size_t p = z->pos[S[b]];
			double zik, zki;

			assert(p < s->nnz && s->ri[p] == S[b]);
			zik = z->zl[p];	/* Z(S[b], k) */
			zki = z->zu[p];	/* Z(k, S[b]) */
			z->accl[b] += zik * l[a];
			z->accl[a] += zki * l[b];
			z->accu[b] += u[a] * zki;
			z->accu[a] += u[b] * zik;
		}
	}
	for (size_t a = 0; a < ns; a++) {
		z->zl[p0 + a] = -z->accl[a];
		z->zu[p0 + a] = -z->accu[a];
		zjj -= u[a] * z->zl[p0 + a];
	}
	z->zd[j] = zjj;
}

void sp_inv_diag(const struct sp_lu *f, double *diag, struct sp_progress *pr)
{
	const struct sp_symbolic *s = f->s;
	size_t m = s->m, most = 1;
	struct sp_inv z;

	for (size_t j = 0; j < m; j++)
		if (s->cp[j + 1] - s->cp[j] > most)
			most = s->cp[j + 1] - s->cp[j];
	z.zl = xcalloc(s->nnz + 1, sizeof *z.zl);
	z.zu = xcalloc(s->nnz + 1, sizeof *z.zu);
	z.zd = xcalloc(m + 1, sizeof *z.zd);
	z.pos = xcalloc(m + 1, sizeof *z.pos);
	z.accl = xcalloc(most, sizeof *z.accl);
	z.accu = xcalloc(most, sizeof *z.accu);
	for (size_t j = m; j-- > 0;) {
		sp_inv_col(f, &z, j);
		if ((m - j) % SP_TICK == 0)
			sp_progress_add(pr, SP_TICK);
	}
	sp_progress_add(pr, m % SP_TICK);
	for (size_t k = 0; k < m; k++)
		diag[s->perm[k]] = z.zd[k];
	free(z.zl);
	free(z.zu);
	free(z.zd);
	free(z.pos);
	free(z.accl);
	free(z.accu);
}
