/*
 * ui_map.c - the journey map, the designer's main screen: a column of
 * cards per Moment-of-Truth stage, the emotion curve along the most likely
 * path below them, and a detail panel on the selected card with its
 * transitions in and out.
 *
 * A card reads without colour: its emotion is a signed number ("+2"),
 * marks are letters (! critical, H human, $ conversion, ~ not run by the
 * company, <> in a loop), and the messy middle's exploration and
 * evaluation cards carry XPLR / EVAL tags (and a colour when there is
 * one).  Only the cards on screen are drawn, so a journey of a thousand
 * touchpoints costs no more per keystroke than one of ten.
 *
 * Workshop mode: after a simulation each card shows its visits per
 * customer and the share of customers who left there ("1.24v 18%" and a
 * heat mark that reads without colour: a shade of the block, or . : * #
 * on a terminal without colour); + and - make the card's emotion a point
 * better or worse, as an edit that undo takes back.
 */
#include "ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Most used first: the line is cut where the terminal ends. */
static const struct ui_hint ui_map_hints[] = {
	{ UI_ACT_OPEN, "edit" }, { UI_ACT_ADD, "add" },
	{ UI_ACT_DELETE, "del" }, { UI_ACT_TRANSITIONS, "trans" },
	{ UI_ACT_HELP, "help" }, { UI_ACT_BACK, "back" },
	{ UI_ACT_STAGE_PREV, "stage-" }, { UI_ACT_STAGE_NEXT, "stage+" },
	{ UI_ACT_UNDO, "undo" }, { UI_ACT_PERSONAS, "personas" },
	{ UI_ACT_SEARCH, "search" }, { UI_ACT_EXPORT, "export" },
	{ UI_ACT_SIMULATE, "simulate" },
};

void ui_map_free(struct ui *ui)
{
	free(ui->map.sel_key);
	memset(&ui->map, 0, sizeof ui->map);
}

long ui_map_selected(const struct ui *ui)
{
	return ui_view_at(&ui->view, ui->map.stage,
			  ui->map.row[ui->map.stage]);
}

/* Keep every stage's row inside it, and remember the selected key. */
static void ui_map_settle(struct ui *ui)
{
	struct ui_map_state *st = &ui->map;
	long i;

	for (int s = 0; s < MOT_STAGE_COUNT; s++) {
		size_t n = ui->view.stage_count[s];

		if (st->row[s] >= n)
			st->row[s] = n ? n - 1 : 0;
	}
	i = ui_map_selected(ui);
	free(st->sel_key);
	st->sel_key = i >= 0 ? xstrdup(ui->view.j.touchpoints[i].key) : NULL;
}

void ui_map_select_key(struct ui *ui, const char *key)
{
	long i = ui_view_find(&ui->view, key);
	enum mot_stage s;

	if (i >= 0) {
		s = ui->view.j.touchpoints[i].stage;
		ui->map.stage = s;
		ui->map.row[s] = (size_t)i - ui->view.stage_start[s];
	}
	ui_map_settle(ui);
}

static void ui_map_reloaded(struct ui *ui)
{
	char *key = ui->map.sel_key ? xstrdup(ui->map.sel_key) : NULL;

	/* The same card, wherever it is now; else the same place. */
	if (key && ui_view_find(&ui->view, key) >= 0)
		ui_map_select_key(ui, key);
	else
		ui_map_settle(ui);
	free(key);
}

/* --- cards ------------------------------------------------------------ */

static const char *ui_phase_tag(enum mot_phase p)
{
	switch (p) {
	case MOT_PHASE_EXPOSURE:
		return "EXPO";
	case MOT_PHASE_EXPLORATION:
		return "XPLR";
	case MOT_PHASE_EVALUATION:
		return "EVAL";
	case MOT_PHASE_EXPERIENCE:
		return "EXPR";
	default:
		return NULL;
	}
}

static enum ui_role ui_phase_role(enum mot_phase p)
{
	return p == MOT_PHASE_EXPLORATION ? UI_R_EXPLORE :
		p == MOT_PHASE_EVALUATION ? UI_R_EVALUATE : UI_R_NORMAL;
}

/* "!H$~<>" for the card's marks. */
static void ui_card_marks(const struct ui *ui, size_t i, char *buf)
{
	const struct mot_touchpoint *tp = &ui->view.j.touchpoints[i];
	char *p = buf;

	if (tp->critical)
		*p++ = '!';
	if (tp->human)
		*p++ = 'H';
	if (tp->conversion)
		*p++ = '$';
	if (!tp->controlled)
		*p++ = '~';
	if (ui->view.loops[i]) {
		*p++ = '<';
		*p++ = '>';
	}
	*p = '\0';
}

/* Drop-off share to a heat level 0..3. */
static int ui_heat_level(double drop)
{
	return drop < 0.05 ? 0 : drop < 0.15 ? 1 : drop < 0.30 ? 2 : 3;
}

/*
 * The results on a card's second line after its emotion: "1.24v 18%"
 * then the heat mark, or only "18%" and the mark when narrow.  Returns
 * the columns used, 0 when there are no results to show.
 */
static int ui_card_overlay(struct ui *ui, int y, int x, int w, size_t i,
			   attr_t sel)
{
	static const char *const shade[4] = { "\u2591", "\u2592", "\u2593",
					      "\u2588" };
	static const char *const plain[4] = { ".", ":", "*", "#" };
	double v, d;
	char visits[16], drop[16];
	int level, used = 0;

	if (!ui_sim_card(ui, i, &v, &d))
		return 0;
	level = ui_heat_level(d);
	snprintf(visits, sizeof visits, v < 9.995 ? "%.2fv " : v < 99.95 ?
		 "%.1fv " : "%.0fv ", v);
	if (d > 0 && d < 0.005)
		snprintf(drop, sizeof drop, "<1%%");
	else
		snprintf(drop, sizeof drop, "%.0f%%", 100 * d);
	if ((int)(strlen(visits) + strlen(drop)) + 1 <= w)
		used = ui_put(ui, y, x, w, visits, sel ? UI_R_SELECTED :
			      UI_R_NORMAL);
	if (used + (int)strlen(drop) + 1 > w)
		return used;
	used += ui_put(ui, y, x + used, w - used, drop,
		       sel ? UI_R_SELECTED : UI_R_HEAT + level);
	used += ui_put(ui, y, x + used, w - used, ui->color ? shade[level] :
		       plain[level], sel ? UI_R_SELECTED : UI_R_HEAT + level);
	return used;
}

static void ui_card_line2(struct ui *ui, int y, int x, int w, size_t i,
			  attr_t sel)
{
	const struct mot_touchpoint *tp = &ui->view.j.touchpoints[i];
	const char *tag = ui_phase_tag(tp->phase);
	char marks[8];
	int mw, used, over;

	ui_card_marks(ui, i, marks);
	mw = (int)strlen(marks);
	wattrset(stdscr, ui_emotion_attr(ui, tp->emotion) | sel);
	mvwaddstr(stdscr, y, x, ui_layout_emotion(tp->emotion));
	used = (int)strlen(ui_layout_emotion(tp->emotion)) + 1;
	wattrset(stdscr, A_NORMAL);
	over = ui_card_overlay(ui, y, x + used, w - used, i, sel);
	if (over) {	/* the marks where room is left, then nothing else */
		used += over + 1;
		if (mw && used + mw <= w) {
			wattrset(stdscr, ui_attr(ui, UI_R_LOOP) | sel);
			mvwaddstr(stdscr, y, x + w - mw, marks);
			wattrset(stdscr, A_NORMAL);
		}
		return;
	}
	if (tag && (tp->phase == MOT_PHASE_EXPLORATION ||
		    tp->phase == MOT_PHASE_EVALUATION) && used + 5 + mw <= w) {
		wattrset(stdscr, ui_attr(ui, ui_phase_role(tp->phase)) | sel);
		mvwaddstr(stdscr, y, x + used, tag);
		wattrset(stdscr, A_NORMAL);
		used += 5;
	}
	if (tp->channel && used < w - mw - 1) {
		ui_put(ui, y, x + used, w - mw - 1 - used, tp->channel,
		       sel ? UI_R_SELECTED : UI_R_DIM);
	}
	if (mw && mw <= w) {
		wattrset(stdscr, ui_attr(ui, UI_R_LOOP) | sel);
		mvwaddstr(stdscr, y, x + w - mw, marks);
		wattrset(stdscr, A_NORMAL);
	}
}

static void ui_card(struct ui *ui, int y, int x, int w, size_t i, bool sel)
{
	const struct mot_touchpoint *tp = &ui->view.j.touchpoints[i];
	attr_t bar = ui->color ? ui_emotion_attr(ui, tp->emotion) | A_REVERSE :
		A_NORMAL;
	attr_t rev = sel ? A_REVERSE : A_NORMAL;
	enum ui_role name = sel ? UI_R_SELECTED : ui_phase_role(tp->phase);

	if (name == UI_R_NORMAL)
		name = UI_R_NAME;

	/* The bar shows the emotion's colour; '>' marks the selection
	 * (readable without colour, and in a screen dump). */
	for (int l = 0; l < 2; l++) {
		wattrset(stdscr, sel ? A_REVERSE | A_BOLD : bar);
		mvwaddch(stdscr, y + l, x, sel ? '>' : ui->color ? ' ' : '|');
		wattrset(stdscr, A_NORMAL);
		if (sel)
			ui_fill(ui, y + l, x + 1, w - 1, UI_R_SELECTED);
	}
	ui_put(ui, y, x + 1, w - 1, tp->name, name);
	ui_card_line2(ui, y + 1, x + 1, w - 1, i, rev);
}

static void ui_map_header(struct ui *ui, const struct ui_map_layout *l, int s,
			  size_t top, int visible)
{
	size_t n = ui->view.stage_count[s];
	size_t below = n > top + (size_t)visible ? n - top - (size_t)visible : 0;
	char buf[64], reach[16] = "";
	int w = l->col_w[s] - 1;
	enum ui_role r = s == ui->map.stage ? UI_R_SELECTED : UI_R_HEADER;
	double share;

	/* The funnel: how many of the simulated customers reach the stage. */
	if (ui_sim_stage(ui, s, &share))
		snprintf(reach, sizeof reach, " %.0f%%", 100 * share);
	/* The scroll marks first: on a narrow column the share is cut. */
	snprintf(buf, sizeof buf, "%s %zu%s%s%s", model_stage_label(s), n,
		 top ? " ^" : "", below ? " v" : "", reach);
	ui_fill(ui, l->header_y, l->col_x[s], w, r);
	ui_put(ui, l->header_y, l->col_x[s], w, buf, r);
	/* Stages off screen: an arrow says there is more that way. */
	if (s == l->first_stage && s > 0)
		ui_put(ui, l->header_y, l->col_x[s], 1, "<", UI_R_KEY);
	if (s == l->first_stage + l->n_stages - 1 && s < MOT_STAGE_COUNT - 1)
		ui_put(ui, l->header_y, ui->cols - 1, 1, ">", UI_R_KEY);
}

static void ui_map_column(struct ui *ui, const struct ui_map_layout *l, int s)
{
	struct ui_map_state *st = &ui->map;
	int visible = ui_layout_cards_visible(l);
	size_t n = ui->view.stage_count[s];

	st->top[s] = ui_layout_scroll(st->row[s], st->top[s], (size_t)visible,
				      n);
	ui_map_header(ui, l, s, st->top[s], visible);
	for (int k = 0; k < visible && st->top[s] + (size_t)k < n; k++) {
		size_t row = st->top[s] + (size_t)k;

		ui_card(ui, l->cards_y + k * l->card_h, l->col_x[s],
			l->col_w[s] - 1, ui->view.stage_start[s] + row,
			s == st->stage && row == st->row[s]);
	}
	if (n == 0 && s == st->stage)
		ui_put(ui, l->cards_y, l->col_x[s], l->col_w[s] - 1,
		       "(empty: a adds)", UI_R_DIM);
}

/* --- the emotion curve ------------------------------------------------ */

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

static void ui_curve_point(struct ui *ui, int y, int x, size_t step,
			   long sel)
{
	size_t i = ui->view.path[step];
	int e = ui->view.j.touchpoints[i].emotion;
	char c = (char)('0' + (e < 0 ? -e : e));

	wattrset(stdscr, ui_emotion_attr(ui, e) | A_BOLD |
		 ((long)i == sel ? A_REVERSE : A_NORMAL));
	mvwaddch(stdscr, y, x, (chtype)(unsigned char)c);
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

static void ui_map_curve(struct ui *ui, const struct ui_map_layout *l)
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
			       x0 + (int)(k - first) * step, k, sel);
	}
}

static void ui_map_rule(struct ui *ui, const struct ui_map_layout *l)
{
	long sel = ui_map_selected(ui);
	char buf[160];

	if (l->rule_y < 0)
		return;
	wattrset(stdscr, ui_attr(ui, UI_R_DIM));
	mvwhline_set(stdscr, l->rule_y, 0, WACS_HLINE, ui->cols);
	wattrset(stdscr, A_NORMAL);
	snprintf(buf, sizeof buf, " Emotion along the most likely path, %zu "
		 "steps%s ", ui->view.n_path, sel >= 0 && ui->view.n_path &&
		 ui->view.path_pos[sel] < 0 ? " (the card is not on it)" : "");
	ui_put(ui, l->rule_y, 2, ui->cols - 4, buf, UI_R_DIM);
}

/* --- the detail panel ------------------------------------------------- */

static void ui_detail_head(struct ui *ui, size_t i, struct strbuf *b)
{
	const struct mot_touchpoint *tp = &ui->view.j.touchpoints[i];
	double entry = ui_view_entry(&ui->view, i);
	char num[40];

	strbuf_printf(b, "%s | %s", tp->name, model_stage_label(tp->stage));
	if (tp->phase)
		strbuf_printf(b, " %s", model_phase_key(tp->phase));
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

static void ui_map_detail(struct ui *ui, const struct ui_map_layout *l)
{
	long i = ui_map_selected(ui);
	struct strbuf b;

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
static void ui_map_running(struct ui *ui, int y)
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

static void ui_map_draw(struct ui *ui)
{
	struct ui_map_state *st = &ui->map;
	struct ui_map_layout *l = &st->layout;
	char right[64];

	ui_layout_map(l, ui->cols, ui->rows, st->stage, st->first_stage);
	st->first_stage = l->first_stage;
	if (!ui_sim_headline(ui, right, sizeof right))
		snprintf(right, sizeof right, "%zu touchpoints",
			 ui->view.j.n_touchpoints);
	ui_title(ui, ui->view.j.title, right);
	for (int s = l->first_stage; s < l->first_stage + l->n_stages; s++)
		ui_map_column(ui, l, s);
	ui_map_rule(ui, l);
	ui_map_curve(ui, l);
	ui_map_detail(ui, l);
	ui_status(ui, ui_map_hints, sizeof ui_map_hints / sizeof ui_map_hints[0],
		  UI_CTX_MAP);
	ui_map_running(ui, l->status_y);
}

/* --- changes ---------------------------------------------------------- */

/* Move the selected card to `stage` at `position`, as one change. */
static void ui_map_move(struct ui *ui, size_t i, enum mot_stage stage,
			size_t position)
{
	const struct mot_touchpoint *tp = &ui->view.j.touchpoints[i];
	struct ui_change *c;
	char *key = xstrdup(tp->key);

	c = ui_change_new(UI_CHANGE_TOUCHPOINT, ui->key,
			  "move '%s' to %s, place %zu", tp->name,
			  model_stage_label(stage), position + 1);
	ui_tp_state_from(&c->tp[UI_BEFORE], &ui->view.j, i);
	ui_tp_state_from(&c->tp[UI_AFTER], &ui->view.j, i);
	c->tp[UI_AFTER].tp.stage = stage;
	c->tp[UI_AFTER].position = position;
	if (ui_do(ui, c) == STORE_OK)
		ui_map_select_key(ui, key);
	free(key);
}

static void ui_map_delete(struct ui *ui, size_t i)
{
	const struct mot_touchpoint *tp = &ui->view.j.touchpoints[i];
	struct ui_change *c;

	if (!ui_confirm(ui, "Delete '%s' and its transitions?", tp->name))
		return;
	c = ui_change_new(UI_CHANGE_TOUCHPOINT, ui->key, "delete '%s'",
			  tp->name);
	ui_tp_state_from(&c->tp[UI_BEFORE], &ui->view.j, i);
	c->tp[UI_AFTER].exists = false;
	ui_do(ui, c);
}

/* + and -: the card's emotion a point better or worse, as the touchpoint
 * form would save it (one change record: undo takes it back). */
static void ui_map_emotion(struct ui *ui, size_t i, int delta)
{
	const struct mot_touchpoint *tp = &ui->view.j.touchpoints[i];
	int from = tp->emotion, to = from + delta;
	struct ui_change *c;
	char *key, *name;

	if (to < MOT_EMOTION_MIN || to > MOT_EMOTION_MAX) {
		ui_error(ui, "Emotion of '%s' is %s already, the %s", tp->name,
			 ui_layout_emotion(from), delta > 0 ? "best" : "worst");
		return;
	}
	key = xstrdup(tp->key);
	name = xstrdup(tp->name);
	c = ui_change_new(UI_CHANGE_TOUCHPOINT, ui->key,
			  "set emotion of '%s' to %s", tp->name,
			  ui_layout_emotion(to));
	ui_tp_state_from(&c->tp[UI_BEFORE], &ui->view.j, i);
	ui_tp_state_from(&c->tp[UI_AFTER], &ui->view.j, i);
	c->tp[UI_AFTER].tp.emotion = to;
	if (ui_do(ui, c) == STORE_OK) {
		ui_map_select_key(ui, key);
		ui_message(ui, "Emotion of '%s': %s -> %s (u undoes)", name,
			   ui_layout_emotion(from), ui_layout_emotion(to));
	}
	free(key);
	free(name);
}

/* `/` asks for a name, `n` finds the next card that holds it. */
static void ui_map_search(struct ui *ui, bool again)
{
	long found;
	char *q;

	if (!again || !ui->search) {
		q = ui_ask(ui, "Search touchpoints:", ui->search);
		if (!q || !*q) {
			free(q);
			return;
		}
		free(ui->search);
		ui->search = q;
	}
	/* From the card after the selected one, round to it last. */
	found = ui_view_search(&ui->view, ui->search, ui_map_selected(ui));
	if (found < 0) {
		ui_error(ui, "No touchpoint name holds '%s'", ui->search);
		return;
	}
	ui_map_select_key(ui, ui->view.j.touchpoints[found].key);
	ui_message(ui, "Found '%s' (n: next match)",
		   ui->view.j.touchpoints[found].name);
}

/* Actions on the selected card; false when there is none. */
static bool ui_map_card_action(struct ui *ui, enum ui_action a, size_t i)
{
	const struct mot_touchpoint *tp = &ui->view.j.touchpoints[i];
	size_t row = ui->map.row[ui->map.stage], n;
	enum mot_stage s = tp->stage;

	switch (a) {
	case UI_ACT_OPEN:
		ui_touchpoint_edit(ui, i);
		return true;
	case UI_ACT_DELETE:
		ui_map_delete(ui, i);
		return true;
	case UI_ACT_STAGE_PREV:
	case UI_ACT_STAGE_NEXT:
		s = (enum mot_stage)((int)s + (a == UI_ACT_STAGE_NEXT ? 1 : -1));
		if ((unsigned)s >= MOT_STAGE_COUNT)
			return true;
		n = ui->view.stage_count[s];
		ui_map_move(ui, i, s, row < n ? row : n);
		return true;
	case UI_ACT_MOVE_UP:
		if (row > 0)
			ui_map_move(ui, i, s, row - 1);
		return true;
	case UI_ACT_MOVE_DOWN:
		if (row + 1 < ui->view.stage_count[s])
			ui_map_move(ui, i, s, row + 1);
		return true;
	case UI_ACT_TRANSITIONS:
		ui_transitions_open(ui, tp->key);
		return true;
	case UI_ACT_EMO_UP:
	case UI_ACT_EMO_DOWN:
		ui_map_emotion(ui, i, a == UI_ACT_EMO_UP ? 1 : -1);
		return true;
	default:
		return false;
	}
}

/* The workshop's keys on the map; false when a is none of them. */
static bool ui_map_workshop(struct ui *ui, enum ui_action a)
{
	switch (a) {
	case UI_ACT_SIMULATE:
		ui_sim_panel(ui);
		return true;
	case UI_ACT_RESULTS:
		if (ui->ws.cur || ui->ws.job)
			ui_results_open(ui);
		else
			ui_error(ui, "No results yet: s simulates");
		return true;
	case UI_ACT_OVERLAY:
		if (!ui->ws.cur) {
			ui_error(ui, "No results to show on the cards yet: s "
				 "simulates");
			return true;
		}
		ui->ws.overlay = !ui->ws.overlay;
		ui_message(ui, "Results on the cards: %s",
			   ui->ws.overlay ? "on" : "off");
		return true;
	case UI_ACT_WALK:
		ui_walk_open(ui);
		return true;
	case UI_ACT_IMPACT:
		if (ui->ws.cur)
			ui_impact_open(ui);
		else
			ui_error(ui, "The impact view needs results: s simulates");
		return true;
	case UI_ACT_WOM:
		ui_wom_open(ui);
		return true;
	case UI_ACT_SCENARIOS:
		ui_scenarios_open(ui);
		return true;
	default:
		return false;
	}
}

static void ui_map_stage(struct ui *ui, int delta)
{
	struct ui_map_state *st = &ui->map;
	int s = st->stage + delta;
	size_t row = st->row[st->stage], n;

	if (s < 0 || s >= MOT_STAGE_COUNT)
		return;
	/* Stay level with the card left, as on a board of cards. */
	n = ui->view.stage_count[s];
	st->row[s] = row < n ? row : n ? n - 1 : 0;
	st->stage = s;
	ui_map_settle(ui);
}

static void ui_map_action(struct ui *ui, enum ui_action a)
{
	struct ui_map_state *st = &ui->map;
	long i = ui_map_selected(ui);
	int page = ui_layout_cards_visible(&st->layout);

	if (ui_list_move(a, &st->row[st->stage],
			 ui->view.stage_count[st->stage], page)) {
		ui_map_settle(ui);
		return;
	}
	if (i >= 0 && ui_map_card_action(ui, a, (size_t)i))
		return;
	if (ui_map_workshop(ui, a))
		return;
	switch (a) {
	case UI_ACT_LEFT:
	case UI_ACT_RIGHT:
		ui_map_stage(ui, a == UI_ACT_LEFT ? -1 : 1);
		break;
	case UI_ACT_ADD:
		ui_touchpoint_add(ui, st->stage, i >= 0 ? st->row[st->stage] + 1 :
				  0);
		break;
	case UI_ACT_PERSONAS:
		ui_personas_open(ui);
		break;
	case UI_ACT_META:
		ui_meta_edit(ui);
		break;
	case UI_ACT_SEARCH:
	case UI_ACT_SEARCH_NEXT:
		ui_map_search(ui, a == UI_ACT_SEARCH_NEXT);
		break;
	case UI_ACT_EXPORT:
		ui_export(ui, &ui->view.j);
		break;
	case UI_ACT_BACK: {
		char *key = xstrdup(ui->key);

		ui_close_journey(ui);
		free(ui->journeys.sel_key);
		ui->journeys.sel_key = key;
		ui_journeys_refresh(ui);
		break;
	}
	case UI_ACT_OPEN:
	case UI_ACT_DELETE:
	case UI_ACT_TRANSITIONS:
	case UI_ACT_EMO_UP:
	case UI_ACT_EMO_DOWN:
		ui_error(ui, "No card here: a adds one to %s",
			 model_stage_label(st->stage));
		break;
	default:
		break;
	}
}

static void ui_map_mouse(struct ui *ui, const MEVENT *ev)
{
	struct ui_map_state *st = &ui->map;
	const struct ui_map_layout *l = &st->layout;
	int s = -1, k;

	for (int c = l->first_stage; c < l->first_stage + l->n_stages; c++)
		if (ev->x >= l->col_x[c] && ev->x < l->col_x[c] + l->col_w[c])
			s = c;
	if (s < 0)
		return;
	if (ev->bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		st->stage = s;
		ui_list_move(ev->bstate & BUTTON4_PRESSED ? UI_ACT_UP :
			     UI_ACT_DOWN, &st->row[s], ui->view.stage_count[s], 1);
		ui_map_settle(ui);
		return;
	}
	k = ev->y - l->cards_y;
	if (k < 0 || k >= l->cards_h || k % l->card_h >= l->card_lines ||
	    st->top[s] + (size_t)(k / l->card_h) >= ui->view.stage_count[s])
		return;
	st->stage = s;
	st->row[s] = st->top[s] + (size_t)(k / l->card_h);
	ui_map_settle(ui);
	if (ev->bstate & BUTTON1_DOUBLE_CLICKED)
		ui_touchpoint_edit(ui, (size_t)ui_map_selected(ui));
}

const struct ui_screen ui_map_screen = {
	"map", UI_CTX_MAP, ui_map_draw, ui_map_action, NULL, ui_map_mouse,
	ui_map_reloaded,
};
