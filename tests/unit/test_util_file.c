/*
 * test_util_file.c - util_write_atomic and util_write_atomic_set: a set
 * of files is never half new, nothing temporary is left behind, links
 * and modes survive.  (tests/cli/files.sh covers devices, FIFOs and
 * /dev/stdout through the command line.)
 */
#include <dirent.h>
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

#include "util.h"

static char dir[] = "/tmp/mot-util-file.XXXXXX";

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/mot-util-file.XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	(void)state;
	while (d && (e = readdir(d))) {
		char *p = xasprintf("%s/%s", dir, e->d_name);

		if (e->d_name[0] != '.' && unlink(p) != 0)
			rmdir(p);
		free(p);
	}
	if (d)
		closedir(d);
	return rmdir(dir);
}

static char *path_of(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static int put_new(FILE *out, void *ctx)
{
	(void)ctx;
	return fputs("new\n", out) < 0 ? -1 : 0;
}

static int put_fail(FILE *out, void *ctx)
{
	(void)ctx;
	fputs("half", out);
	return -1;
}

static void put_file(const char *name, const char *text)
{
	char *p = path_of(name);
	FILE *f = fopen(p, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(p);
}

static char *content(const char *name)
{
	char *p = path_of(name), *data = NULL, err[256];
	size_t len;

	if (util_read_file(p, 1 << 20, &data, &len, err, sizeof err) != 0)
		data = NULL;
	free(p);
	return data;
}

static void assert_content(const char *name, const char *want)
{
	char *got = content(name);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

/* Only these names in the directory: no temporary file, no backup. */
static void assert_only(size_t n, const char *const *names)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t seen = 0;

	assert_non_null(d);
	while ((e = readdir(d))) {
		bool known = false;

		if (e->d_name[0] == '.')
			continue;
		for (size_t i = 0; i < n; i++)
			known = known || strcmp(e->d_name, names[i]) == 0;
		if (!known)
			fail_msg("left behind: %s", e->d_name);
		seen++;
	}
	closedir(d);
	assert_int_equal(seen, n);
}

/* The second writer fails: the first file is not touched either. */
static void test_set_writer_fails(void **state)
{
	static const char *const names[] = { "a.csv", "b.csv" };
	char *a = path_of("a.csv"), *b = path_of("b.csv"), err[256];
	struct util_write_job jobs[2] = { { a, put_new, NULL },
					  { b, put_fail, NULL } };

	(void)state;
	put_file("a.csv", "old a\n");
	put_file("b.csv", "old b\n");
	assert_int_equal(util_write_atomic_set(jobs, 2, err, sizeof err), -1);
	assert_non_null(strstr(err, "b.csv"));
	assert_content("a.csv", "old a\n");
	assert_content("b.csv", "old b\n");
	assert_only(2, names);
	free(a);
	free(b);
}

/* The second rename fails (a directory is in the way): the first file,
 * already renamed, gets its old content back; a new one goes again. */
static void test_set_rename_fails(void **state)
{
	static const char *const names[] = { "a.csv", "b.csv", "c.csv" };
	char *a = path_of("a.csv"), *b = path_of("b.csv"),
	     *c = path_of("c.csv"), err[256];
	struct util_write_job jobs[3] = { { a, put_new, NULL },
					  { c, put_new, NULL },
					  { b, put_new, NULL } };

	(void)state;
	put_file("a.csv", "old a\n");
	put_file("c.csv", "old c\n");
	assert_int_equal(mkdir(b, 0755), 0);
	assert_int_equal(util_write_atomic_set(jobs, 3, err, sizeof err), -1);
	assert_content("a.csv", "old a\n");
	assert_content("c.csv", "old c\n");
	assert_only(3, names);
	rmdir(b);
	/* and without the obstacle all three are new */
	assert_int_equal(util_write_atomic_set(jobs, 3, err, sizeof err), 0);
	assert_content("a.csv", "new\n");
	assert_content("b.csv", "new\n");
	assert_content("c.csv", "new\n");
	assert_only(3, names);
	free(a);
	free(b);
	free(c);
}

/* A link to a link to a file: the file is replaced, both links stay, the
 * file keeps its mode. */
static void test_links_and_mode(void **state)
{
	static const char *const names[] = { "file", "l1", "l2" };
	char *file = path_of("file"), *l1 = path_of("l1"), *l2 = path_of("l2"),
	     err[256];
	struct stat st;

	(void)state;
	put_file("file", "old\n");
	assert_int_equal(chmod(file, 0640), 0);
	assert_int_equal(symlink("file", l1), 0);
	assert_int_equal(symlink(l1, l2), 0);
	assert_int_equal(util_write_atomic(l2, put_new, NULL, err, sizeof err), 0);
	assert_int_equal(lstat(l2, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(lstat(l1, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(stat(file, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	assert_content("file", "new\n");
	assert_only(3, names);
	free(file);
	free(l1);
	free(l2);
}

/* A link that points at itself is an error, not a loop for ever. */
static void test_link_loop(void **state)
{
	char *l = path_of("loop"), err[256];

	(void)state;
	assert_int_equal(symlink("loop", l), 0);
	assert_int_equal(util_write_atomic(l, put_new, NULL, err, sizeof err), -1);
	assert_non_null(strstr(err, "loop"));
	free(l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_set_writer_fails, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_set_rename_fails, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_links_and_mode, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_link_loop, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
