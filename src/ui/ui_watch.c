/*
 * ui_watch.c - live updates: other designers' changes on screen without a
 * key press.  The main loop's input waits time out every quarter second
 * (ui.c), and every wait, a key or a timeout, ends here: at most every
 * UI_WATCH_MS the store says whether another mot committed anything
 * since the last look (store_watch_changed: PRAGMA data_version on
 * SQLite, a NOTIFY on PostgreSQL, both checked against the database's
 * generation, so that presence heartbeats are no change).  That is a
 * cheap question, no query on most ticks.  Only when it says yes is the
 * open journey's version read, and only a newer version is loaded and
 * drawn, the cursor staying on the same card (ui_map.c finds it again by
 * key): a write to another journey leaves the view as it is.  So a
 * change made in another mot shows within half a second, a second at
 * most on a busy machine.
 *
 * Only the view is reloaded: an open form keeps its draft and what was
 * typed, and learns of the change when it saves (ui_form_merge.c).
 * Prompts (y/n, a line, a list) do not look: they wait on the data they
 * asked about.  They keep this mot's presence up, though (ui.c).
 *
 * Why not poll() store_watch_fd() with the keyboard: curses reads the
 * keyboard through its own buffer, and a key already in it would wait
 * behind a poll() on the descriptor; the quarter-second timeout is soon
 * enough, and SQLite has no descriptor anyway.
 */
#include "ui_int.h"

#include <time.h>

/* How often the store is looked at: a little under the input timeout, so
 * that every quiet wait of the main loop looks. */
#define UI_WATCH_MS 200
/* When the store cannot say (an error), the journeys list is read again
 * this often, as a whole list is. */
#define UI_WATCH_LIST_MS 2000

long ui_watch_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Another mot committed something: show the open journey again if it
 * was this one. */
static void ui_watch_journey(struct ui *ui)
{
	int64_t v = 0;
	int rc = store_journey_version(ui->store, ui->key, &v);

	if (rc == STORE_OK && v != ui->version) {
		ui_reload(ui);
		/* The designer's own last message (a save, a refusal) stays
		 * until the next key: it says what became of that key. */
		if (!ui->msg[0])
			ui_message(ui, "Reloaded: another mot changed this "
				   "journey");
	} else if (rc == STORE_NOT_FOUND) {
		ui_reload(ui);	/* says it is gone and shows the journeys */
	}
}

void ui_watch_tick(struct ui *ui)
{
	struct ui_watch_state *w = &ui->watch;
	long now = ui_watch_now();
	int changed;

	if (w->looked && now - w->looked < UI_WATCH_MS)
		return;
	/* The first look only starts the watch (store_watch_changed says 0):
	 * what was committed between loading and now is found by the
	 * version, as on any change.  An error (-1) looks the same way. */
	changed = store_watch_changed(ui->store);
	if (!w->looked)
		changed = 1;
	w->looked = now;
	if (changed && ui->key) {
		ui_watch_journey(ui);
	} else if (changed > 0 ||
		   (changed < 0 && now - w->listed >= UI_WATCH_LIST_MS)) {
		w->listed = now;
		ui_journeys_refresh(ui);
	}
	ui_presence_tick(ui, now);
}
