/*
 * ui_paths.c - T on the map: the selected card's paths two steps out, in
 * place of the emotion curve, following the selection as it moves.  One
 * line per card it leads to, heaviest first, with the share of its
 * customers that go there, then where they go from there and the share
 * of the selected card's customers each such path takes (the product of
 * the two shares; drops and the persona's bias left out, as the weights
 * say it).  The last line says where customers come from, one step back.
 * The marks on the cards (-> <- <->) show the first step on the map
 * itself.
 */
#include "ui_int.h"
#include "ui_map_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journey_path.h"
#include "util.h"

/* Transition indexes of tp, heaviest first (ties: as in the file). */
static size_t *ui_paths_order(const struct mot_touchpoint *tp)
{
	size_t *k = xcalloc(tp->n_next + 1, sizeof *k);

	for (size_t i = 0; i < tp->n_next; i++)
		k[i] = i;
	for (size_t i = 1; i < tp->n_next; i++)	/* a handful: insertion */
		for (size_t j = i; j > 0 && tp->next[k[j]].weight >
		     tp->next[k[j - 1]].weight; j--) {
			size_t t = k[j];

			k[j] = k[j - 1];
			k[j - 1] = t;
		}
	return k;
}

static const char *ui_paths_name(const struct ui_view *v, const char *key)
{
	long i = ui_view_find(v, key);

	return i >= 0 ? v->j.touchpoints[i].name : key;
}

/* "-> Portal 75%: Reviews 38%, Calculator 25%, leave 12%" */
static void ui_paths_line(const struct ui_view *v, const struct mot_touchpoint
			  *tp, size_t k, double sum, struct strbuf *b)
{
	const struct mot_transition *t = &tp->next[k];
	double p = t->weight / sum, sum2;
	long mid = ui_view_find(v, t->to);
	const struct mot_touchpoint *m;
	size_t *order;

	strbuf_printf(b, "\u2192 %s %.0f%%", ui_paths_name(v, t->to), 100 * p);
	if (mid < 0)
		return;
	m = &v->j.touchpoints[mid];
	if (m->n_next == 0) {
		strbuf_puts(b, ": customers leave there");
		return;
	}
	sum2 = journey_out_weight(m);
	order = ui_paths_order(m);
	for (size_t i = 0; i < m->n_next; i++) {
		const struct mot_transition *u = &m->next[order[i]];

		strbuf_printf(b, "%s%s %.0f%%", i ? ", " : "  \u2192 ",
			      ui_paths_name(v, u->to), 100 * p * u->weight /
			      sum2);
	}
	free(order);
}

/* "<- from: Annual bill, TV spot" */
static void ui_paths_in(const struct ui_view *v, size_t i, struct strbuf *b)
{
	size_t n = v->in_off[i + 1] - v->in_off[i];

	strbuf_puts(b, "\u2190 from: ");
	for (size_t e = v->in_off[i]; e < v->in_off[i + 1]; e++)
		strbuf_printf(b, "%s%s", e > v->in_off[i] ? ", " : "",
			      v->j.touchpoints[v->in[e].from].name);
	if (n == 0)
		strbuf_puts(b, ui_view_entry(v, i) > 0 ? "none: an entry" :
			    "none, and no entry: no customer gets here");
}

void ui_paths_draw(struct ui *ui, int y, int h)
{
	const struct ui_view *v = &ui->view;
	long sel = ui_map_selected(ui);
	const struct mot_touchpoint *tp;
	size_t *order, shown = 0;
	int outs = h > 1 ? h - 1 : 1;
	struct strbuf b;

	if (sel < 0) {
		ui_put(ui, y, 0, ui->cols, "No card selected", UI_R_DIM);
		return;
	}
	tp = &v->j.touchpoints[sel];
	order = ui_paths_order(tp);
	for (size_t k = 0; k < tp->n_next && (int)shown < outs; k++) {
		strbuf_init(&b);
		if ((int)shown == outs - 1 && k + 1 < tp->n_next)
			strbuf_printf(&b, "\u2192 ... and %zu more",
				      tp->n_next - k);
		else
			ui_paths_line(v, tp, order[k],
				      journey_out_weight(tp), &b);
		ui_put(ui, y + (int)shown++, 1, ui->cols - 1, b.s, UI_R_NORMAL);
		strbuf_free(&b);
	}
	free(order);
	if (tp->n_next == 0)
		ui_put(ui, y + (int)shown++, 1, ui->cols - 1, "\u2192 none: "
		       "customers leave here", UI_R_DIM);
	if (h > 1) {
		strbuf_init(&b);
		ui_paths_in(v, (size_t)sel, &b);
		ui_put(ui, y + h - 1, 1, ui->cols - 1, b.s, UI_R_DIM);
		strbuf_free(&b);
	}
}
