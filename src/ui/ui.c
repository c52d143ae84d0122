/*
 * ui.c - the designer's core: terminal set-up and restore, signals,
 * suspend and resize, colours, the main loop, and the session state that
 * every screen shares (the open journey, undo, the status message).
 *
 * Signal handlers only set a flag.  Input waits with a timeout, so the
 * main loop sees the flag within a quarter second and leaves through the
 * one exit path that ends curses: the terminal is restored however mot is
 * asked to stop (q, Ctrl-C, SIGTERM, SIGHUP).  Nothing needs saving on the
 * way out: every change was committed when it was made.
 */
#include "ui_int.h"

#include <assert.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <term.h>

#include "util.h"

#define UI_TICK_MS 250        /* input timeout: how soon a flag is seen */

static volatile sig_atomic_t ui_sig_quit;   /* the signal that asks to end */
static volatile sig_atomic_t ui_sig_stop;   /* Ctrl-Z */

static void ui_on_quit(int sig)
{
	ui_sig_quit = sig;
}

static void ui_on_stop(int sig)
{
	(void)sig;
	ui_sig_stop = 1;
}

static const int ui_quit_signals[] = { SIGINT, SIGTERM, SIGHUP };
static struct sigaction ui_old_quit[3], ui_old_stop;

static void ui_handle(int sig, void (*fn)(int), struct sigaction *old)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a read in progress returns, the loop sees the flag. */
	sigaction(sig, &sa, old);
}

/* Installed before newterm(): curses then leaves these signals to us. */
static void ui_signals_install(void)
{
	ui_sig_quit = 0;
	ui_sig_stop = 0;
	for (int i = 0; i < 3; i++)
		ui_handle(ui_quit_signals[i], ui_on_quit, &ui_old_quit[i]);
	ui_handle(SIGTSTP, ui_on_stop, &ui_old_stop);
}

static void ui_signals_restore(void)
{
	for (int i = 0; i < 3; i++)
		sigaction(ui_quit_signals[i], &ui_old_quit[i], NULL);
	sigaction(SIGTSTP, &ui_old_stop, NULL);
}

/* Ctrl-Z: give the terminal back, stop, and take it again after `fg`. */
static void ui_suspend(struct ui *ui)
{
	struct sigaction sa;

	ui_sig_stop = 0;
	endwin();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGTSTP, &sa, NULL);
	raise(SIGTSTP);		/* stops here until SIGCONT */
	ui_handle(SIGTSTP, ui_on_stop, NULL);
	/* The first refresh after endwin() restores the program's modes. */
	clearok(curscr, TRUE);
	ui_draw(ui);
}

/* Names and the curve need a UTF-8 locale; numbers need a '.' point. */
static void ui_locale(void)
{
	const char *cs = nl_langinfo(CODESET);

	if (!cs || strcmp(cs, "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	setlocale(LC_NUMERIC, "C");
}

/* --- colours ---------------------------------------------------------- */

enum {
	UI_P_TITLE = 1, UI_P_HEADER, UI_P_ERROR, UI_P_OK, UI_P_EXPLORE,
	UI_P_EVALUATE, UI_P_KEY, UI_P_NEG, UI_P_MILD, UI_P_POS,
};

/* Without colour every role still differs by attribute, and emotions
 * always carry their number: the map reads on a vt100. */
static void ui_colors_mono(struct ui *ui)
{
	for (int r = 0; r < UI_R_COUNT; r++)
		ui->attr[r] = A_NORMAL;
	ui->attr[UI_R_TITLE] = A_REVERSE;
	ui->attr[UI_R_HEADER] = A_BOLD;
	ui->attr[UI_R_SELECTED] = A_REVERSE;
	ui->attr[UI_R_DIM] = A_DIM;
	ui->attr[UI_R_ERROR] = A_BOLD;
	ui->attr[UI_R_EXPLORE] = A_UNDERLINE;
	ui->attr[UI_R_EVALUATE] = A_BOLD | A_UNDERLINE;
	ui->attr[UI_R_LOOP] = A_BOLD;
	ui->attr[UI_R_KEY] = A_BOLD;
	ui->attr[UI_R_FIELD] = A_UNDERLINE;
	ui->attr[UI_R_NAME] = A_BOLD;
	ui->attr[UI_R_EMO + 0] = A_BOLD;	/* -3 */
	ui->attr[UI_R_EMO + 6] = A_BOLD;	/* +3 */
	ui->attr[UI_R_HEAT + 3] = A_BOLD;	/* the worst drop-off */
}

static void ui_colors(struct ui *ui)
{
	const char *no = getenv("NO_COLOR");
	short bg = COLOR_BLACK;

	ui_colors_mono(ui);
	ui->color = has_colors() && !(no && *no);
	if (!ui->color || start_color() != OK) {
		ui->color = false;
		return;
	}
	if (use_default_colors() == OK)
		bg = -1;
	init_pair(UI_P_TITLE, COLOR_BLACK, COLOR_CYAN);
	init_pair(UI_P_HEADER, COLOR_CYAN, bg);
	init_pair(UI_P_ERROR, COLOR_RED, bg);
	init_pair(UI_P_OK, COLOR_GREEN, bg);
	init_pair(UI_P_EXPLORE, COLOR_BLUE, bg);
	init_pair(UI_P_EVALUATE, COLOR_MAGENTA, bg);
	init_pair(UI_P_KEY, COLOR_YELLOW, bg);
	init_pair(UI_P_NEG, COLOR_RED, bg);
	init_pair(UI_P_MILD, COLOR_YELLOW, bg);
	init_pair(UI_P_POS, COLOR_GREEN, bg);
	ui->attr[UI_R_TITLE] = COLOR_PAIR(UI_P_TITLE);
	ui->attr[UI_R_HEADER] = COLOR_PAIR(UI_P_HEADER) | A_BOLD;
	ui->attr[UI_R_ERROR] = COLOR_PAIR(UI_P_ERROR) | A_BOLD;
	ui->attr[UI_R_OK] = COLOR_PAIR(UI_P_OK);
	ui->attr[UI_R_EXPLORE] = COLOR_PAIR(UI_P_EXPLORE) | A_BOLD;
	ui->attr[UI_R_EVALUATE] = COLOR_PAIR(UI_P_EVALUATE) | A_BOLD;
	ui->attr[UI_R_LOOP] = COLOR_PAIR(UI_P_EVALUATE) | A_BOLD;
	ui->attr[UI_R_KEY] = COLOR_PAIR(UI_P_KEY) | A_BOLD;
	ui->attr[UI_R_EMO + 0] = COLOR_PAIR(UI_P_NEG) | A_BOLD;
	ui->attr[UI_R_EMO + 1] = COLOR_PAIR(UI_P_NEG);
	ui->attr[UI_R_EMO + 2] = COLOR_PAIR(UI_P_MILD);
	ui->attr[UI_R_EMO + 3] = A_NORMAL;
	ui->attr[UI_R_EMO + 4] = COLOR_PAIR(UI_P_POS);
	ui->attr[UI_R_EMO + 5] = COLOR_PAIR(UI_P_POS);
	ui->attr[UI_R_EMO + 6] = COLOR_PAIR(UI_P_POS) | A_BOLD;
	ui->attr[UI_R_HEAT + 0] = COLOR_PAIR(UI_P_POS);
	ui->attr[UI_R_HEAT + 1] = COLOR_PAIR(UI_P_MILD);
	ui->attr[UI_R_HEAT + 2] = COLOR_PAIR(UI_P_NEG);
	ui->attr[UI_R_HEAT + 3] = COLOR_PAIR(UI_P_NEG) | A_BOLD;
}

/* --- the terminal ----------------------------------------------------- */

/*
 * Keys as other terminals send them.  Inside tmux or screen with TERM set
 * to xterm (a common set-up) Home and End arrive as ESC [ 1 ~ and ESC [ 4 ~,
 * which xterm's terminfo does not list: unknown, the ESC would cancel a
 * form.  Sequences the terminfo already defines are left alone.
 */
static void ui_define_keys(void)
{
	static const struct {
		const char *seq;
		int key;
	} extra[] = {
		{ "\033[1~", KEY_HOME }, { "\033[7~", KEY_HOME },
		{ "\033[H", KEY_HOME }, { "\033OH", KEY_HOME },
		{ "\033[4~", KEY_END }, { "\033[8~", KEY_END },
		{ "\033[F", KEY_END }, { "\033OF", KEY_END },
		{ "\033[3~", KEY_DC }, { "\033[5~", KEY_PPAGE },
		{ "\033[6~", KEY_NPAGE }, { "\033[Z", KEY_BTAB },
		{ "\033[A", KEY_UP }, { "\033[B", KEY_DOWN },
		{ "\033[C", KEY_RIGHT }, { "\033[D", KEY_LEFT },
		{ "\033OA", KEY_UP }, { "\033OB", KEY_DOWN },
		{ "\033OC", KEY_RIGHT }, { "\033OD", KEY_LEFT },
	};

	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
		if (key_defined(extra[i].seq) == 0)
			define_key(extra[i].seq, extra[i].key);
}

static bool ui_has_mouse(void)
{
	const char *term = getenv("TERM");
	char cap[] = "kmous";
	const char *k = tigetstr(cap);

	if (term && strncmp(term, "linux", 5) == 0)
		return false;
	return k && k != (char *)-1 && *k;
}

/*
 * The designer draws a full screen: a terminal that cannot place the
 * cursor (TERM=dumb, a printing terminal, an editor's shell buffer) would
 * get one garbled line.  Look it up before curses starts and refuse it.
 */
static int ui_term_check(const char *term, FILE *out, char *err,
			 size_t errlen)
{
	const char *name = term ? term : getenv("TERM");
	char cap[] = "cup";
	const char *cup;
	int e = 0;

	if (setupterm(term, fileno(out), &e) != OK) {
		snprintf(err, errlen, "cannot use the terminal '%s'; set TERM, "
			 "for example TERM=xterm-256color", name ? name : "");
		return -1;
	}
	cup = tigetstr(cap);
	del_curterm(cur_term);
	if (!cup || cup == (char *)-1) {
		snprintf(err, errlen, "the terminal '%s' cannot move the cursor, "
			 "and the journey designer needs a full screen: use a "
			 "terminal such as xterm (TERM=xterm-256color); 'mot "
			 "list', 'show' and the other commands work anywhere",
			 name ? name : "");
		return -1;
	}
	return 0;
}

static int ui_term_start(struct ui *ui, const char *term, FILE *out, FILE *in,
			 char *err, size_t errlen)
{
	const char *name = term ? term : getenv("TERM");

	if (ui_term_check(term, out, err, errlen) != 0)
		return -1;
	ui->term = newterm(term, out, in);
	if (!ui->term) {
		snprintf(err, errlen, "cannot use the terminal '%s'; set TERM, "
			 "for example TERM=xterm-256color", name ? name : "");
		return -1;
	}
	set_term(ui->term);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	ui_define_keys();
	intrflush(stdscr, FALSE);
	set_escdelay(25);	/* Esc cancels at once, not after a second */
	wtimeout(stdscr, UI_TICK_MS);
	/* The mouse only where the terminal reports it itself (xterm's way:
	 * xterm, tmux, screen, most emulators).  On the Linux console curses
	 * would load gpm, which leaks and needs a daemon anyway. */
	if (!ui->headless && ui_has_mouse()) {
		mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED |
			  BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
		mouseinterval(200);
	}
	curs_set(0);
	ui_colors(ui);
	getmaxyx(stdscr, ui->rows, ui->cols);
	return 0;
}

static void ui_term_end(struct ui *ui)
{
	if (!ui->term)
		return;
	curs_set(1);
	endwin();
	delscreen(ui->term);
	ui->term = NULL;
}

/* --- the session ------------------------------------------------------ */

static struct ui *ui_new(struct store *s)
{
	struct ui *ui = xcalloc(1, sizeof *ui);

	ui->store = s;
	ui_view_init(&ui->view);
	ui_undo_init(&ui->undo);
	return ui;
}

static void ui_free(struct ui *ui)
{
	ui_close_journey(ui);
	ui_journeys_free(ui);
	ui_undo_free(&ui->undo);
	ui_presence_free(ui);
	free(ui->search);
	free(ui->export_dir);
	if (ui->term_in)
		fclose(ui->term_in);
	free(ui);
}

void ui_push(struct ui *ui, const struct ui_screen *sc)
{
	/* Screens nest a few deep (journeys, map, form, a prompt): a full
	 * stack is a bug, and the screen would silently not open. */
	assert(ui->depth < UI_STACK_MAX);
	if (ui->depth < UI_STACK_MAX)
		ui->stack[ui->depth++] = sc;
}

void ui_pop(struct ui *ui)
{
	const struct ui_screen *sc;

	if (ui->depth <= 1)
		return;
	sc = ui->stack[--ui->depth];
	if (sc == &ui_form_screen)
		ui_form_free(ui);
	else if (sc == &ui_transitions_screen)
		ui_transitions_free(ui);
	else if (sc == &ui_quick_screen)
		ui_quick_free(ui);
	else if (sc == &ui_connect_screen)
		ui_connect_free(ui);
}

const struct ui_screen *ui_top(const struct ui *ui)
{
	return ui->depth ? ui->stack[ui->depth - 1] : NULL;
}

static void ui_vmessage(struct ui *ui, bool error, const char *fmt,
			va_list ap)
{
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	ui->msg_error = error;
}

void ui_message(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ui_vmessage(ui, false, fmt, ap);
	va_end(ap);
}

void ui_error(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ui_vmessage(ui, true, fmt, ap);
	va_end(ap);
}

void ui_close_journey(struct ui *ui)
{
	while (ui->depth > 1)
		ui_pop(ui);
	ui_map_free(ui);
	/* Results belong to the journey: a run still going is cancelled. */
	ui_sim_free(ui);
	ui_obs_free(ui);
	ui_view_free(&ui->view);
	free(ui->key);
	ui->key = NULL;
	ui->version = 0;
}

int ui_open_journey(struct ui *ui, const char *key)
{
	struct ui_view v;
	int rc;

	ui_view_init(&v);
	rc = ui_view_load(&v, ui->store, key);
	if (rc != STORE_OK) {
		ui_error(ui, "%s", store_errmsg(ui->store));
		return -1;
	}
	ui_close_journey(ui);
	ui->view = v;
	ui->key = xstrdup(key);
	ui->version = v.j.version;
	memset(&ui->map, 0, sizeof ui->map);
	ui_push(ui, &ui_map_screen);
	return 0;
}

void ui_reload(struct ui *ui)
{
	struct ui_view v;
	int rc;

	if (!ui->key)
		return;
	ui_view_init(&v);
	rc = ui_view_load(&v, ui->store, ui->key);
	if (rc == STORE_NOT_FOUND) {
		ui_error(ui, "Journey '%s' is no longer there (deleted or "
			 "renamed)", ui->key);
		ui_close_journey(ui);
		ui_journeys_refresh(ui);
		return;
	}
	if (rc != STORE_OK) {
		ui_error(ui, "Could not reload: %s", store_errmsg(ui->store));
		return;
	}
	ui_view_free(&ui->view);
	ui->view = v;
	ui->version = v.j.version;
	for (int i = 0; i < ui->depth; i++)
		if (ui->stack[i]->reloaded)
			ui->stack[i]->reloaded(ui);
}

/* After a change, whatever shows stored data shows it again. */
static void ui_refresh_all(struct ui *ui)
{
	ui_reload(ui);
	ui_journeys_refresh(ui);
}

int ui_do(struct ui *ui, struct ui_change *c)
{
	char msg[512];
	int rc = ui_undo_do(&ui->undo, ui->store, c, msg, sizeof msg);

	if (rc == STORE_OK)
		ui_message(ui, "Saved: %s (u undoes)", msg);
	else if (rc == STORE_CONFLICT || rc == STORE_NOT_FOUND)
		ui_error(ui, "Not saved: %s. Showing the newer data.", msg);
	else
		ui_error(ui, "Not saved: %s", msg);
	ui_refresh_all(ui);
	return rc;
}

/* Follow a journey that an undone or redone change renamed or removed. */
static void ui_follow_journey(struct ui *ui, const struct ui_change *c,
			      int side)
{
	const char *key = ui_change_journey_key(c, side, ui->key);
	char *copy;

	if (!ui->key || key == ui->key)
		return;
	if (!key) {
		ui_close_journey(ui);
		return;
	}
	copy = xstrdup(key);
	free(ui->key);
	ui->key = copy;
}

void ui_undo_action(struct ui *ui, bool redo)
{
	const struct ui_change *c = NULL;
	char msg[600];
	int side = redo ? UI_AFTER : UI_BEFORE;
	int rc = redo ? ui_undo_redo(&ui->undo, ui->store, msg, sizeof msg, &c) :
		ui_undo_undo(&ui->undo, ui->store, msg, sizeof msg, &c);

	if (rc == STORE_OK)
		ui_message(ui, "%s", msg);
	else
		ui_error(ui, "%s", msg);
	if (rc == STORE_OK && c && c->journey && ui->key &&
	    strcmp(c->journey, ui->key) != 0)
		ui_message(ui, "%s (in journey '%s')", msg, c->journey);
	if (rc == STORE_OK && c)
		ui_follow_journey(ui, c, side);
	ui_refresh_all(ui);
	if (rc == STORE_OK && c && c->kind == UI_CHANGE_JOURNEY &&
	    c->jr[side].key && !ui->key)
		ui_journeys_show(ui, c->jr[side].key);
	if (rc == STORE_OK && c && c->kind == UI_CHANGE_TOUCHPOINT &&
	    ui->key && c->tp[side].exists && ui_top(ui) == &ui_map_screen)
		ui_map_select_key(ui, c->tp[side].tp.key);
}

bool ui_common_action(struct ui *ui, enum ui_action a)
{
	switch (a) {
	case UI_ACT_HELP:
		if (ui_top(ui) == &ui_help_screen)
			ui_pop(ui);
		else
			ui_help_open(ui);
		return true;
	case UI_ACT_UNDO:
	case UI_ACT_REDO:
		ui_undo_action(ui, a == UI_ACT_REDO);
		return true;
	case UI_ACT_REDRAW:
		clearok(curscr, TRUE);
		return true;
	default:
		return false;
	}
}

/* --- input ------------------------------------------------------------ */

static long ui_ms_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (long)(t1.tv_sec - t0->tv_sec) * 1000 +
		(t1.tv_nsec - t0->tv_nsec) / 1000000;
}

void ui_getkey(struct ui *ui, struct ui_input *in, bool poll)
{
	static int fast_errors;
	struct timespec t0;
	wint_t wc;
	int rc;

	memset(in, 0, sizeof *in);
	if (ui->headless || ui_sig_quit || ui->quit) {
		ui->quit = true;
		in->kind = UI_IN_QUIT;
		return;
	}
	if (ui_sig_stop) {
		ui_suspend(ui);
		in->kind = UI_IN_RESIZE;
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = wget_wch(stdscr, &wc);
	if (rc == ERR) {
		/* A timeout takes UI_TICK_MS; errors in a tight row mean the
		 * terminal is gone (a closed pty reads EOF for ever). */
		fast_errors = ui_ms_since(&t0) < UI_TICK_MS / 4 && errno != EINTR ?
			fast_errors + 1 : 0;
		if (fast_errors > 200) {
			ui->quit = true;
			in->kind = UI_IN_QUIT;
			return;
		}
		in->kind = UI_IN_IDLE;
		if (poll)
			ui_watch_tick(ui);
		else	/* a question: still here, for the others */
			ui_presence_tick(ui, ui_watch_now());
		return;
	}
	fast_errors = 0;
	if (poll)	/* typing without a pause still sees changes */
		ui_watch_tick(ui);
	else
		ui_presence_tick(ui, ui_watch_now());
	in->ch = (int)wc;
	if (rc == KEY_CODE_YES && wc == KEY_RESIZE) {
		in->kind = UI_IN_RESIZE;
	} else if (rc == KEY_CODE_YES && wc == KEY_MOUSE) {
		in->kind = getmouse(&in->mouse) == OK ? UI_IN_MOUSE : UI_IN_IDLE;
	} else {
		in->kind = rc == KEY_CODE_YES ? UI_IN_KEY : UI_IN_CHAR;
	}
}

/* --- drawing and the loop --------------------------------------------- */

void ui_paint(struct ui *ui)
{
	const struct ui_screen *sc = ui_top(ui);

	getmaxyx(stdscr, ui->rows, ui->cols);
	ui->cursor_y = -1;
	werase(stdscr);
	if (!ui_too_small(ui) && sc)
		sc->draw(ui);
}

void ui_show(struct ui *ui)
{
	bool want = ui->cursor_y >= 0;

	if (want)
		wmove(stdscr, ui->cursor_y, ui->cursor_x);
	if (want != ui->cursor_on) {
		curs_set(want ? 1 : 0);
		ui->cursor_on = want;
	}
	wnoutrefresh(stdscr);
	doupdate();
}

void ui_draw(struct ui *ui)
{
	ui_paint(ui);
	ui_show(ui);
}

static bool ui_is_small(const struct ui *ui)
{
	return ui->cols < UI_MIN_COLS || ui->rows < UI_MIN_ROWS;
}

static void ui_dispatch(struct ui *ui, const struct ui_input *in)
{
	const struct ui_screen *sc = ui_top(ui);
	enum ui_action a;

	if (in->kind == UI_IN_QUIT) {
		ui->quit = true;
		return;
	}
	if (!sc || in->kind == UI_IN_RESIZE || in->kind == UI_IN_IDLE)
		return;
	if (in->kind == UI_IN_MOUSE) {
		if (sc->mouse && !ui_is_small(ui))
			sc->mouse(ui, &in->mouse);
		return;
	}
	ui->msg[0] = '\0';
	a = ui_keys_lookup(sc->ctx, in->kind == UI_IN_KEY, in->ch);
	/* On a too small screen nothing shows what a key would do: only
	 * leaving is allowed. */
	if (ui_is_small(ui) && a != UI_ACT_BACK && a != UI_ACT_CANCEL)
		return;
	if (a != UI_ACT_NONE) {
		if (!ui_common_action(ui, a))
			sc->action(ui, a);
	} else if (in->kind == UI_IN_CHAR && sc->text) {
		sc->text(ui, (wchar_t)in->ch);
	}
}

static void ui_loop(struct ui *ui)
{
	struct ui_input in;

	while (!ui->quit) {
		ui_sim_tick(ui);
		ui_draw(ui);
		/* Shorter waits while a simulation runs: its progress moves. */
		wtimeout(stdscr, ui->ws.job ? UI_BUSY_TICK_MS : UI_TICK_MS);
		ui_getkey(ui, &in, true);
		ui_dispatch(ui, &in);
	}
}

static int ui_begin(struct ui *ui, const char *journey, char *err,
		    size_t errlen)
{
	ui_push(ui, &ui_journeys_screen);
	ui_journeys_refresh(ui);
	if (journey && ui_open_journey(ui, journey) != 0) {
		snprintf(err, errlen, "%s", ui->msg);
		return -1;
	}
	ui->msg[0] = '\0';
	return 0;
}

int ui_run(struct store *s, const char *journey, char *err, size_t errlen)
{
	struct ui *ui;
	int64_t version;
	int rc = 0;

	if (journey && store_journey_version(s, journey, &version) != STORE_OK) {
		snprintf(err, errlen, "%s", store_errmsg(s));
		return -1;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(err, errlen, "the journey designer needs a terminal; "
			 "see 'mot --help' for the commands");
		return -1;
	}
	ui_locale();
	ui = ui_new(s);
	ui_signals_install();
	if (ui_term_start(ui, NULL, stdout, stdin, err, errlen) != 0) {
		ui_signals_restore();
		ui_free(ui);
		return -1;
	}
	if (ui_begin(ui, journey, err, errlen) != 0)
		rc = -1;
	else
		ui_loop(ui);
	ui_term_end(ui);
	ui_free(ui);
	ui_signals_restore();
	if (rc == 0 && ui_sig_quit)
		rc = 128 + ui_sig_quit;
	return rc;
}

/* --- a session without a terminal, for the bench ---------------------- */

struct ui *ui_session_open(struct store *s, const char *journey,
			   const char *term, FILE *out, int cols, int rows,
			   char *err, size_t errlen)
{
	struct ui *ui = ui_new(s);

	ui->headless = true;
	ui_locale();
	ui->term_in = fopen("/dev/null", "r");
	if (!ui->term_in || ui_term_start(ui, term, out, ui->term_in, err,
					  errlen) != 0) {
		if (!ui->term_in)
			snprintf(err, errlen, "/dev/null: %s", strerror(errno));
		ui_free(ui);
		return NULL;
	}
	resize_term(rows, cols);
	if (ui_begin(ui, journey, err, errlen) != 0) {
		ui_session_close(ui);
		return NULL;
	}
	ui_draw(ui);
	return ui;
}

void ui_session_key(struct ui *ui, bool is_code, int key)
{
	struct ui_input in;

	memset(&in, 0, sizeof in);
	in.kind = is_code ? UI_IN_KEY : UI_IN_CHAR;
	in.ch = key;
	ui_sim_tick(ui);
	ui_dispatch(ui, &in);
	ui_draw(ui);
}

void ui_session_close(struct ui *ui)
{
	ui_term_end(ui);
	ui_free(ui);
}
