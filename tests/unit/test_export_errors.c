/*
 * test_export_errors.c - an export that fails says why through the
 * interface (err), never on stderr: the designer shows the message on
 * its status line and must not redirect its own stderr to find it.
 * Every failure here runs with stderr caught in a file that must stay
 * empty.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "export.h"
#include "model.h"
#include "util.h"

/* Two touchpoints, one transition: enough for every format. */
static void make_small(struct mot_journey *j)
{
	model_journey_init(j);
	j->key = xstrdup("small");
	j->title = xstrdup("Small");
	j->touchpoints = xcalloc(2, sizeof *j->touchpoints);
	j->n_touchpoints = 2;
	for (size_t i = 0; i < 2; i++) {
		struct mot_touchpoint *tp = &j->touchpoints[i];

		model_touchpoint_init(tp);
		tp->key = xstrdup(i ? "buy" : "look");
		tp->name = xstrdup(i ? "Buy" : "Look");
		tp->stage = i ? MOT_STAGE_FMOT : MOT_STAGE_ZMOT;
		tp->conversion = i == 1;
	}
	j->touchpoints[0].next = xcalloc(1, sizeof *j->touchpoints[0].next);
	j->touchpoints[0].next[0].to = xstrdup("buy");
	j->touchpoints[0].next[0].weight = 1;
	j->touchpoints[0].n_next = 1;
	j->entries = xcalloc(1, sizeof *j->entries);
	j->entries[0].to = xstrdup("look");
	j->entries[0].weight = 1;
	j->n_entries = 1;
}

struct caught {
	char path[64];
	int saved;
};

/* stderr into a file from here on */
static void catch_stderr(struct caught *c)
{
	int fd;

	snprintf(c->path, sizeof c->path, "/tmp/mot-exerr-XXXXXX");
	fd = mkstemp(c->path);
	assert_true(fd >= 0);
	fflush(stderr);
	c->saved = dup(2);
	assert_true(c->saved >= 0);
	assert_int_equal(dup2(fd, 2), 2);
	close(fd);
}

/* stderr back; what was written to it meanwhile, in bytes */
static off_t release_stderr(struct caught *c)
{
	struct stat st;

	fflush(stderr);
	assert_int_equal(dup2(c->saved, 2), 2);
	close(c->saved);
	assert_int_equal(stat(c->path, &st), 0);
	unlink(c->path);
	return st.st_size;
}

/* A file that cannot be made: the reason names the file. */
static void test_file_error_in_err(void **state)
{
	const char *path = "/nonexistent-mot-dir/map.md";
	struct export_options opt = { .width = 80 };
	struct mot_journey j;
	struct caught c;
	char err[256];
	int rc;

	(void)state;
	make_small(&j);
	catch_stderr(&c);
	rc = export_write_file(export_find("md"), path, &j, &opt, err,
			       sizeof err);
	assert_int_equal(release_stderr(&c), 0);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, path));
	assert_non_null(strstr(err, "No such file or directory"));
	model_journey_free(&j);
}

/* A writer's own refusal (figures of another journey), for every format
 * that draws them, and a stream that cannot take the bytes. */
static void test_writer_error_in_err(void **state)
{
	static const uint64_t reach[] = { 10, 5, 1 };
	static const uint64_t drops[] = { 5, 0, 1 };
	struct export_sim sim = { 10, 3, reach, drops, 0, NULL };
	struct export_options opt = { .width = 80, .sim = &sim };
	struct mot_journey j;
	size_t n;
	const struct export_format *f = export_formats(&n);
	struct caught c;
	char err[256];
	FILE *full;
	int rc;

	(void)state;
	make_small(&j);
	for (size_t i = 0; i < n; i++) {
		FILE *out = fopen("/dev/null", "w");

		if (!f[i].draws_sim) {
			fclose(out);
			continue;
		}
		assert_non_null(out);
		err[0] = '\0';
		catch_stderr(&c);
		rc = export_write_stream(&f[i], out, &j, &opt, err, sizeof err);
		assert_int_equal(release_stderr(&c), 0);
		fclose(out);
		assert_int_equal(rc, -1);
		assert_non_null(strstr(err, "do not fit the journey"));
	}
	full = fopen("/dev/full", "w");
	if (full) {	/* Linux: every write fails with ENOSPC */
		opt.sim = NULL;
		catch_stderr(&c);
		rc = export_write_stream(export_find("yaml"), full, &j, &opt,
					 err, sizeof err);
		assert_int_equal(release_stderr(&c), 0);
		fclose(full);
		assert_int_equal(rc, -1);
		assert_true(err[0] != '\0');
	}
	model_journey_free(&j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_file_error_in_err),
		cmocka_unit_test(test_writer_error_in_err),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
