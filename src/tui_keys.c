/* The key table: every binding of the interview and the workshop, with
 * the hint it shows at the foot of its screen and its line in the key
 * help. Screens are grouped; within a group the hints are in the order
 * shown. A key of a screen and mode is bound by exactly one entry (the
 * keys unit test checks this and that every hint does what it says). */
#include <stdio.h>
#include <string.h>

#include "tui_keys.h"

#define K(sc, md, k, a) .screens = (sc), .modes = (md), .key = (k), .action = (a)
/* A key shown with the named entry before it. */
#define ALSO(ln) .line = (ln)

#define Q TK_QUESTION
#define ANYWHERE TK_HELP_ANYWHERE

const tui_key tui_keys[] = {
	/* Start screen. */
	{K(TK_START, TK_ANY, TK_UP, YS_A_UP), .line = 1, .name = "Up/Down", .label = "field",
	 .help = TK_HELP_START, .help_keys = "Up/Down", .help_text = "move between the fields"},
	{K(TK_START, TK_ANY, TK_DOWN, YS_A_DOWN), ALSO(1)},
	{K(TK_START, TK_ANY, TK_ENTER, YS_A_SELECT), .line = 1, .name = "Enter",
	 .label = "edit or begin", .help = TK_HELP_START, .help_keys = "Enter",
	 .help_text = "edit a field, begin, or resume the file offered"},
	{K(TK_START, TK_ANY, TK_LEFT, YS_A_PREV), .line = 1, .name = "Left/Right",
	 .label = "change choice", .help = TK_HELP_START, .help_keys = "Left/Right",
	 .help_text = "change the target or the questionnaire"},
	{K(TK_START, TK_ANY, TK_RIGHT, YS_A_NEXT), ALSO(1)},
	{K(TK_START, TK_ANY, 'q', YS_A_QUIT), .line = 2, .name = "q", .label = "quit"},
	{K(TK_START, TK_ANY, TK_F1, YS_A_KEYS), .line = 2, .name = "F1", .label = "keys"},

	/* The questionnaire changed since the answers file was started. */
	{K(TK_CHANGED, TK_ANY, TK_ENTER, YS_A_SELECT), .line = 1, .name = "Enter",
	 .label = "continue with this version (saves the file)"},
	{K(TK_CHANGED, TK_ANY, 'q', YS_A_QUIT), .line = 2, .name = "q",
	 .label = "quit without changing the file"},

	/* Interview question screen. */
	{K(Q, TK_INTERVIEW, TK_UP, YS_A_UP), .help = TK_HELP_QUESTION,
	 .help_keys = "Up/Down, Enter",
	 .help_text = "move to an option; Enter saves it and moves on"},
	{K(Q, TK_INTERVIEW, TK_DOWN, YS_A_DOWN)},
	{K(Q, TK_INTERVIEW, TK_DIGIT, YS_A_CHOOSE), .line = 1, .name = "1-9/Enter",
	 .label = "answer", .help = TK_HELP_QUESTION, .help_keys = "1-9",
	 .help_text = "choose option 1 to 9 and save it"},
	{K(Q, TK_INTERVIEW, TK_ENTER, YS_A_SELECT), ALSO(1)},
	{K(Q, TK_INTERVIEW, TK_LEFT, YS_A_PREV), .line = 1, .name = "\xe2\x86\x90/\xe2\x86\x92",
	 .ascii = "Left/Right", .label = "previous/next", .help = TK_HELP_QUESTION,
	 .help_keys = "Left/Right", .help_text = "previous / next question (also PgUp/PgDn)"},
	{K(Q, TK_INTERVIEW, TK_RIGHT, YS_A_NEXT), ALSO(1)},
	{K(Q, TK_INTERVIEW, 'd', YS_A_DONT_KNOW), .line = 1, .name = "d", .label = "don't know",
	 .help = TK_HELP_QUESTION, .help_keys = "d",
	 .help_text = "don't know (counts as 0 and is listed as a knowledge gap)"},
	{K(Q, TK_INTERVIEW, 'x', YS_A_NA), .line = 1, .name = "x", .label = "N/A",
	 .when = TK_IF_NA, .help = TK_HELP_QUESTION, .help_keys = "x",
	 .help_text = "not applicable, with a reason (where the question allows it)"},
	{K(Q, TK_INTERVIEW, 'n', YS_A_NOTE), .line = 1, .name = "n", .label = "note",
	 .help = TK_HELP_QUESTION, .help_keys = "n", .help_text = "add or change a note"},
	{K(Q, TK_INTERVIEW, 'p', YS_A_PARK), .line = 1, .name = "p", .label = "park",
	 .help = TK_HELP_QUESTION, .help_keys = "p",
	 .help_text = "park the question for later, or unpark it"},
	{K(Q, TK_INTERVIEW, '?', YS_A_QHELP), .line = 2, .name = "?", .label = "help",
	 .help = TK_HELP_QUESTION, .help_keys = "?", .help_text = "help for this question"},
	{K(Q, TK_INTERVIEW, 'a', YS_A_AREAS), .line = 2, .name = "a", .label = "areas",
	 .help = ANYWHERE, .help_keys = "a", .help_text = "area menu"},
	{K(Q, TK_INTERVIEW, 'r', YS_A_REVIEW), .line = 2, .name = "r", .label = "review",
	 .help = ANYWHERE, .help_keys = "r", .help_text = "review what is left"},
	{K(Q, TK_INTERVIEW, 's', YS_A_PROFILE), .line = 2, .name = "s", .label = "scores",
	 .help = ANYWHERE, .help_keys = "s",
	 .help_text = "scores (profile: owners, actions, export)"},
	{K(Q, TK_INTERVIEW, 'q', YS_A_QUIT), .line = 2, .name = "q", .label = "save and quit",
	 .help = ANYWHERE, .help_keys = "q",
	 .help_text = "save and quit (Ctrl-C asks whether to quit)"},
	{K(Q, TK_INTERVIEW, TK_F1, YS_A_KEYS), .line = 2, .name = "F1", .label = "all keys"},

	/* Workshop question screen while the votes are collected. */
	{K(Q, TK_VOTING, TK_DIGIT, YS_A_CHOOSE), .line = 1, .name = "1-9", .label = "vote",
	 .help = TK_HELP_VOTING, .help_keys = "1-9",
	 .help_text = "the marked participant votes for option 1 to 9"},
	{K(Q, TK_VOTING, 'd', YS_A_DONT_KNOW), .line = 1, .name = "d", .label = "don't know",
	 .help = TK_HELP_VOTING, .help_keys = "d / x",
	 .help_text = "the marked participant votes don't know / N/A"},
	{K(Q, TK_VOTING, 'x', YS_A_NA), .line = 1, .name = "x", .label = "N/A", .when = TK_IF_NA},
	{K(Q, TK_VOTING, TK_BACKSPACE, YS_A_UNDO_VOTE), .line = 1, .name = "Backspace",
	 .label = "undo", .help = TK_HELP_VOTING, .help_keys = "Backspace",
	 .help_text = "take back the last vote"},
	{K(Q, TK_VOTING, 'v', YS_A_REVEAL), .line = 1, .name = "v", .label = "reveal",
	 .help = TK_HELP_VOTING, .help_keys = "v",
	 .help_text = "reveal the votes (Enter once everyone has voted)"},
	{K(Q, TK_VOTING, TK_UP, YS_A_UP), .line = 1, .name = "\xe2\x86\x91/\xe2\x86\x93",
	 .ascii = "Up/Down", .label = "voter", .help = TK_HELP_VOTING, .help_keys = "Up/Down",
	 .help_text = "mark another participant (to vote again)"},
	{K(Q, TK_VOTING, TK_DOWN, YS_A_DOWN), ALSO(1)},
	{K(Q, TK_VOTING, TK_ENTER, YS_A_SELECT)},
	{K(Q, TK_VOTING, 'n', YS_A_DISSENT)},
	{K(Q, TK_VOTING, 'L', YS_A_RELEASE), .when = TK_IF_LIVE, .help = TK_HELP_VOTING,
	 .help_keys = "L", .help_text = "live: free the marked participant's name for another device"},

	/* Workshop question screen after the reveal. */
	{K(Q, TK_REVEALED, TK_ENTER, YS_A_SELECT), .line = 1, .name = "Enter",
	 .label = "accept the proposal", .help = TK_HELP_REVEALED, .help_keys = "Enter",
	 .help_text = "accept the proposed answer (lower median of the votes)"},
	{K(Q, TK_REVEALED, TK_DIGIT, YS_A_CHOOSE), .line = 1, .name = "1-9/d/x",
	 .label = "choose another", .help = TK_HELP_REVEALED, .help_keys = "1-9 / d / x",
	 .help_text = "choose another answer (x asks for a reason)"},
	{K(Q, TK_REVEALED, 'd', YS_A_DONT_KNOW), ALSO(1)},
	{K(Q, TK_REVEALED, 'x', YS_A_NA), ALSO(1)},
	{K(Q, TK_REVEALED, 'n', YS_A_DISSENT), .line = 1, .name = "n", .label = "dissent note",
	 .help = TK_HELP_REVEALED, .help_keys = "n",
	 .help_text = "add a dissent note (saved in the note as \"Dissent: ...\")"},
	{K(Q, TK_WORKSHOP, 'N', YS_A_NOTE), .help = TK_HELP_REVEALED, .help_keys = "N",
	 .help_text = "edit the whole note"},
	{K(Q, TK_REVEALED, 'V', YS_A_NEW_ROUND), .line = 1, .name = "V", .label = "re-vote",
	 .help = TK_HELP_REVEALED, .help_keys = "V",
	 .help_text = "a second round: the votes move to the earlier rounds, everyone votes again"},
	{K(Q, TK_REVEALED, 'v', YS_A_REVEAL)},
	{K(Q, TK_REVEALED, TK_BACKSPACE, YS_A_UNDO_VOTE)},
	{K(Q, TK_REVEALED, TK_UP, YS_A_UP)},
	{K(Q, TK_REVEALED, TK_DOWN, YS_A_DOWN)},

	/* Workshop question screen, either way. */
	{K(Q, TK_WORKSHOP, TK_LEFT, YS_A_PREV), .line = 2, .name = "\xe2\x86\x90/\xe2\x86\x92",
	 .ascii = "Left/Right", .label = "question", .help = TK_HELP_ANY_QUESTION,
	 .help_keys = "Left/Right", .help_text = "previous / next question (also PgUp/PgDn)"},
	{K(Q, TK_WORKSHOP, TK_RIGHT, YS_A_NEXT), ALSO(2)},
	{K(Q, TK_WORKSHOP, 'p', YS_A_PARK), .line = 2, .name = "p", .label = "park",
	 .help = TK_HELP_ANY_QUESTION, .help_keys = "p",
	 .help_text = "park the question for later, or unpark it"},
	{K(Q, TK_WORKSHOP, 'r', YS_A_REVIEW), .line = 2, .name = "r", .label = "review",
	 .help = ANYWHERE, .help_keys = "r",
	 .help_text = "review: unsettled, parked, contested"},
	{K(Q, TK_WORKSHOP, 'a', YS_A_AREAS), .line = 2, .name = "a", .label = "areas",
	 .help = ANYWHERE, .help_keys = "a", .help_text = "area menu"},
	{K(Q, TK_WORKSHOP, 's', YS_A_PROFILE), .line = 2, .name = "s", .label = "scores",
	 .help = ANYWHERE, .help_keys = "s",
	 .help_text = "scores (profile: owners, actions, export)"},
	{K(Q, TK_WORKSHOP, 'q', YS_A_QUIT), .line = 2, .name = "q", .label = "save and quit",
	 .help = ANYWHERE, .help_keys = "q",
	 .help_text = "save and quit (Ctrl-C asks whether to quit)"},
	{K(Q, TK_WORKSHOP, 'J', YS_A_JOIN_SCREEN), .help = TK_HELP_ANY_QUESTION, .help_keys = "J",
	 .help_text = "live: show the join screen (QR code and address) again"},
	{K(Q, TK_WORKSHOP, TK_F1, YS_A_KEYS), .line = 2, .name = "F1", .label = "keys"},
	{K(Q, TK_WORKSHOP, '?', YS_A_QHELP), .help = TK_HELP_ANY_QUESTION, .help_keys = "?",
	 .help_text = "help for this question"},

	/* Area menu. */
	{K(TK_AREAS, TK_ANY, TK_UP, YS_A_UP), .line = 1, .name = "Up/Down", .label = "choose"},
	{K(TK_AREAS, TK_ANY, TK_DOWN, YS_A_DOWN), ALSO(1)},
	{K(TK_AREAS, TK_ANY, TK_ENTER, YS_A_SELECT), .line = 1, .name = "Enter or 1-9",
	 .label = "go"},
	{K(TK_AREAS, TK_ANY, TK_DIGIT, YS_A_JUMP), ALSO(1)},
	{K(TK_AREAS, TK_ANY, TK_ESC, YS_A_BACK), .line = 1, .name = "Esc",
	 .label = "back to the question"},
	{K(TK_AREAS, TK_ANY, 'r', YS_A_REVIEW), .line = 2, .name = "r", .label = "review"},
	{K(TK_AREAS, TK_ANY, 's', YS_A_PROFILE), .line = 2, .name = "s", .label = "scores"},
	{K(TK_AREAS, TK_ANY, 'q', YS_A_QUIT), .line = 2, .name = "q", .label = "save and quit"},
	{K(TK_AREAS, TK_ANY, TK_F1, YS_A_KEYS), .line = 2, .name = "F1", .label = "keys"},

	/* Review list. */
	{K(TK_REVIEW, TK_ANY, TK_UP, YS_A_UP), .line = 1, .name = "Up/Down", .label = "choose"},
	{K(TK_REVIEW, TK_ANY, TK_DOWN, YS_A_DOWN), ALSO(1)},
	{K(TK_REVIEW, TK_ANY, TK_ENTER, YS_A_SELECT), .line = 1, .name = "Enter",
	 .label = "go to the question"},
	{K(TK_REVIEW, TK_ANY, TK_ESC, YS_A_BACK), .line = 1, .name = "Esc", .label = "back"},
	{K(TK_REVIEW, TK_ANY, 'a', YS_A_AREAS), .line = 2, .name = "a", .label = "areas"},
	{K(TK_REVIEW, TK_ANY, 's', YS_A_PROFILE), .line = 2, .name = "s", .label = "scores"},
	{K(TK_REVIEW, TK_ANY, 'q', YS_A_QUIT), .line = 2, .name = "q", .label = "save and quit"},
	{K(TK_REVIEW, TK_ANY, TK_F1, YS_A_KEYS), .line = 2, .name = "F1", .label = "keys"},
	{K(TK_REVIEW, TK_ANY, TK_DIGIT, YS_A_JUMP)},

	/* Profile. */
	{K(TK_PROFILE, TK_ANY, TK_UP, YS_A_UP), .line = 1, .name = "Up/Down", .label = "area",
	 .when = TK_IF_SCORED, .help = TK_HELP_PROFILE, .help_keys = "Up/Down",
	 .help_text = "choose an area"},
	{K(TK_PROFILE, TK_ANY, TK_DOWN, YS_A_DOWN), ALSO(1), .when = TK_IF_SCORED},
	{K(TK_PROFILE, TK_ANY, TK_LEFT, YS_A_PREV), .line = 1, .name = "\xe2\x86\x90/\xe2\x86\x92",
	 .ascii = "Left/Right", .label = "select", .when = TK_IF_SCORED,
	 .help = TK_HELP_PROFILE, .help_keys = "Left/Right",
	 .help_text = "select one of the area's blockers or actions"},
	{K(TK_PROFILE, TK_ANY, TK_RIGHT, YS_A_NEXT), ALSO(1), .when = TK_IF_SCORED},
	{K(TK_PROFILE, TK_ANY, 'o', YS_A_OWNER), .line = 1, .name = "o", .label = "owner",
	 .when = TK_IF_SCORED, .help = TK_HELP_PROFILE, .help_keys = "o",
	 .help_text = "name the selected area's owner"},
	{K(TK_PROFILE, TK_ANY, '+', YS_A_ADD_ACTION), .line = 1, .name = "+",
	 .label = "add action", .when = TK_IF_SCORED, .help = TK_HELP_PROFILE,
	 .help_keys = "+ / -",
	 .help_text = "add an action / delete the selected one (asks)"},
	{K(TK_PROFILE, TK_ANY, '-', YS_A_DELETE_ACTION), .line = 1, .name = "-",
	 .label = "delete action", .when = TK_IF_SCORED},
	{K(TK_PROFILE, TK_ANY, 'e', YS_A_EXPORT), .line = 1, .name = "e", .label = "export",
	 .when = TK_IF_SCORED, .help = TK_HELP_PROFILE, .help_keys = "e",
	 .help_text = "export the scorecard"},
	{K(TK_PROFILE, TK_ANY, TK_ENTER, YS_A_SELECT), .line = 2, .name = "Enter",
	 .label = "question or edit", .when = TK_IF_SCORED, .help = TK_HELP_PROFILE,
	 .help_keys = "Enter",
	 .help_text = "go to the blocker's question, or edit the action"},
	{K(TK_PROFILE, TK_ANY, TK_ESC, YS_A_BACK), .line = 2, .name = "Esc", .label = "back"},
	{K(TK_PROFILE, TK_ANY, 'a', YS_A_AREAS), .line = 2, .name = "a", .label = "areas",
	 .when = TK_IF_SCORED},
	{K(TK_PROFILE, TK_ANY, 'r', YS_A_REVIEW), .line = 2, .name = "r", .label = "review",
	 .when = TK_IF_SCORED},
	{K(TK_PROFILE, TK_ANY, 'q', YS_A_QUIT), .line = 2, .name = "q", .label = "save and quit"},
	{K(TK_PROFILE, TK_ANY, 'A', YS_A_ADD_ACTION)},

	/* Key help and question help: most keys go back. Digits do nothing. */
	{K(TK_KEYS, TK_ANY, TK_OTHER, YS_A_BACK), .line = 2, .name = "any key", .label = "back"},
	{K(TK_KEYS, TK_ANY, TK_UP, YS_A_UP), .line = 2, .name = "Up/Down", .label = "scroll"},
	{K(TK_KEYS, TK_ANY, TK_DOWN, YS_A_DOWN), ALSO(2)},
	{K(TK_QHELP, TK_ANY, TK_OTHER, YS_A_BACK), .line = 2, .name = "any key",
	 .label = "back to the question"},
	{K(TK_QHELP, TK_ANY, TK_UP, YS_A_UP), .line = 2, .name = "Up/Down", .label = "scroll"},
	{K(TK_QHELP, TK_ANY, TK_DOWN, YS_A_DOWN), ALSO(2)},
	{K(TK_KEYS | TK_QHELP, TK_ANY, TK_BACKSPACE, YS_A_BACK)},
	{K(TK_KEYS | TK_QHELP, TK_ANY, TK_DIGIT, YS_A_NONE)},

	/* The same on every screen, where the screen shows no hint for it. */
	{K(TK_CHANGED, TK_ANY, TK_UP, YS_A_UP)},
	{K(TK_CHANGED, TK_ANY, TK_DOWN, YS_A_DOWN)},
	{K(TK_SCREENS, TK_ANY, TK_HOME, YS_A_FIRST)},
	{K(TK_SCREENS, TK_ANY, TK_END, YS_A_LAST)},
	{K(TK_SCREENS & ~(TK_START | Q | TK_PROFILE), TK_ANY, TK_LEFT, YS_A_PREV)},
	{K(TK_SCREENS & ~(TK_START | Q | TK_PROFILE), TK_ANY, TK_RIGHT, YS_A_NEXT)},
	{K(TK_SCREENS, TK_ANY, TK_PGUP, YS_A_PREV)},
	{K(TK_SCREENS, TK_ANY, TK_PGDN, YS_A_NEXT)},
	{K(TK_KEYS | TK_QHELP, TK_ANY, TK_ENTER, YS_A_SELECT)},
	{K(TK_CHANGED | TK_PROFILE | TK_KEYS | TK_QHELP, TK_ANY, TK_F1, YS_A_KEYS)},
	{K(TK_SCREENS, TK_ANY, 'R', YS_A_RETRY_SAVE), .help = ANYWHERE, .help_keys = "R / W",
	 .help_text = "retry a failed save / save to another file"},
	{K(TK_SCREENS, TK_ANY, 'W', YS_A_SAVE_ELSEWHERE)},
	{K(TK_START | TK_CHANGED | Q | TK_KEYS | TK_QHELP, TK_ANY, TK_ESC, YS_A_BACK),
	 .help = ANYWHERE, .help_keys = "Esc", .help_text = "back to the question"},
	{K(TK_SCREENS, TK_ANY, 'k', YS_A_UP)},
	{K(TK_SCREENS, TK_ANY, 'j', YS_A_DOWN)},
	{K(TK_KEYS | TK_QHELP, TK_ANY, 'q', YS_A_QUIT)},
	{K(TK_START | TK_CHANGED | TK_AREAS | TK_KEYS | TK_QHELP, TK_ANY, 'a', YS_A_AREAS)},
	{K(TK_START | TK_CHANGED | TK_REVIEW | TK_KEYS | TK_QHELP, TK_ANY, 'r', YS_A_REVIEW)},
	{K(TK_START | TK_CHANGED | TK_PROFILE | TK_KEYS | TK_QHELP, TK_ANY, 's', YS_A_PROFILE)},
	{K(TK_SCREENS & ~Q, TK_ANY, '?', YS_A_KEYS)},

	/* The live workshop's join screen. */
	{K(TK_JOIN, TK_ANY, '\t', YS_A_NEXT_ADDRESS), .line = 2, .name = "Tab",
	 .label = "next address", .when = TK_IF_ADDRS},
	{K(TK_JOIN, TK_ANY, TK_RIGHT, YS_A_NEXT_ADDRESS)},
	{K(TK_JOIN, TK_ANY, TK_LEFT, YS_A_PREV)},
	{K(TK_JOIN, TK_ANY, TK_DOWN, YS_A_NEXT_ADDRESS)},
	{K(TK_JOIN, TK_ANY, TK_UP, YS_A_PREV)},
	{K(TK_JOIN, TK_ANY, 'q', YS_A_QUIT), .line = 2, .name = "q", .label = "save and quit"},
	{K(TK_JOIN, TK_ANY, TK_OTHER, YS_A_BACK), .line = 2, .name = "any key", .label = "back"},
	{K(TK_JOIN, TK_ANY, TK_ENTER, YS_A_BACK)},
	{K(TK_JOIN, TK_ANY, TK_ESC, YS_A_BACK)},
	{K(TK_JOIN, TK_ANY, TK_BACKSPACE, YS_A_BACK)},
	{K(TK_START, TK_ANY, 'J', YS_A_JOIN_SCREEN), .line = 2, .name = "J", .label = "join screen",
	 .when = TK_IF_LIVE},

	/* "Quit?" after Ctrl-C, and "Quit anyway?" after a failed save. */
	{K(TK_QUIT, TK_ANY, 'y', YS_A_YES), .line = 2, .name = "y", .label = "save and quit"},
	{K(TK_QUIT, TK_ANY, 'n', YS_A_NO), .line = 2, .name = "n", .label = "keep going"},
	{K(TK_UNSAVED, TK_ANY, 'y', YS_A_YES), .line = 2, .name = "y",
	 .label = "quit without saving"},
	{K(TK_UNSAVED, TK_ANY, 'n', YS_A_NO), .line = 2, .name = "n", .label = "stay"},
	{K(TK_UNSAVED, TK_ANY, 'R', YS_A_RETRY_SAVE), .line = 2, .name = "R",
	 .label = "retry the save"},
	{K(TK_UNSAVED, TK_ANY, 'W', YS_A_SAVE_ELSEWHERE), .line = 2, .name = "W",
	 .label = "save elsewhere"},
	{K(TK_QUIT, TK_ANY, 'R', YS_A_RETRY_SAVE)},
	{K(TK_QUIT, TK_ANY, 'W', YS_A_SAVE_ELSEWHERE)},
	{K(TK_QUIT | TK_UNSAVED, TK_ANY, 'Y', YS_A_YES)},
	{K(TK_QUIT | TK_UNSAVED, TK_ANY, 'N', YS_A_NO)},
	{K(TK_QUIT | TK_UNSAVED, TK_ANY, TK_ESC, YS_A_NO)},

	/* "Delete the selected action?" */
	{K(TK_CONFIRM_DELETE, TK_ANY, 'y', YS_A_YES), .line = 2, .name = "y", .label = "delete it"},
	{K(TK_CONFIRM_DELETE, TK_ANY, 'n', YS_A_NO), .line = 2, .name = "n", .label = "keep it"},
	{K(TK_CONFIRM_DELETE, TK_ANY, 'Y', YS_A_YES)},
	{K(TK_CONFIRM_DELETE, TK_ANY, 'N', YS_A_NO)},
	{K(TK_CONFIRM_DELETE, TK_ANY, TK_ESC, YS_A_NO)},

	/* The export format, chosen from the list of formats. */
	{K(TK_CHOICE, TK_ANY, TK_LEFT, YS_A_PREV), .line = 2, .name = "\xe2\x86\x90/\xe2\x86\x92",
	 .ascii = "Left/Right", .label = "change format"},
	{K(TK_CHOICE, TK_ANY, TK_RIGHT, YS_A_NEXT), ALSO(2)},
	{K(TK_CHOICE, TK_ANY, TK_ENTER, YS_A_SUBMIT), .line = 2, .name = "Enter",
	 .label = "pick"},
	{K(TK_CHOICE, TK_ANY, TK_DIGIT, YS_A_CHOOSE), .line = 2, .name = "1-9",
	 .label = "format by number"},
	{K(TK_CHOICE, TK_ANY, TK_ESC, YS_A_CANCEL), .line = 2, .name = "Esc", .label = "cancel"},
	{K(TK_CHOICE, TK_ANY, TK_UP, YS_A_UP)},
	{K(TK_CHOICE, TK_ANY, TK_DOWN, YS_A_DOWN)},

	/* Text prompts; other characters are typed in. */
	{K(TK_INPUT, TK_ANY, TK_ENTER, YS_A_SUBMIT), .line = 2, .name = "Enter", .label = "save"},
	{K(TK_REASON, TK_ANY, TK_ENTER, YS_A_SUBMIT), .line = 2, .name = "Enter",
	 .label = "save (a reason is required)"},
	{K(TK_INPUT | TK_REASON, TK_ANY, TK_ESC, YS_A_CANCEL), .line = 2, .name = "Esc",
	 .label = "cancel"},
	{K(TK_INPUT | TK_REASON, TK_ANY, YS_CTRL('u'), YS_A_INPUT_KILL), .line = 2,
	 .name = "Ctrl-U", .label = "clear"},
	{K(TK_INPUT, TK_ANY, TK_LEFT, YS_A_INPUT_LEFT), .line = 2, .name = "Left/Right",
	 .label = "move"},
	{K(TK_INPUT, TK_ANY, TK_RIGHT, YS_A_INPUT_RIGHT), ALSO(2)},
	{K(TK_REASON, TK_ANY, TK_LEFT, YS_A_INPUT_LEFT)},
	{K(TK_REASON, TK_ANY, TK_RIGHT, YS_A_INPUT_RIGHT)},
	{K(TK_INPUT | TK_REASON, TK_ANY, TK_BACKSPACE, YS_A_INPUT_BACKSPACE)},
	{K(TK_INPUT | TK_REASON, TK_ANY, TK_DELETE, YS_A_INPUT_DELETE)},
	{K(TK_INPUT | TK_REASON, TK_ANY, YS_CTRL('d'), YS_A_INPUT_DELETE)},
	{K(TK_INPUT | TK_REASON, TK_ANY, TK_HOME, YS_A_INPUT_HOME)},
	{K(TK_INPUT | TK_REASON, TK_ANY, YS_CTRL('a'), YS_A_INPUT_HOME)},
	{K(TK_INPUT | TK_REASON, TK_ANY, TK_END, YS_A_INPUT_END)},
	{K(TK_INPUT | TK_REASON, TK_ANY, YS_CTRL('e'), YS_A_INPUT_END)},
};

const size_t tui_n_keys = sizeof(tui_keys) / sizeof(tui_keys[0]);

unsigned tui_key_screen(const ys_session *s)
{
	switch (s->prompt) {
	case YS_PROMPT_NONE:
		break;
	case YS_PROMPT_CONFIRM_QUIT:
		return TK_QUIT;
	case YS_PROMPT_QUIT_UNSAVED:
		return TK_UNSAVED;
	case YS_PROMPT_NA_REASON:
		return TK_REASON;
	case YS_PROMPT_DELETE_ACTION:
		return TK_CONFIRM_DELETE;
	case YS_PROMPT_EXPORT_FORMAT:
		if (s->opts.n_export_names)
			return TK_CHOICE;
		return TK_INPUT;
	default:
		return TK_INPUT;
	}
	switch (s->screen) {
	case YS_SCR_START:
		return TK_START;
	case YS_SCR_CHANGED:
		return TK_CHANGED;
	case YS_SCR_QUESTION:
		return TK_QUESTION;
	case YS_SCR_AREAS:
		return TK_AREAS;
	case YS_SCR_REVIEW:
		return TK_REVIEW;
	case YS_SCR_PROFILE:
		return TK_PROFILE;
	case YS_SCR_KEYS:
		return TK_KEYS;
	case YS_SCR_QHELP:
		return TK_QHELP;
	case YS_SCR_JOIN:
		return TK_JOIN;
	}
	return 0;
}

unsigned tui_key_mode(const ys_session *s)
{
	if (!s->workshop)
		return TK_INTERVIEW;
	return s->screen == YS_SCR_QUESTION && ys_session_revealed(s) ? TK_REVEALED : TK_VOTING;
}

static bool applies(const tui_key *k, unsigned screen, unsigned mode)
{
	return (k->screens & screen) && (k->modes & mode);
}

ys_action_type tui_key_action(unsigned screen, unsigned mode, int key, long *arg)
{
	bool digit = key >= '1' && key <= '9';
	size_t i;

	if (key < 0 || key >= TK_DIGIT)
		return YS_A_NONE;       /* unknown, or a code for the table only */
	for (i = 0; i < tui_n_keys; i++) {
		const tui_key *k = &tui_keys[i];

		if (!applies(k, screen, mode))
			continue;
		if (k->key == key || (digit && k->key == TK_DIGIT)) {
			if (k->key == TK_DIGIT)
				*arg = key - '1';
			return k->action;
		}
	}
	if (key < TK_KEY_BASE) {
		for (i = 0; i < tui_n_keys; i++)
			if (applies(&tui_keys[i], screen, mode) && tui_keys[i].key == TK_OTHER)
				return tui_keys[i].action;
	}
	return YS_A_NONE;
}

void tui_key_hint_line(unsigned screen, unsigned mode, int line, unsigned when,
		       bool ascii, char *buf, size_t n)
{
	size_t i, used = 0;

	if (!n)
		return;
	buf[0] = '\0';
	for (i = 0; i < tui_n_keys; i++) {
		const tui_key *k = &tui_keys[i];
		const char *name = ascii && k->ascii ? k->ascii : k->name;
		int w;

		if (!applies(k, screen, mode) || k->line != line || !name ||
		    (k->when & ~when))
			continue;
		w = snprintf(buf + used, n - used, "%s%s %s", used ? "  " : "", name, k->label);
		if (w < 0 || (size_t)w >= n - used) {
			buf[used] = '\0';
			return;
		}
		used += (size_t)w;
	}
}

const char *tui_key_help_heading(int section)
{
	switch (section) {
	case TK_HELP_START:
		return "Start screen";
	case TK_HELP_QUESTION:
		return "Question screen";
	case TK_HELP_VOTING:
		return "Collecting the votes (hidden as dots until revealed)";
	case TK_HELP_REVEALED:
		return "After the reveal";
	case TK_HELP_ANY_QUESTION:
		return "Any question";
	case TK_HELP_ANYWHERE:
		return "Anywhere";
	case TK_HELP_PROFILE:
		return "Profile";
	default:
		return "";
	}
}
