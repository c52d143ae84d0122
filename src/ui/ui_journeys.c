/*
 * ui_journeys.c - the first screen: every journey in the database with its
 * touchpoint count and last change; open, new, rename, duplicate, delete,
 * import and export.  Each change is a whole-journey change record, so
 * undo brings back a deleted journey as it was.
 */
#include "ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "yamlio.h"

/* Most used first: the line is cut where the terminal ends. */
static const struct ui_hint ui_journeys_hints[] = {
	{ UI_ACT_OPEN, "open" }, { UI_ACT_ADD, "new" },
	{ UI_ACT_DELETE, "delete" }, { UI_ACT_HELP, "help" },
	{ UI_ACT_BACK, "quit" }, { UI_ACT_RENAME, "rename" },
	{ UI_ACT_DUPLICATE, "copy" }, { UI_ACT_IMPORT, "import" },
	{ UI_ACT_EXPORT, "export" },
};

void ui_journeys_free(struct ui *ui)
{
	struct ui_journeys_state *st = &ui->journeys;

	store_journey_list_free(st->list, st->n);
	free(st->sel_key);
	memset(st, 0, sizeof *st);
}

static const char *ui_journeys_key(const struct ui *ui)
{
	const struct ui_journeys_state *st = &ui->journeys;

	return st->sel < st->n ? st->list[st->sel].key : NULL;
}

static void ui_journeys_remember(struct ui *ui)
{
	struct ui_journeys_state *st = &ui->journeys;
	const char *key = ui_journeys_key(ui);

	if (key && util_streq(key, st->sel_key))
		return;
	free(st->sel_key);
	st->sel_key = xstrdup(key);
}

void ui_journeys_refresh(struct ui *ui)
{
	struct ui_journeys_state *st = &ui->journeys;
	struct store_journey_info *list;
	size_t n;

	if (store_journey_list(ui->store, &list, &n) != STORE_OK)
		return;	/* keep showing the last list; a busy moment passes */
	store_journey_list_free(st->list, st->n);
	st->list = list;
	st->n = n;
	/* Stay on the same journey, wherever the list put it. */
	for (size_t i = 0; st->sel_key && i < n; i++)
		if (strcmp(list[i].key, st->sel_key) == 0)
			st->sel = i;
	if (st->sel >= n)
		st->sel = n ? n - 1 : 0;
	ui_journeys_remember(ui);
}

void ui_journeys_show(struct ui *ui, const char *key)
{
	free(ui->journeys.sel_key);
	ui->journeys.sel_key = xstrdup(key);
	ui_journeys_refresh(ui);
}

/* --- drawing ---------------------------------------------------------- */

struct ui_jcols {
	int key, count, when, title;  /* x of each column; when -1: hidden */
};

/*
 * The key column: as wide as the longest key where the screen has room,
 * leaving the title 20 columns; never narrower than the width a screen
 * of its size always gave (24, 18, 13).
 */
static void ui_journeys_cols(const struct ui *ui, struct ui_jcols *c)
{
	int least = ui->cols >= 80 ? 24 : ui->cols >= 60 ? 18 : 13;
	bool when = ui->cols >= 70;
	int room = ui->cols - 1 - 6 - (when ? 17 : 0) - 20, kw = least;

	for (size_t i = 0; i < ui->journeys.n; i++) {
		int w = util_utf8_width(ui->journeys.list[i].key) + 1;

		if (w > kw)
			kw = w;
	}
	if (kw > room)
		kw = room > least ? room : least;
	c->key = 1;
	c->count = c->key + kw;
	c->title = c->count + 6;
	c->when = -1;
	if (when) {
		c->when = c->title;
		c->title += 17;
	}
}

static void ui_journeys_row(struct ui *ui, int y, size_t i,
			    const struct ui_jcols *c)
{
	const struct store_journey_info *ji = &ui->journeys.list[i];
	enum ui_role r = i == ui->journeys.sel ? UI_R_SELECTED : UI_R_NORMAL;
	char buf[64];

	ui_fill(ui, y, 0, ui->cols, r);
	ui_put(ui, y, c->key, c->count - c->key - 1, ji->key, r);
	ui_putf(ui, y, c->count, 5, r, "%5zu", ji->n_touchpoints);
	if (c->when >= 0) {
		ui_when(ji->updated, buf, sizeof buf);
		ui_put(ui, y, c->when, 16, buf, r);
	}
	ui_put(ui, y, c->title, ui->cols - c->title, ji->title, r);
}

static void ui_journeys_draw(struct ui *ui)
{
	struct ui_journeys_state *st = &ui->journeys;
	struct ui_jcols c;
	int h = ui->rows - 3;
	char right[64];

	snprintf(right, sizeof right, "%s", ui_plural(st->n, "journey",
		 "journeys"));
	ui_title(ui, "mot - journeys", right);
	ui_journeys_cols(ui, &c);
	ui_put(ui, 1, c.key, c.count - 1, "JOURNEY", UI_R_HEADER);
	ui_put(ui, 1, c.count, 5, "TOUCH", UI_R_HEADER);
	if (c.when >= 0)
		ui_put(ui, 1, c.when, 16, "CHANGED", UI_R_HEADER);
	ui_put(ui, 1, c.title, ui->cols - c.title, "TITLE", UI_R_HEADER);
	st->top = ui_list_top(st->sel, st->top, h, st->n);
	for (int r = 0; r < h && st->top + (size_t)r < st->n; r++)
		ui_journeys_row(ui, 2 + r, st->top + (size_t)r, &c);
	if (st->n == 0)
		ui_put(ui, 3, 2, ui->cols - 2, "No journeys yet: a creates one, "
		       "i imports a YAML file.", UI_R_DIM);
	ui_status(ui, ui_journeys_hints,
		  sizeof ui_journeys_hints / sizeof ui_journeys_hints[0],
		  UI_CTX_JOURNEYS);
}

/* --- actions ---------------------------------------------------------- */

static bool ui_journeys_exists(const struct ui *ui, const char *key)
{
	for (size_t i = 0; i < ui->journeys.n; i++)
		if (strcmp(ui->journeys.list[i].key, key) == 0)
			return true;
	return false;
}

/* Ask for a journey key, checked; NULL when cancelled or refused. */
static char *ui_journeys_ask_key(struct ui *ui, const char *label,
				 const char *initial)
{
	char *key = ui_ask(ui, label, initial);

	if (!key || !*key) {
		free(key);
		return NULL;
	}
	if (!model_key_valid(key)) {
		ui_error(ui, "'%s' is not a key: use lower-case letters a-z, "
			 "digits and '-', at most %d", key, MOT_KEY_MAX);
	} else if (ui_journeys_exists(ui, key)) {
		ui_error(ui, "There is a journey '%s' already", key);
	} else {
		return key;
	}
	free(key);
	return NULL;
}

/* A key from a title that no journey has yet. */
static char *ui_journeys_new_key(struct ui *ui, const char *title)
{
	struct mot_journey none;
	char *base, *key;

	model_journey_init(&none);
	base = ui_key_from_name(title, &none, false);
	key = xstrdup(base);
	for (int i = 2; ui_journeys_exists(ui, key); i++) {
		free(key);
		key = xasprintf("%s-%d", base, i);
	}
	free(base);
	return key;
}

static struct mot_journey *ui_journeys_snap(struct ui *ui, const char *key)
{
	struct mot_journey *j = xcalloc(1, sizeof *j);

	if (store_journey_load(ui->store, key, j) != STORE_OK) {
		ui_error(ui, "%s", store_errmsg(ui->store));
		free(j);
		return NULL;
	}
	return j;
}

static void ui_journeys_add(struct ui *ui)
{
	char *title = ui_ask(ui, "Title of the new journey:", NULL), *def, *key;
	struct ui_change *c;

	if (!title || util_str_empty(title)) {
		free(title);
		return;
	}
	def = ui_journeys_new_key(ui, title);
	key = ui_journeys_ask_key(ui, "Its key:", def);
	free(def);
	if (key) {
		c = ui_change_new(UI_CHANGE_JOURNEY, NULL, "new journey '%s'",
				  key);
		c->jr[UI_AFTER].key = xstrdup(key);
		c->jr[UI_AFTER].snap = xcalloc(1, sizeof (struct mot_journey));
		c->jr[UI_AFTER].snap->key = xstrdup(key);
		c->jr[UI_AFTER].snap->title = xstrdup(title);
		if (ui_do(ui, c) == STORE_OK) {
			ui_journeys_show(ui, key);
			ui_open_journey(ui, key);
			ui_message(ui, "New journey '%s': a adds a touchpoint",
				   key);
		}
	}
	free(key);
	free(title);
}

static void ui_journeys_rename(struct ui *ui, const char *old)
{
	char *key = ui_journeys_ask_key(ui, "New key:", old);
	struct ui_change *c;

	if (!key)
		return;
	c = ui_change_new(UI_CHANGE_JOURNEY, NULL, "rename journey '%s' to "
			  "'%s'", old, key);
	c->jr[UI_BEFORE].key = xstrdup(old);
	c->jr[UI_AFTER].key = xstrdup(key);
	if (ui_do(ui, c) == STORE_OK)
		ui_journeys_show(ui, key);
	free(key);
}

static void ui_journeys_duplicate(struct ui *ui, const char *old)
{
	char *def = ui_journeys_new_key(ui, old);
	char *key = ui_journeys_ask_key(ui, "Key of the copy:", def);
	struct mot_journey *j;
	struct ui_change *c;

	free(def);
	if (!key || !(j = ui_journeys_snap(ui, old))) {
		free(key);
		return;
	}
	free(j->key);
	j->key = xstrdup(key);
	j->created = 0;
	c = ui_change_new(UI_CHANGE_JOURNEY, NULL, "copy journey '%s' as '%s'",
			  old, key);
	c->jr[UI_AFTER].key = key;
	c->jr[UI_AFTER].snap = j;
	if (ui_do(ui, c) == STORE_OK)
		ui_journeys_show(ui, c->jr[UI_AFTER].key);
}

static void ui_journeys_delete(struct ui *ui, const char *key)
{
	const struct store_journey_info *ji = &ui->journeys.list[ui->journeys.sel];
	struct mot_journey *j;
	struct ui_change *c;

	if (!ui_confirm(ui, "Delete journey '%s' with its %s?", key,
			ui_plural(ji->n_touchpoints, "touchpoint",
				  "touchpoints")))
		return;
	if (!(j = ui_journeys_snap(ui, key)))
		return;
	c = ui_change_new(UI_CHANGE_JOURNEY, NULL, "delete journey '%s'", key);
	c->jr[UI_BEFORE].key = xstrdup(key);
	c->jr[UI_BEFORE].snap = j;
	ui_do(ui, c);
}

/* The first error of a file that does not load, as the CLI prints it. */
static void ui_journeys_bad_file(struct ui *ui, const char *path,
				 const struct mot_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct mot_diag *g = &d->items[i];

		if (g->severity != MOT_ERROR)
			continue;
		ui_error(ui, "%s:%u:%u: %s: %s%s", path, g->line, g->column,
			 g->path, g->message, d->errors > 1 ? " (and more; "
			 "see mot validate)" : "");
		return;
	}
	ui_error(ui, "%s: cannot be read", path);
}

static void ui_journeys_import(struct ui *ui)
{
	char *path = ui_ask(ui, "YAML file to import:", NULL);
	struct mot_journey *j, *old = NULL;
	struct mot_diags d = { 0 };
	struct ui_change *c;

	if (!path || !*path) {
		free(path);
		return;
	}
	j = xcalloc(1, sizeof *j);
	if (yamlio_load_file(path, j, &d) != 0) {
		ui_journeys_bad_file(ui, path, &d);
		model_diags_free(&d);
		free(j);
		free(path);
		return;
	}
	model_diags_free(&d);
	if (ui_journeys_exists(ui, j->key) &&
	    (!ui_confirm(ui, "Journey '%s' exists. Replace it?", j->key) ||
	     !(old = ui_journeys_snap(ui, j->key)))) {
		model_journey_free(j);
		free(j);
		free(path);
		return;
	}
	c = ui_change_new(UI_CHANGE_JOURNEY, NULL, "import '%s' from %s",
			  j->key, path);
	c->jr[UI_BEFORE].key = old ? xstrdup(j->key) : NULL;
	c->jr[UI_BEFORE].snap = old;
	c->jr[UI_AFTER].key = xstrdup(j->key);
	c->jr[UI_AFTER].snap = j;
	if (ui_do(ui, c) == STORE_OK)
		ui_journeys_show(ui, c->jr[UI_AFTER].key);
	free(path);
}

static void ui_journeys_export(struct ui *ui, const char *key)
{
	struct mot_journey *j = ui_journeys_snap(ui, key);

	if (!j)
		return;
	ui_export(ui, j);
	model_journey_free(j);
	free(j);
}

/* Actions on the selected journey; a copy of its key, since a change
 * refreshes the list the key lives in. */
static void ui_journeys_on(struct ui *ui, enum ui_action a)
{
	char *key = xstrdup(ui_journeys_key(ui));

	if (!key) {
		ui_error(ui, "No journey here yet: a creates one");
		return;
	}
	if (a == UI_ACT_OPEN)
		ui_open_journey(ui, key);
	else if (a == UI_ACT_RENAME)
		ui_journeys_rename(ui, key);
	else if (a == UI_ACT_DUPLICATE)
		ui_journeys_duplicate(ui, key);
	else if (a == UI_ACT_DELETE)
		ui_journeys_delete(ui, key);
	else if (a == UI_ACT_EXPORT)
		ui_journeys_export(ui, key);
	free(key);
}

static void ui_journeys_action(struct ui *ui, enum ui_action a)
{
	struct ui_journeys_state *st = &ui->journeys;

	if (ui_list_move(a, &st->sel, st->n, ui->rows - 3)) {
		ui_journeys_remember(ui);
		return;
	}
	switch (a) {
	case UI_ACT_BACK:
		ui->quit = true;
		break;
	case UI_ACT_ADD:
		ui_journeys_add(ui);
		break;
	case UI_ACT_IMPORT:
		ui_journeys_import(ui);
		break;
	case UI_ACT_OPEN:
	case UI_ACT_RENAME:
	case UI_ACT_DUPLICATE:
	case UI_ACT_DELETE:
	case UI_ACT_EXPORT:
		ui_journeys_on(ui, a);
		break;
	default:
		break;
	}
}

static void ui_journeys_mouse(struct ui *ui, const MEVENT *ev)
{
	struct ui_journeys_state *st = &ui->journeys;
	size_t row;

	if (ev->bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		ui_list_move(ev->bstate & BUTTON4_PRESSED ? UI_ACT_UP :
			     UI_ACT_DOWN, &st->sel, st->n, 1);
		ui_journeys_remember(ui);
		return;
	}
	if (ev->y < 2 || ev->y >= ui->rows - 1)
		return;
	row = st->top + (size_t)(ev->y - 2);
	if (row >= st->n)
		return;
	st->sel = row;
	ui_journeys_remember(ui);
	if (ev->bstate & BUTTON1_DOUBLE_CLICKED)
		ui_journeys_on(ui, UI_ACT_OPEN);
}

const struct ui_screen ui_journeys_screen = {
	"journeys", UI_CTX_JOURNEYS, ui_journeys_draw, ui_journeys_action,
	NULL, ui_journeys_mouse, NULL,
};
