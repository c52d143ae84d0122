/*
 * ui_help.c - the help screen, printed from the key table (ui_keys.c):
 * one section per group of contexts, one line per action with all its
 * keys.  What it lists is what the keys do, by construction.  A legend of
 * the map's marks follows.
 */
#include "ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct ui_help_line {
	char keys[96];
	const char *text;
	bool heading;
};

static const char *const ui_help_legend[][2] = {
	{ "-3 .. +3", "emotion at the touchpoint (the colour says it too)" },
	{ "!", "critical: a make-or-break moment" },
	{ "H", "a human can take over here" },
	{ "$", "conversion: reaching it counts as a purchase" },
	{ "~", "not controlled: a place the company does not run" },
	{ "<>", "in a loop of the messy middle: exploration <-> evaluation" },
	{ "(back)", "details: a transition back in the journey, outside it" },
	{ "XPLR EVAL", "the messy middle: exploration and evaluation cards" },
	{ ">", "the selected card" },
	{ "\u2192 \u2190 \u2194", "the selected card leads to it; it leads to "
	  "the selected card; both" },
	{ "\u25cf", "connecting (c, C): the card the transitions start from" },
	{ "\u2026", "a name cut after two lines (Enter shows it whole)" },
	{ "^ v", "in a stage header: more cards above / below" },
	{ "\u00ab \u00bb", "before the first, after the last stage header: "
	  "more stages that way" },
	{ "1.24v", "after a simulation: visits per customer" },
	{ "18%", "after a simulation: left here, the share of those who came "
	  "by that left the journey there" },
	{ "░▒▓█ or .:*#",
	  "heat of that share: under 5%, 15%, 30%, more" },
};

/* "k, Up": the labels of row i and the rows after it with the same
 * section and action, each label once (Enter has three key codes). */
static void ui_help_keys(const struct ui_binding *b, size_t nb, size_t i,
			 char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t k = i; k < nb && b[k].ctx == b[i].ctx &&
	     b[k].action == b[i].action && used < len; k++) {
		bool seen = false;

		for (size_t p = i; p < k; p++)
			seen = seen || strcmp(b[p].label, b[k].label) == 0;
		if (!seen)
			used += (size_t)snprintf(buf + used, len - used, "%s%s",
						 used ? ", " : "", b[k].label);
	}
}

/* Every help line, headings included; the caller frees the array. */
static struct ui_help_line *ui_help_lines(size_t *n)
{
	size_t nb, cap = 0, count = 0;
	const struct ui_binding *b = ui_keys_table(&nb);
	struct ui_help_line *lines = NULL, *l;

	for (size_t i = 0; i < nb; i++) {
		bool new_section = i == 0 || b[i].ctx != b[i - 1].ctx;

		if (!new_section && b[i].action == b[i - 1].action)
			continue;	/* listed with the row before */
		util_reserve((void **)&lines, &cap, count + 2, sizeof *lines);
		if (new_section) {
			l = &lines[count++];
			memset(l, 0, sizeof *l);
			l->heading = true;
			l->text = ui_keys_section(b[i].ctx);
		}
		l = &lines[count++];
		memset(l, 0, sizeof *l);
		ui_help_keys(b, nb, i, l->keys, sizeof l->keys);
		l->text = b[i].help ? b[i].help : "";
	}
	util_reserve((void **)&lines, &cap, count + 1 + sizeof ui_help_legend /
		     sizeof ui_help_legend[0], sizeof *lines);
	l = &lines[count++];
	memset(l, 0, sizeof *l);
	l->heading = true;
	l->text = "Marks on the journey map";
	for (size_t i = 0; i < sizeof ui_help_legend / sizeof ui_help_legend[0];
	     i++) {
		l = &lines[count++];
		snprintf(l->keys, sizeof l->keys, "%s", ui_help_legend[i][0]);
		l->text = ui_help_legend[i][1];
		l->heading = false;
	}
	*n = count;
	return lines;
}

void ui_help_open(struct ui *ui)
{
	ui->help.top = 0;
	ui_push(ui, &ui_help_screen);
}

static void ui_help_draw(struct ui *ui)
{
	size_t n, top;
	struct ui_help_line *lines = ui_help_lines(&n);
	int h = ui->rows - 2, kw = 16;

	if (kw > ui->cols / 3)
		kw = ui->cols / 3;
	if (ui->help.top + (size_t)h > n)
		ui->help.top = n > (size_t)h ? n - (size_t)h : 0;
	top = ui->help.top;
	ui_title(ui, "mot - keys (generated from the key table)", "q back");
	for (int r = 0; r < h && top + (size_t)r < n; r++) {
		const struct ui_help_line *l = &lines[top + (size_t)r];

		if (l->heading) {
			ui_put(ui, 1 + r, 0, ui->cols, l->text, UI_R_HEADER);
			continue;
		}
		ui_put(ui, 1 + r, 2, kw - 1, l->keys, UI_R_KEY);
		ui_put(ui, 1 + r, kw + 2, ui->cols - kw - 2, l->text,
		       UI_R_NORMAL);
	}
	ui_putf(ui, ui->rows - 1, 0, ui->cols, UI_R_DIM, "line %zu of %zu  "
		"j/k PgUp/PgDn scroll  q ? Esc back", top + 1, n);
	free(lines);
}

static void ui_help_action(struct ui *ui, enum ui_action a)
{
	size_t n, h = ui->rows > 3 ? (size_t)ui->rows - 2 : 1;
	struct ui_help_line *lines = ui_help_lines(&n);
	size_t last = n > h ? n - h : 0;

	free(lines);
	if (ui_scroll_move(a, &ui->help.top, h, last))
		return;
	switch (a) {
	case UI_ACT_BACK:
		ui_pop(ui);
		break;
	default:
		break;
	}
}

static void ui_help_mouse(struct ui *ui, const MEVENT *ev)
{
	if (ev->bstate & BUTTON4_PRESSED)
		ui_help_action(ui, UI_ACT_UP);
	else if (ev->bstate & BUTTON5_PRESSED)
		ui_help_action(ui, UI_ACT_DOWN);
}

const struct ui_screen ui_help_screen = {
	"help", UI_CTX_HELP, ui_help_draw, ui_help_action, NULL,
	ui_help_mouse, NULL,
};
