/*
 * ui_live.c - live results.  Once a journey has been simulated, every
 * change to it (an edit, an undo, another mot's change) runs the same
 * simulation again in the background: the same settings, against the
 * baseline when one is kept.  A run still going for an older version is
 * cancelled first, so at most one runs and the newest journey wins.  The
 * map's overlay, top bar and the results screen take the new figures
 * when the run ends, within about a second for up to UI_LIVE_MAX
 * customers on an ordinary machine.
 *
 * Bigger runs are not repeated on every keystroke: their figures are
 * marked "stale: r to rerun" until r runs them.  Whatever the size, the
 * map never shows figures of an older journey without saying so: the
 * top bar says "updating" while the rerun goes on, "stale" otherwise
 * (ui_live_state).
 */
#include "ui_int.h"

#include <stdio.h>
#include <string.h>

#define UI_LIVE_MAX 1000000u  /* customers rerun on every change */

const char *ui_live_state(const struct ui *ui)
{
	const struct ui_ws_state *ws = &ui->ws;

	if (!ws->cur || ws->cur_version == ui->version)
		return NULL;
	if (ws->job && ws->job_kind != WS_JOB_MARKET &&
	    ws->job_version == ui->version)
		return "updating\u2026";
	return "stale: r to rerun";
}

void ui_live_tick(struct ui *ui)
{
	struct ui_ws_state *ws = &ui->ws;
	char err[200], said[sizeof ui->msg];

	if (!ui->key || !ws->cur || ws->cur_version == ui->version ||
	    ws->cur_foreign || ws->set.customers > UI_LIVE_MAX ||
	    ws->refused_version == ui->version)
		return;
	if (ws->job) {
		/* A word-of-mouth run is left to finish; a simulation of an
		 * older journey makes way for one of this. */
		if (ws->job_kind == WS_JOB_MARKET ||
		    ws->job_version == ui->version)
			return;
		/* Replaced, not cancelled: no "Simulation cancelled". */
		ws->job_live = true;
		ui_sim_cancel(ui);
	}
	if (ui_sim_start_quiet(ui, err, sizeof err) != 0) {
		/* The journey cannot run as it is (no entry left ...): say
		 * why once, and keep the older figures marked stale. */
		ws->refused_version = ui->version;
		/* After the edit's own message ("Saved: ..."), not over it. */
		snprintf(said, sizeof said, "%s", ui->msg);
		if (said[0])
			ui_error(ui, "%s; results stale: %s", said, err);
		else
			ui_error(ui, "Results are stale: %s", err);
	}
}
