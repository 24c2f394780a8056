import datetime

import factory
from django.contrib.auth import get_user_model

from consult.models import Consultation, Input, Session, ThematicIssue
from positions.models import PositionPaper
from stakeholders.models import Membership, Organisation


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("secret-pass-123")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.NGO


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.PARTICIPANT


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    title = factory.Sequence(lambda n: f"Consultation {n}")
    slug = factory.Sequence(lambda n: f"consultation-{n}")
    convener = factory.SubFactory(OrganisationFactory, kind=Organisation.Kind.MINISTRY)
    created_by = factory.SubFactory(UserFactory)


class ThematicIssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThematicIssue

    consultation = factory.SubFactory(ConsultationFactory)
    code = factory.Sequence(lambda n: str(n + 1))
    title = factory.Sequence(lambda n: f"Issue {n}")


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    consultation = factory.SubFactory(ConsultationFactory)
    title = "Consultation meeting"
    date = datetime.date(2017, 11, 14)
    status = Session.Status.OPEN


class InputFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Input

    session = factory.SubFactory(SessionFactory)
    issue = factory.SubFactory(
        ThematicIssueFactory, consultation=factory.SelfAttribute("..session.consultation")
    )
    organisation = factory.SubFactory(OrganisationFactory)
    author = factory.SubFactory(UserFactory)
    kind = Input.Kind.STATEMENT
    text = factory.Sequence(lambda n: f"Protect migrant workers, point {n}.")
    language = Input.Language.ENGLISH
    status = Input.Status.SUBMITTED


class PositionPaperFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PositionPaper

    consultation = factory.SubFactory(ConsultationFactory)
    title = factory.LazyAttribute(lambda paper: paper.consultation.title)
