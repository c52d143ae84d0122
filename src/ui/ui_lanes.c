/*
 * ui_lanes.c - the lanes view of the journey map: `b` puts rows under the
 * stage columns, as a service blueprint has them, showing one lane at a
 * time (pains, opportunities, backstage, KPIs, thinking, evidence; again:
 * off).  Each column lists the cards of its stage that have something in
 * that lane, name first, then the items; the selected card's group is
 * kept in view.  A KPI that misses its target starts with "!" (and is in
 * the error colour when there is one), so the mark reads without colour.
 * What a column holds is built in ui_lanes_text.c, without curses.
 */
#include "ui_int.h"
#include "ui_map_int.h"

#include <stdio.h>
#include <string.h>

/* The order `b` goes through: the brief's four first, then the rest. */
static const enum mot_lane ui_lanes_order[] = {
	MOT_LANE_PAINS, MOT_LANE_OPPORTUNITIES, MOT_LANE_BACKSTAGE,
	MOT_LANE_KPIS, MOT_LANE_THINKING, MOT_LANE_EVIDENCE,
};
#define UI_LANES_N (int)(sizeof ui_lanes_order / sizeof ui_lanes_order[0])
/* Below this many rows of cards there is no room for lanes. */
#define UI_LANES_MIN_CARDS 6

bool ui_lanes_on(const struct ui *ui)
{
	return ui->map.lanes_on;
}

void ui_lanes_show(struct ui *ui, enum mot_lane l)
{
	ui->map.lanes_on = true;
	ui->map.lane = l;
}

void ui_lanes_next(struct ui *ui)
{
	struct ui_map_state *st = &ui->map;
	int k = 0;

	if (!st->lanes_on) {
		ui_lanes_show(ui, ui_lanes_order[0]);
	} else {
		while (k < UI_LANES_N && ui_lanes_order[k] != st->lane)
			k++;
		if (k + 1 >= UI_LANES_N)
			st->lanes_on = false;
		else
			st->lane = ui_lanes_order[k + 1];
	}
	if (st->lanes_on && st->layout.cards_h < UI_LANES_MIN_CARDS)
		ui_message(ui, "No room for lanes: a taller window shows "
			   "them");
	else if (st->lanes_on)
		ui_message(ui, "Lanes: %s (b: the next lane)",
			   model_lane_title(st->lane));
	else
		ui_message(ui, "Lanes off (b: pains again)");
}

/* The cards give up the lower part of their columns to the lanes: about
 * two fifths, at least a header and three rows. */
void ui_lanes_layout(struct ui *ui, struct ui_map_layout *l)
{
	int h = l->cards_h * 2 / 5;

	l->lanes_h = 0;
	l->lanes_y = l->cards_y + l->cards_h;
	if (!ui->map.lanes_on || l->cards_h < UI_LANES_MIN_CARDS)
		return;
	if (h < 4)
		h = 4;
	l->cards_h -= h;
	l->lanes_y = l->cards_y + l->cards_h;
	l->lanes_h = h;
}

/* Stage s's column: the selected card's lines in view when s is the
 * selected stage. */
static void ui_lanes_draw_column(struct ui *ui, const struct ui_map_layout *l,
				 int s, long sel)
{
	struct ui_map_state *st = &ui->map;
	int x = l->col_x[s] + 1, w = l->col_w[s] - 2, rows = l->lanes_h - 1;
	struct ui_lane_col c;
	long at;

	ui_lanes_column(&ui->view, (enum mot_stage)s, st->lane, w, &c);
	if (c.n == 0) {
		ui_put(ui, l->lanes_y + 1, x, w, "(none)", UI_R_DIM);
		ui_lanes_column_free(&c);
		return;
	}
	at = s == st->stage ? ui_lanes_column_find(&c, sel) : -1;
	if (at >= 0) {
		/* The whole group of the selected card when it fits, else
		 * as much of it as fits from its name down. */
		size_t last = (size_t)at;

		while (last + 1 < c.n && c.lines[last + 1].tp == sel)
			last++;
		st->lanes_top[s] = ui_layout_scroll(last, st->lanes_top[s],
						    (size_t)rows, c.n);
		st->lanes_top[s] = ui_layout_scroll((size_t)at,
						    st->lanes_top[s],
						    (size_t)rows, c.n);
	}
	if (st->lanes_top[s] + (size_t)rows > c.n)
		st->lanes_top[s] = c.n > (size_t)rows ? c.n - (size_t)rows : 0;
	for (int r = 0; r < rows && st->lanes_top[s] + (size_t)r < c.n; r++) {
		const struct ui_lane_line *ln = &c.lines[st->lanes_top[s] + (size_t)r];
		enum ui_role role = ln->kind == UI_LANE_MISSED ? UI_R_ERROR :
			ln->kind == UI_LANE_ITEM ? UI_R_NORMAL :
			ln->tp == sel ? UI_R_SELECTED : UI_R_NAME;

		ui_put(ui, l->lanes_y + 1 + r, x, w, ln->text, role);
	}
	ui_lanes_column_free(&c);
}

void ui_lanes_draw(struct ui *ui, const struct ui_map_layout *l)
{
	char head[160];
	long sel = ui_map_selected(ui);
	int w;

	if (l->lanes_h <= 0)
		return;
	snprintf(head, sizeof head, "%s%s  (b: next lane) ",
		 model_lane_title(ui->map.lane), ui->map.lane == MOT_LANE_KPIS ?
		 " (! misses its target)" : "");
	w = ui_put(ui, l->lanes_y, 0, ui->cols, "\xe2\x94\x80\xe2\x94\x80 ",
		   UI_R_DIM);
	w += ui_put(ui, l->lanes_y, w, ui->cols - w, head, UI_R_HEADER);
	for (; w < ui->cols; w++)
		ui_put(ui, l->lanes_y, w, 1, "\xe2\x94\x80", UI_R_DIM);
	for (int s = l->first_stage; s < l->first_stage + l->n_stages; s++)
		ui_lanes_draw_column(ui, l, s, sel);
}
