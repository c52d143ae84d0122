/*
 * ui_watch.c - live updates: other designers' changes on screen without a
 * key press.  The main loop's input waits time out every quarter second
 * (ui.c), and every wait, a key or a timeout, ends here: at most every
 * UI_WATCH_MS the open journey's version is compared with the one shown,
 * and a newer one is loaded and drawn, the cursor staying on the same
 * card (ui_map.c finds it again by key).  So a change made in another mot
 * shows within half a second, a second at most on a busy machine.
 *
 * Only the view is reloaded: an open form keeps its draft and what was
 * typed, and learns of the change when it saves (ui_form_merge.c).
 * Prompts (y/n, a line, a list) do not look: they wait on the data they
 * asked about.
 */
#include "ui_int.h"

#include <time.h>

/* How often the store is looked at: a little under the input timeout, so
 * that every quiet wait of the main loop looks. */
#define UI_WATCH_MS 200
/* The journeys list, when no journey is open: a whole list to read. */
#define UI_WATCH_LIST_MS 2000

static long ui_watch_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Another mot may have changed the open journey: show the newer data. */
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

	if (now - w->looked < UI_WATCH_MS)
		return;
	w->looked = now;
	if (ui->key) {
		ui_watch_journey(ui);
	} else if (now - w->listed >= UI_WATCH_LIST_MS) {
		w->listed = now;
		ui_journeys_refresh(ui);
	}
}
