/*
 * store_watch.c - live updates: whether another mot committed a change,
 * and who else has a journey open (presence).
 *
 * The drivers only hint that something may have been committed (SQLite's
 * PRAGMA data_version moved; PostgreSQL sent a NOTIFY mot_change from
 * another session).  The store then reads the database's generation,
 * which every write transaction steps and nothing else does: a presence
 * heartbeat (a write too, as far as SQLite's data_version goes) or a
 * NOTIFY from another schema of the same PostgreSQL database is no
 * change.  Its own commits the connection records as it makes them
 * (store_watch_committed): when its generation is not the next after
 * the one seen last, another connection committed in between.
 */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store_int.h"
#include "util.h"

static int store_watch_gen(struct store *s, int64_t *gen)
{
	struct store_stmt *st = store_prepare(s, SQL_GEN_GET);

	return st ? store_query_int(s, st, gen) : STORE_ERROR;
}

int store_watch_changed(struct store *s)
{
	int64_t gen = 0;
	int hint = s->drv->watch_poll(s);
	bool news;

	if (hint < 0)
		return -1;
	if (s->watching && !hint && !s->watch_news)
		return 0;
	if (store_watch_gen(s, &gen) != STORE_OK)
		return -1;
	news = s->watching && (gen != s->watch_gen || s->watch_news);
	s->watching = true;
	s->watch_gen = gen;
	s->watch_news = false;
	return news ? 1 : 0;
}

int store_watch_fd(const struct store *s)
{
	return s->drv->watch_fd(s);
}

void store_watch_committed(struct store *s, int64_t gen)
{
	if (!s->watching || gen == 0)
		return;
	if (gen != s->watch_gen + 1)
		s->watch_news = true;
	s->watch_gen = gen;
}

/* --- presence ------------------------------------------------------------ */

struct store_who {
	char user[64];
	char host[256];
	long pid;
};

/* This process as others see it.  The user name as the login set it
 * ($USER, $LOGNAME), as getpass.getuser() and logname(1) go, else the
 * password database's: it is a name to show, no identity (several
 * designers may share an account, and say who they are in USER). */
static void store_who_am_i(struct store_who *w)
{
	const char *user = getenv("USER");
	struct passwd *pw;

	if (!user || !*user)
		user = getenv("LOGNAME");
	if ((!user || !*user) && (pw = getpwuid(getuid())) != NULL)
		user = pw->pw_name;

	snprintf(w->user, sizeof w->user, "%s", user && *user ? user : "?");
	if (gethostname(w->host, sizeof w->host) != 0 || !w->host[0])
		snprintf(w->host, sizeof w->host, "?");
	w->host[sizeof w->host - 1] = '\0';
	w->pid = (long)getpid();
}

static int store_presence_clear(struct store *s, const struct store_who *w)
{
	struct store_stmt *st = store_prepare(s, SQL_PRESENCE_CLEAR);

	if (!st)
		return STORE_ERROR;
	store_bind_text(st, 1, w->host);
	store_bind_int(st, 2, w->pid);
	return store_exec_stmt(s, st);
}

/* Each statement its own transaction, outside the generation: presence
 * is no edit, and must not make the others reload. */
int store_presence_set(struct store *s, const char *journey_key)
{
	struct store_stmt *st;
	struct store_who w;
	int rc;

	if (s->mode != STORE_READ_WRITE)
		return STORE_OK;	/* read-only: not shown (store.h) */
	store_who_am_i(&w);
	if (!journey_key) {
		rc = store_presence_clear(s, &w);
		if (rc == STORE_OK)
			s->present = false;
		return rc;
	}
	if (!(st = store_prepare(s, SQL_PRESENCE_SET)))
		return STORE_ERROR;
	store_bind_text(st, 1, w.host);
	store_bind_int(st, 2, w.pid);
	store_bind_text(st, 3, w.user);
	store_bind_text(st, 4, journey_key);
	if ((rc = store_exec_stmt(s, st)) != STORE_OK)
		return rc;
	s->present = true;
	/* The rows of mots that were killed, or lost their connection. */
	if (!(st = store_prepare(s, SQL_PRESENCE_PRUNE)))
		return STORE_ERROR;
	store_bind_int(st, 1, STORE_PRESENCE_GONE_S);
	return store_exec_stmt(s, st);
}

void store_presence_leave(struct store *s)
{
	struct store_who w;
	char keep[sizeof s->err];

	if (!s->present || s->tx_depth || s->read_depth)
		return;
	memcpy(keep, s->err, sizeof keep);
	store_who_am_i(&w);
	store_presence_clear(s, &w);
	memcpy(s->err, keep, sizeof keep);
	s->present = false;
}

static void store_presence_row(struct store_stmt *st, struct store_presence *p)
{
	char *user = store_col_text(st, 0), *host = store_col_text(st, 1);

	snprintf(p->user, sizeof p->user, "%s", user ? user : "");
	snprintf(p->host, sizeof p->host, "%s", host ? host : "");
	p->pid = (long)store_col_int(st, 2);
	free(user);
	free(host);
}

int store_presence_list(struct store *s, const char *journey_key,
			struct store_presence **out, size_t *n)
{
	struct store_stmt *st = store_prepare(s, SQL_PRESENCE_LIST);
	struct store_presence *list = NULL;
	size_t len = 0, cap = 0;
	struct store_who w;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return STORE_ERROR;
	store_who_am_i(&w);
	store_bind_text(st, 1, journey_key);
	store_bind_text(st, 2, w.host);
	store_bind_int(st, 3, w.pid);
	store_bind_int(st, 4, STORE_PRESENCE_GONE_S);
	while ((rc = store_step(s, st)) == STORE_ROW) {
		if (len == cap) {
			cap = cap ? cap * 2 : 4;
			list = xrealloc(list, cap * sizeof *list);
		}
		store_presence_row(st, &list[len++]);
	}
	store_reset(st);
	if (rc != STORE_OK) {
		free(list);
		return rc;
	}
	*out = list;
	*n = len;
	return STORE_OK;
}

void store_presence_free(struct store_presence *list, size_t n)
{
	(void)n;
	free(list);
}
