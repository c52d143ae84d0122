/* store_scenario.c - PLACEHOLDER: being written (workshop mode, issue 6). */
#include "store.h"

#include <stdlib.h>

int store_scenario_save(struct store *s, const char *journey,
			struct store_scenario *sc, bool replace)
{
	(void)s; (void)journey; (void)sc; (void)replace;
	return STORE_ERROR;
}

int store_scenario_list(struct store *s, const char *journey,
			struct store_scenario **out, size_t *n)
{
	(void)s; (void)journey;
	*out = NULL;
	*n = 0;
	return STORE_OK;
}

int store_scenario_delete(struct store *s, const char *journey, int64_t id)
{
	(void)s; (void)journey; (void)id;
	return STORE_ERROR;
}

void store_scenario_free(struct store_scenario *list, size_t n)
{
	(void)list; (void)n;
}
