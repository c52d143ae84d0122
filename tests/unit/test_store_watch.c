/*
 * test_store_watch.c - live updates (schema version 6), on SQLite and on
 * PostgreSQL: store_watch_changed sees another connection's commits and
 * not its own, nor presence heartbeats, nor (PostgreSQL) a change in
 * another mot database of the same server; presence rows of other
 * processes listed while live, gone after STORE_PRESENCE_GONE_S, this
 * process left out, nothing written on a read-only open; and the upgrade
 * of frozen version-5 databases.
 */
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "model.h"
#include "store.h"
#include "util.h"

#include "test_store_fixture.h"

/* store_watch_changed, after waiting up to 2 s on its descriptor when
 * the backend has one (a NOTIFY travels through the server). */
static int changed(struct store *s, bool expect)
{
	int fd = store_watch_fd(s);

	if (fd >= 0 && expect) {
		struct pollfd p = { .fd = fd, .events = POLLIN };

		for (int i = 0; i < 20; i++) {
			int rc = store_watch_changed(s);

			if (rc != 0)
				return rc;
			poll(&p, 1, 100);
		}
	}
	if (fd >= 0 && !expect)
		usleep(200 * 1000);	/* give a wrong NOTIFY time to come */
	return store_watch_changed(s);
}

static void new_journey(struct store *s, const char *key)
{
	assert_int_equal(store_journey_create(s, key, "A journey"), STORE_OK);
}

static void test_other_commits_seen(void **state)
{
	struct sfx *f = *state;
	struct store *b = NULL;

	assert_int_equal(sfx_open(f, &b, NULL), STORE_OK);
	assert_int_equal(changed(f->s, false), 0);	/* the first look */
	assert_int_equal(changed(f->s, false), 0);
	new_journey(b, "by-b");
	assert_int_equal(changed(f->s, true), 1);
	assert_int_equal(changed(f->s, false), 0);	/* once */
	/* its own edits are no news */
	new_journey(f->s, "by-a");
	assert_int_equal(changed(f->s, false), 0);
	/* another's edit, then its own before it looks: still news */
	assert_int_equal(store_journey_rename(b, "by-b", "by-b2"), STORE_OK);
	usleep(100 * 1000);
	assert_int_equal(store_journey_rename(f->s, "by-a", "by-a2"), STORE_OK);
	assert_int_equal(changed(f->s, true), 1);
	assert_int_equal(changed(f->s, false), 0);
	/* the other's own view: one change, by f->s */
	assert_int_equal(changed(b, false), 0);
	assert_int_equal(store_journey_delete(f->s, "by-a2"), STORE_OK);
	assert_int_equal(changed(b, true), 1);
	store_close(b);
}

/* A heartbeat writes, but it is no change of the journeys. */
static void test_presence_is_no_change(void **state)
{
	struct sfx *f = *state;
	struct store *b = NULL;

	assert_int_equal(sfx_open(f, &b, NULL), STORE_OK);
	new_journey(f->s, "j");
	assert_int_equal(changed(f->s, false), 0);
	assert_int_equal(store_presence_set(b, "j"), STORE_OK);
	assert_int_equal(store_presence_set(b, "j"), STORE_OK);
	assert_int_equal(changed(f->s, false), 0);
	assert_int_equal(store_presence_set(b, NULL), STORE_OK);
	assert_int_equal(changed(f->s, false), 0);
	store_close(b);
}

/* The descriptor: PostgreSQL's socket, none on SQLite. */
static void test_watch_fd(void **state)
{
	struct sfx *f = *state;

	if (sfx_backend == SFX_PG)
		assert_true(store_watch_fd(f->s) >= 0);
	else
		assert_int_equal(store_watch_fd(f->s), -1);
}

/* A child process (another pid) that has `key` open, then exits without
 * a goodbye, as a killed mot would (its row stays until it is stale). */
static void present_elsewhere(const struct sfx *f, const char *key)
{
	pid_t pid = fork();
	int status = 0;

	assert_true(pid >= 0);
	if (pid == 0) {
		struct store *c = NULL;
		char err[256];
		int rc = store_open_mode(f->target, f->schema, STORE_READ_WRITE,
					 &c, NULL, err, sizeof err);

		/* the name shown is USER's, as the login set it */
		setenv("USER", "zed-elsewhere", 1);
		if (rc == STORE_OK)
			rc = store_presence_set(c, key);
		_exit(rc == STORE_OK ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static size_t count_present(struct store *s, const char *key)
{
	struct store_presence *list = NULL;
	size_t n = 9;

	assert_int_equal(store_presence_list(s, key, &list, &n), STORE_OK);
	store_presence_free(list, n);
	return n;
}

static void test_presence_others(void **state)
{
	struct sfx *f = *state;
	struct store_presence *list = NULL;
	char host[256] = "";
	size_t n = 0;

	new_journey(f->s, "j");
	new_journey(f->s, "k");
	gethostname(host, sizeof host - 1);
	/* this process is never listed to itself */
	assert_int_equal(store_presence_set(f->s, "j"), STORE_OK);
	assert_int_equal(count_present(f->s, "j"), 0);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM presence"), 1);
	present_elsewhere(f, "j");
	assert_int_equal(store_presence_list(f->s, "j", &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].host, host);
	assert_true(list[0].pid > 0 && list[0].pid != (long)getpid());
	assert_string_equal(list[0].user, "zed-elsewhere");
	store_presence_free(list, n);
	assert_int_equal(count_present(f->s, "k"), 0);
	/* a row not refreshed for STORE_PRESENCE_GONE_S counts as gone ... */
	sfx_sql(f, "UPDATE presence SET seen = seen - 16");
	assert_int_equal(count_present(f->s, "j"), 0);
	/* ... and the next heartbeat deletes it, keeping its own */
	assert_int_equal(store_presence_set(f->s, "k"), STORE_OK);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM presence"), 1);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM presence WHERE "
				 "journey = 'k'"), 1);
	/* NULL: none open; closing removes the row too */
	assert_int_equal(store_presence_set(f->s, NULL), STORE_OK);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM presence"), 0);
	assert_int_equal(store_presence_set(f->s, "j"), STORE_OK);
	store_close(f->s);
	f->s = NULL;
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM presence"), 0);
}

/* Read-only: nothing written, no failure; listing works. */
static void test_presence_read_only(void **state)
{
	struct sfx *f = *state;
	struct store *ro = NULL;
	char err[256];

	new_journey(f->s, "j");
	present_elsewhere(f, "j");
	assert_int_equal(store_open_mode(f->target, f->schema, STORE_READ_ONLY,
					 &ro, NULL, err, sizeof err), STORE_OK);
	assert_int_equal(store_presence_set(ro, "j"), STORE_OK);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM presence"), 1);
	assert_int_equal(count_present(ro, "j"), 1);
	assert_int_equal(store_presence_set(ro, NULL), STORE_OK);
	assert_int_equal(changed(ro, false), 0);
	new_journey(f->s, "k");
	assert_int_equal(changed(ro, true), 1);
	store_close(ro);
}

/* PostgreSQL: a change in another mot database of the same server
 * (another schema) wakes the descriptor, but is no change here. */
static void test_other_schema_no_change(void **state)
{
	struct sfx *f = *state;
	struct store *other = NULL;

	assert_int_equal(sfx_open_other(f, &other), STORE_OK);
	assert_int_equal(changed(f->s, false), 0);
	new_journey(other, "elsewhere");
	assert_int_equal(changed(f->s, false), 0);
	store_close(other);
}

/* --- the upgrade from version 5 ------------------------------------------ */

static void test_upgrade_from_v5(void **state)
{
	struct sfx *f = *state;
	char *frozen = sfx_data(sfx_backend == SFX_PG ? "store/schema-v5.pg.sql" :
				"store/schema-v5.sql");
	struct mot_log l;
	struct mot_journey j;

	if (sfx_backend == SFX_PG)
		sfx_pg_admin(f, "CREATE SCHEMA \"%s\"", f->schema);
	sfx_sql(f, frozen);
	assert_int_equal(sfx_schema_version(f), 5);
	assert_int_equal(sfx_open(f, &f->s, NULL), STORE_OK);
	assert_int_equal(sfx_schema_version(f), 6);
	assert_int_equal(store_journey_load(f->s, "claim", &j), STORE_OK);
	assert_int_equal(j.n_touchpoints, 2);
	assert_int_equal(j.touchpoints[0].pains.n, 1);
	model_journey_free(&j);
	assert_int_equal(store_log_load(f->s, "claim", "night", &l), STORE_OK);
	assert_int_equal(l.n_cases, 20);
	model_log_free(&l);
	/* the new table works */
	assert_int_equal(store_presence_set(f->s, "claim"), STORE_OK);
	assert_int_equal(sfx_int(f, "SELECT count(*) FROM presence"), 1);
	present_elsewhere(f, "claim");
	assert_int_equal(count_present(f->s, "claim"), 1);
	free(frozen);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_other_commits_seen,
						sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_presence_is_no_change,
						sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_watch_fd, sfx_setup_open,
						sfx_teardown),
		cmocka_unit_test_setup_teardown(test_presence_others,
						sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_presence_read_only,
						sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_upgrade_from_v5, sfx_setup,
						sfx_teardown),
	};
	const struct CMUnitTest pg_only[] = {
		cmocka_unit_test_setup_teardown(test_other_schema_no_change,
						sfx_setup_open, sfx_teardown),
	};

	return sfx_run("store_watch", tests, sizeof tests / sizeof tests[0],
		       NULL, 0) +
	       sfx_run_pg("store_watch (PostgreSQL only)", pg_only,
			  sizeof pg_only / sizeof pg_only[0]);
}
