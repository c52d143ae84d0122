/*
 * sim_int.h - private to src/sim/: the compiled model,
 * the random generator and the alias tables.
 */
#ifndef MOT_SIM_INT_H
#define MOT_SIM_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "sim.h"

/* Outcomes of a step: >= 0 is the next touchpoint. */
#define SIM_OUT_DROP (-1)   /* left by the drop */
#define SIM_OUT_EXIT (-2)   /* a touchpoint without transitions */

/* Node flags. */
enum {
	SIM_F_CONV = 1u << 0,     /* conversion touchpoint */
	SIM_F_TMOT = 1u << 1,     /* stage TMOT: customers rate here */
	SIM_F_NOHELP = 1u << 2,   /* critical, and no human can take over */
	SIM_F_EXPL = 1u << 3,     /* phase exploration */
	SIM_F_EVAL = 1u << 4,     /* phase evaluation */
	SIM_F_END = 1u << 5,      /* no transitions: the walk ends here */
};

/*
 * One column of a Walker/Vose alias table: draw a column k uniformly,
 * then take `own` when a 32-bit uniform u < thr, else `alt`.  A full
 * column has alt == own.
 */
struct sim_alias {
	uint32_t thr;
	int32_t own, alt;
};

/*
 * A column of a node's outcome table as the walk reads it: the alias
 * column, and for each of its two outcomes where the next node's columns
 * are (SIM_NEXT(off, n); 0 for the ends).  A step then costs one dependent
 * load (the column) instead of two (the node, then the column): the walk
 * is a chain of such loads, so this is its length.  Offset and count in
 * one word make one selection, and one register, on that chain.  32
 * bytes: two to a cache line, never straddling one.
 */
struct sim_step {
	uint32_t thr;
	int32_t own, alt;
	uint32_t drop;      /* the node's drop as a threshold (plain walk) */
	uint64_t own_next, alt_next;
};

#define SIM_NEXT(off, n) ((uint64_t)(uint32_t)(off) | (uint64_t)(n) << 32)

/* Transition indexes of a column's two outcomes (-1: not a transition),
 * only kept when flows are counted. */
struct sim_alias_edge {
	int32_t own, alt;
};

struct sim_node {
	uint32_t off;                 /* first column in a persona's table */
	uint16_t ncols;               /* columns */
	uint8_t flags;
	uint8_t stage;
	int8_t emotion;
	double drop;                  /* the touchpoint's own drop */
	double dwell;
};

struct sim_persona_tab {
	double share;         /* 0 for personas filtered out */
	double sensitivity;
	uint32_t patience;
	double explore_bias;
	/* The transitions of every node (an exit for a node without),
	 * scaled by explore_bias; the drop is drawn apart: the full model's
	 * depends on the mood, and apart in the plain one too, so that a
	 * change of drop keeps everyone else's random way (comparisons). */
	struct sim_step *steps;         /* 64-byte aligned */
	struct sim_alias_edge *edge;    /* flows only, else NULL */
};

struct sim_model {
	size_t n, n_edges, n_personas;
	bool plain, flow;
	double exposure_rate;
	struct sim_node *nodes;
	size_t n_cols;
	struct sim_persona_tab *personas;
	struct sim_alias *persona_tab;  /* n_personas columns */
	struct sim_alias *entry_tab;
	size_t n_entry_cols;
	struct sim_alias *exposure_tab; /* NULL when no exposure touchpoint */
	size_t n_exposure_cols;
	size_t *edge_first;             /* node i's transitions start here */
};

/* --- random numbers ---------------------------------------------------- */

/* xoshiro256** (Blackman and Vigna): fast, 2^256 - 1 period. */
struct sim_rng {
	uint64_t s[4];
};

static inline uint64_t sim_rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static inline uint64_t sim_rng_next(struct sim_rng *r)
{
	uint64_t *s = r->s;
	uint64_t out = sim_rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = sim_rotl(s[3], 45);
	return out;
}

static inline uint64_t sim_splitmix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/*
 * Customer c of a seed gets a stream of its own: the state is four
 * consecutive splitmix64 outputs from seed + 4c.  A customer's walk is
 * then the same whatever block or thread walks it, and two runs that
 * differ in one touchpoint use the same random numbers for everyone.
 */
static inline void sim_rng_seed(struct sim_rng *r, uint64_t seed, uint64_t c)
{
	const uint64_t g = 0x9e3779b97f4a7c15ULL;
	uint64_t x = seed + 4 * c * g;

	r->s[0] = sim_splitmix(x += g);
	r->s[1] = sim_splitmix(x += g);
	r->s[2] = sim_splitmix(x += g);
	r->s[3] = sim_splitmix(x + g);
}

/* Uniform double in [0, 1) from the top 53 bits. */
static inline double sim_rng_unit(struct sim_rng *r)
{
	return (double)(sim_rng_next(r) >> 11) * 0x1.0p-53;
}

/* Column from the top 32 bits, the choice from the bottom 32. */
static inline int32_t sim_alias_draw(const struct sim_alias *tab, uint32_t n,
				     uint64_t r, uint32_t *col)
{
	uint32_t k = (uint32_t)(((r >> 32) * (uint64_t)n) >> 32);
	const struct sim_alias *a = &tab[k];

	/* Branch-free: the choice is a coin flip the predictor cannot learn,
	 * and a mispredicted branch costs more than the whole step. */
	uint32_t keep = 0u - (uint32_t)((uint32_t)r < a->thr);

	*col = k;
	return (int32_t)(((uint32_t)a->own & keep) | ((uint32_t)a->alt & ~keep));
}

/*
 * One step from the columns of a node, *next = SIM_NEXT(off, n): the
 * outcome, and *next moved to the next node's columns; *col the column
 * drawn (absolute).  Column from the top 32 bits, the choice from the
 * bottom 32, all branch-free as in sim_alias_draw.
 */
static inline int32_t sim_step_draw(const struct sim_step *tab, uint64_t *next,
				    uint64_t r, uint32_t *col)
{
	uint32_t k = (uint32_t)*next +
		     (uint32_t)(((r >> 32) * (*next >> 32)) >> 32);
	const struct sim_step *s = &tab[k];
	uint64_t keep = 0 - (uint64_t)((uint32_t)r < s->thr);

	*col = k;
	*next = (s->own_next & keep) | (s->alt_next & ~keep);
	return (int32_t)(((uint32_t)s->own & (uint32_t)keep) |
			 ((uint32_t)s->alt & ~(uint32_t)keep));
}

/*
 * The plain walk's step from one number r: the top half decides the drop
 * against the node's threshold, which every column of the node carries;
 * apart from it, the bottom half times the node's columns n gives x,
 * whose top half picks the column and bottom half (*u, uniform within the
 * column up to n / 2^32) the outcome.  So a change of drop leaves the way
 * of everyone who stays as it was.  SIM_OUT_DROP when the customer leaves.
 */
static inline int32_t sim_step_draw_lo(const struct sim_step *tab,
				       uint64_t *next, uint64_t r,
				       uint32_t *col, uint32_t *u)
{
	uint64_t x = (uint64_t)(uint32_t)r * (*next >> 32);
	uint32_t k = (uint32_t)*next + (uint32_t)(x >> 32);
	const struct sim_step *s = &tab[k];
	uint64_t keep = 0 - (uint64_t)((uint32_t)x < s->thr);
	int32_t out = (int32_t)(((uint32_t)s->own & (uint32_t)keep) |
				((uint32_t)s->alt & ~(uint32_t)keep));

	*col = k;
	*u = (uint32_t)x;
	*next = (s->own_next & keep) | (s->alt_next & ~keep);
	return (uint32_t)(r >> 32) < s->drop ? SIM_OUT_DROP : out;
}

/* Build n columns for weights w (sum > 0) with outcomes out[]. */
void sim_alias_build(struct sim_alias *tab, const double *w, const int32_t *out,
		     size_t n, struct sim_alias_edge *edge, const int32_t *edge_of);

/* --- the journey's shape, shared with analyze ---------------------------- */

struct sim_graph {
	size_t n;
	long *entry;          /* touchpoint of each entry */
	size_t *first;        /* transitions of i: to[first[i] .. first[i+1]) */
	long *to;
	bool *reached;        /* from an entry (and exposure, when it counts) */
};

/* Resolve keys and check what every run needs: entries, a reachable
 * conversion, a persona that exists, no endless loop (when `plain`). */
int sim_graph_check(const struct mot_journey *j, const char *persona,
		    bool plain, bool exposure, struct sim_graph *g,
		    char *err, size_t errlen);
void sim_graph_free(struct sim_graph *g);
/* Whether the transition from a to b is scaled by explore_bias. */
bool sim_explore_edge(const struct mot_touchpoint *a,
		      const struct mot_touchpoint *b);
/* Persona i's share after the filter (a journey without personas has
 * one default persona); 0 when filtered out. */
double sim_persona_share(const struct mot_journey *j, const char *persona,
			 size_t i);

/* Outcome of customers c0 .. c0+n-1 of a seed: bit 0 bought, bit 1
 * became a promoter, bit 2 a detractor.  Parallel; the same at any thread count. */
void sim_outcomes(const struct sim_model *m, uint64_t seed, uint64_t c0,
		  size_t n, uint8_t *out, unsigned threads);

#endif
