from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StakeholdersConfig(AppConfig):
    name = "stakeholders"
    verbose_name = _("Stakeholders")

    def ready(self):
        from stakeholders import tokens  # noqa: F401  (revokes API tokens on sign-out)
