"""The demo consultation, built from Kemlu and IOM's consultation of 14 November 2017.

`demo_load` is idempotent: every object is looked up by its natural key before it is
made, and passwords are set only for accounts it creates, so a second run changes
nothing.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from consult.models import Consultation, Input, Session, ThematicIssue
from stakeholders.models import Membership, Organisation

DEMO_PASSWORD = "gcm-demo-2017"  # noqa: S105 — demo accounts only, refused in production

ORGANISATIONS = [
    # acronym, name, kind
    (
        "Kemlu Sosbud & OINB",
        "Direktorat Sosial Budaya dan OINB, Kementerian Luar Negeri",
        "ministry",
    ),
    ("Kemnaker", "Kementerian Ketenagakerjaan", "ministry"),
    ("BNP2TKI", "Badan Nasional Penempatan dan Perlindungan TKI", "ministry"),
    ("Migrant Care", "Migrant Care", "ngo"),
    ("IOM Jakarta", "International Organization for Migration, Jakarta", "international"),
]

ACCOUNTS = [
    # username, full name, organisation acronym, role, what the role is
    ("staf", "Staf Direktorat", "Kemlu Sosbud & OINB", "staff", "directorate staff"),
    ("direktur", "Kamapradipta Isnomo", "Kemlu Sosbud & OINB", "director", "director (approver)"),
    ("kemnaker", "Peserta Kemnaker", "Kemnaker", "participant", "government participant"),
    ("bnp2tki", "Peserta BNP2TKI", "BNP2TKI", "participant", "government participant"),
    ("migrantcare", "Peserta Migrant Care", "Migrant Care", "participant", "NGO participant"),
    ("iom", "Fasilitator IOM", "IOM Jakarta", "participant", "partner / facilitator"),
    ("pengamat", "Pengamat", "Migrant Care", "observer", "observer"),
]

ISSUES = [
    # code, parent code, title, title in English
    ("1", None, "Kontribusi pekerja migran dalam pembangunan berkelanjutan",
     "Migrant workers' contribution to sustainable development"),
    ("1.1", "1", "Tata kelola migrasi: pendekatan holistik, sinergis dan koherensi kebijakan",
     "Migration governance: a holistic, synergistic and coherent policy approach"),
    ("1.2", "1", "Jalur migrasi yang teratur dan aman", "Regular and safe migration pathways"),
    ("2", None, "Kejahatan dalam migrasi", "Crime in migration"),
    ("2.1", "2", "Perdagangan orang dan penyelundupan manusia",
     "Trafficking in persons and smuggling of migrants"),
    ("2.2", "2", "Faktor pendorong migrasi", "Drivers of migration"),
    ("2.3", "2", "Penguatan perlindungan bagi pekerja migran",
     "Stronger protection of migrant workers"),
    ("3", None, "Integrasi pekerja migran di negara penerima",
     "Integration of migrant workers in receiving countries"),
    ("4", None, "Akses WNI untuk bekerja atau tinggal di luar negeri",
     "Access for Indonesians to work or live abroad"),
]  # fmt: skip

INPUTS = [
    # organisation, issue, kind, stance, language, text
    (
        "Kemnaker",
        "1.1",
        "statement",
        "",
        "id",
        "Tata kelola migrasi membutuhkan pendekatan yang holistik dan koherensi kebijakan "
        "antara kementerian dan lembaga di pusat dan daerah.",
    ),
    (
        "BNP2TKI",
        "1.2",
        "recommendation",
        "",
        "id",
        "Perluas jalur penempatan resmi yang aman dan terjangkau agar pekerja migran tidak "
        "bergantung pada calo.",
    ),
    (
        "Migrant Care",
        "2.3",
        "concern",
        "",
        "id",
        "Perlindungan bagi pekerja migran Indonesia masih lemah, terutama bagi pekerja rumah "
        "tangga di negara penerima.",
    ),
    (
        "Migrant Care",
        "3",
        "recommendation",
        "",
        "en",
        "Receiving countries should guarantee migrant workers access to health care, banking, "
        "legal and consular protection, and the right to communicate and to move.",
    ),
    (
        "IOM Jakarta",
        "2.1",
        "evidence",
        "",
        "en",
        "Trafficking in persons and smuggling of migrants thrive where regular pathways are "
        "scarce; cooperation between countries of origin and destination reduces both.",
    ),
    (
        "Kemnaker",
        "4",
        "statement",
        "support",
        "id",
        "Akses WNI untuk bekerja di luar negeri perlu dipermudah, sementara arus migrasi masuk "
        "tetap sejalan dengan kepentingan nasional.",
    ),
]


# More voices on the points the participants stressed (the article's summary of the day),
# so that the demo's draft shows key points raised by several kinds of organisation, in
# both languages, with their sources.
INPUTS += [
    (
        "IOM Jakarta",
        "3",
        "recommendation",
        "",
        "en",
        "Migrant workers in receiving countries need access to health services and banking, "
        "and to legal and consular protection.",
    ),
    (
        "BNP2TKI",
        "3",
        "recommendation",
        "",
        "id",
        "Pekerja migran di negara penerima harus mendapat akses layanan kesehatan dan perbankan "
        "serta perlindungan hukum dan konsuler.",
    ),
    (
        "Kemnaker",
        "3",
        "statement",
        "",
        "id",
        "Hak pekerja migran untuk berkomunikasi dan bergerak di negara penerima perlu dijamin.",
    ),
    (
        "Kemnaker",
        "2.3",
        "statement",
        "",
        "id",
        "Perlindungan pekerja migran Indonesia adalah prioritas nasional dan harus diperkuat "
        "melalui GCM.",
    ),
    (
        "IOM Jakarta",
        "2.3",
        "recommendation",
        "",
        "en",
        "Strengthen protection mechanisms for migrant workers before departure, while working "
        "abroad and on their return.",
    ),
    (
        "BNP2TKI",
        "2.3",
        "recommendation",
        "",
        "id",
        "Perkuat mekanisme perlindungan pekerja migran sebelum keberangkatan, selama bekerja di "
        "luar negeri, dan saat kepulangan.",
    ),
    (
        "IOM Jakarta",
        "1.1",
        "statement",
        "",
        "en",
        "Migration governance needs a holistic approach and policy coherence between ministries "
        "and agencies.",
    ),
    (
        "Migrant Care",
        "1.1",
        "recommendation",
        "",
        "id",
        "Tata kelola migrasi perlu koherensi kebijakan pusat dan daerah dan melibatkan "
        "masyarakat sipil.",
    ),
    (
        "IOM Jakarta",
        "1.2",
        "recommendation",
        "",
        "en",
        "Expand safe and regular migration pathways so that migrant workers do not depend on "
        "brokers.",
    ),
    (
        "Migrant Care",
        "1.2",
        "concern",
        "",
        "id",
        "Jalur tidak resmi dan calo masih menjerat calon pekerja migran.",
    ),
    (
        "Migrant Care",
        "2.1",
        "recommendation",
        "",
        "id",
        "Perdagangan orang dan penyelundupan manusia harus diberantas melalui kerja sama negara "
        "asal dan negara tujuan.",
    ),
    (
        "Kemnaker",
        "2.2",
        "statement",
        "",
        "id",
        "Faktor pendorong migrasi antara lain kesenjangan upah dan terbatasnya lapangan kerja di "
        "daerah asal.",
    ),
    (
        "BNP2TKI",
        "4",
        "statement",
        "support",
        "id",
        "Penempatan pekerja migran ke luar negeri perlu dipermudah melalui layanan satu atap, "
        "dengan tetap menjaga kepentingan nasional.",
    ),
]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str
    organisation: str


def _organisations() -> dict[str, Organisation]:
    return {
        acronym: Organisation.objects.get_or_create(
            name=name, defaults={"acronym": acronym, "kind": kind}
        )[0]
        for acronym, name, kind in ORGANISATIONS
    }


def _accounts(organisations) -> tuple[dict, list[DemoLogin]]:
    User = get_user_model()
    users, logins = {}, []
    for username, full_name, acronym, role, label in ACCOUNTS:
        first, _space, last = full_name.partition(" ")
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@demo.invalid"},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        Membership.objects.get_or_create(
            user=user, organisation=organisations[acronym], defaults={"role": role}
        )
        users[username] = user
        logins.append(DemoLogin(username, DEMO_PASSWORD, label, acronym))
    return users, logins


def _consultation(organisations, users) -> tuple[Consultation, Session, dict]:
    consultation, _created = Consultation.objects.get_or_create(
        slug="gcm-2017",
        defaults={
            "title": (
                "Posisi Indonesia untuk Global Compact for Safe, Orderly and Regular Migration"
            ),
            "description": (
                "Konsultasi antar-pemangku kepentingan yang diselenggarakan Kemlu bersama IOM "
                "untuk merumuskan posisi Indonesia dalam negosiasi GCM di New York, awal 2018."
            ),
            "convener": organisations["Kemlu Sosbud & OINB"],
            "created_by": users["staf"],
        },
    )
    consultation.partners.add(organisations["IOM Jakarta"])
    issues = {}
    for position, (code, parent, title, title_en) in enumerate(ISSUES):
        issues[code], _created = ThematicIssue.objects.get_or_create(
            consultation=consultation,
            code=code,
            defaults={
                "title": title,
                "title_en": title_en,
                "parent": issues.get(parent),
                "position": position,
            },
        )
    session, _created = Session.objects.get_or_create(
        consultation=consultation,
        date=datetime.date(2017, 11, 14),
        defaults={
            "title": "Konsultasi antar-pemangku kepentingan",
            "venue": "Kementerian Luar Negeri, Jakarta",
            "status": Session.Status.OPEN,
        },
    )
    session.invited_organisations.add(*organisations.values())
    session.speakers.add(*organisations.values())
    return consultation, session, issues


def _inputs(organisations, users, session, issues) -> None:
    author_of = {
        membership.organisation_id: membership.user
        for membership in Membership.objects.filter(role="participant").select_related("user")
    }
    for acronym, code, kind, stance, language, text in INPUTS:
        organisation = organisations[acronym]
        input, created = Input.objects.get_or_create(
            session=session,
            organisation=organisation,
            issue=issues[code],
            text=text,
            defaults={
                "author": author_of[organisation.pk],
                "kind": kind,
                "stance": stance,
                "language": language,
                "status": Input.Status.SUBMITTED,
                "submitted_at": datetime.datetime(2017, 11, 14, 10, 0, tzinfo=datetime.UTC),
            },
        )
        if created:
            input.revision(number=1, author=input.author).save()


@transaction.atomic
def demo_load() -> list[DemoLogin]:
    organisations = _organisations()
    users, logins = _accounts(organisations)
    _consultation_obj, session, issues = _consultation(organisations, users)
    _inputs(organisations, users, session, issues)
    return logins
