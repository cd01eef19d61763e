"""Optimal one-to-one pairing of gold and predicted events (the Hungarian method).

The scorer asks for the largest number of allowed pairs and, among pairings with that many,
the one whose pairs agree most, criterion by criterion. All the goals fold into one integer
weight per allowed pair (the pair and its criteria as digits of a large enough base), so a
maximum-weight assignment has the most pairs first and then the most agreement. Corpora pair a few
dozen events a report, so the O(n²m) shortest-augmenting-path form of the Hungarian method in
plain Python is fast enough, and keeps scipy out of the run-time dependencies (the tests check
it against ``scipy.optimize.linear_sum_assignment``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence


def best_pairs(
    rows: int, cols: int, agreement: Callable[[int, int], Sequence[bool] | None]
) -> dict[int, int]:
    """Row -> column: the most allowed pairs, then the most agreement, criterion by criterion.

    ``agreement(r, c)`` is None where row ``r`` may not pair with column ``c``, otherwise the
    criteria the two meet, most important first (all of one length). Among the pairings with
    the most pairs, the chosen one has the most pairs meeting the first criterion; among
    those, the most meeting the second; and so on. Ties are broken deterministically.
    """
    agree = [[agreement(r, c) for c in range(cols)] for r in range(rows)]
    widths = {len(a) for row in agree for a in row if a is not None}
    if not widths:
        return {}
    if len(widths) > 1:
        raise ValueError("every agreement must list the same criteria")
    # Criteria as digits in base ``base``: no pairing has ``base`` pairs, so all that the
    # pairs gather on later criteria never outweighs one more pair meeting an earlier one,
    # and the leading digit (the pair itself) outweighs all the criteria.
    base = min(rows, cols) + 1
    weight = [
        [
            0 if a is None else sum(base**i * ok for i, ok in enumerate(reversed((True, *a))))
            for a in row
        ]
        for row in agree
    ]
    if rows <= cols:
        pairs = max_weight_assignment(weight)
    else:
        transposed = [list(column) for column in zip(*weight, strict=True)]
        pairs = [(r, c) for c, r in max_weight_assignment(transposed)]
    return {r: c for r, c in sorted(pairs) if agree[r][c] is not None}


def max_weight_assignment(weight: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """Each row paired with a distinct column (rows <= columns) for the largest total weight.

    Integer weights keep the arithmetic exact. Minimises the negated weights with row and
    column potentials, adding one row at a time along a shortest augmenting path.
    """
    n = len(weight)
    m = len(weight[0]) if n else 0
    if n > m:
        raise ValueError("more rows than columns")
    cost = [[-w for w in row] for row in weight]
    u = [0] * (n + 1)  # row potentials (1-based; 0 is the virtual start)
    v = [0] * (m + 1)  # column potentials
    owner = [0] * (m + 1)  # owner[j]: the row holding column j, 0 when free
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        slack: list[int | None] = [None] * (m + 1)  # least reduced cost seen per column
        via = [0] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = owner[j0]
            delta: int | None = None
            j1 = 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                reduced = cost[i0 - 1][j - 1] - u[i0] - v[j]
                current = slack[j]
                if current is None or reduced < current:
                    slack[j] = current = reduced
                    via[j] = j0
                if delta is None or current < delta:
                    delta, j1 = current, j
            assert delta is not None  # rows <= columns: a free column is always left
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    left = slack[j]
                    if left is not None:
                        slack[j] = left - delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:  # flip the augmenting path back to the start
            j1 = via[j0]
            owner[j0] = owner[j1]
            j0 = j1
    return sorted((owner[j] - 1, j - 1) for j in range(1, m + 1) if owner[j])
