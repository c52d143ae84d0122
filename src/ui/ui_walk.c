/*
 * ui_walk.c - the walkthrough: one simulated customer at a time, walked
 * card to card as the simulation walked it (ws_story), with the mood, the
 * loops, re-exposure and the moment the customer drops, buys or
 * advocates told in words.  The numbers of a results screen are easy to
 * forget; a customer who loops three times and then gives up at the
 * claim form is the story a workshop remembers.
 *
 * The top is a compact map: a column per stage with one line per card,
 * the current card marked '>' (and reversed), cards already visited '*'
 * with a visit count when the customer came back; under the cards, where
 * there is room, the trail of the steps in order.  Below it the story of
 * the step, a mood sparkline of the steps so far and, at the end, how it
 * ended.  `p` plays the story: a step every half second, stepped on the
 * draw (the main loop draws at every input timeout) by a monotonic clock.
 *
 * Customers are numbered from 1 here; the engine's customer c (and the
 * case_id of `mot simulate --trace`) is the number shown minus one.
 */
#include "ui_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util.h"

#define UI_WALK_PLAY_MS 450    /* the draw comes every 250 ms: 2 ticks */
#define UI_WALK_END_MS 1800    /* how long play shows a story's ending */
#define UI_WALK_PANEL 5        /* story lines below the map */

static const struct ui_hint ui_walk_hints[] = {
	{ UI_ACT_STEP, "step" }, { UI_ACT_STEP_BACK, "back a step" },
	{ UI_ACT_PLAY, "play" }, { UI_ACT_NEXT_CUSTOMER, "next customer" },
	{ UI_ACT_PREV_CUSTOMER, "previous" }, { UI_ACT_BACK, "back" },
	{ UI_ACT_HELP, "help" },
};

/* When the last timed step was taken (play). */
static struct timespec ui_walk_last;

static void ui_walk_clock_reset(void)
{
	clock_gettime(CLOCK_MONOTONIC, &ui_walk_last);
}

static long ui_walk_ms(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)(now.tv_sec - ui_walk_last.tv_sec) * 1000 +
		(now.tv_nsec - ui_walk_last.tv_nsec) / 1000000;
}

/*
 * The story of ui->ws.walk_customer on the journey as it is now.  The
 * steps hold touchpoint indexes of ui->view.j, so a story is told again
 * whenever the journey is reloaded.  Returns 0, or -1 with the reason in
 * err and no story.
 */
static int ui_walk_tell(struct ui *ui, char *err, size_t errlen)
{
	struct ui_ws_state *ws = &ui->ws;

	ws_story_free(&ws->story);
	memset(&ws->story, 0, sizeof ws->story);
	if (ws->set.customers == 0)
		ws_settings_init(&ws->set);
	if (ws_story(&ui->view.j, &ws->set, ws->walk_customer, &ws->story, err,
		     errlen) != 0) {
		ws_story_free(&ws->story);
		memset(&ws->story, 0, sizeof ws->story);
		return -1;
	}
	if (ws->walk_step >= ws->story.n)
		ws->walk_step = ws->story.n ? ws->story.n - 1 : 0;
	return 0;
}

void ui_walk_open(struct ui *ui)
{
	char err[512];

	ui->ws.walk_step = 0;
	ui->ws.walk_play = false;
	if (ui_walk_tell(ui, err, sizeof err) != 0) {
		ui_error(ui, "No walkthrough: %s", err);
		return;
	}
	ui_push(ui, &ui_walk_screen);
}

static void ui_walk_leave(struct ui *ui)
{
	ws_story_free(&ui->ws.story);
	memset(&ui->ws.story, 0, sizeof ui->ws.story);
	ui->ws.walk_play = false;
	ui_pop(ui);
}

/* --- words ------------------------------------------------------------ */

static const struct {
	unsigned bit;
	const char *text;
} ui_walk_words[] = {
	{ WS_EV_ENTER, "enters the journey here" },
	{ WS_EV_REEXPOSED, "re-exposed: exposure brings the customer back "
	  "here" },
	{ WS_EV_LOOP, "loops back to exploring" },
	{ WS_EV_BUY, "BUYS" },
	{ WS_EV_PROMOTER, "becomes a PROMOTER" },
	{ WS_EV_PASSIVE, "rates it: passive" },
	{ WS_EV_DETRACTOR, "becomes a DETRACTOR" },
	{ WS_EV_DROP, "drops out here" },
	{ WS_EV_EXIT, "no way on: leaves" },
	{ WS_EV_PATIENCE, "runs out of patience" },
	{ WS_EV_CUT, "stopped by the safety cut" },
};

/* The events of one step in words, "; " between them. */
static void ui_walk_events(unsigned events, struct strbuf *b)
{
	size_t start = b->len;

	for (size_t k = 0; k < sizeof ui_walk_words / sizeof ui_walk_words[0];
	     k++)
		if (events & ui_walk_words[k].bit)
			strbuf_printf(b, "%s%s", b->len > start ? "; " : "",
				      ui_walk_words[k].text);
}

static const char *ui_walk_persona(const struct ui *ui)
{
	const struct mot_journey *j = &ui->view.j;
	size_t p = ui->ws.story.persona;

	if (p < j->n_personas)
		return j->personas[p].name ? j->personas[p].name :
			j->personas[p].key;
	return "the average customer";
}

static const char *ui_walk_tp_name(const struct ui *ui, size_t tp)
{
	const struct mot_journey *j = &ui->view.j;

	if (tp >= j->n_touchpoints)
		return "?";
	return j->touchpoints[tp].name && *j->touchpoints[tp].name ?
		j->touchpoints[tp].name : j->touchpoints[tp].key;
}

/* How the story ended: the rating, the purchase, where and why it left. */
static void ui_walk_ending(const struct ui *ui, struct strbuf *b)
{
	const struct ws_story *st = &ui->ws.story;
	const struct ws_step *last = &st->steps[st->n - 1];
	size_t bought = 0;
	unsigned all = 0;
	const char *how = "left at";

	for (size_t k = 0; k < st->n; k++) {
		all |= st->steps[k].events;
		if ((st->steps[k].events & WS_EV_BUY) && !bought)
			bought = k + 1;
	}
	if (last->events & WS_EV_DROP)
		how = "dropped out at";
	else if (last->events & WS_EV_EXIT)
		how = "no way on from";
	else if (last->events & WS_EV_PATIENCE)
		how = "ran out of patience at";
	else if (last->events & WS_EV_CUT)
		how = "safety cut at";
	/* The name last: a narrow screen cuts it, not the outcome. */
	strbuf_printf(b, "The end after %zu step%s: ", st->n,
		      st->n == 1 ? "" : "s");
	if (bought)
		strbuf_printf(b, "BOUGHT at step %zu", bought);
	else
		strbuf_puts(b, "did not buy");
	if (all & WS_EV_PROMOTER)
		strbuf_puts(b, ", a PROMOTER");
	else if (all & WS_EV_DETRACTOR)
		strbuf_puts(b, ", a DETRACTOR");
	else if (all & WS_EV_PASSIVE)
		strbuf_puts(b, ", rated passive");
	strbuf_printf(b, "; %s %s", how, ui_walk_tp_name(ui, last->tp));
}

/* --- the compact map -------------------------------------------------- */

/* Visits per touchpoint in steps 0 .. walk_step. */
static unsigned *ui_walk_visits(const struct ui *ui)
{
	const struct ws_story *st = &ui->ws.story;
	size_t n = ui->view.j.n_touchpoints;
	unsigned *v = xcalloc(n + 1, sizeof *v);

	for (size_t k = 0; k <= ui->ws.walk_step && k < st->n; k++)
		if (st->steps[k].tp < n)
			v[st->steps[k].tp]++;
	return v;
}

/* The row of stage s to keep in view: the current card, else the card of
 * the stage visited last, else the first. */
static size_t ui_walk_focus_row(const struct ui *ui, int s)
{
	const struct ws_story *st = &ui->ws.story;
	size_t first = ui->view.stage_start[s], n = ui->view.stage_count[s];

	for (size_t k = ui->ws.walk_step + 1; k-- > 0;) {
		size_t tp = k < st->n ? st->steps[k].tp : (size_t)-1;

		if (tp >= first && tp < first + n)
			return tp - first;
	}
	return 0;
}

static void ui_walk_card(struct ui *ui, int y, int x, int w, size_t tp,
			 unsigned visits, bool cur)
{
	char count[16] = "";
	int cw;
	enum ui_role r = cur ? UI_R_SELECTED : visits ? UI_R_NAME : UI_R_DIM;

	if (visits > 1)
		snprintf(count, sizeof count, " x%u", visits);
	cw = (int)strlen(count);
	if (cur)
		ui_fill(ui, y, x, w, UI_R_SELECTED);
	ui_put(ui, y, x, 1, cur ? ">" : visits ? "*" : " ",
	       cur ? UI_R_SELECTED : UI_R_KEY);
	ui_put(ui, y, x + 1, w - 1 - (cw < w - 4 ? cw : 0),
	       ui_walk_tp_name(ui, tp), r);
	if (cw && cw < w - 4)
		ui_put(ui, y, x + w - cw, cw, count, cur ? UI_R_SELECTED :
		       UI_R_KEY);
}

static void ui_walk_column(struct ui *ui, const struct ui_map_layout *l,
			   int s, int y0, int h, const unsigned *visits,
			   size_t cur)
{
	size_t n = ui->view.stage_count[s], first = ui->view.stage_start[s];
	size_t top = ui_layout_scroll(ui_walk_focus_row(ui, s), 0, (size_t)h,
				      n);
	int w = l->col_w[s] - 1;
	char head[32];

	snprintf(head, sizeof head, "%s%s%s", model_stage_label(s),
		 top ? " ^" : "", n > top + (size_t)h ? " v" : "");
	ui_put(ui, y0 - 1, l->col_x[s], w, head, cur >= first &&
	       cur < first + n ? UI_R_SELECTED : UI_R_HEADER);
	for (int k = 0; k < h && top + (size_t)k < n; k++) {
		size_t tp = first + top + (size_t)k;

		ui_walk_card(ui, y0 + k, l->col_x[s], w, tp, visits[tp],
			     tp == cur);
	}
}

/*
 * The path so far in the rows the columns leave free, "A > B > C", the
 * latest steps when it is longer than those rows hold: the map shows
 * where the customer went, the trail in which order.
 */
static void ui_walk_trail(struct ui *ui, int y, int rows)
{
	const struct ws_story *st = &ui->ws.story;
	int budget = rows * ui->cols - 6, used = 0;
	size_t first = ui->ws.walk_step + 1;
	struct strbuf b;
	const char *p;

	while (first > 0) {
		int w = util_utf8_width(ui_walk_tp_name(ui,
					st->steps[first - 1].tp)) + 3;

		if (used + w > budget && first <= ui->ws.walk_step)
			break;
		used += w;
		first--;
	}
	strbuf_init(&b);
	strbuf_puts(&b, first ? "... > " : "Trail: ");
	for (size_t k = first; k <= ui->ws.walk_step; k++)
		strbuf_printf(&b, "%s%s", k > first ? " > " : "",
			      ui_walk_tp_name(ui, st->steps[k].tp));
	p = b.s;
	for (int r = 0; r < rows && *p; r++) {
		size_t len = util_utf8_prefix(p, ui->cols, NULL);
		char *line = xstrndup(p, len ? len : strlen(p));

		ui_put(ui, y + r, 0, ui->cols, line, UI_R_DIM);
		p += strlen(line);
		free(line);
	}
	strbuf_free(&b);
}

static void ui_walk_map(struct ui *ui, int y0, int h)
{
	const struct ws_step *step = &ui->ws.story.steps[ui->ws.walk_step];
	size_t cur = step->tp, tallest = 0;
	int stage = cur < ui->view.j.n_touchpoints ?
		(int)ui->view.j.touchpoints[cur].stage : 0, spare;
	struct ui_map_layout l;
	unsigned *visits = ui_walk_visits(ui);

	/* Only the columns of the map's layout: which stages fit, where. */
	ui_layout_map(&l, ui->cols, ui->rows, stage, 0);
	for (int s = l.first_stage; s < l.first_stage + l.n_stages; s++) {
		ui_walk_column(ui, &l, s, y0 + 1, h - 1, visits, cur);
		if (ui->view.stage_count[s] > tallest)
			tallest = ui->view.stage_count[s];
	}
	free(visits);
	/* Rows under the cards, a blank one left between. */
	spare = h - 1 - (int)tallest - 1;
	if (spare > 0)
		ui_walk_trail(ui, y0 + h - (spare < 3 ? spare : 3),
			      spare < 3 ? spare : 3);
}

/* --- the story panel -------------------------------------------------- */

static int ui_walk_spark_level(double mood)
{
	double m = round(mood);

	return m < MOT_EMOTION_MIN ? MOT_EMOTION_MIN :
		m > MOT_EMOTION_MAX ? MOT_EMOTION_MAX : (int)m;
}

/* "mood " and a character per step so far, the latest ones when long. */
static void ui_walk_sparkline(struct ui *ui, int y)
{
	const struct ws_story *st = &ui->ws.story;
	int x0 = ui_put(ui, y, 0, 5, "mood ", UI_R_DIM);
	size_t fit = (size_t)(ui->cols - x0), upto = ui->ws.walk_step + 1;
	size_t first = upto > fit ? upto - fit : 0;

	for (size_t k = first; k < upto && k < st->n; k++) {
		int e = ui_walk_spark_level(st->steps[k].mood);

		wattrset(stdscr, ui_emotion_attr(ui, e) | A_BOLD |
			 (k == ui->ws.walk_step ? A_REVERSE : A_NORMAL));
		mvwaddch(stdscr, y, x0 + (int)(k - first),
			 (chtype)(unsigned char)ui_layout_spark(e));
		wattrset(stdscr, A_NORMAL);
	}
}

static void ui_walk_panel(struct ui *ui, int y)
{
	const struct ui_ws_state *ws = &ui->ws;
	const struct ws_step *step = &ws->story.steps[ws->walk_step];
	struct strbuf b;

	/* What matters first: a narrow screen cuts the end of each line. */
	ui_putf(ui, y++, 0, ui->cols, UI_R_HEADER,
		"Customer %llu, step %zu of %zu (%s)",
		(unsigned long long)ws->walk_customer + 1, ws->walk_step + 1,
		ws->story.n, ui_walk_persona(ui));
	ui_putf(ui, y++, 0, ui->cols, UI_R_NAME, "mood %+.1f, loops %u, at %s",
		step->mood, step->loops, ui_walk_tp_name(ui, step->tp));
	strbuf_init(&b);
	ui_walk_events(step->events, &b);
	ui_put(ui, y++, 0, ui->cols, b.len ? b.s : "walks on", b.len ?
	       UI_R_OK : UI_R_DIM);
	strbuf_free(&b);
	ui_walk_sparkline(ui, y++);
	if (ws->walk_step + 1 == ws->story.n) {
		ui_walk_ending(ui, &b);
		ui_put(ui, y, 0, ui->cols, b.s, UI_R_HEADER);
		strbuf_free(&b);
	} else if (ws->walk_play) {
		ui_put(ui, y, 0, ui->cols, "playing: p pauses", UI_R_DIM);
	}
}

/* --- the screen ------------------------------------------------------- */

static void ui_walk_step(struct ui *ui, bool back)
{
	struct ui_ws_state *ws = &ui->ws;

	if (back) {
		if (ws->walk_step > 0)
			ws->walk_step--;
		return;
	}
	if (ws->walk_step + 1 < ws->story.n)
		ws->walk_step++;
	if (ws->walk_step + 1 >= ws->story.n)
		ui_message(ui, ws->walk_play ? "The end of customer %llu's "
			   "story; the next one follows (p pauses)" :
			   "The end of customer %llu's story: n for the "
			   "next customer",
			   (unsigned long long)ws->walk_customer + 1);
}

static void ui_walk_customer(struct ui *ui, int delta);

/*
 * Play: take the steps the clock says are due.  At the end of a story
 * the ending stays up for a few beats, then the next customer walks: a
 * workshop watches one customer after another until p pauses.
 */
static void ui_walk_play(struct ui *ui)
{
	struct ui_ws_state *ws = &ui->ws;
	bool at_end = ws->walk_step + 1 >= ws->story.n;

	if (!ws->walk_play ||
	    ui_walk_ms() < (at_end ? UI_WALK_END_MS : UI_WALK_PLAY_MS))
		return;
	ui_walk_clock_reset();
	if (at_end)
		ui_walk_customer(ui, 1);
	else
		ui_walk_step(ui, false);
}

static void ui_walk_draw(struct ui *ui)
{
	const struct ui_ws_state *ws = &ui->ws;
	int map_h = ui->rows - 2 - UI_WALK_PANEL;
	char right[96], title[200];

	if (ws->story.n)
		ui_walk_play(ui);
	snprintf(right, sizeof right, "seed %llu, %s model",
		 (unsigned long long)ws->set.seed, ws->set.plain ? "plain" :
		 "full");
	snprintf(title, sizeof title, "Walkthrough: %s", ui->view.j.title ?
		 ui->view.j.title : ui->key);
	ui_title(ui, title, right);
	if (!ws->story.n) {
		ui_put(ui, 2, 0, ui->cols, "No story to tell: the journey "
		       "cannot be simulated as it is now. q goes back.",
		       UI_R_ERROR);
	} else {
		ui_walk_map(ui, 1, map_h);
		ui_walk_panel(ui, 1 + map_h);
	}
	ui_status(ui, ui_walk_hints, sizeof ui_walk_hints /
		  sizeof ui_walk_hints[0], UI_CTX_WALK);
}

static void ui_walk_customer(struct ui *ui, int delta)
{
	struct ui_ws_state *ws = &ui->ws;
	uint64_t was = ws->walk_customer;
	char err[512];

	if (delta < 0 && ws->walk_customer == 0) {
		ui_message(ui, "This is the first customer");
		return;
	}
	ws->walk_customer = delta < 0 ? was - 1 : was + 1;
	ws->walk_step = 0;
	if (ui_walk_tell(ui, err, sizeof err) != 0) {
		ws->walk_play = false;
		ui_error(ui, "No walkthrough: %s", err);
	}
	ui_walk_clock_reset();
}

static void ui_walk_action(struct ui *ui, enum ui_action a)
{
	struct ui_ws_state *ws = &ui->ws;

	if (a == UI_ACT_BACK || a == UI_ACT_CANCEL) {
		ui_walk_leave(ui);
		return;
	}
	if (!ws->story.n)
		return;
	switch (a) {
	case UI_ACT_STEP:
	case UI_ACT_STEP_BACK:
		ui_walk_step(ui, a == UI_ACT_STEP_BACK);
		break;
	case UI_ACT_PLAY:
		ws->walk_play = !ws->walk_play;
		ui_walk_clock_reset();
		ui_message(ui, ws->walk_play ? "Playing: a step every half "
			   "second, customer after customer (p pauses)" :
			   "Paused");
		break;
	case UI_ACT_NEXT_CUSTOMER:
	case UI_ACT_PREV_CUSTOMER:
		ui_walk_customer(ui, a == UI_ACT_NEXT_CUSTOMER ? 1 : -1);
		break;
	case UI_ACT_HOME:
		ws->walk_step = 0;
		break;
	case UI_ACT_END:
		ws->walk_step = ws->story.n - 1;
		ui_walk_step(ui, false);
		break;
	default:
		break;
	}
}

/* The journey changed (another mot, undo elsewhere): tell the story again
 * on it, at the same step as far as it goes. */
static void ui_walk_reloaded(struct ui *ui)
{
	char err[512];

	if (ui_walk_tell(ui, err, sizeof err) != 0) {
		ui->ws.walk_play = false;
		ui_error(ui, "The journey changed and cannot be simulated: %s",
			 err);
	}
}

const struct ui_screen ui_walk_screen = {
	"walk", UI_CTX_WALK, ui_walk_draw, ui_walk_action, NULL, NULL,
	ui_walk_reloaded,
};
