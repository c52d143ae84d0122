/*
 * util_file.c - reading a whole file, and writing files so that nobody
 * ever sees half of one: a temporary file beside the target, flushed,
 * fsync'ed and renamed over it, then the directory fsync'ed; a set of
 * files that belong together (the two tables of a CSV export) changes
 * all at once or not at all.  What is not a regular file (a terminal,
 * /dev/null, a named pipe, /dev/stdout) is written into directly, as the
 * shell's `>` would, and a symbolic link keeps pointing where it did.
 */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* --- reading ------------------------------------------------------------ */

int util_read_file(const char *path, size_t limit, char **data, size_t *len,
		   char *err, size_t errlen)
{
	bool std = strcmp(path, "-") == 0;
	FILE *f = std ? stdin : fopen(path, "rb");
	struct strbuf b;
	char chunk[65536];
	size_t n;
	int rc = 0;

	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	strbuf_init(&b);
	while (rc == 0 && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b.len + n > limit) {
			snprintf(err, errlen, "%s: file is larger than %zu bytes",
				 path, limit);
			rc = -1;
		} else {
			strbuf_add(&b, chunk, n);
		}
	}
	if (rc == 0 && ferror(f)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		rc = -1;
	}
	if (!std)
		fclose(f);
	if (rc != 0) {
		strbuf_free(&b);
		return -1;
	}
	*len = b.len;
	*data = strbuf_detach(&b);
	return 0;
}

int util_mkdir_parents(const char *path)
{
	char *p = xstrdup(path), *s;

	for (s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST) {
			free(p);
			return -1;
		}
		*s = '/';
	}
	free(p);
	return 0;
}

/* --- where a write goes --------------------------------------------------- */

#define UTIL_LINKS_MAX 40	/* as the kernel's limit, then ELOOP */

/* The directory part of path: "dir" of "dir/file", "." of "file". */
static char *util_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* The file path names after all its symbolic links, which need not exist
 * (a dangling link names the file to create).  New string, or NULL with
 * errno set. */
static char *util_follow_links(const char *path)
{
	char *cur = xstrdup(path), buf[PATH_MAX], *dir;
	struct stat st;
	ssize_t n;

	for (int hops = 0;; hops++) {
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			return cur;
		if (hops == UTIL_LINKS_MAX ||
		    (n = readlink(cur, buf, sizeof buf - 1)) < 0) {
			if (hops == UTIL_LINKS_MAX)
				errno = ELOOP;
			free(cur);
			return NULL;
		}
		buf[n] = '\0';
		dir = util_dir_of(cur);
		free(cur);
		cur = buf[0] == '/' ? xstrdup(buf) : xasprintf("%s/%s", dir, buf);
		free(dir);
	}
}

/* Names of this process's open files: writing there must reach the file
 * the shell opened (with its `>` or `>>`), not replace it. */
static bool util_is_fd_name(const char *path)
{
	return strcmp(path, "/dev/stdout") == 0 ||
	       strcmp(path, "/dev/stderr") == 0 ||
	       strncmp(path, "/dev/fd/", 8) == 0 ||
	       (strncmp(path, "/proc/", 6) == 0 && strstr(path, "/fd/"));
}

/* Whether to write into path rather than replace it: an open file of
 * ours, or (after the links) anything that exists and is neither a
 * regular file nor a directory: a terminal, /dev/null, a named pipe. */
static bool util_write_direct(const char *path, const char *target)
{
	struct stat st;

	if (util_is_fd_name(path))
		return true;
	return stat(target, &st) == 0 && !S_ISREG(st.st_mode) &&
	       !S_ISDIR(st.st_mode);
}

static int util_fail(char *err, size_t errlen, const char *path, int e)
{
	snprintf(err, errlen, "%s: %s", path, e ? strerror(e) : "write failed");
	return -1;
}

/* The callback's stream, checked: 0 when it and every write succeeded. */
static int util_run_fn(FILE *f, util_write_fn fn, void *ctx)
{
	int rc = fn(f, ctx);

	if (rc == 0 && (fflush(f) != 0 || ferror(f)))
		rc = -1;
	return rc;
}

static int util_write_into(const char *path, util_write_fn fn, void *ctx,
			   char *err, size_t errlen)
{
	/* O_APPEND: /dev/stdout on a file the shell opened with `>>` goes
	 * on at its end; on a terminal or a pipe it changes nothing. */
	int fd = open(path, O_WRONLY | O_APPEND | O_NOCTTY | O_CLOEXEC);
	FILE *f;
	int rc;

	if (fd < 0)
		return util_fail(err, errlen, path, errno);
	if (!(f = fdopen(fd, "a"))) {
		close(fd);
		return util_fail(err, errlen, path, errno);
	}
	errno = 0;
	rc = util_run_fn(f, fn, ctx);
	if (fclose(f) != 0)
		rc = -1;
	return rc == 0 ? 0 : util_fail(err, errlen, path, errno);
}

/* --- replacing a file --------------------------------------------------- */

/* One file of a set on its way in: the temporary file that holds its new
 * content, and the old content kept under a second name until every file
 * of the set is in place. */
struct util_pending {
	const char *path;	/* as the caller named it, for messages */
	char *target;		/* after the links: the name replaced */
	char *tmp, *backup;
	bool direct;		/* written into, nothing to rename */
	bool existed;		/* target was a regular file already */
};

/* A new file beside target, "TARGET.tmp.PID.N": open() with O_EXCL
 * gives it the mode a new file gets (0666 less the umask). */
static int util_tmp_open(struct util_pending *p)
{
	static atomic_uint serial;
	int fd = -1;

	for (int tries = 0; fd < 0 && tries < 100; tries++) {
		free(p->tmp);
		p->tmp = xasprintf("%s.tmp.%ld.%u", p->target, (long)getpid(),
				   atomic_fetch_add(&serial, 1) ^
				   (unsigned)time(NULL));
		fd = open(p->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		free(p->tmp);
		p->tmp = NULL;
	}
	return fd;
}

/* Write the new content of p into its temporary file, with the mode (and,
 * where allowed, the owner) of the file it replaces. */
static int util_tmp_write(struct util_pending *p, util_write_fn fn, void *ctx,
			  char *err, size_t errlen)
{
	struct stat st;
	int fd = util_tmp_open(p), rc, e;
	FILE *f;

	if (fd < 0)
		return util_fail(err, errlen, p->path, errno);
	if (stat(p->target, &st) == 0 && S_ISREG(st.st_mode)) {
		p->existed = true;
		/* failing these keeps the new file's own mode: not fatal */
		if (fchmod(fd, st.st_mode & 07777) != 0 ||
		    fchown(fd, st.st_uid, st.st_gid) != 0)
			errno = 0;
	}
	if (!(f = fdopen(fd, "w"))) {
		e = errno;
		close(fd);
		return util_fail(err, errlen, p->path, e);
	}
	errno = 0;
	rc = util_run_fn(f, fn, ctx);
	if (rc == 0 && fsync(fd) != 0)
		rc = -1;
	e = errno;
	if (fclose(f) != 0 && rc == 0) {
		rc = -1;
		e = errno;
	}
	return rc == 0 ? 0 : util_fail(err, errlen, p->path, e);
}

/* Keep the old content of p's target under a second name (a hard link),
 * so that a failure later in the set can put it back.  Without one (a
 * new file, or a file system without hard links) there is nothing to
 * keep, or nothing that can be kept. */
static void util_keep_old(struct util_pending *p)
{
	for (int tries = 0; tries < 100; tries++) {
		p->backup = xasprintf("%s.old.%ld.%d", p->target, (long)getpid(),
				      tries);
		if (link(p->target, p->backup) == 0)
			return;
		free(p->backup);
		p->backup = NULL;
		if (errno != EEXIST)
			return;
	}
}

/* The directory entry of a rename reaches the disk too. */
static void util_sync_dir(const char *target)
{
	char *dir = util_dir_of(target);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	/* Only durability is at stake here, the file is in place: a file
	 * system that cannot sync a directory is no reason to fail. */
	if (fd >= 0) {
		if (fsync(fd) != 0)
			errno = 0;
		close(fd);
	}
	free(dir);
}

/* Undo the renames of p[0..n): the old content back, new files gone. */
static void util_roll_back(struct util_pending *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i].direct)
			continue;
		if (p[i].backup) {
			if (rename(p[i].backup, p[i].target) == 0) {
				free(p[i].backup);
				p[i].backup = NULL;
			}
		} else if (!p[i].existed) {
			unlink(p[i].target);
		}
	}
}

static void util_pending_free(struct util_pending *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i].tmp)
			unlink(p[i].tmp);
		if (p[i].backup)
			unlink(p[i].backup);
		free(p[i].tmp);
		free(p[i].backup);
		free(p[i].target);
	}
	free(p);
}

/* Every new content into its temporary file (or straight into a device);
 * nothing is replaced yet. */
static int util_write_all(struct util_pending *p,
			  const struct util_write_job *jobs, size_t n,
			  char *err, size_t errlen)
{
	for (size_t i = 0; i < n; i++) {
		p[i].path = jobs[i].path;
		if (!(p[i].target = util_follow_links(jobs[i].path)))
			return util_fail(err, errlen, jobs[i].path, errno);
		p[i].direct = util_write_direct(jobs[i].path, p[i].target);
		if (p[i].direct ? util_write_into(jobs[i].path, jobs[i].fn,
						  jobs[i].ctx, err, errlen) :
		    util_tmp_write(&p[i], jobs[i].fn, jobs[i].ctx, err,
				   errlen))
			return -1;
	}
	return 0;
}

int util_write_atomic_set(const struct util_write_job *jobs, size_t n,
			  char *err, size_t errlen)
{
	struct util_pending *p = xcalloc(n, sizeof *p);
	int rc = util_write_all(p, jobs, n, err, errlen);

	for (size_t i = 0; rc == 0 && i < n; i++) {
		if (p[i].direct)
			continue;
		if (n > 1 && p[i].existed)
			util_keep_old(&p[i]);
		if (rename(p[i].tmp, p[i].target) != 0) {
			rc = util_fail(err, errlen, p[i].path, errno);
			util_roll_back(p, i);
			break;
		}
		free(p[i].tmp);
		p[i].tmp = NULL;
	}
	for (size_t i = 0; rc == 0 && i < n; i++)
		if (!p[i].direct)
			util_sync_dir(p[i].target);
	util_pending_free(p, n);
	return rc;
}

int util_write_atomic(const char *path, util_write_fn fn, void *ctx,
		      char *err, size_t errlen)
{
	struct util_write_job job = { path, fn, ctx };

	return util_write_atomic_set(&job, 1, err, errlen);
}
