from django.utils.functional import SimpleLazyObject

from stakeholders.notifications import unread_count


def notifications(request):
    """The bell's count, counted only when a page shows the bell."""
    user = getattr(request, "user", None)
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user))}
