"""Words that never name a place on their own: numbers, months and weekdays.

Reports open sentences with them ("Five soldiers...", "March saw...", "Sunday's attack..."),
capitalised, so case does not tell them from names. The gazetteer build counts them as common
English words (whatever a dictionary's case says), and text detection never takes one alone
as a place mention.
"""

from __future__ import annotations

NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions dozen dozens first second third "
    "fourth fifth sixth seventh eighth ninth tenth half".split()
)
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow".split()
)
#: Never a place mention alone.
NEVER_ALONE = NUMBER_WORDS | MONTHS | WEEKDAYS
