# ruff: noqa: E501 — the seed sentences read better unbroken
"""The aggregation core on plain records: no database, milliseconds."""

import random

from positions.aggregation import (
    InputRecord,
    IssueRecord,
    OutlineRecord,
    Params,
    draft_assemble,
    draft_structure,
    issue_aggregate,
    issue_section,
)

ISSUE = IssueRecord(id=1, code="2", title="Kejahatan dalam migrasi")

# Drawn from the seed consultation: the same points in Indonesian and in English.
TEXTS = [
    ("Migrant Care", "ngo", "id", "", "Perdagangan orang harus ditindak dan korban dilindungi."),
    ("Kemnaker", "ministry", "en", "", "Trafficking in persons must be prosecuted and victims protected."),
    ("IOM Jakarta", "international", "en", "support", "Human trafficking has to be punished and its victims given protection."),
    ("BNP2TKI", "ministry", "id", "", "Kerja sama regional diperlukan untuk memberantas penyelundupan migran."),
    ("IOM Jakarta", "international", "en", "", "Regional cooperation is needed to combat the smuggling of migrants."),
    ("Serikat Buruh", "ngo", "id", "oppose", "Kerja sama regional untuk memberantas penyelundupan migran tidak diperlukan."),
    ("Migrant Care", "ngo", "id", "", "Agen perekrutan ilegal harus ditutup dan perizinan diperketat."),
    ("SBMI", "ngo", "en", "", "Illegal recruitment agencies should be closed and licensing tightened."),
]  # fmt: skip


def records(texts=TEXTS, start=1):
    return [
        InputRecord(start + i, org, kind, "2", "statement", stance, text, lang, f"E{start + i}")
        for i, (org, kind, lang, stance, text) in enumerate(texts)
    ]


def aggregate(inputs, language="en"):
    return issue_aggregate(ISSUE, inputs, params=Params(), language=language)


def point_of(result, source):
    return next(p for p in result.key_points if source in p.sources)


def test_the_same_point_in_indonesian_and_english_is_one_key_point():
    result = aggregate(records())

    trafficking = point_of(result, 1)
    assert set(trafficking.sources) == {1, 2, 3}
    assert trafficking.languages == ("en", "id")
    assert point_of(result, 4) is not trafficking


def test_support_is_counted_by_organisation_and_kind_not_by_inputs():
    again = records(TEXTS[:1] * 3, start=20)  # Migrant Care says it three more times
    result = aggregate(records() + again)

    point = point_of(result, 1)
    assert point.organisations == ("IOM Jakarta", "Kemnaker", "Migrant Care")
    assert point.kinds == {"international": 1, "ministry": 1, "ngo": 1}


def test_labels_consensus_divergent_and_single_source():
    result = aggregate(records())

    assert point_of(result, 1).label == "consensus"  # three kinds, nobody opposes
    divergent = point_of(result, 4)
    assert divergent.label == "divergent"
    assert divergent.opposing == ("Serikat Buruh",)
    assert point_of(result, 7).label == "single-source"  # two NGOs: one constituency


def test_a_campaign_letter_is_one_duplicate_group_with_its_signatories():
    letter = (
        "Kami mendesak pemerintah agar perlindungan pekerja migran di Malaysia diperkuat segera."
    )
    copies = [
        ("Org A", "ngo", "id", "", letter),
        ("Org B", "ngo", "id", "", letter.replace("segera", "secepatnya")),
        ("Org C", "academia", "id", "", letter.replace("Kami", "Kami semua")),
    ]
    result = aggregate(records() + records(copies, start=50))

    (group,) = result.duplicate_groups
    assert group.representative == 50
    assert group.members == (50, 51, 52)
    assert group.organisations == 3
    assert group.is_campaign


def test_a_letter_sent_twice_word_for_word_is_one_group_behind_an_earlier_one_that_is_not():
    # The earlier letter ranks the same demands in the opposite order: the same words,
    # so it meets the two later letters in every bucket, and no copy of them. The two
    # later letters are each other's copy and must still be found as such.
    demands = [
        "upah layak bagi pekerja rumah tangga",
        "satu hari libur setiap minggu",
        "paspor dipegang sendiri oleh pekerja",
        "asuransi kesehatan ditanggung majikan",
        "akses bantuan hukum di perwakilan",
    ]
    letter = "Urutan prioritas kami untuk posisi Indonesia: {}."
    letters = [
        ("Org A", "ngo", "id", "", letter.format(", ".join(reversed(demands)))),
        ("Org B", "ngo", "id", "", letter.format(", ".join(demands))),
        ("Org C", "academia", "id", "", letter.format(", ".join(demands))),
    ]
    result = aggregate(records(letters, start=50))

    assert [group.members for group in result.duplicate_groups] == [(51, 52)]


def test_a_long_input_that_makes_the_point_in_one_sentence_is_in_that_key_point():
    # a village group tells what happened to two neighbours and says the point once:
    # the sum of its eight sentences reaches no key point, the one sentence does
    story = (
        "Tahun lalu dua tetangga kami pulang dari Kuching lewat Entikong tanpa uang sepeser pun, "
        "paspornya ditahan majikan dan gajinya delapan bulan tidak dibayar. Mereka menunggu tiga "
        "minggu di terminal bus sebelum saudara dari kampung datang menjemput dengan motor "
        "pinjaman. Anak-anak mereka sempat putus sekolah. Ibu mereka jatuh sakit karena cemas. "
        "Utang ke rentenir belum lunas sampai sekarang. Korban seperti mereka butuh rumah aman. "
        "Semoga tahun ini panen lebih baik dan pemuda desa tidak perlu merantau."
    )
    texts = [
        ("Migrant Care", "ngo", "id", "", "Korban perdagangan orang harus mendapat rumah aman dan pendampingan hukum."),
        ("Kemen PPPA", "ministry", "id", "", "Negara wajib menyediakan rumah aman dan pendampingan hukum bagi korban perdagangan orang."),
        ("IOM Jakarta", "international", "id", "", "Rumah aman dan pendampingan hukum untuk korban perdagangan orang perlu diperluas."),
        ("Paguyuban Buruh Migran Tracap", "ngo", "id", "", story),
    ]  # fmt: skip
    result = aggregate(records(texts), language="id")

    assert [p.sources for p in result.key_points] == [(1, 2, 3, 4)]
    assert "Paguyuban Buruh Migran Tracap" in result.key_points[0].organisations
    assert result.other_points == ()


def test_recommendations_are_pulled_out_with_their_sources():
    result = aggregate(records())

    texts = {rec.text: rec.sources for rec in result.recommendations}
    assert any(set(sources) >= {1, 2} for sources in texts.values())


def test_the_same_inputs_in_any_order_give_the_same_result():
    inputs = records()
    shuffled = inputs[:]
    random.Random(4).shuffle(shuffled)

    assert aggregate(inputs) == aggregate(shuffled)
    assert aggregate(inputs).to_dict() == aggregate(inputs).to_dict()


def test_every_paragraph_of_an_issue_section_cites_its_inputs():
    result = aggregate(records(), language="id")

    section = issue_section(ISSUE, result, language="id")

    summary, *rest = section.paragraphs
    lead_ins = {"Pandangan bersama:", "Pandangan yang berbeda:", "Rekomendasi:"}
    lead_ins.add("Disampaikan oleh satu kelompok pemangku kepentingan saja:")
    assert "8 masukan dari 6 organisasi" in summary.text
    assert all(p.source_ids for p in rest if p.text not in lead_ins)
    assert [p.text for p in rest[:2]][0] == "Pandangan bersama:"
    assert rest[1].text.startswith("Pokok pikiran 1")


def test_the_structured_draft_names_inputs_by_external_id():
    inputs = records()
    result = aggregate(inputs)

    structure = draft_structure([ISSUE], {"2": result}, {r.id: r.reference for r in inputs})

    (issue,) = structure["issues"]
    assert issue["code"] == "2"
    point = issue["key_points"][0]
    assert set(point) >= {"statement", "sources", "organisations", "kinds", "label"}
    assert all(source.startswith("E") for source in point["sources"])


def test_the_draft_has_background_issues_in_order_and_an_annex_of_participants():
    inputs = records()
    outline = OutlineRecord(title="GCM", description="", convener="Kemlu")
    sections = {"2": issue_section(ISSUE, aggregate(inputs), language="en")}

    draft = draft_assemble(outline, [ISSUE], sections, inputs, language="en")

    assert [s.heading for s in draft] == [
        "Background",
        "2. Kejahatan dalam migrasi",
        "Annex: participants",
    ]
    results = {"2": aggregate(inputs)}
    with_summary = draft_assemble(
        outline, [ISSUE], sections, inputs, language="en", results=results
    )
    assert [s.kind for s in with_summary] == ["background", "summary", "issue", "annex"]


def test_an_issue_without_inputs_says_so():
    section = issue_section(ISSUE, aggregate([]), language="en")

    assert [p.text for p in section.paragraphs] == [
        "No inputs have been submitted on this issue yet."
    ]


# A campaign: one letter, each signatory's copy with its name, its town and a word or
# two changed; beside it, organisations making the same point in their own words.
LETTER_ID = (
    "Kami, organisasi masyarakat sipil di Jawa Timur, mendesak pemerintah agar perlindungan "
    "pekerja migran di Malaysia diperkuat segera dan agen perekrutan ilegal ditutup."
)
LETTER_EN = (
    "We, civil society organisations of East Java, urge the government to strengthen the "
    "protection of migrant workers in Malaysia at once and to close illegal recruitment agencies."
)
CAMPAIGN = [
    ("Migrant Care Jember", "ngo", "id", LETTER_ID),
    ("SBMI Banyuwangi", "ngo", "id", LETTER_ID.replace("Jawa Timur", "Banyuwangi")),
    (
        "LBH Surabaya",
        "ngo",
        "id",
        LETTER_ID.replace("segera", "secepatnya").replace("Kami,", "Kami semua,"),
    ),
    ("Universitas Airlangga", "academia", "id", LETTER_ID.replace("diperkuat", "diperkuatt")),
    ("Solidaritas Perempuan", "ngo", "en", LETTER_EN),
    (
        "Jaringan Buruh Migran",
        "ngo",
        "en",
        LETTER_EN.replace("at once", "now").replace("East Java", "Java"),
    ),
]
PARAPHRASES = [
    ("Kemnaker", "ministry", "id", "Perlindungan bagi pekerja migran di Malaysia perlu segera diperkuat, dan agen perekrutan ilegal harus ditutup oleh pemerintah."),
    ("BNP2TKI", "ministry", "id", "Pemerintah harus menutup agen perekrutan ilegal serta memperkuat perlindungan pekerja migran Indonesia di Malaysia."),
    ("IOM Jakarta", "international", "en", "Illegal recruitment agencies must be closed and migrant workers in Malaysia better protected by the government."),
    ("ILO Jakarta", "international", "en", "The government should protect migrant workers in Malaysia more strongly and shut down illegal recruiters."),
    ("Serikat Buruh", "ngo", "id", "Kami, organisasi masyarakat sipil di Jawa Timur, tidak mendesak pemerintah agar perlindungan pekerja migran di Malaysia diperkuat segera dan agen perekrutan ilegal ditutup."),
]  # fmt: skip


def with_stance(texts):
    return [(org, kind, lang, "", text) for org, kind, lang, text in texts]


def test_campaign_copies_in_each_language_are_grouped_and_paraphrases_are_not():
    inputs = records(with_stance(CAMPAIGN), start=50) + records(with_stance(PARAPHRASES), start=60)
    result = aggregate(inputs, language="id")

    groups = {group.representative: group.members for group in result.duplicate_groups}
    assert groups == {50: (50, 51, 52, 53), 54: (54, 55)}  # one group per language
    assert all(group.is_campaign for group in result.duplicate_groups)
    # the paraphrases, and the copy that negates the letter, stand on their own
    assert not {60, 61, 62, 63, 64} & {m for members in groups.values() for m in members}


def test_campaign_signatories_support_the_key_point_through_their_representative():
    inputs = records(with_stance(CAMPAIGN), start=50) + records(
        with_stance(PARAPHRASES[:4]), start=60
    )
    result = aggregate(inputs, language="id")

    point = point_of(result, 50)
    assert {50, 51, 52, 53, 54, 55} <= set(point.sources)
    assert "Universitas Airlangga" in point.organisations


def test_the_annex_lists_organisations_as_a_reader_looks_them_up():
    from positions.aggregation import OutlineRecord, draft_assemble, issue_section

    inputs = [
        InputRecord(
            n, org, "ngo", "2", "statement", "", "Perdagangan orang harus diberantas.", "id"
        )
        for n, org in enumerate(["PT Bank Rakyat", "Paguyuban Migran", "SMERU", "Sanggar Suara"], 1)
    ]
    result = aggregate(inputs)
    sections = draft_assemble(
        OutlineRecord("Posisi", "", "Kemlu"),
        [ISSUE],
        {ISSUE.code: issue_section(ISSUE, result, language="id")},
        inputs,
        language="id",
    )
    annex = [p.text.split(" (")[0] for p in sections[-1].paragraphs]
    assert annex == ["Paguyuban Migran", "PT Bank Rakyat", "Sanggar Suara", "SMERU"]


def test_an_objection_that_joins_a_point_is_marked_as_the_other_side():
    # two supporters, and a group of two of which one says "NO to ...": the group joins
    # the supporters, and both its inputs are marked as having come with the objection, so
    # that neither states the point (on Bowling Green a narrower counter-proposal from
    # that group had become the statement of the fairness ordinance point)
    import numpy as np
    from scipy import sparse

    from positions.aggregation.grouping import join_opposing

    summed = sparse.csr_matrix(np.array([[1.0, 0, 0], [0.9, 0.1, 0], [0.5, 0, 0.8], [0.4, 0, 0.9]]))
    labels, joined = join_opposing(
        summed, np.array([0, 0, 1, 1]), np.array([False, False, False, True]), 0.25
    )

    assert labels.tolist() == [0, 0, 0, 0]
    assert joined.tolist() == [False, False, True, True]
    # too far apart to be one point: nothing moves, nothing is marked
    apart = sparse.csr_matrix(np.array([[1.0, 0, 0], [0.9, 0.1, 0], [0, 0, 1.0], [0, 0.1, 1.0]]))
    labels, joined = join_opposing(
        apart, np.array([0, 0, 1, 1]), np.array([False, False, False, True]), 0.25
    )
    assert labels.tolist() == [0, 0, 1, 1]
    assert not joined.any()
