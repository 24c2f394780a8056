# ruff: noqa: E501 — the inputs read better unbroken
"""What an officer reads in a draft: statements that read, sides stated right, names
that are words, campaigns as campaigns. Each case is a text that once came out wrong."""

import random
from dataclasses import replace

import pytest

from common.text import language_of
from positions.aggregation import InputRecord, IssueRecord, Params, issue_aggregate, issue_section
from positions.aggregation.assemble import overview_section
from positions.aggregation.duplicates import duplicate_groups
from positions.aggregation.text import statements_split

ISSUE = IssueRecord(id=1, code="1", title="Perlindungan pekerja migran")


def records(rows, start=1):
    return [
        InputRecord(start + n, org, kind, "1", "statement", stance, text, lang)
        for n, (org, kind, lang, stance, text) in enumerate(rows)
    ]


def aggregate(inputs, language="id"):
    return issue_aggregate(ISSUE, inputs, params=Params(), language=language)


def point_of(result, source):
    return next(p for p in result.key_points if source in p.sources)


FEES = [
    ("Migrant Care", "ngo", "id", "support", "Biaya penempatan tidak boleh dibebankan kepada pekerja migran, melainkan kepada pemberi kerja."),
    ("SBMI", "ngo", "en", "support", "Placement fees must not be charged to migrant workers but to their employers."),
    ("Jaringan Buruh Migran", "ngo", "id", "", "Pekerja migran jangan lagi dibebani biaya penempatan; biaya itu tanggungan pemberi kerja."),
    ("IOM Indonesia", "international", "en", "", "Employers, not migrant workers, should pay the placement fees."),
    ("APJATI", "private", "id", "oppose", "Biaya penempatan tetap perlu ditanggung sebagian oleh pekerja migran, bukan hanya pemberi kerja."),
    ("Bank Rakyat Indonesia", "private", "en", "oppose", "Placement fees should still be borne partly by migrant workers, not by employers alone."),
]  # fmt: skip


def test_opponents_of_a_point_are_named_as_opponents_and_never_counted_as_its_supporters():
    result = aggregate(records(FEES))

    point = point_of(result, 1)
    assert point.label == "divergent"
    assert point.opposing == ("APJATI", "Bank Rakyat Indonesia")
    assert "APJATI" not in point.organisations
    assert point.kinds == {"ngo": 3, "international": 1}
    assert point.opposing_kinds == {"private": 2}

    text = next(
        p.text
        for p in issue_section(ISSUE, result, language="id").paragraphs
        if 1 in p.source_ids and "Pokok" in p.text
    )
    raised, opposed = text.split(" Ditolak oleh ")
    assert "Dikemukakan oleh 4 organisasi (3 LSM/OMS, 1 organisasi internasional)" in raised
    assert "APJATI" not in raised
    assert "Bank Rakyat Indonesia" not in raised
    assert opposed.startswith("2 organisasi (2 sektor swasta): APJATI, Bank Rakyat Indonesia")


def test_the_point_is_never_stated_in_the_words_of_an_organisation_against_it():
    rows = [
        ("SBMI", "ngo", "en", "support", "Placement fees must be borne by employers."),
        ("Migrant Care", "ngo", "en", "support", "Employers should pay the recruitment fees of migrant workers."),
        ("APJATI", "private", "en", "oppose", "Placement fees and recruitment fees must be borne by employers and migrant workers together."),
    ]  # fmt: skip
    point = point_of(aggregate(records(rows), language="en"), 1)

    assert point.opposing == ("APJATI",)
    # APJATI's letter is nearest the group's words, but it says the other side
    assert point.statement_source in (1, 2)


def test_an_english_paper_counts_in_the_singular_and_the_plural():
    point = point_of(aggregate(records(FEES), language="en"), 1)
    text = " ".join(
        p.text
        for p in issue_section(
            ISSUE, aggregate(records(FEES), language="en"), language="en"
        ).paragraphs
    )

    assert (
        "6 inputs from 6 organisations (3 NGOs/CSOs, 2 private-sector organisations, 1 international organisation); 1 key point."
        in text
    )
    assert "Opposed by 2 organisations (2 private-sector organisations)" in text
    assert point.label == "divergent"
    alone = records(
        [("SBMI", "ngo", "en", "", "Placement fees must not be charged to migrant workers.")]
    )
    single = " ".join(
        p.text
        for p in issue_section(ISSUE, aggregate(alone, language="en"), language="en").paragraphs
    )
    assert "1 input from 1 organisation (1 NGO/CSO); 0 key points." in single


def test_a_name_with_a_comma_stays_one_name_in_the_list():
    rows = [(org, kind, lang, stance, text) for org, kind, lang, stance, text in FEES[:4]]
    rows[3] = ("International Organization for Migration, Jakarta", *rows[3][1:])
    section = issue_section(ISSUE, aggregate(records(rows)), language="id")

    text = next(p.text for p in section.paragraphs if "Pokok" in p.text)
    assert "International Organization for Migration, Jakarta; Jaringan Buruh Migran; " in text


def test_an_opponents_recommendation_is_not_proposed_by_the_points_supporters():
    rows = [
        ("SBMI", "ngo", "en", "support", "Placement fees must be borne by employers. We recommend a zero-cost placement policy for migrant workers."),
        ("BNP2TKI", "ministry", "en", "support", "Employers should bear the placement fees of migrant workers under a zero-cost placement policy."),
        ("HIMSATAKI", "private", "en", "oppose", "We do not agree that all placement fees should be borne by employers. We recommend that migrant workers share the placement fees."),
    ]  # fmt: skip
    result = aggregate(records(rows), language="en")

    assert point_of(result, 1).opposing == ("HIMSATAKI",)
    (recommendation,) = result.recommendations
    assert 3 not in recommendation.sources
    assert recommendation.organisations == 2


def test_a_recommendation_is_credited_to_those_who_asked_for_it_alone():
    rows = [
        ("UN Women", "international", "en", "", "Data on migrant workers are scattered across ministries. Data should be disaggregated by sex and age."),
        ("Bappenas", "ministry", "id", "", "Data pekerja migran tersebar di banyak kementerian. Kami merekomendasikan satu sistem data migrasi yang terpadu."),
        ("BPS", "ministry", "id", "", "Data pekerja migran tersebar di berbagai kementerian; perlu satu sistem data migrasi yang terpadu dan terbuka."),
    ]  # fmt: skip
    result = aggregate(records(rows), language="en")

    # the recommendation two ministries made, credited to them: not to UN Women, who
    # asked for something else on the same key point
    (recommendation,) = result.recommendations
    assert "terpadu" in recommendation.text
    assert (recommendation.sources, recommendation.organisations) == ((2, 3), 2)


def test_a_recommendation_that_adds_its_own_demand_is_not_credited_to_others():
    # "ASEAN cooperation with a human-rights approach ..." was "proposed by 5
    # organisations" that had asked for regional cooperation only: words they never wrote
    rows = [
        ("HRWG", "ngo", "id", "", "Kerja sama regional ASEAN perlu dijalankan dengan pendekatan HAM yang menjamin pemulihan dan restitusi bagi korban."),
        ("UNODC", "international", "id", "", "Indonesia perlu memperkuat kerja sama regional melalui Bali Process untuk memberantas perdagangan orang."),
        ("Kemlu", "ministry", "id", "", "Kerja sama regional melawan perdagangan orang harus menjadi prioritas posisi Indonesia."),
    ]  # fmt: skip
    result = aggregate(records(rows), language="id")

    assert [p.sources for p in result.key_points] == [(1, 2, 3)]
    (recommendation,) = result.recommendations
    assert 1 not in recommendation.sources
    assert "HAM" not in recommendation.text


def test_a_statement_its_writer_left_unstopped_does_not_run_into_its_sides():
    # "Something needs to be done to improve traffic flow Raised by 6 organisations"
    rows = [
        ("Warga A", "other", "en", "", "Something needs to be done to improve traffic flow on Scottsville Road"),
        ("Warga B", "other", "en", "", "Traffic flow on Scottsville Road needs to be improved"),
        ("Warga C", "academia", "en", "", "Improve the traffic flow on Scottsville Road!"),
    ]  # fmt: skip
    result = aggregate(records(rows), language="en")
    (point,) = result.key_points
    (paragraph,) = [
        p.text
        for p in issue_section(ISSUE, result, language="en").paragraphs
        if p.text.startswith("Key point 1")
    ]

    assert point.statement.rstrip(".!") in paragraph
    assert " Road Raised by" not in paragraph
    assert " flow Raised by" not in paragraph
    assert "! Raised by" in paragraph or ". Raised by" in paragraph


def test_supported_by_only_where_every_organisation_said_it_supports():
    supporters = [row for row in FEES if row[3] == "support"]
    section = issue_section(ISSUE, aggregate(records(supporters)), language="en")

    assert any("Supported by 2 organisations" in p.text for p in section.paragraphs)
    mixed = issue_section(ISSUE, aggregate(records(FEES[:4])), language="en")
    assert any("Raised by 4 organisations" in p.text for p in mixed.paragraphs)
    assert not any("Supported by" in p.text for p in mixed.paragraphs)


def test_a_no_to_in_a_point_of_supporters_makes_it_divergent_without_a_stance():
    rows = [
        (
            "Warga A",
            "other",
            "en",
            "",
            "The city should pass the fairness ordinance to protect LGBTQ residents.",
        ),
        (
            "Warga B",
            "other",
            "en",
            "",
            "Pass the fairness ordinance so that LGBTQ residents are protected.",
        ),
        (
            "Warga C",
            "ngo",
            "en",
            "",
            "A fairness ordinance protecting LGBTQ residents is overdue in this city.",
        ),
        (
            "Warga D",
            "ngo",
            "en",
            "",
            "NO to the fairness ordinance for LGBTQ residents in this city.",
        ),
    ]
    point = point_of(aggregate(records(rows), language="en"), 1)

    assert point.label == "divergent"
    assert point.opposing == ("Warga D",)


MORATORIUM = [
    ("Migrant Care", "ngo", "en", "", "The moratorium on sending domestic workers to the Middle East should be lifted."),
    ("APJATI", "private", "en", "", "The Middle East moratorium on sending domestic workers must be lifted."),
    ("Serikat Buruh Migran", "ngo", "en", "", "The moratorium on sending domestic workers to the Middle East must not be lifted."),
    ("Kemnaker", "government", "id", "", "Moratorium pengiriman pekerja rumah tangga ke Timur Tengah harus dicabut."),
]  # fmt: skip


def test_a_demand_and_its_opposite_are_two_sides_of_one_point_without_a_stance():
    result = aggregate(records(MORATORIUM), language="en")

    point = point_of(result, 1)
    assert set(point.sources) == {1, 2, 3, 4}
    assert point.label == "divergent"
    assert point.opposing == ("Serikat Buruh Migran",)
    assert point.organisations == ("APJATI", "Kemnaker", "Migrant Care")
    # the point is stated by its own side, never by the statement against it
    assert point.statement_source != 3
    assert "not" not in point.statement


def test_a_fact_with_not_or_a_demand_with_but_is_no_side():
    rows = [
        ("Migrant Care", "ngo", "en", "", "Migrant workers in Sabah must be registered with the consulate."),
        ("BP3TKI Nunukan", "government", "id", "", "Pekerja migran di Sabah harus didaftarkan di konsulat."),
        ("Universitas Airlangga", "academia", "en", "", "Many migrant workers in Sabah are not registered with the consulate."),
    ]  # fmt: skip
    point = point_of(aggregate(records(rows), language="en"), 1)
    assert set(point.sources) == {1, 2, 3}
    assert point.label == "consensus"
    assert point.opposing == ()

    # "Employers, not workers, should pay" asks the opposite of what its "should" says
    result = aggregate(records(FEES))
    assert "SBMI" not in point_of(result, 1).opposing


def test_courtesy_closings_never_become_key_points():
    closings = [
        "Terima kasih.",
        "Salam solidaritas!",
        "Mohon perhatian Bapak/Ibu.",
        "Thank you.",
        "Terima kasih atas kesempatannya.",
    ]
    rows = [
        (f"Organisasi {n}", ("ngo", "ministry")[n % 2], "id", "", closings[n % 5])
        for n in range(10)
    ]
    rows += [
        (
            f"Organisasi {n}",
            "ngo",
            "id",
            "",
            f"Data keberangkatan pekerja migran harus dicatat di desa. {closings[n % 5]}",
        )
        for n in range(10, 14)
    ]
    result = aggregate(records(rows))

    statements = [p.statement for p in result.key_points]
    assert statements
    assert all("kasih" not in s and "Salam" not in s and "Mohon" not in s for s in statements)
    assert not result.other_points  # a courtesy line is not "another point" either


def test_a_clause_after_a_semicolon_keeps_its_subject():
    text = "Korban perdagangan orang harus dilindungi negara; mereka perlu pendampingan hukum dan pemulihan."

    assert statements_split(text) == [text]


def test_no_split_at_abbreviations():
    assert (
        len(
            statements_split(
                "Tempolimits, z.B. 80 km/h auf Landstraßen, inkl. Kontrollen wären gut."
            )
        )
        == 1
    )
    assert (
        len(
            statements_split(
                "Biaya seperti tiket, medical, dll. harus ditanggung majikan dan agen."
            )
        )
        == 1
    )
    assert (
        len(
            statements_split(
                "Key documents, e.g. passports and contracts, must stay with the worker."
            )
        )
        == 1
    )


def test_a_short_sentence_joins_its_neighbour_instead_of_standing_alone():
    assert statements_split(
        "Speed limits on the bypass are too high for the school zone. Need to ease off."
    ) == ["Speed limits on the bypass are too high for the school zone. Need to ease off."]


def test_framing_lead_ins_are_cut_and_the_statement_stays_a_span_of_the_input():
    framed = [
        (
            "BNP2TKI",
            "ministry",
            "en",
            "",
            "BNP2TKI submits that pre-departure training must cover workers' rights and complaint channels.",
        ),
        (
            "Migrant Care",
            "ngo",
            "id",
            "",
            "Kami ingin menegaskan: pelatihan pra-keberangkatan harus memuat hak pekerja dan saluran pengaduan.",
        ),
        (
            "Jaringan Buruh Migran",
            "ngo",
            "en",
            "",
            "Speaking for Jaringan Buruh Migran, we believe that pre-departure training should explain workers' rights and complaint channels.",
        ),
        (
            "Universitas Gadjah Mada",
            "academia",
            "id",
            "",
            "Menurut kami, materi hak pekerja dan saluran pengaduan wajib ada dalam pelatihan pra-keberangkatan.",
        ),
    ]
    inputs = records(framed)
    for language in ("id", "en"):
        point = point_of(aggregate(inputs, language), 1)
        source = next(r.text for r in inputs if r.id == point.statement_source)
        assert point.statement[1:] in source
        for lead_in in (
            "submits",
            "ingin menegaskan",
            "Speaking for",
            "we believe",
            "Menurut kami",
        ):
            assert lead_in not in point.statement


@pytest.mark.parametrize(
    ("framed", "view"),
    [
        (
            "BNP2TKI is of the view that placement costs should be shifted onto employers.",
            "Placement costs should be shifted onto employers.",
        ),
        (
            "Our position is that the moratorium should be lifted step by step.",
            "The moratorium should be lifted step by step.",
        ),
        (
            "Kemnaker berpendapat moratorium penempatan ke Timur Tengah harus dipertahankan.",
            "Moratorium penempatan ke Timur Tengah harus dipertahankan.",
        ),
        (
            "Menurut kami regulasi perlu membuka ruang bagi remitansi digital.",
            "Regulasi perlu membuka ruang bagi remitansi digital.",
        ),
        # a subject that holds a view is no framing
        (
            "Warga yang berpendapat lain tidak pernah diundang ke musyawarah desa.",
            "Warga yang berpendapat lain tidak pernah diundang ke musyawarah desa.",
        ),
    ],
)
def test_framings_without_that_bahwa_or_a_comma_are_cut(framed, view):
    # "is of the view that" was never cut (no verb of _LEAD_VERBS in it), nor an
    # Indonesian "berpendapat" or "menurut kami" written without "bahwa" or a comma
    assert statements_split(framed) == [view]


def test_the_paper_quotes_the_written_register_where_the_point_has_it():
    # the summary a director reads first quoted "Pelatihan di PJTKI dulu cuma formalitas
    # banget." where the same point stood in the written register beside it
    rows = [
        ("SBMI Cilacap", "ngo", "id", "", "Pelatihan pra-penempatan gak ada materi hak pekerja, gak diaudit, cuma formalitas banget."),
        ("Disnaker Cilacap", "ministry", "id", "", "Pelatihan pra-penempatan harus memuat materi hak pekerja dan diaudit secara berkala."),
        ("Universitas Jenderal Soedirman", "academia", "id", "", "Pelatihan pra-penempatan minim materi hak pekerja dan hanya formalitas."),
    ]  # fmt: skip
    point = point_of(aggregate(records(rows)), 1)

    assert point.sources == (1, 2, 3)
    assert "gak" not in point.statement.split()
    assert point.statement in {rows[1][4], rows[2][4]}


def test_the_statement_reads_on_its_own_before_it_is_nearest():
    rows = [
        ("PSDBM", "ngo", "id", "", "Itu sebabnya akta kelahiran anak pekerja migran di Sabah harus diurus."),
        ("Migrant Care", "ngo", "id", "", "Anak pekerja migran di Sabah perlu akta kelahiran supaya bisa sekolah."),
    ]  # fmt: skip
    point = point_of(aggregate(records(rows)), 1)

    # "Itu sebabnya ..." points back to a sentence the paper does not carry
    assert point.statement_source == 2

    # a pronoun as the subject after an opening clause: who "mereka" are is said before
    rows = [
        ("SBMI", "ngo", "id", "", "Waktu dideportasi lewat Nunukan, mereka tidak bisa masuk sekolah di kampung."),
        ("PSDBM", "ngo", "id", "", "Anak deportan dari Nunukan harus bisa langsung masuk sekolah di kampung."),
    ]  # fmt: skip
    point = point_of(aggregate(records(rows)), 1)
    assert point.statement_source == 2


def test_a_statement_that_leans_on_the_sentence_before_is_quoted_with_it():
    from positions.aggregation.pipeline import _Statement

    text = "Ratusan anak lahir di ladang sawit tanpa akta. Ini harus diselesaikan bersama Malaysia."
    first, second = statements_split(text)
    leaning = _Statement(0, second, "id", False, previous=first)

    # where no statement of the group reads alone, the paper quotes the two sentences
    assert leaning.standing == text
    assert _Statement(0, first, "id", False).standing == first


def test_the_papers_language_first_and_an_english_only_point_is_marked_for_translation():
    english_only = [
        (
            "IOM Indonesia",
            "international",
            "en",
            "",
            "Trafficking syndicates operate freely across the border with Malaysia.",
        ),
        (
            "ILO Jakarta",
            "international",
            "en",
            "",
            "Across the Malaysian border, trafficking syndicates operate almost freely.",
        ),
        (
            "SBMI",
            "ngo",
            "en",
            "",
            "Syndicates trafficking people operate freely at the border with Malaysia.",
        ),
    ]
    result = aggregate(records(english_only))
    point = point_of(result, 1)
    assert point.needs_translation
    section = issue_section(ISSUE, result, language="id")
    assert any("Perlu diterjemahkan" in p.text for p in section.paragraphs)

    with_indonesian = english_only + [
        (
            "Migrant Care",
            "ngo",
            "id",
            "",
            "Sindikat perdagangan orang beroperasi bebas di perbatasan Malaysia.",
        )
    ]
    point = point_of(aggregate(records(with_indonesian)), 1)
    assert not point.needs_translation
    assert point.statement.startswith("Sindikat")


def test_a_recommendation_or_a_single_input_in_another_language_is_marked_for_translation():
    rows = [
        ("IOM Indonesia", "international", "en", "", "Domestic workers abroad work without a standard employment contract. Indonesia should adopt a standard employment contract for domestic workers."),
        ("ILO Jakarta", "international", "en", "", "Domestic workers abroad still have no standard employment contract, and many work without any written contract."),
        ("Universitas Airlangga", "academia", "en", "", "Seasonal fishing crews in Bitung lack any grievance channel at sea."),
        ("Goethe-Institut", "international", "de", "", "Die Diskussion über Saisonarbeit in Bitung war sehr aufschlussreich."),
        ("Migrant Care", "ngo", "id", "", "Pemerintah desa perlu mencatat warga yang berangkat ke luar negeri."),
    ]  # fmt: skip
    result = aggregate(records(rows))
    paragraphs = issue_section(ISSUE, result, language="id").paragraphs
    marked = {p.source_ids for p in paragraphs if "Perlu diterjemahkan" in p.text}

    recommendation = next(p for p in paragraphs if "diusulkan oleh" in p.text)
    assert "Perlu diterjemahkan" in recommendation.text
    assert {(3,), (4,)} <= marked  # English and German, one by one
    assert (5,) not in marked  # written in the paper's language


def test_key_point_names_are_whole_words_not_stems():
    rows = [
        (
            "Org A",
            "ngo",
            "en",
            "",
            "Employers who confiscate passports of domestic workers must be sanctioned.",
        ),
        (
            "Org B",
            "ministry",
            "en",
            "",
            "Sanctions are needed for employers confiscating domestic workers' passports.",
        ),
        (
            "Org C",
            "academia",
            "en",
            "",
            "Domestic workers' passports are confiscated by employers, who should face sanctions.",
        ),
    ]
    point = point_of(aggregate(records(rows), language="en"), 1)

    words = {w.strip() for w in point.name.split(",")}
    all_words = {w.strip(".,'").lower() for _o, _k, _l, _s, text in rows for w in text.split()}
    concepts = {"employer", "passport", "withhold"}  # the glossary's own terms
    assert words <= all_words | concepts, point.name


def test_a_key_point_is_named_by_what_it_is_about_not_by_who_supports_it():
    rows = [
        ("Org A", "ngo", "id", "", "Kami sangat mendukung sekali pelatihan bahasa sebelum berangkat."),
        ("Org B", "ministry", "id", "", "Kami mendukung sekali pelatihan bahasa bagi calon pekerja sebelum berangkat."),
        ("Org C", "academia", "id", "", "Pelatihan bahasa sebelum berangkat kami dukung sekali."),
        ("Org D", "ngo", "id", "", "Pelatihan bahasa buat calon pekerja sebelum berangkat, kami dukung sekali."),
        ("Org E", "ngo", "id", "", "Buat calon pekerja, pelatihan bahasa sebelum berangkat penting sekali buat kami."),
    ]  # fmt: skip
    point = point_of(aggregate(records(rows)), 1)

    names = {w.strip() for w in point.name.split(",")}
    assert not names & {"mendukung", "sekali", "dukung", "buat"}, point.name
    assert "pelatihan" in names or "bahasa" in names, point.name

    informal = [
        ("Org F", "ngo", "id", "", "Jangan kirim lagi PRT ke Timur Tengah, jangan dulu."),
        ("Org G", "ngo", "id", "", "PRT jangan dikirim ke Timur Tengah dulu, jangan."),
        ("Org H", "academia", "id", "", "Pengiriman PRT ke Timur Tengah jangan dibuka lagi, jangan."),
    ]  # fmt: skip
    name = point_of(aggregate(records(informal, start=20)), 20).name
    assert "jangan" not in {w.strip() for w in name.split(",")}, name

    # a town's conversation: "many, traffic, lights" said how much, not what
    town = [
        ("A", "other", "en", "", "There are too many traffic lights on Scottsville Road, and many of them are badly timed."),
        ("B", "other", "en", "", "Too many traffic lights on Scottsville Road; many could be replaced by roundabouts."),
        ("C", "other", "en", "", "So many traffic lights on Scottsville Road slow everyone down."),
    ]  # fmt: skip
    name = point_of(aggregate(records(town, start=30), language="en"), 30).name
    assert "many" not in {w.strip() for w in name.split(",")}, name


def test_a_campaign_within_a_summarised_view_is_said_in_its_line_not_counted_again():
    # the summary named "51 organisations" behind a view and then, in a line of its own,
    # the 45 campaign letters among them, as if they were further support
    letter = (
        "Kami dari {org} meminta Pemerintah Indonesia memastikan pekerja rumah tangga migran "
        "mendapat satu hari libur setiap minggu dan upah yang layak di negara penempatan."
    )
    towns = ["Blitar", "Jember", "Kupang", "Ende", "Malang"]
    rows = [(f"Paguyuban {t}", "ngo", "id", "", letter.format(org=f"Paguyuban {t}")) for t in towns]
    rows += [
        ("Kemnaker", "ministry", "id", "", "Pekerja rumah tangga migran harus mendapat upah yang layak dan satu hari libur setiap minggu."),
        ("Universitas Airlangga", "academia", "id", "", "Hari libur mingguan dan upah layak bagi pekerja rumah tangga migran wajib dijamin negara penempatan."),
    ]  # fmt: skip
    inputs = records(rows)
    result = aggregate(inputs, language="id")
    assert [p.label for p in result.key_points] == ["consensus"]

    summary = overview_section([ISSUE], {"1": result}, inputs, language="en").paragraphs
    (line,) = [p for p in summary if "raised by 7 organisations" in p.text]
    assert (
        "; of these, 5 organisations through campaign letters of one template, 5 copies)"
        in line.text
    )
    assert not [p for p in summary if "campaign letters from" in p.text]
    indonesian = overview_section([ISSUE], {"1": result}, inputs, language="id").paragraphs
    assert any("5 organisasi di antaranya lewat surat kampanye" in p.text for p in indonesian)


def test_copies_differing_in_a_number_or_in_order_are_not_copies():
    texts = (
        "tempolimit 80 km h auf landstrassen und mehr kontrollen",
        "tempolimit 100 km h auf landstrassen und mehr kontrollen",
        "prioritas kami pertama perumahan kedua transportasi ketiga pendidikan anak",
        "prioritas kami pertama pendidikan anak kedua transportasi ketiga perumahan",
    )
    docs = [text.split() for text in texts]
    assert duplicate_groups(docs, 0.75, size=1) == []


TEMPLATE = [  # alternatives in six places, as a campaign's organisers spin a letter
    ("Kami",),
    ("mendesak", "meminta", "menuntut"),
    ("pemerintah Indonesia", "Pemerintah RI"),
    ("untuk menjamin", "agar memastikan"),
    ("upah layak", "gaji yang layak"),
    (
        "bagi seluruh pekerja migran di negara tujuan, termasuk pekerja rumah tangga yang selama ini paling sedikit dilindungi.",
    ),
    ("Perjanjian bilateral harus", "Setiap perjanjian bilateral wajib"),
    ("memuat standar upah minimum, hari libur mingguan, dan mekanisme pengaduan yang",),
    ("bisa diakses", "mudah dijangkau"),
    ("pekerja tanpa perantara agen.",),
]
PERSONAL = [
    "Saya sendiri mantan PMI di Taiwan selama enam tahun.",
    "Salam dari Paguyuban Buruh Migran Desa Tracap.",
    "Anak saya sekarang bekerja di Hong Kong.",
    "",
]


def test_letters_spun_from_one_template_are_one_campaign_and_own_words_are_not():
    rng = random.Random(7)
    letters = []
    for n in range(40):
        body = " ".join(rng.choice(options) for options in TEMPLATE)
        line = PERSONAL[n % len(PERSONAL)]
        letters.append(
            (
                f"Komunitas {n}",
                "ngo",
                "id",
                "",
                f"{line} {body}".strip() if n % 2 else f"{body} {line}".strip(),
            )
        )
    own_words = [
        (
            "Migrant Care",
            "ngo",
            "id",
            "",
            "Perjanjian bilateral wajib mengatur upah minimum pekerja migran dan cara mengadu yang mudah.",
        ),
        (
            "SBMI",
            "ngo",
            "id",
            "",
            "Upah layak bagi PMI di negara tujuan harus dijamin lewat perjanjian bilateral yang memuat mekanisme pengaduan.",
        ),
    ]
    result = aggregate(records(letters + own_words))

    campaigns = [g for g in result.duplicate_groups if g.is_campaign]
    assert len(campaigns) == 1
    assert set(campaigns[0].members) == set(range(1, 41))
    assert campaigns[0].organisations == 40

    # in the paper: one paragraph under a lead-in of its own, never among the
    # recommendations, and no claim that 40 letters count as one input
    texts = [p.text for p in issue_section(ISSUE, result, language="id").paragraphs]
    (letter,) = [n for n, text in enumerate(texts) if text.startswith("Surat kampanye dari")]
    assert texts[letter - 1] == "Surat kampanye:"
    assert "Surat kampanye dari 40 organisasi (40 salinan dari satu templat)" in texts[letter]
    # the letter quoted is one signatory's, which may name it: the paper says whose
    assert ", dalam kata-kata surat Komunitas 0: " in texts[letter]

    # and in the summary a director reads first, citing every letter
    inputs = records(letters + own_words)
    summary = overview_section([ISSUE], {"1": result}, inputs, language="en").paragraphs
    (line,) = [p for p in summary if "campaign letters from" in p.text]
    assert "campaign letters from 40 organisations (40 copies of one template)" in line.text
    assert set(line.source_ids) == set(range(1, 41))
    # in the letter's own words, marked for translation in an English paper
    quoted = line.text.split("template), in the words of Komunitas 0's letter: ", 1)[1]
    assert quoted.endswith("[To be translated: this statement exists only in another language.]")
    assert quoted.split(" [")[0] in letters[0][4]
    # a summary, not a list: two campaigns per issue at most, the largest
    asks = [
        "Remittance fees must fall below three percent for every corridor.",
        "Every embassy should keep a shelter open for workers who flee abusive employers.",
        "Village heads must be told before any resident leaves to work abroad.",
    ]
    many = [
        (f"Org {n}", "ngo", "en", "", asks[k]) for n, k in enumerate([0] * 3 + [1] * 4 + [2] * 2)
    ]
    crowded = aggregate(records(many, start=200))
    lines = overview_section([ISSUE], {"1": crowded}, records(many, start=200), language="en")
    listed = [p for p in lines.paragraphs if "campaign letters from" in p.text]
    assert [len(p.source_ids) for p in listed] == [4, 3]
    english = issue_section(ISSUE, result, language="en").paragraphs
    (letter_en,) = [p for p in english if p.text.startswith("Campaign letter from")]
    assert letter_en.text.endswith(
        "[To be translated: this statement exists only in another language.]"
    )


def test_text_in_another_language_is_kept_as_other_and_never_breaks_a_run():
    rows = FEES[:4] + [
        (
            "Forscherin Berlin",
            "academia",
            "",
            "",
            "Die Vermittlungsgebühren dürfen nicht den Arbeitskräften auferlegt werden.",
        ),
        ("Komunitas Jawa", "ngo", "", "", "👍👍👍"),
    ]
    result = aggregate(records(rows))

    assert result.inputs == 6
    # neither the German remark nor the emoji stands for a key point
    assert not {rows[4][4], rows[5][4]} & {p.statement for p in result.key_points}
    # the German remark is read as another language: kept on its own, not stemmed into
    # the Indonesian and English point on the same fees
    assert language_of(rows[4][4]) == "other"
    assert [p.languages for p in result.key_points] == [("en", "id")]
    assert [source for source, _org, _text in result.other_points] == [5]
    assert 6 not in {s for p in result.key_points for s in p.sources}


def test_a_sentence_ending_in_a_short_word_still_ends_there():
    assert statements_split(
        "The compact must protect all of us. Migrant workers need legal aid abroad now."
    ) == ["The compact must protect all of us.", "Migrant workers need legal aid abroad now."]
    # an initial ("J.", "U.N.") does not end a sentence
    assert len(statements_split("The report by J. Smith shows that recruitment fees rise.")) == 1


def test_a_recommendation_that_is_a_key_points_statement_is_not_written_twice():
    rows = [
        ("BNP2TKI", "ministry", "id", "", "Perluas jalur penempatan resmi yang aman dan terjangkau agar pekerja migran tidak bergantung pada calo."),
        ("IOM Indonesia", "international", "id", "", "Pemerintah perlu membuka lebih banyak jalur penempatan resmi yang aman bagi pekerja migran, agar calo tidak dibutuhkan."),
    ]  # fmt: skip
    inputs = [replace(r, kind="recommendation") for r in records(rows)]
    section = issue_section(ISSUE, aggregate(inputs), language="id")

    texts = [p.text for p in section.paragraphs]
    statement = next(t for t in texts if t.startswith("Pokok pikiran 1"))
    quoted = statement.split(": ", 1)[1].split(" Dikemukakan")[0]
    assert sum(quoted in t for t in texts) == 1, texts


MEETING = [
    ("Kemnaker", "ministry", "id", "", "Parkir di gedung penuh sekali tadi pagi, mohon info parkir lain kali."),
    ("IOM Indonesia", "international", "en", "", "The Wi-Fi in the hall kept dropping; could the password be shared again?"),
    ("SBMI", "ngo", "id", "", "Terima kasih."),
    ("Universitas Jember", "academia", "id", "", "Jadwal pelatihan pra-keberangkatan bagi pekerja migran terlalu singkat untuk membahas hak-hak mereka."),
    ("Migrant Care", "ngo", "en", "", "Thank you for organising this consultation in Kupang, it is very much appreciated by our team."),
    ("KSBSI", "ngo", "en", "", "Thank you for the chance to say it again: recruitment fees must be borne by employers, never by migrant workers."),
]  # fmt: skip


def test_remarks_about_the_meeting_are_left_out_of_the_draft_and_shown_to_staff():
    result = aggregate(records(FEES + MEETING))

    in_draft = {s for p in result.key_points for s in p.sources}
    in_draft |= {source for source, _org, _text in result.other_points}
    assert result.set_apart == (7, 8, 9, 11)  # parking, Wi-Fi, thanks short and long
    assert not in_draft & {7, 8, 9, 11}
    assert 10 in in_draft  # a training schedule for migrant workers is the issue itself
    assert 12 in in_draft  # thanks, then the point
    assert result.inputs == 12  # still counted
    section = issue_section(ISSUE, result, language="id")
    text = " ".join(p.text for p in section.paragraphs)
    assert "Parkir" not in text
    assert "Wi-Fi" not in text


def test_parking_is_the_subject_where_the_consultation_is_about_a_town():
    town = [
        (f"Resident {n}", ("ngo", "private")[n % 2], "en", "", text)
        for n, text in enumerate(
            [
                "We need more parking downtown so people can shop on Main Street.",
                "Parking downtown is too expensive for students and workers.",
                "The city should build a parking garage near the library.",
                "Bike lanes on Main Street would make downtown safer.",
            ]
        )
    ]
    result = aggregate(records(town), language="en")

    assert not result.set_apart
    placed = {s for p in result.key_points for s in p.sources}
    placed |= {source for source, _org, _text in result.other_points}
    assert placed == {1, 2, 3, 4}


def test_staff_can_move_a_remark_left_out_into_a_key_point():
    from positions.aggregation.decisions import DecisionRecord

    inputs = records(FEES + MEETING)
    move = DecisionRecord(1, "move", (7,), targets=(1,))
    result = issue_aggregate(ISSUE, inputs, params=Params(), language="id", decisions=[move])

    assert 7 in point_of(result, 1).sources
    assert 7 not in result.set_apart
    assert [(o.id, o.applied) for o in result.decisions] == [(1, True)]


def test_a_verb_that_asks_is_kept_it_is_the_recommendation():
    # "that data be disaggregated ..." says nothing without "we recommend"
    for text in (
        "We recommend that data be disaggregated by sex and age.",
        "Kami mengusulkan agar data dipilah menurut jenis kelamin dan umur.",
    ):
        assert statements_split(text) == [text]
    assert statements_split(
        "BNP2TKI submits that data on departures must be shared between ministries."
    ) == ["Data on departures must be shared between ministries."]


def test_inputs_left_ungrouped_are_not_called_points_raised_by_one_input():
    # the engine cannot tell that an ungrouped input makes a point nobody else made
    rows = FEES[:4] + [
        ("Universitas Jember", "academia", "id", "", "LTSA di kabupaten kantong harus punya pos pengaduan."),
    ]  # fmt: skip
    result = aggregate(records(rows))
    lead_ins = {
        language: next(
            p.text
            for p in issue_section(ISSUE, result, language=language).paragraphs
            if p.text.endswith("):") and not p.source_ids
        )
        for language in ("id", "en")
    }

    assert lead_ins["en"].startswith("Other inputs, grouped into no key point")
    assert "satu masukan saja" not in lead_ins["id"]
