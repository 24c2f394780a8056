# ruff: noqa: E501 — sentences read better unbroken
"""The sentences the draft is built from, in the paper's language.

The core carries its own phrase table instead of gettext: the paper's language is the
paper's, not the language of whoever pressed the button.
"""

PHRASES = {
    "id": {
        "background": "Latar belakang",
        "convened": "Konsultasi ini diselenggarakan oleh {convener}.",
        "sessions": "Sesi: {sessions}.",
        "summary": "{inputs} masukan dari {organisations} organisasi ({kinds}); {points} pokok pikiran.",
        "key_point": "Pokok pikiran {n} — {name} ({label}): {statement} Didukung {count} organisasi ({kinds}): {organisations}.",
        "divergence": "Perbedaan pandangan tentang {name}: ditolak oleh {opposing}.",
        "recommendation": "Rekomendasi ({count} organisasi): {text}",
        "campaign": "Surat kampanye dari {count} organisasi ({members} salinan), dihitung sebagai satu masukan: {text}",
        "others": "Hal lain yang disampaikan oleh satu masukan saja ({count}):",
        "and_more": "dan {count} lainnya",
        "labels": {
            "consensus": "konsensus",
            "divergent": "divergen",
            "single-source": "satu sumber",
        },
        "no_inputs": "Belum ada masukan yang diajukan untuk isu ini.",
        "kind_heading": {
            "statement": "Pernyataan",
            "concern": "Keprihatinan",
            "recommendation": "Rekomendasi",
            "evidence": "Bukti",
        },
        "annex": "Lampiran: peserta",
        "participant": "{organisation} ({kind}): {inputs} masukan.",
        "org_kinds": {
            "ministry": "kementerian/lembaga",
            "ngo": "LSM/OMS",
            "international": "organisasi internasional",
            "academia": "akademisi",
            "private": "sektor swasta",
            "other": "lainnya",
        },
    },
    "en": {
        "background": "Background",
        "convened": "This consultation was convened by {convener}.",
        "sessions": "Sessions: {sessions}.",
        "summary": "{inputs} inputs from {organisations} organisations ({kinds}); {points} key points.",
        "key_point": "Key point {n} — {name} ({label}): {statement} Supported by {count} organisations ({kinds}): {organisations}.",
        "divergence": "Divergence on {name}: opposed by {opposing}.",
        "recommendation": "Recommendation ({count} organisations): {text}",
        "campaign": "Campaign letter from {count} organisations ({members} copies), counted as one input: {text}",
        "others": "Other points, each raised by a single input ({count}):",
        "and_more": "and {count} more",
        "labels": {
            "consensus": "consensus",
            "divergent": "divergent",
            "single-source": "single source",
        },
        "no_inputs": "No inputs have been submitted on this issue yet.",
        "kind_heading": {
            "statement": "Statement",
            "concern": "Concern",
            "recommendation": "Recommendation",
            "evidence": "Evidence",
        },
        "annex": "Annex: participants",
        "participant": "{organisation} ({kind}): {inputs} inputs.",
        "org_kinds": {
            "ministry": "ministry/agency",
            "ngo": "NGO/CSO",
            "international": "international organisation",
            "academia": "academia",
            "private": "private sector",
            "other": "other",
        },
    },
}


def phrases_for(language: str) -> dict:
    return PHRASES.get(language, PHRASES["en"])
