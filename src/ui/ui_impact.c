/*
 * ui_impact.c - the Moment-of-Truth impact view: the touchpoints of the
 * latest results ranked by removal effect (the share of conversions lost
 * without the touchpoint: Markov attribution) or by the gain in
 * conversion from one point of better emotion there.  The first says
 * which moments carry the journey, the second where a better experience
 * pays; Enter goes to the card on the map to change it.
 *
 * Names and stages come from the journey the results were walked on (the
 * outcome's copy), so the list stays right while the designer edits; the
 * jump finds the card by key in the journey as it is now.  The ranking is
 * worked out again at every frame: a rerun may replace the results under
 * the view at any time, and ranking a few thousand numbers is cheap.
 */
#include "ui_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define UI_IMP_LIST_Y 3
#define UI_IMP_BAR 10

static const struct ui_hint ui_imp_hints[] = {
	{ UI_ACT_OPEN, "jump to the card" }, { UI_ACT_RANK, "rank by" },
	{ UI_ACT_BACK, "back" }, { UI_ACT_HELP, "help" },
};

/* The ranking of the current results into ui->ws.rank; its length. */
static size_t ui_imp_refresh(struct ui *ui)
{
	struct ui_ws_state *ws = &ui->ws;

	free(ws->rank);
	ws->rank = NULL;
	if (!ws->cur || ws->cur->res.n == 0)
		return 0;
	if (ws->cur->set.plain)
		ws->rank_by_emotion = false;
	ws->rank = ws_rank(&ws->cur->res, ws->rank_by_emotion);
	if (ws->imp_sel >= ws->cur->res.n)
		ws->imp_sel = ws->cur->res.n - 1;
	return ws->cur->res.n;
}

void ui_impact_open(struct ui *ui)
{
	if (!ui->ws.cur) {
		ui_error(ui, "Run a simulation first (s)");
		return;
	}
	ui->ws.imp_sel = ui->ws.imp_top = 0;
	ui_push(ui, &ui_impact_screen);
}

static void ui_imp_leave(struct ui *ui)
{
	free(ui->ws.rank);
	ui->ws.rank = NULL;
	ui_pop(ui);
}

/* --- drawing ---------------------------------------------------------- */

static const char *ui_imp_name(const struct mot_journey *j, size_t i)
{
	return j->touchpoints[i].name && *j->touchpoints[i].name ?
		j->touchpoints[i].name : j->touchpoints[i].key;
}

/* A bar of w cells for a share 0..1 ('#' filled, '.' empty). */
static void ui_imp_bar(char *buf, int w, double share)
{
	int full = (int)lround((share < 0 ? 0 : share > 1 ? 1 : share) * w);

	for (int k = 0; k < w; k++)
		buf[k] = k < full ? '#' : '.';
	buf[w] = '\0';
}

/* Columns right of the name: what fits the width. */
struct ui_imp_cols {
	bool stage, bar, visits;
	int name_w;
};

static void ui_imp_columns(const struct ui *ui, struct ui_imp_cols *c)
{
	/* rank 4, removal 7, gain 10: always; stage 7, bar 11, visits 8. */
	int w = ui->cols - 4 - 7 - 10;

	c->stage = c->bar = c->visits = false;
	if (w - 8 >= 16) {
		c->visits = true;
		w -= 8;
	}
	if (w - 7 >= 16) {
		c->stage = true;
		w -= 7;
	}
	if (w - 11 >= 16) {
		c->bar = true;
		w -= 11;
	}
	c->name_w = w;
}

static void ui_imp_header(struct ui *ui, const struct ui_imp_cols *c, int y)
{
	struct strbuf b;

	strbuf_init(&b);
	strbuf_printf(&b, "%-4s%-*s", "#", c->name_w, "TOUCHPOINT");
	if (c->stage)
		strbuf_printf(&b, "%-7s", "STAGE");
	strbuf_printf(&b, "%7s", "REMOVAL");
	if (c->bar)
		strbuf_printf(&b, " %-*s", UI_IMP_BAR, "");
	strbuf_printf(&b, "%10s", "EMO +1");
	if (c->visits)
		strbuf_printf(&b, "%8s", "VISITS");
	ui_put(ui, y, 0, ui->cols, b.s, UI_R_HEADER);
	strbuf_free(&b);
}

static void ui_imp_row(struct ui *ui, const struct ui_imp_cols *c, int y,
		       size_t pos)
{
	const struct ws_outcome *o = ui->ws.cur;
	const struct sim_result *r = &o->res;
	size_t i = ui->ws.rank[pos];
	double removal = ws_removal_effect(r, i);
	enum ui_role role = pos == ui->ws.imp_sel ? UI_R_SELECTED : UI_R_NORMAL;
	char bar[UI_IMP_BAR + 1], gain[48], num[32];
	struct strbuf b;
	int x;

	if (o->set.plain)
		snprintf(gain, sizeof gain, "n/a");
	else
		snprintf(gain, sizeof gain, "%s pp", ui_format_signed(
			 100.0 * ws_emotion_gain(r, i), 2, num, sizeof num));
	ui_fill(ui, y, 0, ui->cols, role);
	ui_putf(ui, y, 0, 4, role, "%zu", pos + 1);
	ui_put(ui, y, 4, c->name_w - 1, ui_imp_name(&o->j, i), role);
	x = 4 + c->name_w;
	strbuf_init(&b);
	if (c->stage)
		strbuf_printf(&b, "%-7s",
			      model_stage_label(o->j.touchpoints[i].stage));
	strbuf_printf(&b, "%6.1f%%", 100.0 * removal);
	if (c->bar) {
		ui_imp_bar(bar, UI_IMP_BAR, removal);
		strbuf_printf(&b, " %s", bar);
	}
	strbuf_printf(&b, "%10s", gain);
	if (c->visits)
		strbuf_printf(&b, "%8.2f", r->customers ? (double)r->visits[i] /
			      (double)r->customers : 0.0);
	ui_put(ui, y, x, ui->cols - x, b.s, role);
	strbuf_free(&b);
}

static void ui_imp_summary(struct ui *ui)
{
	const struct ws_outcome *o = ui->ws.cur;
	double rate, lo, hi;
	char n[32];

	ws_conversion(&o->res, &rate, &lo, &hi);
	ui_putf(ui, 1, 0, ui->cols, UI_R_NORMAL, "Ranked by %s | conversion "
		"%.1f%% of %s customers%s",
		ui->ws.rank_by_emotion ? "emotion gain" : "removal effect",
		100.0 * rate, ui_sim_count(o->res.customers, n, sizeof n),
		o->compared ? " (the scenario)" : "");
	ui_put(ui, 2, 0, ui->cols, o->set.plain ?
	       "REMOVAL: conversions lost without it; EMO +1: n/a in the "
	       "plain model" :
	       "REMOVAL: conversions lost without it; EMO +1: points of "
	       "conversion gained", UI_R_DIM);
}

static void ui_imp_draw(struct ui *ui)
{
	struct ui_ws_state *ws = &ui->ws;
	size_t n = ui_imp_refresh(ui);
	int h = ui->rows - UI_IMP_LIST_Y - 2;
	struct ui_imp_cols c;
	char right[64];

	snprintf(right, sizeof right, "%s", ui_plural(n, "touchpoint",
		 "touchpoints"));
	ui_title(ui, "Moment-of-Truth impact", right);
	if (!n) {
		ui_put(ui, 2, 0, ui->cols, "No results to rank: s runs a "
		       "simulation. q goes back.", UI_R_ERROR);
		ui_status(ui, ui_imp_hints, sizeof ui_imp_hints /
			  sizeof ui_imp_hints[0], UI_CTX_IMPACT);
		return;
	}
	ui_imp_summary(ui);
	ui_imp_columns(ui, &c);
	ui_imp_header(ui, &c, UI_IMP_LIST_Y);
	ws->imp_top = ui_list_top(ws->imp_sel, ws->imp_top, h, n);
	for (int r = 0; r < h && ws->imp_top + (size_t)r < n; r++)
		ui_imp_row(ui, &c, UI_IMP_LIST_Y + 1 + r,
			   ws->imp_top + (size_t)r);
	ui_status(ui, ui_imp_hints, sizeof ui_imp_hints /
		  sizeof ui_imp_hints[0], UI_CTX_IMPACT);
}

/* --- actions ---------------------------------------------------------- */

/* Enter: the selected touchpoint on the map, found by key in the journey
 * as it is now. */
static void ui_imp_jump(struct ui *ui)
{
	const struct ws_outcome *o = ui->ws.cur;
	size_t i = ui->ws.rank[ui->ws.imp_sel];
	const char *key = o->j.touchpoints[i].key;
	char *name = xstrdup(ui_imp_name(&o->j, i));
	char *k = xstrdup(key);
	double removal = ws_removal_effect(&o->res, i);

	if (ui_view_find(&ui->view, k) < 0) {
		ui_error(ui, "'%s' is no longer in the journey (deleted or its "
			 "key changed since the run)", name);
	} else {
		free(ui->ws.rank);
		ui->ws.rank = NULL;
		while (ui->depth > 1 && ui_top(ui) != &ui_map_screen)
			ui_pop(ui);
		ui_map_select_key(ui, k);
		ui_message(ui, "'%s': removal effect %.1f%%", name,
			   100.0 * removal);
	}
	free(name);
	free(k);
}

static void ui_imp_rank(struct ui *ui)
{
	struct ui_ws_state *ws = &ui->ws;

	if (ws->cur->set.plain) {
		ui_error(ui, "Emotion gain is n/a in the plain model: only the "
			 "removal effect ranks");
		return;
	}
	ws->rank_by_emotion = !ws->rank_by_emotion;
	ws->imp_sel = ws->imp_top = 0;
	ui_message(ui, "Ranked by %s", ws->rank_by_emotion ?
		   "emotion gain: one point of better emotion" :
		   "removal effect: conversions lost without it");
}

static void ui_imp_action(struct ui *ui, enum ui_action a)
{
	struct ui_ws_state *ws = &ui->ws;
	size_t n = ui_imp_refresh(ui);

	if (a == UI_ACT_BACK || a == UI_ACT_CANCEL) {
		ui_imp_leave(ui);
		return;
	}
	if (!n || ui_list_move(a, &ws->imp_sel, n, ui->rows - UI_IMP_LIST_Y - 2))
		return;
	if (a == UI_ACT_OPEN)
		ui_imp_jump(ui);
	else if (a == UI_ACT_RANK)
		ui_imp_rank(ui);
}

static void ui_imp_mouse(struct ui *ui, const MEVENT *ev)
{
	struct ui_ws_state *ws = &ui->ws;
	size_t n = ui_imp_refresh(ui), row;

	if (!n)
		return;
	if (ev->bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		ui_list_move(ev->bstate & BUTTON4_PRESSED ? UI_ACT_UP :
			     UI_ACT_DOWN, &ws->imp_sel, n, 1);
		return;
	}
	if (ev->y <= UI_IMP_LIST_Y)
		return;
	row = ws->imp_top + (size_t)(ev->y - UI_IMP_LIST_Y - 1);
	if (row >= n)
		return;
	ws->imp_sel = row;
	if (ev->bstate & BUTTON1_DOUBLE_CLICKED)
		ui_imp_jump(ui);
}

const struct ui_screen ui_impact_screen = {
	"impact", UI_CTX_IMPACT, ui_imp_draw, ui_imp_action, NULL,
	ui_imp_mouse, NULL,
};
