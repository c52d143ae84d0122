/*
 * export_yaml.c - the "yaml" export format: the journey file itself
 * (man/mot-journey.5), which `mot import` reads back.
 */
#include "export.h"
#include "yamlio.h"

int export_yaml(FILE *out, const struct mot_journey *j,
		const struct export_options *opt, char *err,
		size_t errlen)
{
	(void)opt;	/* the file format has no options */
	return yamlio_write(out, j);
}
