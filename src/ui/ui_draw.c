/*
 * ui_draw.c - drawing helpers every screen uses: width-aware text (wide
 * CJK characters count two columns and are never cut in half), the title
 * bar, the status line, list scrolling, and the too-small-screen notice.
 */
#include "ui_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util.h"

attr_t ui_attr(const struct ui *ui, enum ui_role role)
{
	return (unsigned)role < UI_R_COUNT ? ui->attr[role] : A_NORMAL;
}

attr_t ui_emotion_attr(const struct ui *ui, int emotion)
{
	if (emotion < MOT_EMOTION_MIN || emotion > MOT_EMOTION_MAX)
		return A_NORMAL;
	return ui->attr[UI_R_EMO + emotion - MOT_EMOTION_MIN];
}

/* Text with a raw attribute: the core of ui_put. */
static int ui_put_attr(struct ui *ui, int y, int x, int w, const char *s,
		       attr_t attr)
{
	wchar_t *ws;
	size_t n, k;
	int used = 0;

	if (!s || w <= 0 || y < 0 || y >= ui->rows || x < 0 || x >= ui->cols)
		return 0;
	if (x + w > ui->cols)
		w = ui->cols - x;
	ws = ui_wcs_from_utf8(s, &n);
	for (k = 0; k < n; k++) {
		/* the width layout counted with (util.h) */
		int cw = util_char_width((uint32_t)ws[k]);

		if (cw < 0) {	/* a tab or a control character */
			ws[k] = L'?';
			cw = 1;
		}
		if (used + cw > w)
			break;
		used += cw;
	}
	wattrset(stdscr, attr);
	mvwaddnwstr(stdscr, y, x, ws, (int)k);
	wattrset(stdscr, A_NORMAL);
	free(ws);
	return used;
}

int ui_put(struct ui *ui, int y, int x, int w, const char *s,
	   enum ui_role role)
{
	return ui_put_attr(ui, y, x, w, s, ui_attr(ui, role));
}

void ui_fill(struct ui *ui, int y, int x, int w, enum ui_role role)
{
	if (y < 0 || y >= ui->rows || x < 0 || x >= ui->cols || w <= 0)
		return;
	if (x + w > ui->cols)
		w = ui->cols - x;
	wattrset(stdscr, ui_attr(ui, role));
	mvwhline(stdscr, y, x, ' ', w);
	wattrset(stdscr, A_NORMAL);
}

void ui_put_pad(struct ui *ui, int y, int x, int w, const char *s,
		enum ui_role role)
{
	ui_fill(ui, y, x, w, role);
	ui_put(ui, y, x, w, s, role);
}

void ui_putf(struct ui *ui, int y, int x, int w, enum ui_role role,
	     const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	ui_put(ui, y, x, w, buf, role);
}

void ui_title(struct ui *ui, const char *left, const char *right)
{
	int rw = right ? util_utf8_width(right) : 0;

	ui_fill(ui, 0, 0, ui->cols, UI_R_TITLE);
	if (right && rw + 2 < ui->cols / 2)
		ui_put(ui, 0, ui->cols - rw - 1, rw, right, UI_R_TITLE);
	else
		rw = -1;
	ui_put(ui, 0, 1, ui->cols - rw - 3, left, UI_R_TITLE);
}

/* The first key of an action in a context: "a", "Enter". */
static void ui_first_key(unsigned ctx, enum ui_action a, char *buf,
			 size_t len)
{
	char *comma;

	ui_keys_label(ctx, a, buf, len);
	if ((comma = strstr(buf, ", ")) != NULL)
		*comma = '\0';
}

/* Who else has the journey open, at the right end of the status line,
 * in at most WIDTH columns; returns the columns it leaves to the left. */
static int ui_status_presence(struct ui *ui, int y, int width)
{
	char who[1024];
	int w = ui_presence_text(ui, width, who, sizeof who);

	if (!w)
		return ui->cols;
	ui_put(ui, y, ui->cols - w, w, who, UI_R_HEADER);
	return ui->cols - w - 2;
}

void ui_status(struct ui *ui, const struct ui_hint *hints, size_t n,
	       unsigned ctx)
{
	int y = ui->rows - 1, x = 0, right;
	char key[64];

	ui_fill(ui, y, 0, ui->cols, UI_R_NORMAL);
	if (ui->msg[0]) {
		/* The message first, all of it; the others only beside it. */
		x = ui_put(ui, y, 0, ui->cols, ui->msg,
			   ui->msg_error ? UI_R_ERROR : UI_R_OK);
		if (x < ui->cols && util_utf8_width(ui->msg) == x)
			ui_status_presence(ui, y, ui->cols - x - 3);
		return;
	}
	/* Up to half the line for the others, the rest for the hints. */
	right = ui_status_presence(ui, y, ui->cols / 2);
	for (size_t i = 0; i < n; i++) {
		int need;

		ui_first_key(ctx, hints[i].action, key, sizeof key);
		need = util_utf8_width(key) + 1 + util_utf8_width(hints[i].text);
		if (x + need > right)
			break;
		x += ui_put(ui, y, x, ui->cols - x, key, UI_R_KEY) + 1;
		x += ui_put(ui, y, x, ui->cols - x, hints[i].text, UI_R_DIM) + 2;
	}
}

bool ui_too_small(struct ui *ui)
{
	char buf[80];
	int y = ui->rows / 2 - 2;

	if (ui->cols >= UI_MIN_COLS && ui->rows >= UI_MIN_ROWS)
		return false;
	/* Short lines: they must fit the smallest of terminals. */
	ui_put(ui, y, 0, ui->cols, "Terminal too small:", UI_R_HEADER);
	snprintf(buf, sizeof buf, "mot needs %dx%d,", UI_MIN_COLS, UI_MIN_ROWS);
	ui_put(ui, y + 1, 0, ui->cols, buf, UI_R_NORMAL);
	snprintf(buf, sizeof buf, "this is %dx%d.", ui->cols, ui->rows);
	ui_put(ui, y + 2, 0, ui->cols, buf, UI_R_NORMAL);
	ui_put(ui, y + 3, 0, ui->cols, "q: back / quit", UI_R_DIM);
	return true;
}

size_t ui_list_top(size_t sel, size_t top, int h, size_t n)
{
	return ui_layout_scroll(sel, top, h > 0 ? (size_t)h : 1, n);
}

bool ui_list_move(enum ui_action a, size_t *sel, size_t n, int page)
{
	size_t p = page > 1 ? (size_t)page - 1 : 1;

	if (n == 0)
		return a == UI_ACT_UP || a == UI_ACT_DOWN;
	switch (a) {
	case UI_ACT_UP:
		if (*sel > 0)
			(*sel)--;
		return true;
	case UI_ACT_DOWN:
		if (*sel + 1 < n)
			(*sel)++;
		return true;
	case UI_ACT_PAGE_UP:
		*sel = *sel > p ? *sel - p : 0;
		return true;
	case UI_ACT_PAGE_DOWN:
		*sel = *sel + p < n ? *sel + p : n - 1;
		return true;
	case UI_ACT_HOME:
		*sel = 0;
		return true;
	case UI_ACT_END:
		*sel = n - 1;
		return true;
	default:
		return false;
	}
}

bool ui_scroll_move(enum ui_action a, size_t *top, size_t page, size_t last)
{
	switch (a) {
	case UI_ACT_UP:
		*top = *top ? *top - 1 : 0;
		break;
	case UI_ACT_DOWN:
		*top = *top < last ? *top + 1 : last;
		break;
	case UI_ACT_PAGE_UP:
		*top = *top > page ? *top - page : 0;
		break;
	case UI_ACT_PAGE_DOWN:
		*top = *top < last && last - *top > page ? *top + page : last;
		break;
	case UI_ACT_HOME:
		*top = 0;
		break;
	case UI_ACT_END:
		*top = last;
		break;
	default:
		return false;
	}
	return true;
}

void ui_when(int64_t t, char *buf, size_t len)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (t <= 0 || !localtime_r(&tt, &tm)) {
		snprintf(buf, len, "-");
		return;
	}
	strftime(buf, len, "%Y-%m-%d %H:%M", &tm);
}

void ui_put_field(struct ui *ui, struct ui_field *f, int y, int x, int w)
{
	int before = ui_field_fit(f, w);
	char *text = ui_field_raw(f, f->scroll);

	ui_fill(ui, y, x, w, UI_R_FIELD);
	ui_put(ui, y, x, w, text, UI_R_FIELD);
	free(text);
	ui->cursor_y = y;
	ui->cursor_x = x + before;
}
