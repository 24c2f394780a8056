"""What the API says about consultations, their sessions, issues and inputs."""

from rest_framework import serializers

from consult.models import Consultation, Input, Session, ThematicIssue


class ConsultationSerializer(serializers.ModelSerializer):
    convener = serializers.CharField(source="convener.name", read_only=True)

    class Meta:
        model = Consultation
        fields = ["slug", "title", "description", "convener", "created_at"]


class SessionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Session
        fields = ["id", "title", "date", "venue", "agenda", "status"]


class ThematicIssueSerializer(serializers.ModelSerializer):
    class Meta:
        model = ThematicIssue
        fields = ["id", "code", "title", "description", "parent"]


class InputSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    organisation_kind = serializers.CharField(source="organisation.kind", read_only=True)
    tags = serializers.SerializerMethodField()
    hidden = serializers.SerializerMethodField()

    class Meta:
        model = Input
        fields = [
            "id",
            "reference",
            "session",
            "issue",
            "organisation",
            "organisation_name",
            "organisation_kind",
            "kind",
            "stance",
            "proposal",
            "text",
            "language",
            "status",
            "submitted_at",
            "updated_at",
            "tags",
            "hidden",
        ]

    def get_tags(self, input) -> list[str]:
        return [tag.name for tag in input.tags.all()]

    def get_hidden(self, input) -> bool:
        return input.is_hidden


class InputCreateSerializer(serializers.Serializer):
    """A participant's new input; `organisation` may be given but must be their own."""

    session = serializers.IntegerField(min_value=1)
    issue = serializers.IntegerField(min_value=1)
    organisation = serializers.IntegerField(min_value=1, required=False)
    kind = serializers.ChoiceField(choices=Input.Kind.choices)
    stance = serializers.ChoiceField(choices=Input.Stance.choices, required=False, default="")
    proposal = serializers.CharField(max_length=250, required=False, default="", allow_blank=True)
    text = serializers.CharField(max_length=20000)
    language = serializers.ChoiceField(choices=Input.Language.choices)
    confidentiality = serializers.ChoiceField(
        choices=Input.Confidentiality.choices,
        required=False,
        default=Input.Confidentiality.PARTICIPANTS,
        help_text="Who may read the input, as on the form; participants of the consultation "
        "by default.",
    )
    submit = serializers.BooleanField(default=False)
