/*
 * test_limits.c - fixed limits that used to be passed silently: a 17th
 * field of a form and a ninth screen on the stack now stop the program
 * with an assertion (seen here in a child process), and the simulation
 * walks the most touchpoints it takes, one node fanning out to all of
 * them, without its 16-bit outcome count wrapping.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "../../src/ui/ui_int.h"
#include "sim.h"
#include "store.h"
#include "util.h"

struct limits {
	char dir[64];
	char *path;
	struct store *s;
	FILE *devnull;
	struct ui *ui;
};

static int setup(void **state)
{
	struct limits *l = xcalloc(1, sizeof *l);
	char err[256];

	snprintf(l->dir, sizeof l->dir, "/tmp/mot-limits-XXXXXX");
	if (!mkdtemp(l->dir))
		return -1;
	l->path = xasprintf("%s/mot.db", l->dir);
	if (store_open(l->path, &l->s, NULL, err, sizeof err) != STORE_OK)
		return -1;
	l->devnull = fopen("/dev/null", "w");
	l->ui = ui_session_open(l->s, NULL, "xterm-256color", l->devnull, 80,
				24, err, sizeof err);
	*state = l;
	return l->ui ? 0 : -1;
}

static int teardown(void **state)
{
	struct limits *l = *state;

	ui_session_close(l->ui);
	fclose(l->devnull);
	store_close(l->s);
	unlink(l->path);
	free(l->path);
	rmdir(l->dir);
	free(l);
	return 0;
}

/* Run fn in a child; whether it ended by SIGABRT (a failed assert). */
static bool aborts(void (*fn)(struct ui *), struct ui *ui)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		/* quiet: the assertion's message is expected */
		if (!freopen("/dev/null", "w", stderr))
			_exit(2);
		fn(ui);
		_exit(0);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

static void add_fields(struct ui *ui)
{
	for (int i = 0; i <= UI_FORM_MAX; i++)
		ui_form_add(ui, "Field", UI_FIELD_TEXT);
}

static void push_screens(struct ui *ui)
{
	const struct ui_screen *top = ui_top(ui);

	for (int i = 0; i <= UI_STACK_MAX; i++)
		ui_push(ui, top);
}

static void test_form_field_17(void **state)
{
	struct limits *l = *state;

	assert_true(aborts(add_fields, l->ui));
}

static void test_screen_stack_full(void **state)
{
	struct limits *l = *state;

	assert_true(aborts(push_screens, l->ui));
}

/* n touchpoints, the first with a drop-off and a transition to every one
 * (itself too): n columns of outcomes in a node's 16-bit count. */
static void fan_out(struct mot_journey *j, size_t n)
{
	struct mot_touchpoint *tp;

	model_journey_init(j);
	j->key = xstrdup("fan");
	j->title = xstrdup("Fan");
	j->touchpoints = xcalloc(n, sizeof *j->touchpoints);
	j->n_touchpoints = n;
	for (size_t i = 0; i < n; i++) {
		tp = &j->touchpoints[i];
		model_touchpoint_init(tp);
		tp->key = xasprintf("t%zu", i);
		tp->name = xasprintf("T %zu", i);
		tp->stage = MOT_STAGE_FMOT;
		tp->conversion = i == n - 1;
	}
	tp = &j->touchpoints[0];
	tp->drop = 0.1;
	tp->next = xcalloc(n, sizeof *tp->next);
	tp->n_next = n;
	for (size_t i = 0; i < n; i++) {
		tp->next[i].to = xstrdup(j->touchpoints[i].key);
		tp->next[i].weight = 1;
	}
	j->entries = xcalloc(1, sizeof *j->entries);
	j->entries[0].to = xstrdup("t0");
	j->entries[0].weight = 1;
	j->n_entries = 1;
}

static void test_outcomes_fit_16_bits(void **state)
{
	struct sim_options so;
	struct sim_model *m = NULL;
	struct sim_result res;
	struct sim_run run;
	struct mot_journey j;
	size_t n = SIM_MAX_TOUCHPOINTS, seen = 0;
	char err[256];

	(void)state;
	sim_options_init(&so);
	fan_out(&j, n);
	assert_int_equal(sim_compile(&j, &so, &m, err, sizeof err), 0);
	sim_run_init(&run);
	run.customers = 2000;
	run.seed = 11;
	run.threads = 1;
	assert_int_equal(sim_simulate(m, &run, &res, err, sizeof err), 0);
	/* Nine in ten go on from t0 to a touchpoint drawn from all n; a
	 * count that wrapped would send none of them, or all to one. */
	for (size_t i = 1; i < n; i++)
		seen += res.visits[i] > 0;
	assert_true(seen > 1500);
	assert_true(res.visits[0] >= run.customers);
	sim_result_free(&res);
	sim_model_free(m);
	model_journey_free(&j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_form_field_17, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_screen_stack_full, setup,
						teardown),
		cmocka_unit_test(test_outcomes_fit_16_bits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
