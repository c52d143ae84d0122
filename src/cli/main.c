/*
 * main.c - mot: a terminal journey designer for customer-experience people.
 */
#include <locale.h>

#include "cli.h"

int main(int argc, char **argv)
{
	/* UTF-8 names must render and count right in the UI and the maps. */
	setlocale(LC_ALL, "");
	return cli_main(argc, argv);
}
