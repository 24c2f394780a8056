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
        "key_point": "Pokok pikiran {n} ({name}): {statement} {sides}",
        "raised": "Dikemukakan oleh {count} organisasi ({kinds}): {organisations}.",
        "supported": "Didukung oleh {count} organisasi ({kinds}): {organisations}.",
        "opposed": "Ditolak oleh {count} organisasi ({kinds}): {organisations}.",
        "translate": "[Perlu diterjemahkan: pernyataan ini hanya tersedia dalam bahasa lain.]",
        "common": "Pandangan bersama:",
        "differing": "Pandangan yang berbeda:",
        "single": "Disampaikan oleh satu kelompok pemangku kepentingan saja:",
        "recommendations": "Rekomendasi:",
        "overview_heading": "Ringkasan",
        "overview": "Konsultasi ini menghimpun {inputs} masukan dari {organisations} organisasi ({kinds}) tentang {issues} isu tematik: {common} pandangan bersama, {differing} pandangan yang berbeda dan {single} pokok pikiran dari satu kelompok saja.",
        "overview_point": "{issue} — {statement} (dikemukakan oleh {count} organisasi: {kinds})",
        "overview_differing": "{issue} — pandangan berbeda tentang {name}: {behind} organisasi mengemukakannya, {against} organisasi menolaknya.",
        "overview_none": "Belum ada pokok pikiran yang dikemukakan oleh organisasi dari dua kelompok atau lebih.",
        "recommendation": "{text} (diusulkan oleh {count} organisasi)",
        "campaign": "Surat kampanye dari {count} organisasi ({members} salinan), dihitung sebagai satu masukan: {text}",
        "others": "Hal lain yang disampaikan oleh satu masukan saja ({count}):",
        "and_more": "dan {count} lainnya",
        "no_inputs": "Belum ada masukan yang diajukan untuk isu ini.",
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
        "key_point": "Key point {n} ({name}): {statement} {sides}",
        "raised": "Raised by {count} organisations ({kinds}): {organisations}.",
        "supported": "Supported by {count} organisations ({kinds}): {organisations}.",
        "opposed": "Opposed by {count} organisations ({kinds}): {organisations}.",
        "translate": "[To be translated: this statement exists only in another language.]",
        "common": "Views held in common:",
        "differing": "Views that differ:",
        "single": "Raised by one group of stakeholders only:",
        "recommendations": "Recommendations:",
        "overview_heading": "Summary",
        "overview": "The consultation gathered {inputs} inputs from {organisations} organisations ({kinds}) on {issues} thematic issues: {common} views held in common, {differing} views that differ and {single} key points from one group only.",
        "overview_point": "{issue} — {statement} (raised by {count} organisations: {kinds})",
        "overview_differing": "{issue} — views differ on {name}: {behind} organisations raise it, {against} oppose it.",
        "overview_none": "No key point has yet been raised by organisations of two groups or more.",
        "recommendation": "{text} (proposed by {count} organisations)",
        "campaign": "Campaign letter from {count} organisations ({members} copies), counted as one input: {text}",
        "others": "Other points, each raised by a single input ({count}):",
        "and_more": "and {count} more",
        "no_inputs": "No inputs have been submitted on this issue yet.",
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
