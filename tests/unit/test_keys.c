/* Unit tests for the key table: every key a hint line or the key help
 * advertises does, through the lookup the main loop uses, what its label
 * says on that screen and in that mode; no key of a screen and mode is
 * bound twice; and the hint lines read as the screens show them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "tui_keys.h"

static const unsigned all_screens[] = {
	TK_START, TK_CHANGED, TK_QUESTION, TK_AREAS, TK_REVIEW, TK_PROFILE, TK_KEYS,
	TK_QHELP, TK_QUIT, TK_UNSAVED, TK_INPUT, TK_REASON, TK_CONFIRM_DELETE, TK_CHOICE,
	TK_JOIN,
};
static const unsigned all_modes[] = {TK_INTERVIEW, TK_VOTING, TK_REVEALED};

#define N_SCREENS (sizeof(all_screens) / sizeof(all_screens[0]))
#define N_MODES (sizeof(all_modes) / sizeof(all_modes[0]))

/* What each hint label promises, stated apart from the table; screens
 * limits an entry to a prompt where the label means something else. */
static const struct {
	const char *label;
	ys_action_type action;
	unsigned screens;
} meaning[] = {
	{"save and quit", YS_A_YES, TK_QUIT},
	{"field", YS_A_UP, 0},
	{"edit or begin", YS_A_SELECT, 0},
	{"change choice", YS_A_PREV, 0},
	{"quit", YS_A_QUIT, 0},
	{"keys", YS_A_KEYS, 0},
	{"all keys", YS_A_KEYS, 0},
	{"continue with this version (saves the file)", YS_A_SELECT, 0},
	{"quit without changing the file", YS_A_QUIT, 0},
	{"answer", YS_A_CHOOSE, 0},
	{"previous/next", YS_A_PREV, 0},
	{"don't know", YS_A_DONT_KNOW, 0},
	{"N/A", YS_A_NA, 0},
	{"note", YS_A_NOTE, 0},
	{"park", YS_A_PARK, 0},
	{"help", YS_A_QHELP, 0},
	{"areas", YS_A_AREAS, 0},
	{"review", YS_A_REVIEW, 0},
	{"scores", YS_A_PROFILE, 0},
	{"save and quit", YS_A_QUIT, 0},
	{"vote", YS_A_CHOOSE, 0},
	{"undo", YS_A_UNDO_VOTE, 0},
	{"reveal", YS_A_REVEAL, 0},
	{"voter", YS_A_UP, 0},
	{"accept the proposal", YS_A_SELECT, 0},
	{"choose another", YS_A_CHOOSE, 0},
	{"dissent note", YS_A_DISSENT, 0},
	{"re-vote", YS_A_NEW_ROUND, 0},
	{"join", YS_A_JOIN_SCREEN, 0},
	{"join screen", YS_A_JOIN_SCREEN, 0},
	{"next address", YS_A_NEXT_ADDRESS, 0},
	{"question", YS_A_PREV, 0},
	{"choose", YS_A_UP, 0},
	{"go", YS_A_SELECT, 0},
	{"back to the question", YS_A_BACK, 0},
	{"go to the question", YS_A_SELECT, 0},
	{"back", YS_A_BACK, 0},
	{"area", YS_A_UP, 0},
	{"owner", YS_A_OWNER, 0},
	{"add action", YS_A_ADD_ACTION, 0},
	{"delete action", YS_A_DELETE_ACTION, 0},
	{"select", YS_A_PREV, 0},
	{"export", YS_A_EXPORT, 0},
	{"question or edit", YS_A_SELECT, 0},
	{"delete it", YS_A_YES, 0},
	{"keep it", YS_A_NO, 0},
	{"change format", YS_A_PREV, 0},
	{"pick", YS_A_SUBMIT, 0},
	{"format by number", YS_A_CHOOSE, 0},
	{"scroll", YS_A_UP, 0},
	{"keep going", YS_A_NO, 0},
	{"quit without saving", YS_A_YES, 0},
	{"stay", YS_A_NO, 0},
	{"retry the save", YS_A_RETRY_SAVE, 0},
	{"save elsewhere", YS_A_SAVE_ELSEWHERE, 0},
	{"save", YS_A_SUBMIT, 0},
	{"save (a reason is required)", YS_A_SUBMIT, 0},
	{"cancel", YS_A_CANCEL, 0},
	{"clear", YS_A_INPUT_KILL, 0},
	{"move", YS_A_INPUT_LEFT, 0},
};

/* A character no entry of the table binds anywhere. */
#define UNBOUND 'z'

/* Checks that key k does k->action on screen sc in mode md. */
static void check_binding(const tui_key *k, unsigned sc, unsigned md)
{
	long arg = -1;
	int c;

	if (k->key == TK_DIGIT) {
		for (c = '1'; c <= '9'; c++) {
			arg = -1;
			assert_int_equal(tui_key_action(sc, md, c, &arg), k->action);
			if (k->action != YS_A_NONE)
				assert_int_equal(arg, c - '1');
		}
		return;
	}
	if (k->key == TK_OTHER) {
		assert_int_equal(tui_key_action(sc, md, UNBOUND, &arg), k->action);
		assert_int_equal(tui_key_action(sc, md, 0x263a, &arg), k->action);
		/* Keys that are not characters are not "any key". */
		assert_int_equal(tui_key_action(sc, md, TK_F1 + 0, &arg) == k->action &&
				 k->action == YS_A_BACK, false);
		return;
	}
	assert_int_equal(tui_key_action(sc, md, k->key, &arg), k->action);
}

/* Every entry, whether shown or not, is what the lookup finds for its key
 * on each of its screens and modes: nothing earlier shadows it. */
static void test_every_entry_is_reachable(void **state)
{
	size_t i, a, b;

	(void)state;
	for (i = 0; i < tui_n_keys; i++)
		for (a = 0; a < N_SCREENS; a++)
			for (b = 0; b < N_MODES; b++)
				if ((tui_keys[i].screens & all_screens[a]) &&
				    (tui_keys[i].modes & all_modes[b]))
					check_binding(&tui_keys[i], all_screens[a], all_modes[b]);
}

/* No two entries of one screen and mode share a key. */
static void test_no_key_bound_twice(void **state)
{
	size_t i, j;

	(void)state;
	for (i = 0; i < tui_n_keys; i++) {
		for (j = i + 1; j < tui_n_keys; j++) {
			const tui_key *x = &tui_keys[i], *y = &tui_keys[j];

			if (x->key != y->key)
				continue;
			if ((x->screens & y->screens) && (x->modes & y->modes))
				fail_msg("entries %zu and %zu both bind key %d on screens %#x, modes %#x",
					 i, j, x->key, x->screens & y->screens, x->modes & y->modes);
		}
	}
}

/* Every hint says what its key does: the label's meaning (stated above,
 * apart from the table) is the action the lookup gives on every screen
 * and mode the hint is shown on, and the keys shown with it do something. */
static void test_hints_do_what_they_say(void **state)
{
	size_t i, m, a, b, shown = 0;
	const tui_key *named = NULL;

	(void)state;
	for (i = 0; i < tui_n_keys; i++) {
		const tui_key *k = &tui_keys[i];

		if (!k->line)
			continue;
		assert_true(k->line == 1 || k->line == 2);
		if (!k->name) {
			/* Shown with the named entry before it, on no screen or
			 * mode that one is not shown on. */
			assert_non_null(named);
			assert_int_equal(k->line, named->line);
			assert_int_equal(k->screens & ~named->screens, 0);
			assert_int_equal(k->modes & ~named->modes, 0);
			assert_null(k->label);
			assert_int_not_equal(k->action, YS_A_NONE);
			continue;
		}
		named = k;
		shown++;
		assert_non_null(k->label);
		for (m = 0; m < sizeof(meaning) / sizeof(meaning[0]); m++)
			if (!strcmp(meaning[m].label, k->label) &&
			    (!meaning[m].screens || !(k->screens & ~meaning[m].screens)))
				break;
		if (m == sizeof(meaning) / sizeof(meaning[0]))
			fail_msg("hint '%s %s' has no stated meaning", k->name, k->label);
		assert_int_equal(k->action, meaning[m].action);
		for (a = 0; a < N_SCREENS; a++)
			for (b = 0; b < N_MODES; b++)
				if ((k->screens & all_screens[a]) && (k->modes & all_modes[b]))
					check_binding(k, all_screens[a], all_modes[b]);
	}
	assert_true(shown > 40);
}

/* Every key the key help lists does, on a screen of its entry, the
 * entry's action, and the help names it. */
static void test_help_keys_are_bound(void **state)
{
	size_t i, listed[TK_HELP_COUNT] = {0};

	(void)state;
	for (i = 0; i < tui_n_keys; i++) {
		const tui_key *k = &tui_keys[i];

		if (k->help == TK_HELP_NONE)
			continue;
		assert_true(k->help > TK_HELP_NONE && k->help < TK_HELP_COUNT);
		assert_non_null(k->help_keys);
		assert_non_null(k->help_text);
		assert_int_not_equal(k->action, YS_A_NONE);
		assert_true(tui_key_help_heading(k->help)[0] != '\0');
		listed[k->help]++;
	}
	for (i = TK_HELP_NONE + 1; i < TK_HELP_COUNT; i++)
		assert_true(listed[i] > 0);
}

/* The hint lines read exactly as the screens show them. */
static void test_hint_lines(void **state)
{
	char buf[256];

	(void)state;
	tui_key_hint_line(TK_QUESTION, TK_INTERVIEW, 1, TK_IF_NA, false, buf, sizeof(buf));
	assert_string_equal(buf, "1-9/Enter answer  \xe2\x86\x90/\xe2\x86\x92 previous/next  "
			    "d don't know  x N/A  n note  p park");
	tui_key_hint_line(TK_QUESTION, TK_INTERVIEW, 1, 0, true, buf, sizeof(buf));
	assert_string_equal(buf, "1-9/Enter answer  Left/Right previous/next  "
			    "d don't know  n note  p park");
	tui_key_hint_line(TK_QUESTION, TK_INTERVIEW, 2, 0, false, buf, sizeof(buf));
	assert_string_equal(buf, "? help  a areas  r review  s scores  q save and quit  F1 all keys");
	tui_key_hint_line(TK_QUESTION, TK_VOTING, 1, 0, true, buf, sizeof(buf));
	assert_string_equal(buf, "1-9 vote  d don't know  Backspace undo  v reveal  Up/Down voter");
	tui_key_hint_line(TK_QUESTION, TK_REVEALED, 1, TK_IF_NA, false, buf, sizeof(buf));
	assert_string_equal(buf, "Enter accept the proposal  1-9/d/x choose another  n dissent note  V re-vote");
	tui_key_hint_line(TK_QUESTION, TK_REVEALED, 2, 0, true, buf, sizeof(buf));
	assert_string_equal(buf, "Left/Right question  p park  r review  a areas  s scores  "
			    "q save and quit  F1 keys");
	tui_key_hint_line(TK_PROFILE, TK_INTERVIEW, 1, 0, false, buf, sizeof(buf));
	assert_string_equal(buf, "");
	tui_key_hint_line(TK_PROFILE, TK_VOTING, 2, 0, false, buf, sizeof(buf));
	assert_string_equal(buf, "Esc back  q save and quit");
	tui_key_hint_line(TK_PROFILE, TK_INTERVIEW, 2, TK_IF_SCORED, false, buf, sizeof(buf));
	assert_string_equal(buf, "Enter question or edit  Esc back  a areas  r review  q save and quit");
	tui_key_hint_line(TK_PROFILE, TK_INTERVIEW, 1, TK_IF_SCORED, false, buf, sizeof(buf));
	assert_string_equal(buf, "Up/Down area  \xe2\x86\x90/\xe2\x86\x92 select  o owner  "
			    "+ add action  - delete action  e export");
	tui_key_hint_line(TK_CONFIRM_DELETE, TK_INTERVIEW, 2, 0, false, buf, sizeof(buf));
	assert_string_equal(buf, "y delete it  n keep it");
	tui_key_hint_line(TK_CHOICE, TK_INTERVIEW, 2, 0, true, buf, sizeof(buf));
	assert_string_equal(buf, "Left/Right change format  Enter pick  1-9 format by number  Esc cancel");
	tui_key_hint_line(TK_REASON, TK_INTERVIEW, 2, 0, false, buf, sizeof(buf));
	assert_string_equal(buf, "Enter save (a reason is required)  Esc cancel  Ctrl-U clear");
	tui_key_hint_line(TK_UNSAVED, TK_REVEALED, 2, 0, false, buf, sizeof(buf));
	assert_string_equal(buf, "y quit without saving  n stay  R retry the save  W save elsewhere");
	/* Cut at a whole hint when the buffer is short. */
	tui_key_hint_line(TK_AREAS, TK_INTERVIEW, 2, 0, false, buf, 20);
	assert_string_equal(buf, "r review  s scores");
}

/* Keys that must stay as they are: Enter, Backspace and Esc where they
 * matter, and characters typed into a prompt. */
static void test_special_cases(void **state)
{
	long arg = 0;

	(void)state;
	assert_int_equal(tui_key_action(TK_QUESTION, TK_INTERVIEW, '?', &arg), YS_A_QHELP);
	assert_int_equal(tui_key_action(TK_AREAS, TK_INTERVIEW, '?', &arg), YS_A_KEYS);
	assert_int_equal(tui_key_action(TK_QUESTION, TK_INTERVIEW, 'n', &arg), YS_A_NOTE);
	assert_int_equal(tui_key_action(TK_QUESTION, TK_VOTING, 'n', &arg), YS_A_DISSENT);
	assert_int_equal(tui_key_action(TK_QUESTION, TK_INTERVIEW, 'N', &arg), YS_A_NONE);
	assert_int_equal(tui_key_action(TK_QUESTION, TK_INTERVIEW, TK_BACKSPACE, &arg), YS_A_NONE);
	assert_int_equal(tui_key_action(TK_AREAS, TK_INTERVIEW, TK_DIGIT + 0, &arg), YS_A_NONE);
	assert_int_equal(tui_key_action(TK_KEYS, TK_INTERVIEW, TK_OTHER + 0, &arg), YS_A_NONE);
	assert_int_equal(tui_key_action(TK_KEYS, TK_INTERVIEW, -1, &arg), YS_A_NONE);
	assert_int_equal(tui_key_action(TK_AREAS, TK_INTERVIEW, '3', &arg), YS_A_JUMP);
	assert_int_equal(arg, 2);
	assert_int_equal(tui_key_action(TK_KEYS, TK_INTERVIEW, '3', &arg), YS_A_NONE);
	assert_int_equal(tui_key_action(TK_KEYS, TK_INTERVIEW, 'q', &arg), YS_A_QUIT);
	assert_int_equal(tui_key_action(TK_KEYS, TK_INTERVIEW, TK_PGDN, &arg), YS_A_NEXT);
	assert_int_equal(tui_key_action(TK_KEYS, TK_INTERVIEW, TK_DELETE, &arg), YS_A_NONE);
	/* In a prompt, letters and digits are typed, not bound. */
	assert_int_equal(tui_key_action(TK_INPUT, TK_INTERVIEW, 'q', &arg), YS_A_NONE);
	assert_int_equal(tui_key_action(TK_INPUT, TK_INTERVIEW, '1', &arg), YS_A_NONE);
	assert_int_equal(tui_key_action(TK_INPUT, TK_INTERVIEW, TK_UP, &arg), YS_A_NONE);
	assert_int_equal(tui_key_action(TK_QUIT, TK_INTERVIEW, TK_ENTER, &arg), YS_A_NONE);
	assert_int_equal(tui_key_action(TK_QUIT, TK_INTERVIEW, TK_ESC, &arg), YS_A_NO);
	assert_int_equal(tui_key_action(TK_REASON, TK_INTERVIEW, YS_CTRL('a'), &arg),
			 YS_A_INPUT_HOME);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_entry_is_reachable),
		cmocka_unit_test(test_no_key_bound_twice),
		cmocka_unit_test(test_hints_do_what_they_say),
		cmocka_unit_test(test_help_keys_are_bound),
		cmocka_unit_test(test_hint_lines),
		cmocka_unit_test(test_special_cases),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
