/*
 * export_svg_route.c - the loop arrows of the journey-map picture, routed
 * so that none crosses a card.
 *
 * A loop goes back: to a card in an earlier column, or higher up in the
 * same column, or to its own card.  Its arrow leaves its card from the
 * side facing the way back, runs in the channel (the room between two
 * card columns) to a gap between two rows, along that gap to the channel
 * right of its target, and enters the target from the right.  Channels
 * and gaps hold no card, so neither does any arrow.
 *
 * Planning is topological: which channel, gap, slot on a card's side and
 * track each arrow takes.  Arrows whose runs in one channel (or gap)
 * overlap get tracks of their own (interval colouring), and the channel
 * is widened to hold them; the ends on one side of a card get slots of
 * their own, so arrowheads never meet.  Only then, with the grid's
 * coordinates known, are the points placed.
 */
#include <stdlib.h>
#include <string.h>

#include "export_svg_int.h"
#include "journey_path.h"
#include "util.h"

/* Planning coordinates: row r spans [r*1000+100, r*1000+900] down, the
 * gap above it [r*1000-100, r*1000+100]; channel c is at c*1000 across. */
#define SVG_V 1000.0

/* An end of an arrow on a side of a card. */
struct svg_port {
	size_t card;
	bool left;
	double key;	/* order along the side: where the arrow heads */
	size_t route;
	bool in;
};

/* A straight run in a channel (down) or a gap (across), to be tracked. */
struct svg_run {
	size_t where;	/* the channel, or the gap */
	bool across;
	double lo, hi;	/* planning extent along it */
	size_t *track;	/* where the track goes */
};

static int svg_port_cmp(const void *a, const void *b)
{
	const struct svg_port *x = a, *y = b;

	if (x->card != y->card)
		return x->card < y->card ? -1 : 1;
	if (x->left != y->left)
		return x->left ? -1 : 1;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	if (x->route != y->route)
		return x->route < y->route ? -1 : 1;
	return x->in - y->in;
}

static int svg_run_cmp(const void *a, const void *b)
{
	const struct svg_run *x = a, *y = b;

	if (x->across != y->across)
		return x->across ? 1 : -1;
	if (x->where != y->where)
		return x->where < y->where ? -1 : 1;
	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	return (x->hi > y->hi) - (x->hi < y->hi);
}

/* Which channels and gap a loop takes, and the keys of its two ends. */
static void svg_route_way(const struct svg_map *m, struct svg_route *r,
			  double *key_out, double *key_in)
{
	const struct svg_card *a = &m->cards[r->from], *b = &m->cards[r->to];

	if (a->col == b->col) {
		/* up the same column (or round its own card): on the right */
		r->ch_out = r->ch_in = a->col + 1;
		r->out_left = false;
		*key_out = (double)b->row * SVG_V + (r->from == r->to ? 501 : 500);
		*key_in = (double)a->row * SVG_V + 499;
	} else if (b->col + 1 == a->col) {
		/* the next column to the left: the channel between them */
		r->ch_out = r->ch_in = a->col;
		r->out_left = true;
		*key_out = (double)b->row * SVG_V + 500;
		*key_in = (double)a->row * SVG_V + 500;
	} else {
		/* through the gap between the two rows nearest both cards */
		size_t lo = a->row < b->row ? a->row : b->row;
		size_t hi = a->row < b->row ? b->row : a->row;

		r->ch_out = a->col;
		r->ch_in = b->col + 1;
		r->out_left = true;
		r->gap = lo == hi ? lo + 1 : (lo + hi + 1) / 2;
		*key_out = *key_in = (double)r->gap * SVG_V;
	}
}

/* Planning position of an end: its slot along its card's side. */
static double svg_port_v(const struct svg_map *m, size_t card, size_t slot,
			 size_t n)
{
	return (double)m->cards[card].row * SVG_V + 100 +
		800 * ((double)slot + 0.5) / (double)n;
}

/* A run along a channel from an end to another end or to a gap. */
static void svg_run_down(struct svg_run *run, size_t ch, double v1,
			 double v2, size_t *track)
{
	*run = (struct svg_run){ ch, false, v1 < v2 ? v1 : v2,
				 v1 < v2 ? v2 : v1, track };
}

/* Slots on the sides of the cards: every end of an arrow its own. */
static void svg_route_ports(struct svg_map *m, struct svg_port *ports,
			    size_t n)
{
	qsort(ports, n, sizeof *ports, svg_port_cmp);
	for (size_t i = 0; i < n;) {
		size_t e = i;

		while (e < n && ports[e].card == ports[i].card &&
		       ports[e].left == ports[i].left)
			e++;
		for (size_t p = i; p < e; p++) {
			struct svg_route *r = &m->routes[ports[p].route];

			if (ports[p].in) {
				r->port_in = p - i;
				r->n_in = e - i;
			} else {
				r->port_out = p - i;
				r->n_out = e - i;
			}
		}
		i = e;
	}
}

/* Tracks by interval colouring, per channel and per gap; the room is
 * widened to hold them. */
static void svg_route_tracks(struct svg_map *m, struct svg_run *runs,
			     size_t n)
{
	double *last = xcalloc(n + 1, sizeof *last);

	qsort(runs, n, sizeof *runs, svg_run_cmp);
	for (size_t i = 0; i < n;) {
		size_t e = i, used = 0;

		while (e < n && runs[e].where == runs[i].where &&
		       runs[e].across == runs[i].across)
			e++;
		for (size_t k = i; k < e; k++) {
			size_t t = 0;

			while (t < used && last[t] >= runs[k].lo)
				t++;
			if (t == used)
				used++;
			last[t] = runs[k].hi;
			*runs[k].track = t;
		}
		if (runs[i].across) {
			double need = 2 * 7.0 + (double)(used - 1) * SVG_TRACK;

			m->gap_tracks[runs[i].where] = used;
			if (m->gap_h[runs[i].where] < need)
				m->gap_h[runs[i].where] = need;
		} else {
			double need = 2 * SVG_CLEAR + (double)(used - 1) * SVG_TRACK;

			m->chan_tracks[runs[i].where] = used;
			if (m->chan_w[runs[i].where] < need)
				m->chan_w[runs[i].where] = need;
		}
		i = e;
	}
	free(last);
}

/* The loops of the journey, in the order of their transitions. */
static void svg_route_collect(struct svg_map *m)
{
	const struct mot_journey *j = m->j;

	free(m->routes);
	m->routes = NULL;
	m->n_routes = 0;
	for (size_t i = 0, cap = 0; i < j->n_touchpoints; i++)
		for (size_t k = 0; k < j->touchpoints[i].n_next; k++) {
			long to = model_touchpoint_find(j,
						j->touchpoints[i].next[k].to);

			if (!journey_is_loop(i, to))
				continue;
			util_reserve((void **)&m->routes, &cap, m->n_routes + 1,
				     sizeof *m->routes);
			m->routes[m->n_routes++] = (struct svg_route){
				.from = i, .to = (size_t)to, .k = k };
		}
}

void svg_route_plan(struct svg_map *m)
{
	struct svg_port *ports;
	struct svg_run *runs;
	size_t n_runs = 0;

	svg_route_collect(m);
	ports = xcalloc(2 * m->n_routes + 1, sizeof *ports);
	runs = xcalloc(3 * m->n_routes + 1, sizeof *runs);
	for (size_t i = 0; i < m->n_routes; i++) {
		struct svg_route *r = &m->routes[i];
		double ko, ki;

		svg_route_way(m, r, &ko, &ki);
		ports[2 * i] = (struct svg_port){ r->from, r->out_left, ko, i,
						  false };
		ports[2 * i + 1] = (struct svg_port){ r->to, false, ki, i, true };
	}
	svg_route_ports(m, ports, 2 * m->n_routes);
	for (size_t i = 0; i < m->n_routes; i++) {
		struct svg_route *r = &m->routes[i];
		double vo = svg_port_v(m, r->from, r->port_out, r->n_out);
		double vi = svg_port_v(m, r->to, r->port_in, r->n_in);
		double vg = (double)r->gap * SVG_V;

		if (r->ch_out == r->ch_in) {
			svg_run_down(&runs[n_runs++], r->ch_out, vo, vi, &r->t_out);
			continue;
		}
		/* a run that ends in the gap takes all of it */
		svg_run_down(&runs[n_runs++], r->ch_out, vo,
			     vo < vg ? vg + 100 : vg - 100, &r->t_out);
		svg_run_down(&runs[n_runs++], r->ch_in, vi,
			     vi < vg ? vg + 100 : vg - 100, &r->t_in);
		runs[n_runs++] = (struct svg_run){ r->gap, true,
			(double)r->ch_in * SVG_V - 100,
			(double)r->ch_out * SVG_V + 100, &r->t_gap };
	}
	svg_route_tracks(m, runs, n_runs);
	free(ports);
	free(runs);
}

/* x of track t of channel c; y of track t of the gap above row r. */
static double svg_chan_track(const struct svg_map *m, size_t c, size_t t)
{
	double left = c ? m->col_x[c - 1] + m->card_w : 0;
	double n = (double)(m->chan_tracks[c] ? m->chan_tracks[c] : 1);

	return left + m->chan_w[c] / 2 - (n - 1) * SVG_TRACK / 2 +
		(double)t * SVG_TRACK;
}

static double svg_gap_track(const struct svg_map *m, size_t r, size_t t)
{
	double top = r ? m->row_y[r - 1] + m->card_h : m->cards_top;
	double n = (double)(m->gap_tracks[r] ? m->gap_tracks[r] : 1);

	return top + m->gap_h[r] / 2 - (n - 1) * SVG_TRACK / 2 +
		(double)t * SVG_TRACK;
}

/* y of slot `slot` of n on a card's side; the left side is a little
 * lower, so that ends facing each other across a channel never meet. */
static double svg_port_y(const struct svg_map *m, size_t card, size_t slot,
			 size_t n, bool left)
{
	return m->cards[card].y + 12 + (m->card_h - 24) *
		((double)slot + 0.5) / (double)n + (left ? 3 : 0);
}

void svg_route_place(struct svg_map *m)
{
	for (size_t i = 0; i < m->n_routes; i++) {
		struct svg_route *r = &m->routes[i];
		const struct svg_card *a = &m->cards[r->from], *b = &m->cards[r->to];
		double yo = svg_port_y(m, r->from, r->port_out, r->n_out,
				       r->out_left);
		double yi = svg_port_y(m, r->to, r->port_in, r->n_in, false);
		double xo = r->out_left ? a->x : a->x + m->card_w;
		double x1 = svg_chan_track(m, r->ch_out, r->t_out);
		struct svg_pt *p = r->pt;

		p[0] = (struct svg_pt){ xo, yo };
		p[1] = (struct svg_pt){ x1, yo };
		if (r->ch_out == r->ch_in) {
			p[2] = (struct svg_pt){ x1, yi };
			r->n_pt = 4;
		} else {
			double yg = svg_gap_track(m, r->gap, r->t_gap);
			double x2 = svg_chan_track(m, r->ch_in, r->t_in);

			p[2] = (struct svg_pt){ x1, yg };
			p[3] = (struct svg_pt){ x2, yg };
			p[4] = (struct svg_pt){ x2, yi };
			r->n_pt = 6;
		}
		p[r->n_pt - 1] = (struct svg_pt){ b->x + m->card_w, yi };
	}
}
