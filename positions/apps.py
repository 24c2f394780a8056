from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PositionsConfig(AppConfig):
    name = "positions"
    verbose_name = _("Position papers")

    def ready(self):
        # Register the tasks in every process, the web ones included: services send them
        # by name (`current_app.tasks[...]`), and Celery's discovery of task modules runs
        # only when a worker starts.
        from positions import signals, tasks  # noqa: F401
