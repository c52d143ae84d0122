/*
 * ui_bench.c - how quickly the designer opens a journey and answers a key.
 *
 * The real UI code draws through curses into /dev/null (newterm, TERM
 * xterm-256color, 80x24), so the figures include building every frame and
 * the terminal output, not the terminal's own painting.  A journey of 1000
 * touchpoints is measured against baselines taken in the same run:
 *   - the same session on a journey of 25 touchpoints, enough to fill
 *     every column at 80x24 (what "instant" feels like): a ratio near 1
 *     means the size of the journey does not matter;
 *   - a bare curses frame: erase, fill every line, update.
 * Moving around is the common case; an edit (J, K) also writes to SQLite
 * and reloads the journey, and is shown separately.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store.h"
#include "ui.h"
#include "util.h"

#define BENCH_COLS 80
#define BENCH_ROWS 24
#define BENCH_TERM "xterm-256color"

static double bench_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int bench_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double bench_median(double *v, size_t n)
{
	qsort(v, n, sizeof *v, bench_cmp);
	return v[n / 2];
}

static void bench_next(struct mot_touchpoint *tp, const char *to, double w)
{
	tp->next = xrealloc(tp->next, (tp->n_next + 1) * sizeof *tp->next);
	memset(&tp->next[tp->n_next], 0, sizeof *tp->next);
	tp->next[tp->n_next].to = xstrdup(to);
	tp->next[tp->n_next].weight = w;
	tp->n_next++;
}

/* n touchpoints spread over the stages, each leading on, skipping ahead
 * and (every third) looping back: the shape of a real messy journey. */
static void bench_journey(struct mot_journey *j, const char *key, size_t n)
{
	model_journey_init(j);
	j->key = xstrdup(key);
	j->title = xstrdup("Benchmark journey");
	j->touchpoints = xcalloc(n, sizeof *j->touchpoints);
	j->n_touchpoints = n;
	for (size_t i = 0; i < n; i++) {
		struct mot_touchpoint *tp = &j->touchpoints[i];

		model_touchpoint_init(tp);
		tp->key = xasprintf("tp-%zu", i);
		tp->name = xasprintf("Touchpoint %zu Kontoeröffnung 比較", i);
		tp->stage = (enum mot_stage)(i * MOT_STAGE_COUNT / n);
		tp->phase = (enum mot_phase)(i % MOT_PHASE_COUNT);
		tp->emotion = (int)(i % 7) - 3;
		tp->channel = xstrdup(i % 2 ? "web" : "phone");
		tp->drop = 0.01;
		tp->conversion = i == n - 2;
		if (i + 1 < n)
			bench_next(tp, j->touchpoints[i + 1].key ?
				   j->touchpoints[i + 1].key : "", 3);
	}
	/* Targets by key, now that every key exists. */
	for (size_t i = 0; i < n; i++) {
		struct mot_touchpoint *tp = &j->touchpoints[i];
		char *to;

		if (i + 1 < n) {
			free(tp->next[0].to);
			tp->next[0].to = xasprintf("tp-%zu", i + 1);
		}
		if (i + 7 < n) {
			to = xasprintf("tp-%zu", i + 7);
			bench_next(tp, to, 1);
			free(to);
		}
		if (i % 3 == 0 && i >= 3) {
			to = xasprintf("tp-%zu", i - 3);
			bench_next(tp, to, 0.5);
			free(to);
		}
	}
	j->entries = xcalloc(1, sizeof *j->entries);
	j->entries[0].to = xstrdup("tp-0");
	j->entries[0].weight = 1;
	j->n_entries = 1;
}

struct bench_result {
	double open_ms, key_us, edit_ms;
};

/* Keys a designer moves around with, in a loop that ends where it began. */
static const struct {
	bool code;
	int key;
} bench_moves[] = {
	{ false, 'j' }, { false, 'j' }, { false, 'l' }, { true, KEY_NPAGE },
	{ false, 'k' }, { false, 'h' }, { false, 'l' }, { false, 'l' },
	{ false, 'G' }, { false, 'h' }, { false, 'g' }, { false, 'h' },
	{ true, KEY_DOWN }, { true, KEY_UP }, { false, 'k' }, { false, 'k' },
};

static int bench_session(struct store *s, const char *journey, FILE *out,
			 int keys, int edits, struct bench_result *r)
{
	double t[15], t0;
	struct ui *ui;
	char err[256];
	size_t nm = sizeof bench_moves / sizeof bench_moves[0];

	for (int i = 0; i < 15; i++) {
		t0 = bench_now();
		ui = ui_session_open(s, journey, BENCH_TERM, out, BENCH_COLS,
				     BENCH_ROWS, err, sizeof err);
		t[i] = bench_now() - t0;
		if (!ui) {
			fprintf(stderr, "ui_bench: %s\n", err);
			return -1;
		}
		if (i < 14)
			ui_session_close(ui);
	}
	r->open_ms = bench_median(t, 15) * 1e3;
	t0 = bench_now();
	for (int k = 0; k < keys; k++)
		ui_session_key(ui, bench_moves[k % nm].code,
			       bench_moves[k % nm].key);
	r->key_us = (bench_now() - t0) / keys * 1e6;
	/* An edit: move the selected card down and back up. */
	t0 = bench_now();
	for (int e = 0; e < edits; e++)
		ui_session_key(ui, false, e % 2 ? 'K' : 'J');
	r->edit_ms = (bench_now() - t0) / edits * 1e3;
	ui_session_close(ui);
	return 0;
}

/* The floor of any frame: erase, one full line per row, update. */
static double bench_bare_frame(FILE *out, int frames)
{
	FILE *in = fopen("/dev/null", "r");
	SCREEN *scr = newterm(BENCH_TERM, out, in);
	char line[BENCH_COLS + 1];
	double t0, dt;

	if (!scr) {
		fclose(in);
		return 0;
	}
	set_term(scr);
	resize_term(BENCH_ROWS, BENCH_COLS);
	t0 = bench_now();
	for (int f = 0; f < frames; f++) {
		werase(stdscr);
		for (int y = 0; y < BENCH_ROWS; y++) {
			for (int x = 0; x < BENCH_COLS; x++)
				line[x] = (char)('a' + (x + y + f) % 26);
			line[BENCH_COLS] = '\0';
			mvwaddnstr(stdscr, y, 0, line, BENCH_COLS);
		}
		wnoutrefresh(stdscr);
		doupdate();
	}
	dt = (bench_now() - t0) / frames;
	endwin();
	delscreen(scr);
	fclose(in);
	return dt * 1e6;
}

int main(void)
{
	char dir[] = "/tmp/mot-ui-bench-XXXXXX", err[256];
	struct mot_journey js[2];
	struct bench_result small, big;
	struct store *s;
	FILE *out;
	char *path;
	double bare;
	int rc = 1;

	if (!mkdtemp(dir) || !(out = fopen("/dev/null", "w"))) {
		perror("ui_bench");
		return 1;
	}
	path = xasprintf("%s/bench.db", dir);
	if (store_open(path, &s, NULL, err, sizeof err) != STORE_OK) {
		fprintf(stderr, "ui_bench: %s\n", err);
		return 1;
	}
	bench_journey(&js[0], "small", 25);
	bench_journey(&js[1], "big", 1000);
	if (store_journey_import(s, js, 2, false, NULL) != STORE_OK) {
		fprintf(stderr, "ui_bench: %s\n", store_errmsg(s));
		goto done;
	}
	if (bench_session(s, "small", out, 4000, 40, &small) != 0 ||
	    bench_session(s, "big", out, 4000, 40, &big) != 0)
		goto done;
	bare = bench_bare_frame(out, 4000);
	printf("journey map at %dx%d, TERM=%s, drawn to /dev/null\n",
	       BENCH_COLS, BENCH_ROWS, BENCH_TERM);
	printf("  bare curses frame (baseline)       %8.1f us\n", bare);
	printf("  first screen,   25 touchpoints     %8.2f ms  (baseline)\n",
	       small.open_ms);
	printf("  first screen, 1000 touchpoints     %8.2f ms  %6.1fx the "
	       "25-touchpoint one\n", big.open_ms, big.open_ms / small.open_ms);
	printf("  keystroke,      25 touchpoints     %8.1f us  %6.2fx a bare "
	       "frame (baseline)\n", small.key_us, small.key_us / bare);
	printf("  keystroke,    1000 touchpoints     %8.1f us  %6.2fx the "
	       "25-touchpoint one, %.2fx a bare frame\n", big.key_us,
	       big.key_us / small.key_us, big.key_us / bare);
	printf("  edit (J/K, written to SQLite), 25  %8.2f ms  (baseline)\n",
	       small.edit_ms);
	printf("  edit (J/K, written to SQLite), 1000 %7.2f ms  %6.1fx the "
	       "25-touchpoint one\n", big.edit_ms, big.edit_ms / small.edit_ms);
	rc = 0;
done:
	model_journey_free(&js[0]);
	model_journey_free(&js[1]);
	store_close(s);
	fclose(out);
	unlink(path);
	free(path);
	path = xasprintf("%s/bench.db-wal", dir);
	unlink(path);
	free(path);
	path = xasprintf("%s/bench.db-shm", dir);
	unlink(path);
	free(path);
	rmdir(dir);
	return rc;
}
