/*
 * cmd_log.c - `mot log`: event logs of real customers against a journey.
 * The subcommands are a table of their own (import, list, rm here;
 * compare and fit in cmd_log_fit.c); the work is done by src/log/ and the
 * store.
 */
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "cmd_log.h"
#include "log.h"
#include "store.h"
#include "util.h"
#include "yamlio.h"

static const struct cli_command cmd_log_subs[] = {
	{ "log import", "JOURNEY FILE [--map MAP.yaml] [--name NAME] [--replace] "
	  "[--format csv|xes] [--case C] [--activity A] [--timestamp T]",
	  "read an event log (CSV or XES) and keep it with the journey",
	  NULL, cmd_log_import, false },
	{ "log list", "[JOURNEY]", "list the event logs", NULL, cmd_log_list,
	  true },
	{ "log rm", "JOURNEY NAME...", "delete event logs", NULL, cmd_log_rm,
	  false },
	{ "log compare", "JOURNEY [--log NAME] [-f text|json|csv]",
	  "what customers did against what the journey says", NULL,
	  cmd_log_compare, true },
	{ "log fit", "JOURNEY [--log NAME] [--as NEW_KEY | -o FILE.yaml] "
	  "[--prior N]", "a journey with weights and drops fitted to a log",
	  NULL, cmd_log_fit, false },
};

#define CMD_LOG_NSUBS (sizeof cmd_log_subs / sizeof cmd_log_subs[0])

const struct cli_command *cmd_log_sub(const char *name)
{
	for (size_t i = 0; i < CMD_LOG_NSUBS; i++)
		if (strcmp(cmd_log_subs[i].name + 4, name) == 0)
			return &cmd_log_subs[i];
	return NULL;
}

int cmd_log(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_command *sub;

	if (argc < 2)
		return cli_usage(cli_find("log"));
	if (!(sub = cmd_log_sub(argv[1]))) {
		cli_error("log: unknown subcommand '%s' (import, list, rm, "
			  "compare, fit)", argv[1]);
		return CLI_USAGE;
	}
	/* `log` as a whole may write; list and compare only read. */
	ctx->read_only = sub->reads_only;
	return sub->run(ctx, argc - 1, argv + 1);
}

/* --- import ------------------------------------------------------------- */

enum { OPT_MAP = 256, OPT_NAME, OPT_CASE, OPT_ACTIVITY, OPT_TIMESTAMP };

struct cmd_log_import_args {
	struct log_read_options ro;
	const char *map, *name, *journey, *file;
	bool replace;
};

static int cmd_log_import_parse(struct cmd_log_import_args *a, int argc,
				char **argv)
{
	static const struct option opts[] = {
		{ "map", required_argument, NULL, OPT_MAP },
		{ "name", required_argument, NULL, OPT_NAME },
		{ "replace", no_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		{ "case", required_argument, NULL, OPT_CASE },
		{ "activity", required_argument, NULL, OPT_ACTIVITY },
		{ "timestamp", required_argument, NULL, OPT_TIMESTAMP },
		{ NULL, 0, NULL, 0 },
	};
	const struct cli_command *cmd = cmd_log_sub("import");
	int c, f;

	log_read_options_init(&a->ro);
	while ((c = cli_getopt(cmd, argc, argv, "rf:", opts)) != -1) {
		switch (c) {
		case OPT_MAP: a->map = optarg; break;
		case OPT_NAME: a->name = optarg; break;
		case 'r': a->replace = true; break;
		case OPT_CASE: a->ro.case_key = optarg; break;
		case OPT_ACTIVITY: a->ro.activity_key = optarg; break;
		case OPT_TIMESTAMP: a->ro.time_key = optarg; break;
		case 'f':
			if ((f = log_format_parse(optarg)) < 0) {
				cli_error("log import: --format: unknown format "
					  "'%s' (csv or xes)", optarg);
				return -1;
			}
			a->ro.format = (enum log_format)f;
			break;
		default:
			return -1;
		}
	}
	if (argc - optind != 2) {
		cli_usage(cmd);
		return -1;
	}
	a->journey = argv[optind];
	a->file = argv[optind + 1];
	if (a->name && util_str_empty(a->name)) {
		cli_error("log import: --name: a log needs a name");
		return -1;
	}
	return 0;
}

/* The log's name from its file: the base name without .csv, .xes or
 * .xes.gz; "stdin" for "-". */
static char *cmd_log_default_name(const char *file)
{
	static const char *const ext[] = { ".xes.gz", ".xes", ".csv" };
	char *copy = xstrdup(file), *base, *name;

	base = strcmp(file, "-") == 0 ? "stdin" : basename(copy);
	name = xstrdup(base);
	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		size_t n = strlen(name), k = strlen(ext[i]);
		if (n > k && strcasecmp(name + n - k, ext[i]) == 0) {
			name[n - k] = '\0';
			break;
		}
	}
	free(copy);
	return name;
}

/* The mapping file as pairs for log_map(); -1 after the errors. */
static int cmd_log_load_map(const char *map, struct yamlio_pair **yp,
			    size_t *n, struct log_map_pair **pairs)
{
	struct mot_diags d = { 0 };

	*pairs = NULL;
	if (!map) {
		*yp = NULL;
		*n = 0;
		return 0;
	}
	if (yamlio_load_pairs(map, yp, n, &d) != 0) {
		yamlio_print_diags(stderr, map, &d);
		model_diags_free(&d);
		return -1;
	}
	*pairs = xcalloc(*n + 1, sizeof **pairs);
	for (size_t i = 0; i < *n; i++)
		(*pairs)[i] = (struct log_map_pair){ (*yp)[i].key, (*yp)[i].value,
						     (*yp)[i].line };
	return 0;
}

static void cmd_log_print_unmapped(const struct cmd_log_import_args *a,
				   const struct mot_journey *j,
				   const struct log_map_report *r)
{
	cli_error("log import: %zu activit%s of %s stand%s for no touchpoint "
		  "of journey '%s' (by key, by name%s):", r->n_unmapped,
		  r->n_unmapped == 1 ? "y" : "ies", a->file,
		  r->n_unmapped == 1 ? "s" : "", j->key,
		  a->map ? " or in the mapping file" : "");
	for (size_t i = 0; i < r->n_unmapped; i++) {
		fputs("  ", stderr);
		util_json_str(stderr, r->unmapped[i]);
		fprintf(stderr, " (%llu event%s)%s\n",
			(unsigned long long)r->unmapped_events[i],
			r->unmapped_events[i] == 1 ? "" : "s",
			r->ambiguous[i] ? ": the name of several touchpoints" : "");
	}
	fprintf(stderr, "Map them in a file of 'activity: touchpoint-key' lines "
		"(~ leaves an activity out) and give it with --map; see "
		"mot-log(5).\n");
}

/* Read and map the log; -1 after the messages. */
static int cmd_log_read(const struct cmd_log_import_args *a,
			const struct mot_journey *j, struct mot_log *l,
			struct log_map_report *r)
{
	struct yamlio_pair *yp = NULL;
	struct log_map_pair *pairs = NULL;
	struct mot_diags d = { 0 };
	size_t n = 0;
	int rc = -1;

	memset(r, 0, sizeof *r);
	if (cmd_log_load_map(a->map, &yp, &n, &pairs) != 0)
		return -1;
	if (log_read_file(a->file, &a->ro, l, &d) != 0) {
		log_print_diags(stderr, a->file, &d);
	} else if (log_map(l, j, pairs, n, r, &d) != 0) {
		if (d.errors)
			log_print_diags(stderr, a->map, &d);
		else
			cmd_log_print_unmapped(a, j, r);
	} else if (l->n_events == 0) {
		cli_error("log import: the mapping file leaves every event of %s "
			  "out", a->file);
	} else {
		rc = 0;
	}
	model_diags_free(&d);
	yamlio_pairs_free(yp, n);
	free(pairs);
	return rc;
}

int cmd_log_import(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cmd_log_import_args a = { 0 };
	struct log_map_report r;
	struct mot_journey j;
	struct mot_log l;
	struct store *s;
	int rc = CLI_FAIL;

	if (cmd_log_import_parse(&a, argc, argv) != 0)
		return CLI_USAGE;
	if (cli_load_journey(ctx, a.journey, &j) != 0)
		return CLI_FAIL;
	model_log_init(&l);
	s = cli_store(ctx);
	if (cmd_log_read(&a, &j, &l, &r) == 0) {
		l.name = a.name ? xstrdup(a.name) : cmd_log_default_name(a.file);
		l.source = xstrdup(a.file);
		if (store_log_save(s, j.key, &l, a.replace) != STORE_OK) {
			cli_error("log import: %s", store_errmsg(s));
		} else {
			printf("imported log '%s' into %s: %zu cases, %zu events, "
			       "%zu activities", l.name, j.key, l.n_cases,
			       l.n_events, l.n_activities);
			if (r.ignored)
				printf(" (%zu left out by the mapping file, with "
				       "%zu event%s)", r.ignored, r.ignored_events,
				       r.ignored_events == 1 ? "" : "s");
			putchar('\n');
			rc = CLI_OK;
		}
	}
	if (rc != CLI_OK)
		cli_error("log import: nothing was imported");
	log_map_report_free(&r);
	model_log_free(&l);
	model_journey_free(&j);
	return rc;
}

/* --- list and rm ------------------------------------------------------------ */

int cmd_log_list(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_command *cmd = cmd_log_sub("list");
	struct store_log_info *list;
	struct store *s;
	size_t n;

	if (cli_getopt(cmd, argc, argv, "", NULL) != -1)
		return CLI_USAGE;
	if (argc - optind > 1)
		return cli_usage(cmd);
	if (!(s = cli_store(ctx)))
		return CLI_FAIL;
	if (store_log_list(s, argc > optind ? argv[optind] : NULL, &list,
			   &n) != STORE_OK) {
		cli_error("log list: %s", store_errmsg(s));
		return CLI_FAIL;
	}
	if (n)
		printf("%-24s %-20s %9s %10s  %-16s  %s\n", "JOURNEY", "LOG",
		       "CASES", "EVENTS", "IMPORTED (UTC)", "SOURCE");
	for (size_t i = 0; i < n; i++) {
		time_t t = (time_t)list[i].imported;
		struct tm tm;
		char when[32];

		strftime(when, sizeof when, "%Y-%m-%d %H:%M", gmtime_r(&t, &tm));
		printf("%-24s %-20s %9llu %10llu  %-16s  %s\n", list[i].journey,
		       list[i].name, (unsigned long long)list[i].cases,
		       (unsigned long long)list[i].events, when, list[i].source);
	}
	store_log_list_free(list, n);
	return CLI_OK;
}

int cmd_log_rm(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_command *cmd = cmd_log_sub("rm");
	struct store *s;
	int rc = STORE_OK;

	if (cli_getopt(cmd, argc, argv, "", NULL) != -1)
		return CLI_USAGE;
	if (argc - optind < 2)
		return cli_usage(cmd);
	if (!(s = cli_store(ctx)))
		return CLI_FAIL;
	/* All or nothing, like `mot rm`. */
	store_batch_begin(s);
	for (int i = optind + 1; rc == STORE_OK && i < argc; i++)
		rc = store_log_delete(s, argv[optind], argv[i]);
	if (rc != STORE_OK)
		cli_error("log rm: %s", store_errmsg(s));
	return store_batch_end(s, rc) == STORE_OK ? CLI_OK : CLI_FAIL;
}
