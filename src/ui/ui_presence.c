/*
 * ui_presence.c - who else has the open journey open.  The store keeps a
 * row per designer (store_presence_set): this mot puts its own up when a
 * journey opens, refreshes it as a heartbeat, takes it down on the
 * journeys list (and store_close at the end), and reads the others' once
 * a second.  The status line shows them, "also here: anna@laptop,
 * bob@ws2", at its right end: after a message only when both fit, never
 * over it.
 *
 * ui_presence_tick runs from every input wait (ui_watch.c in the main
 * loop, ui.c in a question too: a designer thinking over a y/n question
 * for half a minute is still there).  It follows ui->key instead of being
 * called where journeys open and close: opening, closing and a journey
 * renamed by an undo all come down to the key changing.
 */
#include "ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The heartbeat: well inside store.h's "at least every 5 s", so that a
 * slow tick or a busy database never lets a live designer look gone. */
#define UI_PRESENCE_BEAT_MS 3000
/* How often the others are read: someone opening or leaving shows
 * within a second. */
#define UI_PRESENCE_LIST_MS 500

void ui_presence_free(struct ui *ui)
{
	struct ui_watch_state *w = &ui->watch;

	store_presence_free(w->here, w->n_here);
	w->here = NULL;
	w->n_here = 0;
	free(w->shown_on);
	w->shown_on = NULL;
}

/* Read who else has KEY open; on an error nobody is shown (a database
 * of an older schema opened read-only has no presence table). */
static void ui_presence_read(struct ui *ui, const char *key)
{
	struct ui_watch_state *w = &ui->watch;
	struct store_presence *list = NULL;
	size_t n = 0;

	store_presence_free(w->here, w->n_here);
	w->here = NULL;
	w->n_here = 0;
	if (key && store_presence_list(ui->store, key, &list, &n) == STORE_OK) {
		w->here = list;
		w->n_here = n;
	}
}

void ui_presence_tick(struct ui *ui, long now)
{
	struct ui_watch_state *w = &ui->watch;
	bool moved = !util_streq(ui->key, w->shown_on);
	bool due = now - w->beat >= UI_PRESENCE_BEAT_MS;

	/* A failure (a busy or write-protected database) is no reason to
	 * bother the designer: it is tried again at the next heartbeat. */
	if ((moved && !w->beat_failed) || ((moved || ui->key) && due)) {
		w->beat = now;
		w->beat_failed = store_presence_set(ui->store, ui->key) !=
			STORE_OK;
		if (!w->beat_failed) {
			free(w->shown_on);
			w->shown_on = ui->key ? xstrdup(ui->key) : NULL;
		}
	}
	/* Read right after a set (a journey opened: its others at once),
	 * else every UI_PRESENCE_LIST_MS. */
	if (w->here_at < w->beat || now - w->here_at >= UI_PRESENCE_LIST_MS) {
		w->here_at = now;
		ui_presence_read(ui, ui->key);
	}
}

/* "user@host" as the terminal can show it: control characters and
 * invalid UTF-8 from the database become '?'. */
static void ui_presence_name(const struct store_presence *p, char *buf,
			     size_t len)
{
	size_t n;

	snprintf(buf, len, "%s@%s", p->user[0] ? p->user : "?",
		 p->host[0] ? p->host : "?");
	n = strlen(buf);
	if (!util_utf8_valid(buf, n)) {
		for (size_t i = 0; i < n; i++)
			if ((unsigned char)buf[i] >= 0x80)
				buf[i] = '?';
	}
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)buf[i] < 0x20 || buf[i] == 0x7f)
			buf[i] = '?';
}

/* The others, one entry per user@host: "anna@laptop" or, with two mots
 * of one designer, "anna@laptop (2)".  The store lists them sorted by
 * user and host, so equal names are neighbours.  The first MAX go to
 * NAMES; returns how many there are in all. */
static size_t ui_presence_names(const struct ui *ui, char (*names)[360],
				size_t max)
{
	const struct ui_watch_state *w = &ui->watch;
	size_t n = 0, same = 0;
	char one[330], prev[330] = "";

	for (size_t i = 0; i <= w->n_here; i++) {
		if (i < w->n_here) {
			ui_presence_name(&w->here[i], one, sizeof one);
			if (same && strcmp(one, prev) == 0) {
				same++;
				continue;
			}
		}
		if (same && n++ < max) {
			if (same > 1)
				snprintf(names[n - 1], sizeof names[n - 1],
					 "%s (%zu)", prev, same);
			else
				snprintf(names[n - 1], sizeof names[n - 1], "%s",
					 prev);
		}
		if (i < w->n_here) {
			memcpy(prev, one, sizeof prev);
			same = 1;
		}
	}
	return n;
}

#define UI_PRESENCE_NAMES 16

int ui_presence_text(const struct ui *ui, int width, char *buf, size_t len)
{
	char names[UI_PRESENCE_NAMES][360];
	size_t n, k;
	int w;

	buf[0] = '\0';
	if (!ui->key || !ui->watch.n_here || width <= 0)
		return 0;
	n = ui_presence_names(ui, names, UI_PRESENCE_NAMES);
	/* As many names as fit, the rest counted: "+2 more". */
	for (k = n < UI_PRESENCE_NAMES ? n : UI_PRESENCE_NAMES; k > 0; k--) {
		size_t used = (size_t)snprintf(buf, len, "also here:");

		for (size_t i = 0; i < k && used < len; i++)
			used += (size_t)snprintf(buf + used, len - used, "%s %s",
						 i ? "," : "", names[i]);
		if (k < n && used < len)
			snprintf(buf + used, len - used, ", +%zu more", n - k);
		if ((w = util_utf8_width(buf)) <= width)
			return w;
	}
	snprintf(buf, len, "also here: %zu", n);
	if ((w = util_utf8_width(buf)) <= width)
		return w;
	snprintf(buf, len, "+%zu here", n);
	if ((w = util_utf8_width(buf)) <= width)
		return w;
	buf[0] = '\0';
	return 0;
}
