from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "common"
    verbose_name = "Common"

    def ready(self):
        from common import middleware  # noqa: F401  (connects the sign-in receiver)
