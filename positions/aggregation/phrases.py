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
        "summary": "{inputs_n} dari {organisations_n} ({kinds}); {points_n}.",
        "key_point": "Pokok pikiran {n} ({name}): {statement} {sides}",
        "raised": "Dikemukakan oleh {count_n} ({kinds}): {organisations}.",
        "supported": "Didukung oleh {count_n} ({kinds}): {organisations}.",
        "opposed": "Ditolak oleh {count_n} ({kinds}): {organisations}.",
        "translate": "[Perlu diterjemahkan: pernyataan ini hanya tersedia dalam bahasa lain.]",
        "common": "Pandangan bersama:",
        "differing": "Pandangan yang berbeda:",
        "single": "Disampaikan oleh satu kelompok pemangku kepentingan saja:",
        "recommendations": "Rekomendasi:",
        "overview_heading": "Ringkasan",
        "overview": "Konsultasi ini menghimpun {inputs_n} dari {organisations_n} ({kinds}) tentang {issues_n}: {common_n} bersama, {differing_n} yang berbeda dan {single_n} dari satu kelompok saja.",
        "overview_point": "{issue} — {statement} (dikemukakan oleh {count_n}: {kinds}{campaign}){translate}",
        "overview_point_campaign": "; {count_n} di antaranya lewat surat kampanye dari satu templat, {members_n}",
        "overview_differing": "{issue} — pandangan berbeda tentang {name}: {behind_n} mengemukakannya, {against_n} menolaknya{campaign}.",
        "overview_campaign": "{issue} — surat kampanye dari {count_n} ({members_n} dari satu templat){sent_by}: {statement}{translate}",
        "overview_none": "Belum ada pokok pikiran yang dikemukakan oleh organisasi dari dua kelompok atau lebih.",
        "recommendation": "{text} (diusulkan oleh {count_n})",
        "campaigns": "Surat kampanye:",
        "campaign": "Surat kampanye dari {count_n} ({members_n} dari satu templat){sent_by}: {text}",
        "sent_by": ", dalam kata-kata surat {sender}",
        "others": "Masukan lain, yang tidak dikelompokkan ke dalam pokok pikiran mana pun ({count}):",
        "and_more": "dan {count} lainnya",
        "no_inputs": "Belum ada masukan yang diajukan untuk isu ini.",
        "in_subthemes": "Masukan tentang isu ini diajukan pada sub-temanya: {codes}.",
        "annex": "Lampiran: peserta",
        "participant": "{organisation} ({kind}): {inputs_n}.",
        "org_kinds": {
            "ministry": "kementerian/lembaga",
            "ngo": "LSM/OMS",
            "international": "organisasi internasional",
            "academia": "akademisi",
            "private": "sektor swasta",
            "other": "lainnya",
        },
        # counted nouns ("3 organisasi"): Indonesian does not inflect them
        "nouns": {
            "organisation": ("organisasi", "organisasi"),
            "input": ("masukan", "masukan"),
            "key_point": ("pokok pikiran", "pokok pikiran"),
            "issue": ("isu tematik", "isu tematik"),
            "copy": ("salinan", "salinan"),
            "view": ("pandangan", "pandangan"),
        },
    },
    "en": {
        "background": "Background",
        "convened": "This consultation was convened by {convener}.",
        "sessions": "Sessions: {sessions}.",
        "summary": "{inputs_n} from {organisations_n} ({kinds}); {points_n}.",
        "key_point": "Key point {n} ({name}): {statement} {sides}",
        "raised": "Raised by {count_n} ({kinds}): {organisations}.",
        "supported": "Supported by {count_n} ({kinds}): {organisations}.",
        "opposed": "Opposed by {count_n} ({kinds}): {organisations}.",
        "translate": "[To be translated: this statement exists only in another language.]",
        "common": "Views held in common:",
        "differing": "Views that differ:",
        "single": "Raised by one group of stakeholders only:",
        "recommendations": "Recommendations:",
        "overview_heading": "Summary",
        "overview": "The consultation gathered {inputs_n} from {organisations_n} ({kinds}) on {issues_n}: {common_n} held in common, {differing_n} that differ and {single_n} from one group only.",
        "overview_point": "{issue} — {statement} (raised by {count_n}: {kinds}{campaign}){translate}",
        "overview_point_campaign": "; of these, {count_n} through campaign letters of one template, {members_n}",
        "overview_differing": "{issue} — views differ on {name}: raised by {behind_n}, opposed by {against_n}{campaign}.",
        "overview_campaign": "{issue} — campaign letters from {count_n} ({members_n} of one template){sent_by}: {statement}{translate}",
        "overview_none": "No key point has yet been raised by organisations of two groups or more.",
        "recommendation": "{text} (proposed by {count_n})",
        "campaigns": "Campaign letters:",
        "campaign": "Campaign letter from {count_n} ({members_n} of one template){sent_by}: {text}",
        "sent_by": ", in the words of {sender}'s letter",
        "others": "Other inputs, grouped into no key point ({count}):",
        "and_more": "and {count} more",
        "no_inputs": "No inputs have been submitted on this issue yet.",
        "in_subthemes": "Inputs on this issue were submitted under its sub-themes: {codes}.",
        "annex": "Annex: participants",
        "participant": "{organisation} ({kind}): {inputs_n}.",
        "org_kinds": {
            "ministry": "ministry/agency",
            "ngo": "NGO/CSO",
            "international": "international organisation",
            "academia": "academia",
            "private": "private sector",
            "other": "other",
        },
        # the plural of a counted noun or kind, where it is not the singular
        "nouns": {
            "organisation": ("organisation", "organisations"),
            "input": ("input", "inputs"),
            "key_point": ("key point", "key points"),
            "issue": ("thematic issue", "thematic issues"),
            "copy": ("copy", "copies"),
            "view": ("view", "views"),
            "ministry": ("ministry/agency", "ministries/agencies"),
            "ngo": ("NGO/CSO", "NGOs/CSOs"),
            "international": ("international organisation", "international organisations"),
            "academia": ("academic institution", "academic institutions"),
            "private": ("private-sector organisation", "private-sector organisations"),
        },
    },
}


def phrases_for(language: str) -> dict:
    return PHRASES.get(language, PHRASES["en"])


def counted(words: dict, n: int, noun: str) -> str:
    """`n` and the noun (or organisation kind) as the paper's language says them:
    "1 organisation", "3 organisations", "2 NGOs/CSOs"; "3 organisasi", "2 LSM/OMS"."""
    forms = words["nouns"].get(noun)
    if forms is None:
        return f"{n} {words['org_kinds'].get(noun, noun)}"
    return f"{n} {forms[0] if n == 1 else forms[1]}"
