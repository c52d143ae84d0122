/*
 * ui_layout.c - where things go on the journey map, for any terminal size
 * from UI_MIN_COLS x UI_MIN_ROWS up.  Plain arithmetic, no curses, so the
 * small and odd sizes are unit-tested rather than found by users.
 *
 * From the top: title bar, stage headers, the columns of cards, a rule,
 * the emotion curve, the detail panel, the status line.  The curve and the
 * detail panel shrink first on short terminals, because the cards are what
 * a designer works on; on narrow ones fewer stage columns are shown (the
 * window follows the selection) rather than cutting every name to nothing.
 */
#include "ui.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Rows of the curve, rule and detail panel for a terminal height. */
static void ui_layout_bottom(struct ui_map_layout *l)
{
	if (l->rows >= 34) {
		l->curve_h = 7;	/* one row per emotion, -3 .. +3 */
		l->detail_h = 2;
	} else if (l->rows >= 22) {
		l->curve_h = 5;
		l->detail_h = 2;
	} else if (l->rows >= 17) {
		l->curve_h = 3;
		l->detail_h = 2;
	} else {
		l->curve_h = 1;	/* a sparkline, no rule */
		l->detail_h = 1;
	}
	l->status_y = l->rows - 1;
	l->detail_y = l->status_y - l->detail_h;
	l->curve_y = l->detail_y - l->curve_h;
	l->rule_y = l->curve_h > 1 ? l->curve_y - 1 : -1;
}

static void ui_layout_columns(struct ui_map_layout *l, int sel_stage,
			      int first_stage)
{
	int n = l->cols / UI_COL_MIN_WIDTH, x = 0;

	if (n > MOT_STAGE_COUNT)
		n = MOT_STAGE_COUNT;
	if (n < 1)
		n = 1;
	if (sel_stage < 0)
		sel_stage = 0;
	if (sel_stage >= MOT_STAGE_COUNT)
		sel_stage = MOT_STAGE_COUNT - 1;
	if (first_stage > sel_stage)
		first_stage = sel_stage;
	if (first_stage < sel_stage - n + 1)
		first_stage = sel_stage - n + 1;
	if (first_stage > MOT_STAGE_COUNT - n)
		first_stage = MOT_STAGE_COUNT - n;
	if (first_stage < 0)
		first_stage = 0;
	l->n_stages = n;
	l->first_stage = first_stage;
	for (int s = 0; s < MOT_STAGE_COUNT; s++)
		l->col_x[s] = l->col_w[s] = 0;
	/* Spread the remainder over the first columns, one column each. */
	for (int i = 0; i < n; i++) {
		int w = l->cols / n + (i < l->cols % n ? 1 : 0);

		l->col_x[first_stage + i] = x;
		l->col_w[first_stage + i] = w;
		x += w;
	}
}

void ui_layout_map(struct ui_map_layout *l, int cols, int rows,
		   int sel_stage, int first_stage)
{
	/* A too small screen only shows a message; the sizes below are then
	 * those of the smallest screen, so that nothing is ever negative. */
	l->too_small = cols < UI_MIN_COLS || rows < UI_MIN_ROWS;
	l->cols = cols < UI_MIN_COLS ? UI_MIN_COLS : cols;
	l->rows = rows < UI_MIN_ROWS ? UI_MIN_ROWS : rows;
	l->header_y = 1;
	l->cards_y = 2;
	ui_layout_bottom(l);
	l->cards_h = (l->rule_y >= 0 ? l->rule_y : l->curve_y) - l->cards_y;
	l->card_lines = 2;
	/* A blank row between cards when at least three still fit. */
	l->card_h = l->cards_h >= 9 ? 3 : 2;
	ui_layout_columns(l, sel_stage, first_stage);
}

int ui_layout_cards_visible(const struct ui_map_layout *l)
{
	/* The last card needs no gap below it. */
	int gap = l->card_h - l->card_lines;
	int n = (l->cards_h + gap) / l->card_h;

	return n < 1 ? 1 : n;
}

size_t ui_layout_scroll(size_t sel, size_t top, size_t visible, size_t count)
{
	if (visible == 0 || count <= visible)
		return 0;
	if (sel >= count)
		sel = count - 1;
	if (sel < top)
		top = sel;
	else if (sel >= top + visible)
		top = sel - visible + 1;
	if (top > count - visible)
		top = count - visible;
	return top;
}

/* Lines items a..b take with their gaps; stops counting past `limit`. */
static int ui_layout_span(size_t a, size_t b, int gap, int limit,
			  int (*height)(size_t i, void *ctx), void *ctx)
{
	int lines = 0;

	for (size_t i = a; i <= b && lines <= limit; i++)
		lines += height(i, ctx) + (i > a ? gap : 0);
	return lines;
}

size_t ui_layout_scroll_lines(size_t sel, size_t top, size_t count, int avail,
			      int gap, int (*height)(size_t i, void *ctx),
			      void *ctx)
{
	if (count == 0)
		return 0;
	if (sel >= count)
		sel = count - 1;
	if (top >= count)
		top = count - 1;
	if (sel < top)
		top = sel;
	while (top < sel && ui_layout_span(top, sel, gap, avail, height, ctx) >
	       avail)
		top++;
	while (top > 0 && ui_layout_span(top - 1, count - 1, gap, avail,
					 height, ctx) <= avail)
		top--;
	return top;
}

size_t ui_layout_fit_lines(size_t top, size_t count, int avail, int gap,
			   int (*height)(size_t i, void *ctx), void *ctx)
{
	size_t n = 0;
	int lines = 0;

	for (size_t i = top; i < count; i++) {
		lines += height(i, ctx) + (n ? gap : 0);
		if (lines > avail)
			break;
		n++;
	}
	return n ? n : top < count ? 1 : 0;
}

int ui_layout_curve_row(int emotion, int h)
{
	if (emotion < MOT_EMOTION_MIN)
		emotion = MOT_EMOTION_MIN;
	if (emotion > MOT_EMOTION_MAX)
		emotion = MOT_EMOTION_MAX;
	if (h <= 1)
		return 0;
	return (int)lround((double)(MOT_EMOTION_MAX - emotion) * (h - 1) /
			   (MOT_EMOTION_MAX - MOT_EMOTION_MIN));
}

char ui_layout_spark(int emotion)
{
	/* Low to high, so the line reads as a curve without colour. */
	static const char spark[] = "_,.-~'^";

	if (emotion < MOT_EMOTION_MIN)
		emotion = MOT_EMOTION_MIN;
	if (emotion > MOT_EMOTION_MAX)
		emotion = MOT_EMOTION_MAX;
	return spark[emotion - MOT_EMOTION_MIN];
}

const char *ui_layout_emotion(int emotion)
{
	static const char *const text[] = { "-3", "-2", "-1", "0", "+1", "+2",
		"+3" };

	if (emotion < MOT_EMOTION_MIN || emotion > MOT_EMOTION_MAX)
		return "?";
	return text[emotion - MOT_EMOTION_MIN];
}

const char *ui_plural(size_t n, const char *one, const char *many)
{
	static char ring[4][96];
	static unsigned next;
	char *buf = ring[next++ % 4];

	snprintf(buf, sizeof ring[0], "%zu %s", n, n == 1 ? one : many);
	return buf;
}

char *ui_format_signed(double v, int decimals, char *buf, size_t len)
{
	snprintf(buf, len, "%+.*f", decimals, v);
	/* "-0", "+0.00": the sign of something rounded away */
	if (strspn(buf + 1, "0.") == strlen(buf + 1))
		memmove(buf, buf + 1, strlen(buf));
	return buf;
}
