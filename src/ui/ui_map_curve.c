/*
 * ui_map_curve.c - the lower part of the journey map: the emotion curve
 * along the most likely path with its rule, the detail panel of the
 * selected card, and a background run's progress on the status line.
 */
#include "ui_int.h"
#include "ui_map_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* First path step shown, so that the selected card's step is in view. */
static size_t ui_curve_window(struct ui *ui, size_t fit)
{
	long i = ui_map_selected(ui), pos = i >= 0 ? ui->view.path_pos[i] : -1;

	if (pos >= 0)
		ui->map.curve_first = ui_layout_scroll((size_t)pos,
						       ui->map.curve_first, fit,
						       ui->view.n_path);
	else if (ui->map.curve_first + fit > ui->view.n_path)
		ui->map.curve_first = ui->view.n_path > fit ?
			ui->view.n_path - fit : 0;
	return ui->map.curve_first;
}

/*
 * A point of the curve with its sign, so that -1 never reads as 1: "-1",
 * "+2", "0" where a step has two columns, else only "-", "+" or "0" (the
 * row says how far from 0).  The selected card's point is reversed.
 */
static void ui_curve_point(struct ui *ui, int y, int x, int width,
			   size_t step, long sel)
{
	size_t i = ui->view.path[step];
	int e = ui->view.j.touchpoints[i].emotion;
	const char *text = ui_layout_emotion(e);
	char one[2] = { e < 0 ? '-' : e > 0 ? '+' : '0', '\0' };

	wattrset(stdscr, ui_emotion_attr(ui, e) | A_BOLD |
		 ((long)i == sel ? A_REVERSE : A_NORMAL));
	mvwaddstr(stdscr, y, x, width >= 2 ? text : one);
	wattrset(stdscr, A_NORMAL);
}

static void ui_map_sparkline(struct ui *ui, const struct ui_map_layout *l,
			     long sel)
{
	int x0 = ui_put(ui, l->curve_y, 0, 8, "emotion ", UI_R_DIM);
	size_t fit = (size_t)(ui->cols - x0), first = ui_curve_window(ui, fit);

	for (size_t k = first; k < ui->view.n_path && k - first < fit; k++) {
		size_t i = ui->view.path[k];
		int e = ui->view.j.touchpoints[i].emotion;

		wattrset(stdscr, ui_emotion_attr(ui, e) | A_BOLD |
			 ((long)i == sel ? A_REVERSE : A_NORMAL));
		mvwaddch(stdscr, l->curve_y, x0 + (int)(k - first),
			 (chtype)(unsigned char)ui_layout_spark(e));
		wattrset(stdscr, A_NORMAL);
	}
}

void ui_map_curve(struct ui *ui, const struct ui_map_layout *l)
{
	long sel = ui_map_selected(ui);
	int h = l->curve_h, x0 = 3, w = ui->cols - x0, step;
	size_t n = ui->view.n_path, first, fit;

	if (n == 0) {
		ui_put(ui, l->curve_y, 0, ui->cols, "No most likely path yet: "
		       "give a touchpoint an entry weight (Enter edits)",
		       UI_R_DIM);
		return;
	}
	if (h == 1) {
		ui_map_sparkline(ui, l, sel);
		return;
	}
	step = w / (int)(n < (size_t)w ? n : (size_t)w);
	step = step < 1 ? 1 : step > 4 ? 4 : step;
	fit = (size_t)(w / step);
	first = ui_curve_window(ui, fit);
	ui_put(ui, l->curve_y + ui_layout_curve_row(3, h), 0, 2, "+3", UI_R_DIM);
	ui_put(ui, l->curve_y + ui_layout_curve_row(0, h), 0, 2, " 0", UI_R_DIM);
	ui_put(ui, l->curve_y + ui_layout_curve_row(-3, h), 0, 2, "-3",
	       UI_R_DIM);
	wattrset(stdscr, ui_attr(ui, UI_R_DIM));
	mvwhline_set(stdscr, l->curve_y + ui_layout_curve_row(0, h), x0,
		     WACS_HLINE, w);
	wattrset(stdscr, A_NORMAL);
	for (size_t k = first; k < n && k - first < fit; k++) {
		int e = ui->view.j.touchpoints[ui->view.path[k]].emotion;

		ui_curve_point(ui, l->curve_y + ui_layout_curve_row(e, h),
			       x0 + (int)(k - first) * step, step, k, sel);
	}
}

void ui_map_rule(struct ui *ui, const struct ui_map_layout *l)
{
	long sel = ui_map_selected(ui);
	char buf[400];

	if (l->rule_y < 0)
		return;
	wattrset(stdscr, ui_attr(ui, UI_R_DIM));
	mvwhline_set(stdscr, l->rule_y, 0, WACS_HLINE, ui->cols);
	wattrset(stdscr, A_NORMAL);
	if (ui->map.paths) {
		snprintf(buf, sizeof buf, " Paths from %s, two steps out "
			 "(T: the emotion curve) ", sel >= 0 ?
			 ui->view.j.touchpoints[sel].name : "-");
	} else if (ui_obs_on(ui)) {
		/* The gap list stands where the curve was: say so. */
		snprintf(buf, sizeof buf, " Observed against designed, the "
			 "biggest gaps first (O: the emotion curve) ");
	} else if (sel >= 0 && ui->view.n_path &&
		   ui->view.path_pos[sel] >= 0) {
		/* The selected card's point, named: the curve has no room
		 * for the names of all of them. */
		snprintf(buf, sizeof buf, " Emotion along the most likely "
			 "path, %s; selected: %s %s, step %ld ",
			 ui_plural(ui->view.n_path, "step", "steps"),
			 ui->view.j.touchpoints[sel].name,
			 ui_layout_emotion(ui->view.j.touchpoints[sel].emotion),
			 ui->view.path_pos[sel] + 1);
	} else {
		snprintf(buf, sizeof buf, " Emotion along the most likely "
			 "path, %s%s ", ui_plural(ui->view.n_path, "step",
						  "steps"),
			 sel >= 0 && ui->view.n_path ?
			 " (the card is not on it)" : "");
	}
	ui_put(ui, l->rule_y, 2, ui->cols - 4, buf, UI_R_DIM);
}

/* --- the detail panel ------------------------------------------------- */

static void ui_detail_head(struct ui *ui, size_t i, struct strbuf *b)
{
	const struct mot_touchpoint *tp = &ui->view.j.touchpoints[i];
	double entry = ui_view_entry(&ui->view, i), visits, left;
	char num[40];

	strbuf_printf(b, "%s | %s", tp->name, model_stage_label(tp->stage));
	if (tp->phase)
		strbuf_printf(b, " %s", model_phase_key(tp->phase));
	/* The overlay's figures, labelled, early on the line where a
	 * narrow screen still shows them: "left here" is of those who came
	 * by, as in the picture of `mot export --sim`. */
	if (ui_sim_card(ui, i, &visits, &left))
		strbuf_printf(b, " | %.2f visits/customer, %.0f%% of visitors "
			      "left here", visits, 100 * left);
	if (tp->channel)
		strbuf_printf(b, " | %s", tp->channel);
	strbuf_printf(b, " | emotion %s", ui_layout_emotion(tp->emotion));
	strbuf_printf(b, " | drop %s", model_format_number(tp->drop, num,
							   sizeof num));
	if (tp->dwell > 0)
		strbuf_printf(b, " | %s min", model_format_number(tp->dwell, num,
								 sizeof num));
	if (entry > 0)
		strbuf_printf(b, " | entry %s", model_format_number(entry, num,
								   sizeof num));
	if (tp->owner)
		strbuf_printf(b, " | owner %s", tp->owner);
	strbuf_printf(b, "%s%s%s%s", tp->critical ? " | critical" : "",
		      tp->human ? " | human" : "",
		      tp->conversion ? " | conversion" : "",
		      tp->controlled ? "" : " | not controlled");
}

static const char *ui_loop_mark(enum ui_loop l)
{
	return l == UI_LOOP_MESSY ? " <>" : l == UI_LOOP_BACK ? " (back)" : "";
}

static void ui_detail_links(struct ui *ui, size_t i, struct strbuf *b)
{
	const struct ui_view *v = &ui->view;
	const struct mot_touchpoint *tp = &v->j.touchpoints[i];
	double sum = 0;
	size_t n_in = 0;

	strbuf_puts(b, "in:");
	for (size_t e = v->in_off[i]; e < v->in_off[i + 1]; e++) {
		size_t k = v->in[e].from;

		strbuf_printf(b, "%s %s%s", n_in++ ? "," : "",
			      v->j.touchpoints[k].name,
			      ui_loop_mark(ui_view_loop(v, k, (long)i)));
	}
	if (!n_in)
		strbuf_puts(b, " -");
	strbuf_puts(b, "   out:");
	for (size_t k = 0; k < tp->n_next; k++)
		sum += tp->next[k].weight;
	for (size_t k = 0; k < tp->n_next; k++) {
		long t = ui_view_find(v, tp->next[k].to);

		strbuf_printf(b, "%s %s %.0f%%%s", k ? "," : "",
			      t >= 0 ? v->j.touchpoints[t].name : tp->next[k].to,
			      100 * tp->next[k].weight / sum,
			      ui_loop_mark(ui_view_loop(v, i, t)));
	}
	if (!tp->n_next)
		strbuf_puts(b, " - (customers leave here)");
}

void ui_map_detail(struct ui *ui, const struct ui_map_layout *l)
{
	long i = ui_map_selected(ui);
	struct strbuf b;

	if (ui_obs_detail(ui, l))
		return;
	if (i < 0) {
		ui_putf(ui, l->detail_y, 0, ui->cols, UI_R_DIM, "%s: %s, no "
			"touchpoints yet", model_stage_label(ui->map.stage),
			model_stage_title(ui->map.stage));
		return;
	}
	strbuf_init(&b);
	/* One line on small screens: the transitions as counts, up front. */
	if (l->detail_h < 2)
		strbuf_printf(&b, "in %zu out %zu | ",
			      ui->view.in_off[i + 1] - ui->view.in_off[i],
			      ui->view.j.touchpoints[i].n_next);
	ui_detail_head(ui, (size_t)i, &b);
	ui_put(ui, l->detail_y, 0, ui->cols, b.s, UI_R_HEADER);
	strbuf_free(&b);
	if (l->detail_h < 2)
		return;
	ui_detail_links(ui, (size_t)i, &b);
	ui_put(ui, l->detail_y + 1, 0, ui->cols, b.s, UI_R_NORMAL);
	strbuf_free(&b);
}

/* A run going on in the background: its progress on the status line,
 * after the message if there is one, else instead of the hints. */
void ui_map_running(struct ui *ui, int y)
{
	int x = ui->msg[0] ? util_utf8_width(ui->msg) + 2 : 0;

	if (!ui->ws.job)
		return;
	if (ui->cols - x < 24) {
		if (ui->msg[0])
			return;
		x = 0;
	}
	ui_fill(ui, y, x, ui->cols - x, UI_R_NORMAL);
	x += ui_put(ui, y, x, ui->cols - x, "simulating ", UI_R_KEY);
	ui_sim_progress(ui, y, x, ui->cols - x);
}
