/*
 * ui_lines.c - a form field of several lines (UI_FIELD_LINES): the lanes
 * of a touchpoint, a list one item a line or text that spans lines.  The
 * text is the field's one buffer with U+000A between the lines, so that
 * the field's other editing keys work on it unchanged; this file adds
 * what lines need: Enter starts a new line (on an empty line it is done
 * and goes to the next field), Up and Down move between the lines and
 * leave the field at its first and last, Home and End work on the line,
 * and the field takes several rows of the form, scrolled to the cursor.
 * The editing is curses-free (unit-tested); ui_lines_draw draws.
 */
#include "ui_int.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Rows a lines field takes at most in a form; more lines scroll. */
#define UI_LINES_ROWS 5

static size_t ui_lines_bol(const struct ui_field *f, size_t pos)
{
	while (pos > 0 && f->buf[pos - 1] != L'\n')
		pos--;
	return pos;
}

static size_t ui_lines_eol(const struct ui_field *f, size_t pos)
{
	while (pos < f->len && f->buf[pos] != L'\n')
		pos++;
	return pos;
}

size_t ui_lines_count(const struct ui_field *f)
{
	size_t n = 1;

	for (size_t i = 0; i < f->len; i++)
		n += f->buf[i] == L'\n';
	return n;
}

size_t ui_lines_current(const struct ui_field *f)
{
	size_t n = 0;

	for (size_t i = 0; i < f->cur && i < f->len; i++)
		n += f->buf[i] == L'\n';
	return n;
}

/* The cursor to line `line`, as near its column as the line allows. */
static void ui_lines_goto(struct ui_field *f, size_t line)
{
	size_t col = f->cur - ui_lines_bol(f, f->cur), pos = 0, eol;

	for (size_t k = 0; k < line && pos < f->len; pos++)
		k += f->buf[pos] == L'\n';
	eol = ui_lines_eol(f, pos);
	f->cur = pos + col < eol ? pos + col : eol;
}

enum ui_lines_result ui_lines_edit(struct ui_field *f, enum ui_action a)
{
	size_t line = ui_lines_current(f), bol = ui_lines_bol(f, f->cur);

	switch (a) {
	case UI_ACT_NEWLINE:
		/* On an empty last line the list is done: the line goes. */
		if (bol == ui_lines_eol(f, f->cur) && f->cur == f->len) {
			if (bol > 0) {
				f->cur = bol - 1;
				ui_field_delete(f);
			}
			return UI_LINES_NEXT_FIELD;
		}
		ui_field_newline(f);
		return UI_LINES_CHANGED;
	case UI_ACT_UP:
		if (line == 0)
			return UI_LINES_PREV_FIELD;
		ui_lines_goto(f, line - 1);
		return UI_LINES_MOVED;
	case UI_ACT_DOWN:
		if (line + 1 >= ui_lines_count(f))
			return UI_LINES_NEXT_FIELD;
		ui_lines_goto(f, line + 1);
		return UI_LINES_MOVED;
	case UI_ACT_LINE_START:
		f->cur = bol;
		return UI_LINES_MOVED;
	case UI_ACT_LINE_END:
		f->cur = ui_lines_eol(f, f->cur);
		return UI_LINES_MOVED;
	default:
		return UI_LINES_NOT_MINE;
	}
}

int ui_lines_rows(const struct ui_field *f)
{
	size_t n = ui_lines_count(f);

	return n < UI_LINES_ROWS ? (int)n : UI_LINES_ROWS;
}

static int ui_lines_wcwidth(wchar_t c)
{
	int w = wcwidth(c);

	return w < 0 ? 1 : w;
}

/* First character of the cursor's line to show, so that the cursor fits
 * in w columns; the columns before the cursor go to *before. */
static size_t ui_lines_hscroll(const struct ui_field *f, size_t bol, int w,
			       int *before)
{
	size_t from = bol;
	int cols = 0;

	for (size_t i = bol; i < f->cur; i++)
		cols += ui_lines_wcwidth(f->buf[i]);
	while (cols >= w && from < f->cur)
		cols -= ui_lines_wcwidth(f->buf[from++]);
	*before = cols;
	return from;
}

void ui_lines_draw(struct ui *ui, struct ui_field *f, int y, int x, int w,
		   bool cur)
{
	int rows = ui_lines_rows(f), before = 0;
	size_t n = ui_lines_count(f), line = ui_lines_current(f), pos = 0;

	f->line_top = ui_layout_scroll(line, f->line_top, (size_t)rows, n);
	for (size_t k = 0; k < f->line_top; pos++)
		k += f->buf[pos] == L'\n';
	for (int r = 0; r < rows && pos <= f->len; r++) {
		size_t eol = ui_lines_eol(f, pos), from = pos;
		char *text;

		if (cur && f->line_top + (size_t)r == line) {
			from = ui_lines_hscroll(f, pos, w, &before);
			ui->cursor_y = y + r;
			ui->cursor_x = x + before;
		}
		text = ui_field_slice(f, from, eol);
		ui_fill(ui, y + r, x, w, UI_R_FIELD);
		ui_put(ui, y + r, x, w, text, UI_R_FIELD);
		free(text);
		pos = eol + 1;
	}
	/* More lines than rows: say so on the last row's end. */
	if (f->line_top + (size_t)rows < n)
		ui_put(ui, y + rows - 1, x + w - 1, 1, "+", UI_R_DIM);
}
