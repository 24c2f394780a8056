"""What the API says about consultations, their sessions, issues and inputs."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from consult.models import Consultation, Input, InputAttachment, Session, ThematicIssue


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
        fields = ["id", "code", "title", "title_en", "description", "parent"]


class AttachmentSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="original_name")
    url = serializers.SerializerMethodField()

    class Meta:
        model = InputAttachment
        fields = ["name", "content_type", "size", "url"]

    def get_url(self, attachment) -> str:
        request = self.context.get("request")
        path = attachment.get_absolute_url()
        return request.build_absolute_uri(path) if request is not None else path


class InputSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    organisation_kind = serializers.CharField(source="organisation.kind", read_only=True)
    tags = serializers.SerializerMethodField()
    hidden = serializers.SerializerMethodField()
    attachments = serializers.SerializerMethodField()

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
            "attachments",
        ]

    @extend_schema_field(AttachmentSerializer(many=True))
    def get_attachments(self, input) -> list[dict]:
        """The files the requester may download (consult.download_attachment)."""
        request = self.context.get("request")
        user = request.user if request is not None else None
        return AttachmentSerializer(
            [
                a
                for a in input.attachments.all()
                if user is not None and user.has_perm("consult.download_attachment", a)
            ],
            many=True,
            context=self.context,
        ).data

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
