"""A rule that answers for one object and filters a queryset, from one definition.

django-rules predicates answer "may this user see this consultation?"; a list page asks
"which consultations may this user see?". Written twice, the two drift apart (a page
lists what its detail refuses, or hides what it would show). A `Scoped` rule keeps each
predicate beside the filter that selects the same objects, and `|` combines both halves
at once; tests check the halves agree for every role.
"""

from collections.abc import Callable
from dataclasses import dataclass

import rules
from django.db.models import Q, QuerySet


@dataclass(frozen=True)
class Scoped:
    predicate: rules.Predicate
    q: Callable[[object], Q]  # user -> the filter selecting what `predicate` allows

    def __or__(self, other: "Scoped") -> "Scoped":
        return Scoped(self.predicate | other.predicate, lambda user: self.q(user) | other.q(user))

    def filter(self, user, queryset: QuerySet) -> QuerySet:
        if not user.is_authenticated:
            return queryset.none()
        return queryset.filter(self.q(user)).distinct()
