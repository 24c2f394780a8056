from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from consult.demo import demo_load


class Command(BaseCommand):
    help = "Load the demo consultation (GCM, 14 November 2017) and one account per role."

    def handle(self, *args, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError("Demo data is refused under these settings (production?).")
        logins = demo_load()
        self.stdout.write(self.style.SUCCESS("Demo consultation loaded: /c/gcm-2017/"))
        self.stdout.write(f"Demo logins (password for all: {logins[0].password}):")
        for login in logins:
            self.stdout.write(f"  {login.username:<12} {login.role:<24} {login.organisation}")
